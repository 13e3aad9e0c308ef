import type { TerraformJson } from "../support/synth";

/** One violation: the Terraform address and what is wrong. */
export interface Finding {
  readonly address: string;
  readonly message: string;
}

/** A rule over a whole synthesized stack; reports findings, never throws. */
export interface PolicyRule {
  readonly id: string;
  readonly description: string;
  readonly check: (json: TerraformJson) => Finding[];
}

/** Resources of one type as [address, body]. */
export function resourcesOfType(json: TerraformJson, type: string): Array<[string, Record<string, any>]> {
  return Object.entries(json.resource?.[type] ?? {}).map(([name, body]) => [
    `${type}.${name}`,
    body as Record<string, any>,
  ]);
}
