import { stackKeyCases } from "../support";

export const cases = stackKeyCases("aws_sqs_queue", "kms_master_key_id", "alias/aws/sqs");
