/**
 * The generated original state against the original's `terraform state list`: every address must
 * be in the state, except objects the offline engine sets aside (original-shim.ts), each with why.
 */
import { typeOfAddress } from "./offline-view";
import { setAsideReason } from "./original-shim";
import type { StateV4 } from "./state-input";

/** State address of every instance: `module.m.aws_x.y["k"]`, as terraform state list prints it. */
export function stateAddresses(state: StateV4): string[] {
  return state.resources.flatMap((r) =>
    r.instances.map((i) => {
      const local = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
      const index = i.index_key === undefined ? "" : `[${JSON.stringify(i.index_key)}]`;
      return `${r.module ? `${r.module}.` : ""}${local}${index}`;
    }),
  );
}

export interface ListComparison {
  readonly present: readonly string[];
  readonly setAside: ReadonlyArray<{ readonly address: string; readonly why: string }>;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/** The state against the original's state list: what is there, set aside (and why), missing, extra. */
export function compareWithList(state: StateV4, list: readonly string[]): ListComparison {
  const inState = new Set(stateAddresses(state));
  const setAside: Array<{ address: string; why: string }> = [];
  const missing: string[] = [];
  const present: string[] = [];
  for (const address of list) {
    const mode = /(^|\.)data\.[^.]+\.[^.]+$/.test(address.replace(/\[[^\]]*\]$/, "")) ? "data" : "managed";
    const why = setAsideReason(mode, typeOfAddress(address));
    if (inState.has(address)) present.push(address);
    else if (why) setAside.push({ address, why });
    else missing.push(address);
  }
  const listed = new Set(list);
  return { present, setAside, missing, extra: [...inState].filter((a) => !listed.has(a)) };
}
