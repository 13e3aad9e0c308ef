/**
 * Repairs for cdktf 0.21's HCL output (`cdktf synth --hcl`), applied by AddressedStack:
 * - strings with an interpolation are written without escaping (`"{"Version":"${x}"}"`), which
 *   Terraform cannot parse: every JSON policy and flow body breaks the file;
 * - any `terraform` block setting besides providers/backend renders as `0 = "required_version"`;
 * - `removed` blocks have no renderer at all, and custom `moved` elements render nothing;
 * - meta-arguments (provider, depends_on, ignore_changes) are written as strings, not references;
 * - nothing is indented or aligned, so `terraform fmt -check` fails even where it parses.
 * Pure text functions; `terraform fmt -check` on the result is the test (__tests__/migration).
 */

const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)$/;

/**
 * Escape a template string cdktf wrote raw: `"` and `\` outside `${…}` get a backslash; the
 * interpolations (which may hold quoted strings of their own) stay as they are.
 */
export function escapeTemplate(raw: string): string {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith("$${", i) || raw.startsWith("%%{", i)) {
      out += raw.slice(i, i + 3);
      i += 3;
    } else if (raw.startsWith("${", i) || raw.startsWith("%{", i)) {
      const end = interpolationEnd(raw, i + 2);
      out += raw.slice(i, end);
      i = end;
    } else {
      const ch = raw[i]!;
      out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
      i++;
    }
  }
  return out;
}

/** Index just past the `}` closing an interpolation whose body starts at `from`. */
function interpolationEnd(raw: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < raw.length && depth > 0) {
    const ch = raw[i];
    if (ch === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') i += raw[i] === "\\" ? 2 : 1;
    } else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    i++;
  }
  return i;
}

/** Every string in a JSON document, once each. */
function collectStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === "object")
    for (const item of Object.values(value)) collectStrings(item, into);
  return into;
}

