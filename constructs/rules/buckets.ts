import type { StackResource, StackView } from "./stack-view";

/** Bucket-level resources (`aws_s3_bucket_*`) that configure `bucket`, found by their `bucket` reference. */
export function bucketParts(stack: StackView, type: string, bucket: StackResource): StackResource[] {
  return stack.referring(type, "bucket", bucket.address);
}
