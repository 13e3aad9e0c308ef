import { fragment, ref, type RuleCases } from "../support";

const ALL = {
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
};
const bucket = (block?: Record<string, unknown>) =>
  fragment({
    aws_s3_bucket: { b: {} },
    ...(block
      ? { aws_s3_bucket_public_access_block: { p: { bucket: ref("aws_s3_bucket.b", "id"), ...block } } }
      : {}),
  });

export const cases: RuleCases = {
  valid: { "all four settings": { json: bucket(ALL) } },
  invalid: {
    "no block": { json: bucket(), findings: [["aws_s3_bucket.b", /block_public_acls, block_public_policy/]] },
    "public policies allowed": {
      json: bucket({ ...ALL, block_public_policy: false }),
      findings: [["aws_s3_bucket.b", /does not set block_public_policy$/]],
    },
    "block for another bucket": {
      json: fragment({
        aws_s3_bucket: { b: {}, other: {} },
        aws_s3_bucket_public_access_block: { p: { bucket: ref("aws_s3_bucket.other", "id"), ...ALL } },
      }),
      findings: [["aws_s3_bucket.b", /public access block/]],
    },
  },
};
