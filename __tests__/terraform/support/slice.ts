import type { TerraformConfig } from "../../../scripts/terraform/offline-view";
import { stateAddress, type StateV4 } from "../../../scripts/terraform/state-input";

/** `aws_x.name` / `data.aws_x.name` mentioned anywhere in a value (references, depends_on). */
const MENTION = /(?<![\w.])((?:data\.)?[a-z0-9]+_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/**
 * The part of a stack a few resources need: them, everything they reference (transitively), the
 * providers, and the moved blocks that carry them over; with the matching part of a state. The
 * real engine plans such a slice in seconds where the whole stack takes a minute, and decides the
 * same for the resources in it: their configuration and their state are the whole stack's.
 */
export function sliceStack(
  stack: TerraformConfig,
  state: StateV4,
  roots: readonly string[],
): { stack: TerraformConfig; state: StateV4 } {
  const bodyOf = (address: string) => {
    const [kind, type, name] = address.startsWith("data.")
      ? (["data", ...address.slice(5).split(".")] as const)
      : (["resource", ...address.split(".")] as const);
    return stack[kind]?.[type!]?.[name!];
  };
  const keep = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const address = queue.pop()!;
    const body = bodyOf(address);
    if (!body || keep.has(address)) continue;
    keep.add(address);
    for (const [, mention] of JSON.stringify(body).matchAll(MENTION)) queue.push(mention!);
  }
  const section = (kind: "resource" | "data") => {
    const out: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const address of keep) {
      const isData = address.startsWith("data.");
      if ((kind === "data") !== isData) continue;
      const [type, name] = (isData ? address.slice(5) : address).split(".") as [string, string];
      (out[type] ??= {})[name] = bodyOf(address)!;
    }
    return out;
  };
  const moved = (stack.moved ?? []).filter((m) => keep.has(String(m.to)));
  // State resources are named without instance keys (`module.m.aws_x.y`, instances inside).
  const unkeyed = (address: string) => address.replace(/\[[^\]]*\]/g, "");
  const oldAddresses = new Set([...keep, ...moved.map((m) => unkeyed(String(m.from)))]);
  return {
    stack: {
      terraform: stack.terraform,
      provider: stack.provider,
      resource: section("resource"),
      data: section("data"),
      ...(moved.length > 0 ? { moved } : {}),
    },
    state: { ...state, resources: state.resources.filter((r) => oldAddresses.has(unkeyed(stateAddress(r)))) },
  };
}
