import { fragment, ref, type RuleCases } from "../support";

const KEY = ref("aws_kms_key.k");
const F = "aws_kinesis_firehose_delivery_stream.f";
const directPut = (sse?: Record<string, unknown>) =>
  fragment({
    aws_kms_key: { k: {} },
    aws_kinesis_firehose_delivery_stream: { f: sse ? { server_side_encryption: sse } : {} },
  });
const fromStream = (streamKey: string) =>
  fragment({
    aws_kms_key: { k: {} },
    aws_kinesis_stream: { s: { kms_key_id: streamKey } },
    aws_kinesis_firehose_delivery_stream: {
      f: { kinesis_source_configuration: { kinesis_stream_arn: ref("aws_kinesis_stream.s") } },
    },
  });

export const cases: RuleCases = {
  valid: {
    "Direct PUT on the stack key": {
      json: directPut({ enabled: true, key_type: "CUSTOMER_MANAGED_CMK", key_arn: KEY }),
    },
    "Kinesis source on the stack key": { json: fromStream(KEY) },
  },
  invalid: {
    "AWS-owned key": {
      json: directPut({ enabled: true, key_type: "AWS_OWNED_CMK" }),
      findings: [[F, /uses AWS_OWNED_CMK/]],
    },
    "no encryption": { json: directPut(), findings: [[F, /server_side_encryption is not enabled/]] },
    "customer key from outside the stack": {
      json: directPut({
        enabled: true,
        key_type: "CUSTOMER_MANAGED_CMK",
        key_arn: "arn:aws:kms:eu-west-2:1:key/x",
      }),
      findings: [[F, /not a key of this stack/]],
    },
    "Kinesis source on the AWS managed key": {
      json: fromStream("alias/aws/kinesis"),
      findings: [[F, /source stream aws_kinesis_stream.s is not encrypted with a key of this stack/]],
    },
  },
};
