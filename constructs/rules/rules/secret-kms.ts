import { stackKeyRule } from "../stack-key";

export const rule = stackKeyRule({
  id: "secret-kms",
  type: "aws_secretsmanager_secret",
  path: "kms_key_id",
  what: "Secrets Manager secret",
});
