import { fragment, ref, type RuleCases } from "../support";

const B = "aws_s3_bucket.b";
const logged = (target?: string) =>
  fragment({
    aws_s3_bucket: { b: {}, logs: {} },
    aws_s3_bucket_logging: {
      l: { bucket: ref(B, "id"), ...(target ? { target_bucket: target, target_prefix: "s3/b/" } : {}) },
      logs_self: { bucket: ref("aws_s3_bucket.logs", "id"), target_bucket: "x" },
    },
  });

export const cases: RuleCases = {
  valid: {
    "logging to the log bucket": { json: logged(ref("aws_s3_bucket.logs", "id")) },
    "legacy inline logging block": {
      json: fragment({ aws_s3_bucket: { b: { logging: { target_bucket: "logs" } } } }),
    },
  },
  invalid: {
    "no logging resource": {
      json: fragment({ aws_s3_bucket: { b: {} } }),
      findings: [[B, /no aws_s3_bucket_logging/]],
    },
    "logging resource without a target": { json: logged(), findings: [[B, /no aws_s3_bucket_logging/]] },
    "logging of another bucket only": {
      json: fragment({
        aws_s3_bucket: { b: {}, other: {} },
        aws_s3_bucket_logging: { l: { bucket: ref("aws_s3_bucket.other", "id"), target_bucket: "logs" } },
      }),
      findings: [[B, /no aws_s3_bucket_logging/]],
    },
  },
};
