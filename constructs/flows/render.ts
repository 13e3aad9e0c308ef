import { readFileSync } from "node:fs";
import { relative, isAbsolute, resolve } from "node:path";
import { Token } from "cdktf";
import { lineAndColumn, parseJson } from "./json-position";
import type { FlowTemplateVariables } from "./types";

/** Folder holding the shipped `*.json.tftpl` templates. */
export const TEMPLATE_DIR = resolve(__dirname, "..", "..", "contact_flows");

/** A template could not be rendered; `problems` lists every finding, `message` all of them. */
export class FlowTemplateError extends Error {
  public override readonly name = "FlowTemplateError";
  constructor(
    public readonly file: string,
    public readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
  }
}

/** A `${name}` placeholder and where it sits. */
export interface Placeholder {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/;

/**
 * Find the placeholders of a Terraform `templatefile` template that uses only `${name}`.
 * Escapes (`$${`, `%%{`) and directives (`%{ if }`) are refused: a literal `${` in flow content
 * would become a Terraform interpolation once cdktf writes the JSON, and directives would make
 * the template mean something different in HCL and here.
 */
export function scanPlaceholders(file: string, text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const problems: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "$" && ch !== "%") continue;
    const where = lineAndColumn(text, i);
    const at = `${where.line}:${where.column}`;
    if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      problems.push(
        `${at}: template escape "${text.slice(i, i + 3)}" is not supported (flow JSON never needs a literal \${ or %{)`,
      );
      i += 2;
    } else if (ch === "%" && text[i + 1] === "{") {
      problems.push(`${at}: template directive "%{" is not supported; use only \${name} placeholders`);
    } else if (ch === "$" && text[i + 1] === "{") {
      const match = PLACEHOLDER.exec(text.slice(i));
      if (match?.[1] === undefined) {
        problems.push(
          `${at}: "${text.slice(i, i + 20)}" is not a \${name} placeholder (only plain variable names are allowed)`,
        );
      } else {
        found.push({ name: match[1], ...where });
        i += match[0].length - 1;
      }
    }
  }
  if (problems.length > 0) throw new FlowTemplateError(file, problems);
  return found;
}

/**
 * Render template text: every placeholder must be passed, every passed variable used, each value
 * inserted JSON-string-escaped; the result must parse as JSON. Unresolved cdktf tokens pass through
 * untouched and resolve to Terraform references at synth.
 */
export function renderTemplateText(file: string, text: string, variables: FlowTemplateVariables): string {
  const placeholders = scanPlaceholders(file, text);
  const problems: string[] = [];
  const used = new Set(placeholders.map((p) => p.name));
  for (const p of placeholders) {
    if (!Object.prototype.hasOwnProperty.call(variables, p.name)) {
      problems.push(`${p.line}:${p.column}: variable "${p.name}" is used by the template but was not passed`);
    }
  }
  for (const [name, value] of Object.entries(variables)) {
    if (!used.has(name)) problems.push(`variable "${name}" was passed but the template does not use it`);
    if (typeof value !== "string") {
      problems.push(`variable "${name}" must be a string, got ${typeof value}`);
    } else if (!Token.isUnresolved(value) && /[$%]\{/.test(value)) {
      problems.push(
        `variable "${name}" contains "\${" or "%{", which Terraform would evaluate; pass plain text or a cdktf token`,
      );
    }
  }
  if (problems.length > 0) throw new FlowTemplateError(file, [...new Set(problems)]);

  const rendered = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_whole, name: string) =>
    JSON.stringify(variables[name]).slice(1, -1),
  );
  const parsed = parseJson(rendered);
  if (!parsed.ok) {
    throw new FlowTemplateError(file, [
      `rendered text is not valid JSON at ${parsed.line}:${parsed.column}: ${parsed.message}`,
    ]);
  }
  return rendered;
}

/** Resolve a template name against `contact_flows/` unless it is absolute. */
export function resolveTemplatePath(template: string): string {
  return isAbsolute(template) ? template : resolve(TEMPLATE_DIR, template);
}

/** Path shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/** Read and render one template file. */
export function renderFlowTemplate(template: string, variables: FlowTemplateVariables): string {
  const file = resolveTemplatePath(template);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error: unknown) {
    throw new FlowTemplateError(displayPath(file), [
      `cannot read template: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return renderTemplateText(displayPath(file), text, variables);
}

/**
 * Render template text for linting without real values: each `${name}` becomes the Terraform
 * reference `${var.name}`, which the validator treats as a dynamic value (as it would be at apply).
 */
export function renderTemplateWithReferences(file: string, text: string): string {
  scanPlaceholders(file, text);
  const rendered = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (_whole, name: string) => `\${var.${name}}`,
  );
  const parsed = parseJson(rendered);
  if (!parsed.ok) {
    throw new FlowTemplateError(file, [
      `rendered text is not valid JSON at ${parsed.line}:${parsed.column}: ${parsed.message}`,
    ]);
  }
  return rendered;
}
