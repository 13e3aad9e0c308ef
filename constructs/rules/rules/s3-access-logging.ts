import { bucketParts } from "../buckets";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "s3-access-logging",
  meta: {
    description: "Every bucket writes S3 server access logs, so object reads and deletes can be traced",
    fix: "give the SecureBucket accessLogs (the stack's access-log bucket)",
  },
  check: (stack) =>
    stack
      .ofType("aws_s3_bucket")
      .flatMap((bucket) =>
        bucketParts(stack, "aws_s3_bucket_logging", bucket).some(({ body }) => Boolean(body.target_bucket)) ||
        bucket.body.logging !== undefined
          ? []
          : [{ address: bucket.address, message: "no aws_s3_bucket_logging for this bucket" }],
      ),
});
