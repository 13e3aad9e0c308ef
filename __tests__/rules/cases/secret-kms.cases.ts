import { fragment, ref, type RuleCases } from "../support";

const resource = (body: Record<string, unknown>) =>
  fragment({
    aws_kms_key: { k: {} },
    aws_kms_alias: { a: { target_key_id: ref("aws_kms_key.k", "key_id") } },
    aws_secretsmanager_secret: { r: body },
  });
const R = "aws_secretsmanager_secret.r";

export const cases: RuleCases = {
  valid: {
    "the stack key": { json: resource({ kms_key_id: ref("aws_kms_key.k") }) },
    "the stack key through its alias": { json: resource({ kms_key_id: ref("aws_kms_alias.a", "arn") }) },
  },
  invalid: {
    "no key": { json: resource({}), findings: [[R, /kms_key_id is not set/]] },
    "an AWS managed key": {
      json: resource({ kms_key_id: "alias/aws/secretsmanager" }),
      findings: [[R, /not a key of this stack/]],
    },
  },
};
