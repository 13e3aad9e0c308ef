import { stackKeyCases } from "../support";

export const cases = stackKeyCases("aws_secretsmanager_secret", "kms_key_id", "alias/aws/secretsmanager");
