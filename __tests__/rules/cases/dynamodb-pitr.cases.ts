import { fragment, type RuleCases } from "../support";

const table = (body: Record<string, unknown>) => fragment({ aws_dynamodb_table: { t: body } });

export const cases: RuleCases = {
  valid: { "PITR on": { json: table({ point_in_time_recovery: { enabled: true } }) } },
  invalid: {
    "PITR missing": { json: table({}), findings: [["aws_dynamodb_table.t", /point_in_time_recovery/]] },
    "PITR off": {
      json: table({ point_in_time_recovery: { enabled: false } }),
      findings: [["aws_dynamodb_table.t", /point_in_time_recovery/]],
    },
  },
};
