/**
 * The original HCL stack as the offline engine can plan it: a text shim over its .tf files (the
 * files are never evaluated here, Terraform does that). Set aside, with every mention of them:
 * - blocks of providers with no offline binary: `resource "null_resource"`, `resource "awscc_*"`,
 *   `data "archive_file"`, `data "local_file"`, their `provider` blocks and `required_providers`;
 * - `data "aws_connect_*"`: they look the instance up in AWS as soon as its id is known (from the
 *   state the generator feeds back), and the offline stub answers STS only.
 * A reference to a set-aside object becomes a stand-in expression (STAND_INS): Terraform still
 * evaluates it, so a stand-in built from the object's own arguments (an alias ARN from its bot_id,
 * a zip's hash from its output_path) agrees with everything else in the plan. `depends_on` entries
 * naming them are dropped. Anything else that names them fails with the file and line. `timestamp()`
 * becomes the time of the apply the state stands for (ShimOptions.applyTime).
 */
import { createHash } from "node:crypto";
import { lineageOf } from "./state-input";
import { lineOf, parseHcl, traversals, type Block, type Item, type ParsedFile } from "./hcl-scan";

/** Providers the plugin mirror has no binary for. */
const OFFLINE_LESS_PROVIDERS = ["awscc", "null", "archive", "local"];

/** Why an object of this mode and type cannot be planned offline, or undefined when it can. */
export function setAsideReason(mode: "managed" | "data", type: string): string | undefined {
  const provider = type.split("_")[0]!;
  if (type === "null_resource" || (mode === "managed" && provider === "awscc")) {
    return `hashicorp/${provider === "null" ? "null" : "awscc"} has no offline binary in the plugin mirror`;
  }
  if (mode === "data" && (type === "archive_file" || type === "local_file")) {
    return `hashicorp/${provider} has no offline binary in the plugin mirror (it reads local build output)`;
  }
  if (mode === "data" && type.startsWith("aws_connect_")) {
    return "reads the Connect instance from AWS once its id is known; the offline stub answers STS only";
  }
  return undefined;
}

export interface ShimOptions {
  /** Region and account of stand-in ARNs (the original's default region, the stub's account). */
  readonly region: string;
  readonly accountId: string;
  /**
   * What `timestamp()` returned at the apply that wrote the state. A call left in would be unknown
   * in every plan, and the bot version whose description holds it would never stop being replaced.
   */
  readonly applyTime: string;
}

interface SetAsideObject {
  readonly address: string;
  readonly type: string;
  /** The block's arguments as expression text. */
  readonly args: Readonly<Record<string, string>>;
}

/** A plain string argument (`"Basic Hours"`) as its value; otherwise the expression text. */
function plain(expression: string | undefined): string {
  const m = /^"([^"\\$%]*)"$/.exec(expression?.trim() ?? "");
  return m ? m[1]! : (expression ?? "");
}

/** Ten characters [A-Z0-9] from a seed, the shape of Lex bot and alias ids. */
export function lexId(seed: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return [...createHash("sha256").update(seed).digest().subarray(0, 10)]
    .map((byte) => alphabet[byte % alphabet.length]!)
    .join("");
}

/** An argument usable inside a stand-in: present, and not about the object itself. */
function argument(object: SetAsideObject, name: string): string {
  const text = object.args[name];
  if (text === undefined || /\b(self|count|each)\./.test(text)) {
    throw new Error(`${object.address}: its stand-in needs the argument ${name} as a plain expression`);
  }
  return text.trim();
}

type StandIn = (object: SetAsideObject, options: ShimOptions) => string;

/** A Connect object looked up by name: the same name on the one instance gives the same id. */
function connectLookup(kind: string, idAttribute: string): Record<string, StandIn> {
  const id = (o: SetAsideObject) => lineageOf(`${o.type}|${plain(o.args.name)}`);
  return {
    [idAttribute]: (o) => JSON.stringify(id(o)),
    arn: (o, { region, accountId }) =>
      `"arn:aws:connect:${region}:${accountId}:instance/\${${argument(o, "instance_id")}}/${kind}/${id(o)}"`,
    id: (o) => `"\${${argument(o, "instance_id")}}:${id(o)}"`,
  };
}

/**
 * Stand-ins per set-aside type and attribute, as HCL expressions. Only what the original stack
 * reads is listed: a reference to anything else fails, naming it.
 */
const STAND_INS: Record<string, Record<string, StandIn>> = {
  // The zip archive_file would write: output_path is its own argument; the generator puts a small
  // fixed zip there, so the hash is a real hash of a real file, the same on every run.
  "data.archive_file": {
    output_path: (o) => argument(o, "output_path"),
    output_base64sha256: (o) => `filebase64sha256(${argument(o, "output_path")})`,
    output_md5: (o) => `filemd5(${argument(o, "output_path")})`,
  },
  // The original reads back the Lambda version a null_resource published at apply: the first one.
  "data.local_file": { content: () => JSON.stringify("1\n") },
  "data.aws_connect_hours_of_operation": connectLookup("operating-hours", "hours_of_operation_id"),
  "data.aws_connect_queue": connectLookup("queue", "queue_id"),
  "data.aws_connect_security_profile": connectLookup("security-profile", "security_profile_id"),
  awscc_lex_bot_alias: {
    bot_alias_id: (o) => JSON.stringify(lexId(o.address)),
    arn: (o, { region, accountId }) =>
      `"arn:aws:lex:${region}:${accountId}:bot-alias/\${${argument(o, "bot_id")}}/${lexId(o.address)}"`,
  },
  null_resource: { id: (o) => JSON.stringify(BigInt(`0x${lineageOf(o.address).slice(0, 15)}`).toString()) },
};