/** A JSON template string as an HCL quoted template: escapes outside interpolations, `\n` for newlines. */
export function quoteTemplate(value: string): string {
  return `"${escapeTemplate(value).replace(/\r/g, "\\r").replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/**
 * Rewrite every string cdktf wrote wrongly. cdktf quotes a string raw when it holds `${` (in
 * provisioners even across lines) and otherwise escapes only `"` not already after a backslash. A
 * multi-line attribute becomes a
 * heredoc whose body always ends in a newline of its own, one more than the value has (every flow
 * body and the CCP page would differ from the JSON by a trailing newline). `document` is the
 * stack's JSON, whose strings are the true values.
 */
export function repairQuotedStrings(hcl: string, document: unknown): string {
  const damaged = [...collectStrings(document, new Set())]
    .filter((value) => /["\\\n\r\t]/.test(value))
    // Longest first, so a value that also occurs inside a longer one is not rewritten there first.
    .sort((a, b) => b.length - a.length);
  let out = hcl;
  for (const value of damaged) {
    const lines = value.split(/\r\n|[\n\r]/);
    if (lines.length > 1) out = out.split(`<<EOF\n${lines.join("\n")}\nEOF`).join(heredocOrQuoted(value));
    const asWritten = value.includes("${") ? value : value.replace(/(?<!\\)"/g, '\\"');
    const correct = quoteTemplate(value);
    if (`"${asWritten}"` !== correct) out = out.split(`"${asWritten}"`).join(correct);
  }
  return out;
}

/**
 * A heredoc body is the value verbatim (templates and `$${` escapes as in JSON) and ends in a
 * newline, so it fits a value that ends in exactly that; anything else becomes a quoted template.
 */
function heredocOrQuoted(value: string): string {
  const fits = value.endsWith("\n") && !value.includes("\r") && !/^EOF$/m.test(value);
  return fits ? `<<EOF\n${value}EOF` : quoteTemplate(value);
}

const REFERENCE_LISTS = /^\s*(depends_on|ignore_changes|replace_triggered_by)\s*=\s*\[$/;
const QUOTED_REFERENCE = /^(\s*)"([A-Za-z_][A-Za-z0-9_.[\]-]*)"(,?)$/;

/**
 * Meta-arguments take references, not strings: cdktf quotes `provider = "aws.us_east_1"` and the
 * items of depends_on / ignore_changes / replace_triggered_by, which Terraform rejects.
 */
export function unquoteReferences(hcl: string): string {
  let inList = false;
  return hcl
    .split("\n")
    .map((line) => {
      if (inList) {
        if (line.trim().startsWith("]")) inList = false;
        else return line.replace(QUOTED_REFERENCE, "$1$2$3");
        return line;
      }
      if (REFERENCE_LISTS.test(line)) inList = true;
      return line.replace(/^(\s*provider\s*=\s*)"([A-Za-z0-9_.-]+)"$/, "$1$2");
    })
    .join("\n");
}

/** HCL literal for a JSON value of the `terraform` block (strings, numbers, booleans, objects). */
function literal(value: unknown, indent: string): string {
  if (typeof value === "string") return `"${escapeTemplate(value)}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(", ")}]`;
  if (value && typeof value === "object") {
    const inner = `${indent}  `;
    const lines = Object.entries(value).map(([k, v]) => `${inner}${k} = ${literal(v, inner)}`);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return "null";
}

/** The `terraform` block from the stack's JSON: required_version, required_providers, backend. */
export function renderTerraformBlock(terraform: Record<string, unknown>): string {
  const lines: string[] = ["terraform {"];
  for (const [key, value] of Object.entries(terraform)) {
    if (key === "required_providers") {
      lines.push("  required_providers {");
      for (const [name, req] of Object.entries(value as Record<string, unknown>))
        lines.push(`    ${name} = ${literal(req, "    ")}`);
      lines.push("  }");
    } else if (key === "backend") {
      for (const [type, settings] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        lines.push(`  backend "${type}" {`);
        for (const [k, v] of Object.entries(settings)) lines.push(`    ${k} = ${literal(v, "    ")}`);
        lines.push("  }");
      }
    } else {
      lines.push(`  ${key} = ${literal(value, "  ")}`);
    }
  }
  lines.push("}");
  return lines.join("\n");
}

/** Replace the leading `terraform { … }` block cdktf rendered with `replacement`. */
export function replaceTerraformBlock(hcl: string, replacement: string): string {
  if (!hcl.startsWith("terraform {")) return `${replacement}\n\n${hcl}`;
  let depth = 0;
  for (let i = 0; i < hcl.length; i++) {
    if (hcl[i] === "{") depth++;
    else if (hcl[i] === "}" && --depth === 0) return replacement + hcl.slice(i + 1);
  }
  throw new Error("HCL output: unterminated terraform block");
}

/** Net `{[(` minus `}])` of a line, ignoring strings; `heredoc` when the line opens one. */
function scanLine(line: string): { net: number; heredoc?: string; assignAt?: number } {
  let net = 0;
  let assignAt: number | undefined;
  let netFromAssign = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\") i++;
        else if (line.startsWith("${", i) || line.startsWith("%{", i)) i = interpolationEnd(line, i + 2) - 1;
        i++;
      }
      continue;
    }
    if (ch === "#" || line.startsWith("//", i)) break;
    if (line.startsWith("<<", i)) {
      const marker = HEREDOC_START.exec(line.slice(i));
      if (marker)
        return {
          net,
          heredoc: marker[1],
          assignAt: assignAt !== undefined && netFromAssign === 0 ? assignAt : undefined,
        };
    }
    const change = "{[(".includes(ch) ? 1 : "}])".includes(ch) ? -1 : 0;
    net += change;
    if (assignAt !== undefined) netFromAssign += change;
    else if (ch === "=" && i > 0 && line[i + 1] !== "=" && !"=!<>".includes(line[i - 1]!)) assignAt = i;
  }
  return { net, assignAt: assignAt !== undefined && netFromAssign === 0 ? assignAt : undefined };
}

interface FormatLine {
  /** Lines of text: one, or an opening heredoc line plus its body and closing marker. */
  text: string[];
  indent: number;
  /** Key text before `=` when the line is a one-line assignment (aligned with its neighbours). */
  key?: string;
  value?: string;
}

/**
 * Lay the HCL out as `terraform fmt` does (hclwrite): two spaces per open bracket level, and the
 * `=` of consecutive one-line assignments aligned; heredoc bodies untouched.
 */
export function formatHcl(hcl: string): string {
  const raw = hcl.split("\n");
  const lines: FormatLine[] = [];
  const indents: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!.trim();
    if (text.length === 0) {
      lines.push({ text: [""], indent: 0 });
      continue;
    }
    const { net, heredoc, assignAt } = scanLine(text);
    const block = [text];
    if (heredoc !== undefined) {
      while (i + 1 < raw.length) {
        block.push(raw[++i]!);
        if (raw[i]!.trim() === heredoc) break;
      }
    }
    if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1]!;
        if (closed >= top) {
          closed -= top;
          indents.pop();
        } else {
          indents[indents.length - 1] = top - closed;
          closed = 0;
        }
      }
    }
    const line: FormatLine = { text: block, indent: indents.length };
    if (net > 0) indents.push(net);
    if (assignAt !== undefined) {
      line.key = text.slice(0, assignAt).trimEnd();
      // fmt (Terraform >= 0.12 style) writes an interpolation-only string as the bare expression.
      line.value = text
        .slice(assignAt + 1)
        .trimStart()
        .replace(/^"\$\{([^{}"]*)\}"$/, "$1");
    }
    lines.push(line);
  }

  const out: string[] = [];
  for (let start = 0; start < lines.length;) {
    let end = start;
    while (end < lines.length && lines[end]!.key !== undefined) end++;
    if (end === start) {
      const line = lines[start]!;
      const pad = line.text[0] === "" ? "" : " ".repeat(2 * line.indent);
      out.push(pad + line.text[0], ...line.text.slice(1));
      start++;
      continue;
    }
    const chain = lines.slice(start, end);
    const width = Math.max(...chain.map((l) => 2 * l.indent + l.key!.length));
    for (const line of chain) {
      const lead = " ".repeat(2 * line.indent) + line.key!;
      const value = line.value!.length > 0 ? ` ${line.value}` : "";
      out.push(`${lead.padEnd(width)} =${value}`, ...line.text.slice(1));
    }
    start = end;
  }
  return out.join("\n");
}

