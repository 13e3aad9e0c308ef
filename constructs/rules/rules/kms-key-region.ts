import { keyUses } from "../kms-usage";
import { pick, referencesIn } from "../stack-view";
import { defineRule } from "../types";

/**
 * Where a key is used: a secret replica's own Region, S3 replication's destination bucket's Region,
 * else the Region of the resource that names the key.
 */
export const rule = defineRule({
  id: "kms-key-region",
  meta: {
    description:
      "Every resource names a KMS key of its own Region (keys are regional): a replica Region's resources use the replica Region's key",
    fix: "give the resource the key created in its Region (the disaster-recovery construct has one per Region)",
  },
  check: (stack) =>
    keyUses(stack).flatMap((use) => {
      const key = stack.get(use.key);
      const keyRegion = key && stack.regionOf(key);
      let region = use.region ?? stack.regionOf(use.resource);
      if (use.resource.type === "aws_s3_bucket_replication_configuration") {
        // The replica key serves the destination bucket, in the Region the objects are copied to.
        const bucket = referencesIn(pick(use.resource.body, "rule.0.destination.bucket")).find((r) =>
          r.startsWith("aws_s3_bucket."),
        );
        const destination = bucket ? stack.get(bucket) : undefined;
        region = destination ? stack.regionOf(destination) : undefined;
      }
      if (keyRegion === undefined || region === undefined || keyRegion === region) return [];
      return [
        {
          address: use.resource.address,
          message: `${use.path} names ${use.key} in ${keyRegion}, but the key is used in ${region}`,
        },
      ];
    }),
});