export interface ShimmedModule {
  /** File name → shimmed text (files with nothing to change are returned unchanged). */
  readonly files: Readonly<Record<string, string>>;
  /** Set-aside objects of this module by their address in it, with why. */
  readonly setAside: ReadonlyArray<{ readonly address: string; readonly why: string }>;
  /** output_path expressions of set-aside archive_file sources: where the dummy zips go. */
  readonly zipPaths: readonly string[];
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/** A whole item's range, with its line's indentation and line end, so no blank line is left. */
function wholeLines(source: string, item: Item): Edit {
  let start = item.start;
  while (start > 0 && (source[start - 1] === " " || source[start - 1] === "\t")) start -= 1;
  let end = item.end;
  while (end < source.length && source[end] !== "\n") end += 1;
  return { start, end: Math.min(end + 1, source.length), text: "" };
}

function addressOf(block: Block): string | undefined {
  const [type, name] = block.labels;
  if (block.type === "resource" && type && name) return `${type}.${name}`;
  if (block.type === "data" && type && name) return `data.${type}.${name}`;
  return undefined;
}

function allBlocks(items: readonly Item[]): Block[] {
  return items.flatMap((i) => (i.kind === "block" ? [i, ...allBlocks(i.body)] : []));
}

/** Shims the .tf files of one module directory. */
export function shimModule(files: Readonly<Record<string, string>>, options: ShimOptions): ShimmedModule {
  const parsed: Record<string, ParsedFile> = {};
  for (const [name, text] of Object.entries(files)) parsed[name] = parseHcl(text, name);

  // 1. What is set aside in this module, from every file (a reference may cross files).
  const objects = new Map<string, SetAsideObject>();
  const setAside: Array<{ address: string; why: string }> = [];
  const zipPaths: string[] = [];
  for (const file of Object.values(parsed)) {
    for (const item of file.body) {
      if (item.kind !== "block") continue;
      const address = addressOf(item);
      const why = address && setAsideReason(item.type === "data" ? "data" : "managed", item.labels[0]!);
      if (!address || !why) continue;
      const args: Record<string, string> = {};
      for (const a of item.body)
        if (a.kind === "attribute") args[a.name] = file.source.slice(a.exprStart, a.end);
      objects.set(address, { address, type: item.labels[0]!, args });
      setAside.push({ address, why });
      if (item.labels[0] === "archive_file" && args.output_path) zipPaths.push(args.output_path.trim());
    }
  }

  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(parsed)) {
    const edits: Edit[] = [];
    const removed: Array<[number, number]> = [];
    const remove = (item: Item) => {
      edits.push(wholeLines(file.source, item));
      removed.push([item.start, item.end]);
    };
    for (const item of file.body) {
      if (item.kind !== "block") continue;
      const address = addressOf(item);
      if (address && objects.has(address)) remove(item);
      if (item.type === "provider" && OFFLINE_LESS_PROVIDERS.includes(item.labels[0] ?? "")) remove(item);
      if (item.type === "terraform") {
        for (const inner of item.body) {
          if (inner.kind !== "block" || inner.type !== "required_providers") continue;
          for (const pin of inner.body)
            if (OFFLINE_LESS_PROVIDERS.includes(pin.kind === "attribute" ? pin.name : "")) remove(pin);
        }
      }
    }
    const inRemoved = (offset: number) => removed.some(([s, e]) => offset >= s && offset < e);

    // 2. depends_on lists lose the entries that name set-aside objects.
    const dependsOn = allBlocks(file.body)
      .filter((b) => !inRemoved(b.start))
      .flatMap((b) => b.body.filter((i) => i.kind === "attribute" && i.name === "depends_on"));
    for (const attribute of dependsOn) {
      if (attribute.kind !== "attribute") continue;
      const refs = traversals(file, ...attribute.tokens);
      const kept = refs.filter((r) => !objects.has(r.root));
      if (kept.length === refs.length) continue;
      const text = `[${kept.map((r) => file.source.slice(r.start, r.end)).join(", ")}]`;
      edits.push({ start: attribute.exprStart, end: attribute.end, text });
      removed.push([attribute.start, attribute.end]);
    }

    // 3. timestamp() is the moment of that apply.
    file.tokens.forEach((t, i) => {
      const [open, close] = [file.tokens[i + 1], file.tokens[i + 2]];
      if (t.kind !== "ident" || t.text !== "timestamp" || open?.text !== "(" || close?.text !== ")") return;
      if (file.tokens[i - 1]?.text === "." || inRemoved(t.start)) return;
      edits.push({ start: t.start, end: close.end, text: JSON.stringify(options.applyTime) });
    });

    // 4. Every other mention becomes its stand-in.
    for (const ref of traversals(file)) {
      const object = objects.get(ref.root);
      if (!object || inRemoved(ref.start)) continue;
      const where = `${name}:${lineOf(file.source, ref.start)}`;
      const kind = ref.root.startsWith("data.") ? `data.${object.type}` : object.type;
      const standIn = ref.attribute ? STAND_INS[kind]?.[ref.attribute] : undefined;
      if (!standIn) {
        throw new Error(
          `${where}: ${file.source.slice(ref.start, ref.end)} names a set-aside object (${kind}) and has no stand-in`,
        );
      }
      edits.push({ start: ref.start, end: ref.end, text: `(${standIn(object, options)})` });
    }
    out[name] = edits.length > 0 ? applyEdits(file.source, edits) : file.source;
  }
  return { files: out, setAside, zipPaths };
}
