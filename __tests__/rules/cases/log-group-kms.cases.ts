import { stackKeyCases } from "../support";

export const cases = stackKeyCases("aws_cloudwatch_log_group", "kms_key_id", "alias/aws/cloudwatch");
