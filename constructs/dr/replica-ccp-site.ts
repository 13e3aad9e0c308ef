import type { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct } from "constructs";
import { CCP_SITE_BUCKET, type CcpSite } from "../ccp";
import { type AccessLogTarget, SecureBucket } from "../storage";

export interface ReplicaCcpSiteProps {
  /** The primary's CCP site: its distribution gains the failover origin, its objects are copied. */
  readonly site: CcpSite;
  /** Exact bucket name (global: not the primary's). */
  readonly bucketName: string;
  /** The replica Region (the failover origin's id names it). */
  readonly region: string;
  /** The replica Region's access-log bucket (S3 logs only within a Region). */
  readonly accessLogs: AccessLogTarget;
}

/**
 * The agents' CCP page in the replica Region: a bucket kept as the primary site bucket is
 * (CCP_SITE_BUCKET, read only by the same distribution through its OAC), the site's objects, and
 * the distribution's origin group asking it when the primary bucket fails (CcpSite.failOverTo).
 *
 * The objects are Terraform's, as in the primary bucket, not copied by S3 replication:
 * - Replication copies object by object in no order, so a new index.html may arrive before the
 *   hashed scripts it names, and a failover in that window serves a page that cannot load. Here the
 *   page changes only after its files exist in this bucket, as in the primary.
 * - Terraform removes an old file by deleting every version of it; S3 never replicates a delete
 *   that names a version, so the replica would keep every old file for good.
 * - A deploy writes both Regions in one apply, so the replica is never behind the primary once the
 *   apply ends, and needs no replication role or rule on the primary bucket.
 */
export class ReplicaCcpSite extends Construct {
  public readonly bucket: SecureBucket;
  public readonly objects: readonly S3Object[];

  constructor(scope: Construct, id: string, props: ReplicaCcpSiteProps) {
    super(scope, id);
    this.bucket = new SecureBucket(this, "bucket", {
      bucketName: props.bucketName,
      ...CCP_SITE_BUCKET,
      accessLogs: props.accessLogs,
    });
    this.objects = props.site.failOverTo(this, this.bucket, props.region);
  }
}
