import { fragment, type RuleCases } from "../support";

const table = (body: Record<string, unknown>) => fragment({ aws_dynamodb_table: { t: body } });

export const cases: RuleCases = {
  valid: {
    "protected in production": { json: table({ deletion_protection_enabled: true }), production: true },
    "unprotected outside production": { json: table({}) },
    "a protected replica in production": {
      json: fragment({ aws_dynamodb_table_replica: { r: { deletion_protection_enabled: true } } }),
      production: true,
    },
  },
  invalid: {
    "unprotected in production": {
      json: table({ deletion_protection_enabled: false }),
      production: true,
      findings: [["aws_dynamodb_table.t", /deletion_protection_enabled is not true in production/]],
    },
    "an unprotected replica in production (a destroy would drop the Region's copy)": {
      json: fragment({ aws_dynamodb_table_replica: { r: {} } }),
      production: true,
      findings: [["aws_dynamodb_table_replica.r", /deletion_protection_enabled is not true in production/]],
    },
  },
};
