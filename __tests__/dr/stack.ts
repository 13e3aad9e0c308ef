import { prod } from "../../config/environments/prod";
import { DR_SUPPRESSIONS } from "../../config/environments/suppressions";
import { loadConfig } from "../../config/load";
import type { ConfigInput, StackConfig } from "../../config/schema";
import { resourcesOf, synthConfig, synthStack, type TerraformJson } from "../support/synth";

export const GROUP_ARN =
  "arn:aws:connect:eu-west-2:111122223333:traffic-distribution-group/7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340";

/**
 * prod.ts as the bank edits it to turn DR on (docs/disaster-recovery.md): the `dr` section and
 * the replica's reviewed exceptions, in the committed file (an override may not add suppressions).
 */
export function prodWithDr(dr: NonNullable<ConfigInput["dr"]>): StackConfig {
  const file: ConfigInput = {
    ...prod,
    dr: { enabled: true, replicaRegion: "eu-central-1", ...dr },
    rules: { suppressions: [...(prod.rules?.suppressions ?? []), ...DR_SUPPRESSIONS] },
  };
  return loadConfig({ env: "prod", environments: { prod: file } });
}

export const prodJson = (): TerraformJson => synthStack("prod").json;
export const drJson = (dr: NonNullable<ConfigInput["dr"]> = {}): TerraformJson =>
  synthConfig(prodWithDr(dr)).json;

/** Resources by address (`type.name`). */
export function byAddress(json: TerraformJson): Map<string, Record<string, unknown>> {
  return new Map(resourcesOf(json).map(([type, name, body]) => [`${type}.${name}`, body]));
}
