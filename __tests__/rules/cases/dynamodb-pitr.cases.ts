import { fragment, type RuleCases } from "../support";

const table = (body: Record<string, unknown>) => fragment({ aws_dynamodb_table: { t: body } });
const replica = (body: Record<string, unknown>) =>
  fragment({
    aws_dynamodb_table_replica: { r: { global_table_arn: "${aws_dynamodb_table.t.arn}", ...body } },
  });

export const cases: RuleCases = {
  valid: {
    "PITR on": { json: table({ point_in_time_recovery: { enabled: true } }) },
    "a global table's replica with PITR of its own": { json: replica({ point_in_time_recovery: true }) },
  },
  invalid: {
    "a replica without PITR (the primary's does not restore it)": {
      json: replica({}),
      findings: [["aws_dynamodb_table_replica.r", /point_in_time_recovery is not true on this replica/]],
    },
    "PITR missing": { json: table({}), findings: [["aws_dynamodb_table.t", /point_in_time_recovery/]] },
    "PITR off": {
      json: table({ point_in_time_recovery: { enabled: false } }),
      findings: [["aws_dynamodb_table.t", /point_in_time_recovery/]],
    },
  },
};
