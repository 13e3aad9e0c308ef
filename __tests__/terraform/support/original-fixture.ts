import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stateAddresses } from "../../../scripts/terraform/original-list";
import type { StateV4 } from "../../../scripts/terraform/state-input";

/** Made by scripts/terraform/original-state.ts from the original HCL (see its header). */
export const FIXTURE = join(__dirname, "../../migration/fixtures/original.tfstate");
export const STATE = JSON.parse(readFileSync(FIXTURE, "utf8")) as StateV4;

const BY_ADDRESS = new Map(
  STATE.resources.flatMap((r) =>
    r.instances.map((i) => [
      stateAddresses({ ...STATE, resources: [{ ...r, instances: [i] }] })[0]!,
      i.attributes,
    ]),
  ),
);

/** The attributes the fixture holds for one state address. */
export function attributes(address: string): Record<string, unknown> {
  const found = BY_ADDRESS.get(address);
  if (!found) throw new Error(`${address} is not in the fixture`);
  return found;
}