type HclDescriptor = { value: unknown; isBlock: boolean; type: string; storageClassType: string };

function isDescriptor(value: unknown): value is HclDescriptor {
  return (
    typeof value === "object" && value !== null && "value" in value && "isBlock" in value && "type" in value
  );
}

function plainValue(value: unknown): unknown {
  if (isDescriptor(value)) return plainValue(value.value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item)]));
  return value;
}

/**
 * For a generated binding's synthesizeHclAttributes: a map of objects comes out marked as a block,
 * with its members' type descriptors left inside, so cdktf writes `name { key = { source = {
 * isBlock = false, … } } }`. Terraform has no map-valued blocks: such a map is an argument
 * (`name = { key = { source = "…" } }`), which is what this returns.
 */
export function repairMapAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) =>
      isDescriptor(attribute) && attribute.type === "map" && attribute.isBlock
        ? [name, { ...attribute, isBlock: false, value: plainValue(attribute.value) }]
        : [name, attribute],
    ),
  );
}

const scalarClass = (value: unknown): string =>
  typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "string";

/**
 * An attribute the binding leaves untyped (`any`) that Terraform declares as nested blocks (WAFv2
 * rule statements: the schema is recursive, so cdktf skips its types). cdktf writes it as a map,
 * `statement = { … }`, which Terraform rejects ("An argument named "statement" is not expected
 * here"). As descriptors, objects render as blocks, lists of objects as repeated blocks, and
 * scalars and lists of scalars as arguments.
 */
export function asNestedBlocks(value: unknown): HclDescriptor {
  const members = (object: object) =>
    Object.fromEntries(Object.entries(object).map(([key, item]) => [key, asNestedBlocks(item)]));
  if (Array.isArray(value)) {
    if (value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) {
      return { value: value.map(members), isBlock: true, type: "list", storageClassType: "list" };
    }
    return { value, isBlock: false, type: "list", storageClassType: `${scalarClass(value[0])}List` };
  }
  if (value !== null && typeof value === "object") {
    return { value: members(value), isBlock: true, type: "struct", storageClassType: "struct" };
  }
  return { value, isBlock: false, type: "simple", storageClassType: scalarClass(value) };
}
