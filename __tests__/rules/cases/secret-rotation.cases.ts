import { fragment, ref, type RuleCases } from "../support";

export const cases: RuleCases = {
  valid: {
    "rotated by a Lambda": {
      json: fragment({
        aws_secretsmanager_secret: { s: {} },
        aws_secretsmanager_secret_rotation: {
          r: {
            secret_id: ref("aws_secretsmanager_secret.s", "id"),
            rotation_rules: { automatically_after_days: 30 },
          },
        },
      }),
    },
  },
  invalid: {
    "never rotated": {
      json: fragment({ aws_secretsmanager_secret: { s: {} } }),
      findings: [["aws_secretsmanager_secret.s", /has no rotation/]],
    },
    "rotation of another secret": {
      json: fragment({
        aws_secretsmanager_secret: { s: {}, other: {} },
        aws_secretsmanager_secret_rotation: {
          r: { secret_id: ref("aws_secretsmanager_secret.other", "id") },
        },
      }),
      findings: [["aws_secretsmanager_secret.s", /has no rotation/]],
    },
  },
};
