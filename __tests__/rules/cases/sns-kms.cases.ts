import { stackKeyCases } from "../support";

export const cases = stackKeyCases("aws_sns_topic", "kms_master_key_id", "alias/aws/sns");
