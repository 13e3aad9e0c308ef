import { fragment, ref, type RuleCases } from "../support";

const bucket = (status?: string) =>
  fragment({
    aws_s3_bucket: { b: {} },
    ...(status
      ? {
          aws_s3_bucket_versioning: {
            v: { bucket: ref("aws_s3_bucket.b", "id"), versioning_configuration: { status } },
          },
        }
      : {}),
  });

export const cases: RuleCases = {
  valid: { enabled: { json: bucket("Enabled") } },
  invalid: {
    "no versioning resource": { json: bucket(), findings: [["aws_s3_bucket.b", /not Enabled/]] },
    suspended: { json: bucket("Suspended"), findings: [["aws_s3_bucket.b", /not Enabled/]] },
  },
};
