/**
 * The `cdktf synth --hcl` output (cdk.tf) under the same offline view as the JSON (offline-view.ts),
 * so `terraform validate` judges the HCL users would keep: the view's decisions (what is set aside,
 * its stand-ins, which objects move to a region alias) applied to the text, and the offline
 * `terraform` and `provider` blocks supplied beside it as JSON (Terraform reads .tf and .tf.json of
 * one folder as one configuration). Works on the layout AddressedStack writes (formatHcl: top-level
 * blocks open at column 0 and close with a `}` alone at column 0; heredoc bodies are verbatim).
 */
import { referencePattern, standInLiteral, type OfflineView, type TerraformConfig } from "./offline-view";

export interface HclView {
  /** cdk.tf without its terraform/provider blocks and set-aside objects. */
  readonly hcl: string;
  /** The offline terraform and provider blocks (offline.tf.json). */
  readonly json: TerraformConfig;
}

interface TopLevelBlock {
  readonly header: string;
  readonly lines: string[];
}

const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)$/;

/** Top-level blocks (and the text between them, as header-less blocks). */
export function topLevelBlocks(hcl: string): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  const lines = hcl.split("\n");
  let current: TopLevelBlock | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!current) {
      if (/^[a-z_]+( "[^"]*")*\s*\{$/.test(line)) current = { header: line, lines: [line] };
      else blocks.push({ header: "", lines: [line] });
      if (current && line.endsWith("{") && i === lines.length - 1) blocks.push(current);
      continue;
    }
    current.lines.push(line);
    const heredoc = HEREDOC.exec(line.trimEnd());
    if (heredoc) {
      while (i + 1 < lines.length) {
        current.lines.push(lines[++i]!);
        if (lines[i]!.trim() === heredoc[1]) break;
      }
      continue;
    }
    if (line === "}") {
      blocks.push(current);
      current = undefined;
    }
  }
  if (current) throw new Error(`cdk.tf: block "${current.header}" is never closed`);
  return blocks;
}

/** `resource "t" "n" {` → `t.n`; `data "t" "n" {` → `data.t.n`. */
function addressOf(header: string): string | undefined {
  const m = /^(resource|data) "([^"]+)" "([^"]+)"/.exec(header);
  if (!m) return undefined;
  return m[1] === "data" ? `data.${m[2]}.${m[3]}` : `${m[2]}.${m[3]}`;
}

/** The addresses a moved/removed block names (`from = x`, `to = y`). */
function namedAddresses(block: TopLevelBlock): string[] {
  return block.lines.flatMap((l) => /^\s*(?:from|to)\s*=\s*(\S+)$/.exec(l)?.[1] ?? []);
}

export function hclView(hcl: string, view: OfflineView): HclView {
  const setAside = new Set(view.standIns.keys());
  const isSetAside = (address: string) => setAside.has(address.replace(/\[[^\]]*\]$/, ""));
  const refs = setAside.size > 0 ? referencePattern(view.standIns) : undefined;
  const kept: string[] = [];
  for (const block of topLevelBlocks(hcl)) {
    const kind = block.header.split(/[ {]/)[0];
    if (kind === "terraform" || kind === "provider") continue;
    const address = addressOf(block.header);
    if (address && isSetAside(address)) continue;
    if ((kind === "moved" || kind === "removed") && namedAddresses(block).some(isSetAside)) continue;
    const regionProvider = address ? view.regionProviders.get(address) : undefined;
    let inReferenceList = false;
    for (const line of block.lines) {
      // depends_on & co. take references: a set-aside one is dropped, not replaced by a string.
      if (/^\s*(depends_on|replace_triggered_by)\s*=\s*\[$/.test(line)) inReferenceList = true;
      else if (inReferenceList && /^\s*\]$/.test(line)) inReferenceList = false;
      else if (inReferenceList && refs && isSetAside(line.trim().replace(/,$/, ""))) continue;
      if (regionProvider && /^ {2}region\s*=/.test(line)) {
        kept.push(`  provider = ${regionProvider}`);
        continue;
      }
      let text = refs
        ? line.replace(refs, (_m, ref: string, attribute?: string) =>
            standInLiteral(view.standIns, ref, attribute),
          )
        : line;
      text = text.replace(/\bdata\.aws_region\.([A-Za-z0-9_-]+)\.region\b/g, "data.aws_region.$1.name");
      kept.push(text);
    }
  }
  return {
    hcl: kept.join("\n"),
    json: { terraform: view.config.terraform, provider: view.config.provider },
  };
}
