import { bucketParts } from "../buckets";
import { pick } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "s3-versioning",
  meta: {
    description: "Every bucket keeps object versions, so an overwrite or delete can be undone",
    fix: "add an aws_s3_bucket_versioning with status Enabled (SecureBucket does)",
  },
  check: (stack) =>
    stack
      .ofType("aws_s3_bucket")
      .flatMap((bucket) =>
        bucketParts(stack, "aws_s3_bucket_versioning", bucket).some(
          ({ body }) => pick(body, "versioning_configuration.status") === "Enabled",
        )
          ? []
          : [{ address: bucket.address, message: "versioning is not Enabled" }],
      ),
});
