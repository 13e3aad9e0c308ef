/**
 * Unverified until deployed: CloudFront's access logs, delivered from us-east-1 by CloudWatch Logs
 * vended delivery, land in the access-log bucket in the stack's region. Smoke has just requested
 * the site, so a fresh object under the delivery prefix proves it.
 */
import { ListObjectsV2Command, S3Client, type _Object } from "@aws-sdk/client-s3";
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import { resolveName } from "../stack-facts";
import type { SmokeContext } from "../smoke/context";

/** Pages read at most: the bucket's lifecycle keeps the prefix small, this keeps the probe bounded. */
const MAX_PAGES = 10;

export const cloudfrontLogsProbe: Check<SmokeContext> = {
  id: "probe:cloudfront-log-delivery",
  title: "CloudFront's access logs arrive in the stack-region bucket",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:cloudfront-log-delivery";
    const destination = ctx.facts.ccpLogDestination();
    if (!destination) return skip(id, "the stack delivers no CloudFront logs to S3");
    const { account } = await ctx.identity();
    const bucket = resolveName(destination.bucket, account, ctx.config.region);
    if (!bucket) return skip(id, `the bucket name ${destination.bucket} is known only after apply`);
    const prefix = destination.prefix ? `${destination.prefix.replace(/\/$/, "")}/` : "";
    const s3 = ctx.aws.client(S3Client, ctx.config.region);
    let newest: _Object | undefined;
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      // ListObjectsV2 response: Contents[].Key, LastModified; NextContinuationToken (S3 API reference).
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }),
      );
      for (const o of page.Contents ?? [])
        if (!newest || (o.LastModified ?? 0) > (newest.LastModified ?? 0)) newest = o;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken && ++pages < MAX_PAGES);
    const since = ctx.now().getTime() - ctx.options.sinceHours * 3_600_000;
    const where = `s3://${bucket}/${prefix}`;
    if (newest?.LastModified && newest.LastModified.getTime() >= since)
      return pass(id, `${where}: newest ${newest.Key} at ${newest.LastModified.toISOString()}`);
    return fail(
      id,
      newest
        ? `${where}: newest object is from ${newest.LastModified?.toISOString() ?? "?"}, none in ${ctx.options.sinceHours} h`
        : `${where} is empty`,
      "delivery lags a few minutes after a request: rerun smoke in 10 minutes; if still none, check the delivery in us-east-1 (aws logs describe-deliveries --region us-east-1) and the bucket policy for delivery.logs.amazonaws.com",
    );
  },
};
