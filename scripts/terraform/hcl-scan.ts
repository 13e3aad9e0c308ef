/**
 * Just enough of HCL's native syntax to find blocks, attributes and references in a .tf file
 * without evaluating it: quoted templates with `${…}` / `%{…}` (and their `$${` / `%%{` escapes),
 * heredocs (`<<EOT`, `<<-EOT`) with the same, and `#`, `//`, `/* *\/` comments. Literal text is
 * never code, so a `}` or `data.x.y` inside a string or a comment is not mistaken for one.
 * Used by the original-stack shim (original-shim.ts), which edits the text at these offsets.
 */

export type TokenKind =
  | "ident"
  | "number"
  | "punct"
  | "newline"
  | "comment"
  | "quoteOpen"
  | "quoteClose"
  | "heredocOpen"
  | "heredocClose"
  | "literal"
  | "templateOpen"
  | "templateClose";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** 1-based line of an offset. */
export function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split("\n").length;
}

export class HclSyntaxError extends Error {
  constructor(file: string, source: string, offset: number, what: string) {
    super(`${file}:${lineOf(source, offset)}: ${what}`);
    this.name = "HclSyntaxError";
  }
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const OPERATORS = ["==", "!=", "<=", ">=", "=>", "&&", "||", "..."];

/** The tokens of one file; throws HclSyntaxError on an unterminated string, heredoc or comment. */
export function tokenize(source: string, file = "<hcl>"): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: source.slice(start, end), start, end });
  const fail = (offset: number, what: string): never => {
    throw new HclSyntaxError(file, source, offset, what);
  };

  /** Template literal text up to an interpolation, the closing quote, or (heredoc) a line end. */
  const templateEscapeAt = (i: number) =>
    (source.startsWith("$${", i) || source.startsWith("%%{", i)) && i + 3;
  const templateStartAt = (i: number) => source.startsWith("${", i) || source.startsWith("%{", i);

  /** Code from i; with `inTemplate`, up to and including the `}` that closes the interpolation. */
  const code = (from: number, inTemplate: boolean): number => {
    let i = from;
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      if (c === "\n") {
        push("newline", i, i + 1);
        i += 1;
      } else if (c === " " || c === "\t" || c === "\r") {
        i += 1;
      } else if (c === "#" || source.startsWith("//", i)) {
        const end = source.indexOf("\n", i);
        push("comment", i, end === -1 ? source.length : end);
        i = end === -1 ? source.length : end;
      } else if (source.startsWith("/*", i)) {
        const end = source.indexOf("*/", i + 2);
        if (end === -1) fail(i, "unterminated /* comment");
        push("comment", i, end + 2);
        i = end + 2;
      } else if (c === '"') {
        i = quoted(i);
      } else if (/^<<-?[A-Za-z_][A-Za-z0-9_-]*[ \t]*\r?\n/.test(source.slice(i, i + 200))) {
        i = heredoc(i);
      } else if (IDENT_START.test(c)) {
        let j = i + 1;
        while (j < source.length && IDENT_PART.test(source[j]!)) j += 1;
        push("ident", i, j);
        i = j;
      } else if (/[0-9]/.test(c)) {
        const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i, i + 64))!;
        push("number", i, i + m[0].length);
        i += m[0].length;
      } else if (c === "}" && inTemplate && depth === 0) {
        push("templateClose", i, i + 1);
        return i + 1;
      } else {
        const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? c;
        if (c === "{") depth += 1;
        if (c === "}") depth -= 1;
        push("punct", i, i + op.length);
        i += op.length;
      }
    }
    if (inTemplate) fail(from, "unterminated ${ interpolation");
    return i;
  };

  /** A template's body: literal runs and interpolations, until `stop(i)` says where it ends. */
  const templateBody = (from: number, stop: (i: number) => boolean, atLineStart?: (i: number) => boolean) => {
    let i = from;
    let literalStart = i;
    const flush = () => {
      if (i > literalStart) push("literal", literalStart, i);
    };
    while (i < source.length) {
      if ((i === from || source[i - 1] === "\n") && atLineStart?.(i)) break;
      if (stop(i)) break;
      const escaped = templateEscapeAt(i);
      if (escaped) {
        i = escaped;
      } else if (templateStartAt(i)) {
        flush();
        push("templateOpen", i, i + 2);
        i = code(i + 2, true);
        literalStart = i;
      } else {
        // A backslash escape in a quoted template (heredocs have none) skips the next character.
        i += source[i] === "\\" && !atLineStart ? 2 : 1;
      }
    }
    flush();
    return i;
  };

  const quoted = (from: number): number => {
    push("quoteOpen", from, from + 1);
    const end = templateBody(from + 1, (i) => source[i] === '"' || source[i] === "\n");
    if (source[end] !== '"') fail(from, "unterminated string");
    push("quoteClose", end, end + 1);
    return end + 1;
  };

  const heredoc = (from: number): number => {
    const open = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(source.slice(from, from + 200))!;
    const marker = open[2]!;
    push("heredocOpen", from, from + open[0].length);
    const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*(\\r?\\n|$)`);
    let closeAt = -1;
    const end = templateBody(
      from + open[0].length,
      () => false,
      (i) => {
        const found = closing.test(source.slice(i, i + marker.length + 200));
        if (found) closeAt = i;
        return found;
      },
    );
    if (closeAt === -1) fail(from, `unterminated heredoc <<${open[1]}${marker}`);
    const markerEnd = source.indexOf(marker, closeAt) + marker.length;
    push("heredocClose", end, markerEnd);
    return markerEnd;
  };

  code(0, false);
  return tokens;
}

export interface Attribute {
  readonly kind: "attribute";
  readonly name: string;
  /** Offsets of the whole item (name to end of expression) and of the expression alone. */
  readonly start: number;
  readonly end: number;
  readonly exprStart: number;
  /** Token index range [first, last) of the expression. */
  readonly tokens: readonly [number, number];
}

export interface Block {
  readonly kind: "block";
  readonly type: string;
  readonly labels: readonly string[];
  readonly start: number;
  /** Just after the closing `}`. */
  readonly end: number;
  readonly body: readonly Item[];
}

export type Item = Attribute | Block;

export interface ParsedFile {
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly body: readonly Item[];
}

const OPENERS: Record<string, number> = { "{": 1, "[": 1, "(": 1, "}": -1, "]": -1, ")": -1 };

/** Depth change of one token: brackets, and the opening and closing of templates. */
function nesting(token: Token): number {
  if (token.kind === "punct") return OPENERS[token.text] ?? 0;
  if (token.kind === "quoteOpen" || token.kind === "heredocOpen" || token.kind === "templateOpen") return 1;
  if (token.kind === "quoteClose" || token.kind === "heredocClose" || token.kind === "templateClose")
    return -1;
  return 0;
}

/** The blocks and attributes of a file, nested. */
export function parseHcl(source: string, file = "<hcl>"): ParsedFile {
  const tokens = tokenize(source, file);
  const fail = (at: number, what: string): never => {
    throw new HclSyntaxError(file, source, tokens[at]?.start ?? source.length, what);
  };
  const skipBlank = (i: number) => {
    while (i < tokens.length && (tokens[i]!.kind === "newline" || tokens[i]!.kind === "comment")) i += 1;
    return i;
  };

  const body = (from: number, nested: boolean): { items: Item[]; next: number } => {
    const items: Item[] = [];
    let i = skipBlank(from);
    while (i < tokens.length) {
      const head = tokens[i]!;
      if (nested && head.kind === "punct" && head.text === "}") return { items, next: i + 1 };
      if (head.kind !== "ident") fail(i, `expected an attribute or block name, found ${head.text}`);
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.kind === "comment") j += 1;
      const after = tokens[j];
      if (after?.kind === "punct" && after.text === "=") {
        const exprFirst = j + 1;
        let k = exprFirst;
        let depth = 0;
        while (k < tokens.length) {
          const t = tokens[k]!;
          if (depth === 0 && (t.kind === "newline" || t.kind === "comment")) break;
          if (depth === 0 && nested && t.kind === "punct" && t.text === "}") break;
          depth += nesting(t);
          k += 1;
        }
        if (depth !== 0) fail(exprFirst, `unbalanced expression for ${head.text}`);
        const last = tokens[k - 1]!;
        items.push({
          kind: "attribute",
          name: head.text,
          start: head.start,
          end: last.end,
          exprStart: tokens[exprFirst]?.start ?? after.end,
          tokens: [exprFirst, k],
        });
        i = skipBlank(k);
        continue;
      }
      const labels: string[] = [];
      while (j < tokens.length && !(tokens[j]!.kind === "punct" && tokens[j]!.text === "{")) {
        const t = tokens[j]!;
        if (t.kind === "ident") {
          labels.push(t.text);
          j += 1;
        } else if (t.kind === "quoteOpen") {
          const lit = tokens[j + 1]!;
          const close = lit.kind === "literal" ? tokens[j + 2] : lit;
          if (close?.kind !== "quoteClose") fail(j, "a block label must be a plain string");
          labels.push(lit.kind === "literal" ? lit.text : "");
          j += lit.kind === "literal" ? 3 : 2;
        } else {
          fail(j, `expected a block label or {, found ${t.text}`);
        }
      }
      if (j >= tokens.length) fail(i, `block ${head.text} has no body`);
      const inner = body(j + 1, true);
      const closing = tokens[inner.next - 1]!;
      items.push({
        kind: "block",
        type: head.text,
        labels,
        start: head.start,
        end: closing.end,
        body: inner.items,
      });
      i = skipBlank(inner.next);
    }
    if (nested) fail(from - 1, "block is not closed");
    return { items, next: i };
  };
  return { source, tokens, body: body(0, false).items };
}

export interface Traversal {
  /** `data.archive_file.x`, `awscc_lex_bot_alias.this`, `module.m`. */
  readonly root: string;
  /** The attribute after the root (and an optional index): `arn`, `output_path`. */
  readonly attribute?: string;
  readonly start: number;
  readonly end: number;
}

/**
 * References in code tokens [from, to): `a.b`, `data.a.b`, with an optional `[index]` and the next
 * attribute. Literal text is not code and is never matched.
 */
export function traversals(file: ParsedFile, from = 0, to = file.tokens.length): Traversal[] {
  const { tokens } = file;
  const out: Traversal[] = [];
  const isDot = (i: number) => tokens[i]?.kind === "punct" && tokens[i]!.text === ".";
  const identAt = (i: number) => (tokens[i]?.kind === "ident" ? tokens[i]!.text : undefined);
  for (let i = from; i < to; i++) {
    const first = identAt(i);
    if (first === undefined || isDot(i - 1)) continue;
    const parts = [first];
    let j = i + 1;
    const rootLength = first === "data" ? 3 : 2;
    while (parts.length < rootLength && isDot(j) && identAt(j + 1) !== undefined) {
      parts.push(identAt(j + 1)!);
      j += 2;
    }
    if (parts.length < rootLength) continue;
    let end = tokens[j - 1]!.end;
    if (tokens[j]?.kind === "punct" && tokens[j]!.text === "[") {
      let depth = 0;
      let k = j;
      for (; k < to; k++) {
        depth += nesting(tokens[k]!);
        if (depth === 0) break;
      }
      end = tokens[k]!.end;
      j = k + 1;
    }
    let attribute: string | undefined;
    if (isDot(j) && identAt(j + 1) !== undefined) {
      attribute = identAt(j + 1);
      end = tokens[j + 1]!.end;
      j += 2;
    }
    out.push({ root: parts.join("."), ...(attribute ? { attribute } : {}), start: tokens[i]!.start, end });
    i = j - 1;
  }
  return out;
}
