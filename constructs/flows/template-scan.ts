import { lineAndColumn, parseJson } from "./json-position";

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
