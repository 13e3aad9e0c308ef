import { fragment, ref, stackKeyCases, type RuleCases } from "../support";

const base = stackKeyCases("aws_secretsmanager_secret", "kms_key_id", "alias/aws/secretsmanager");
const replicated = (replica: Record<string, unknown>) =>
  fragment({
    aws_kms_key: { k: {}, frankfurt: { region: "eu-central-1" } },
    aws_secretsmanager_secret: { r: { kms_key_id: ref("aws_kms_key.k"), replica: [replica] } },
  });

export const cases: RuleCases = {
  valid: {
    ...base.valid,
    "replicated under a key of the stack": {
      json: replicated({ region: "eu-central-1", kms_key_id: ref("aws_kms_key.frankfurt") }),
    },
  },
  invalid: {
    ...base.invalid,
    "a replica under aws/secretsmanager (no kms_key_id)": {
      json: replicated({ region: "eu-central-1" }),
      findings: [
        [
          "aws_secretsmanager_secret.r",
          /replica\[0\] \(eu-central-1\)\.kms_key_id is not set, not a key of this stack/,
        ],
      ],
    },
  },
};
