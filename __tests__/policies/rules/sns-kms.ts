import { type PolicyRule, resourcesOfType } from "../types";

export const rule: PolicyRule = {
  id: "sns-kms",
  description: "Every SNS topic is encrypted with a KMS key",
  check: (json) =>
    resourcesOfType(json, "aws_sns_topic")
      .filter(([, body]) => typeof body.kms_master_key_id !== "string" || body.kms_master_key_id.length === 0)
      .map(([address]) => ({ address, message: "kms_master_key_id must be set" })),
};
