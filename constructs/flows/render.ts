import { readFileSync } from "node:fs";
import { relative, isAbsolute, resolve } from "node:path";
import { Token } from "cdktf";
import { parseJson } from "./json-position";
import { FlowTemplateError, scanPlaceholders } from "./template-scan";
import type { FlowTemplateVariables } from "./types";

export {
  FlowTemplateError,
  renderTemplateWithReferences,
  scanPlaceholders,
  type Placeholder,
} from "./template-scan";

/** Folder holding the shipped `*.json.tftpl` templates. */
export const TEMPLATE_DIR = resolve(__dirname, "..", "..", "contact_flows");

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
