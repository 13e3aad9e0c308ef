import { rule as alarmActions } from "./rules/alarm-actions";
import { rule as connectMetricDimensions } from "./rules/connect-metric-dimensions";
import { rule as dynamodbPitr } from "./rules/dynamodb-pitr";
import { rule as dynamodbSseKms } from "./rules/dynamodb-sse-kms";
import { rule as snsKms } from "./rules/sns-kms";
import { rule as snsTlsOnly } from "./rules/sns-tls-only";
import type { Finding, PolicyRule } from "./types";
import type { TerraformJson } from "../support/synth";

/** Every policy rule; policies.test.ts checks each file in rules/ is listed here. */
export const RULES: readonly PolicyRule[] = [
  dynamodbSseKms,
  dynamodbPitr,
  snsKms,
  snsTlsOnly,
  alarmActions,
  connectMetricDimensions,
];

/** All findings of all rules, each prefixed with its rule id. */
export function runPolicies(json: TerraformJson): string[] {
  return RULES.flatMap((rule) =>
    rule.check(json).map((f: Finding) => `${rule.id}: ${f.address}: ${f.message}`),
  );
}
