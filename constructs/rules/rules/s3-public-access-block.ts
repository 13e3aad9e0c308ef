import { bucketParts } from "../buckets";
import { defineRule } from "../types";

const SETTINGS = [
  "block_public_acls",
  "block_public_policy",
  "ignore_public_acls",
  "restrict_public_buckets",
];

export const rule = defineRule({
  id: "s3-public-access-block",
  meta: {
    description: "Every bucket blocks public ACLs and policies (all four public access block settings)",
    fix: "add an aws_s3_bucket_public_access_block with all four settings true (SecureBucket does)",
  },
  check: (stack) =>
    stack.ofType("aws_s3_bucket").flatMap((bucket) => {
      const blocks = bucketParts(stack, "aws_s3_bucket_public_access_block", bucket);
      const missing = SETTINGS.filter((s) => !blocks.some(({ body }) => body[s] === true));
      return missing.length === 0
        ? []
        : [{ address: bucket.address, message: `public access block does not set ${missing.join(", ")}` }];
    }),
});
