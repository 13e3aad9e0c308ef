import { z } from "zod";
import { logRetentionDays, positiveInt } from "./common";

/** An S3 key prefix: no leading slash, ends with "/" so Firehose partitions land in a folder. */
const s3Prefix = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_\-/]*\/$/, "expected a lower-case S3 prefix ending with / (e.g. ctr/)");

const kinesisStream = z.object({
  /** Provisioned shards (1 MB/s in, 2 MB/s out each). */
  shardCount: z.number().int().min(1).max(500).default(1),
  /** Hours records stay readable; Kinesis accepts 24 to 8760. */
  retentionHours: z.number().int().min(24, "Kinesis keeps records at least 24 hours").max(8760).default(24),
});

/** Object lifecycle of a bucket; transitions must come in storage-class order. */
const lifecycle = z
  .object({
    infrequentAccessAfterDays: positiveInt.default(30),
    glacierAfterDays: positiveInt.default(90),
    /** Days after which current objects expire. */
    expireAfterDays: positiveInt.default(365),
  })
  .refine((l) => l.infrequentAccessAfterDays < l.glacierAfterDays && l.glacierAfterDays < l.expireAfterDays, {
    message: "expected infrequentAccessAfterDays < glacierAfterDays < expireAfterDays",
  });

/** Data lake: Connect streams, Firehose delivery, Glue catalog, metric stream, log archive. */
export const datalakeSchema = z.object({
  ctrStream: kinesisStream.prefault({}),
  agentEventsStream: kinesisStream.prefault({}),
  aiReportingStream: kinesisStream.prefault({}),
  /** Where each Firehose stream writes in the data lake bucket (the original's datalake_config prefixes). */
  prefixes: z
    .object({
      ctr: s3Prefix.default("ctr/"),
      agentEvents: s3Prefix.default("agent-events/"),
      aiReporting: s3Prefix.default("ai-insights/"),
      lifecycleEvents: s3Prefix.default("lifecycle-events/"),
      logArchive: s3Prefix.default("cloudwatch-logs/"),
    })
    .prefault({}),
  /** Firehose buffering before an object is written. */
  buffering: z
    .object({
      sizeMb: z.number().int().min(1).max(128).default(5),
      intervalSeconds: z.number().int().min(0).max(900).default(300),
    })
    .prefault({}),
  /** Retention of each Firehose error log group (the original used 7). */
  deliveryErrorLogRetentionDays: logRetentionDays.default(7),
  /** Glue database name. @default "<project with _>_datalake" (the original's glue_catalog_database_name) */
  glueDatabaseName: z
    .string()
    .regex(/^[a-z0-9_]{1,255}$/, "expected lower-case letters, digits and _ (Glue/Athena database name)")
    .optional(),
  /** CloudWatch namespaces streamed to the archive (the original's metric_stream_namespaces). */
  metricStreamNamespaces: z
    .array(z.string().min(1).max(255))
    .min(1, "expected at least one namespace")
    .default(["AWS/Connect", "AWS/Lambda", "BedrockValidation"]),
  /** Lifecycle of the data lake bucket (the original module's archive-logs rule). */
  lifecycle: lifecycle.prefault({}),
});

/** CloudTrail audit trail. */
export const auditSchema = z.object({
  /**
   * Lifecycle of the trail bucket. Audit evidence is kept 7 years (financial-services record keeping),
   * not the original module's 365 days.
   */
  lifecycle: lifecycle.prefault({ expireAfterDays: 2557 }),
  /**
   * S3 Object Lock on the trail bucket: every log file is write-once for `days`. GOVERNANCE can be
   * bypassed by a principal with s3:BypassGovernanceRetention; COMPLIANCE by nobody (prod).
   */
  objectLock: z
    .object({
      mode: z.enum(["GOVERNANCE", "COMPLIANCE"], { error: "expected GOVERNANCE or COMPLIANCE" }),
      days: z.number().int().min(1).max(36500),
    })
    .default({ mode: "GOVERNANCE", days: 365 }),
});

/** Agent CCP site (S3 + CloudFront + WAF). */
export const ccpSchema = z
  .object({
    /** CloudFront price class (edge locations served). */
    priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).default("PriceClass_100"),
    /**
     * Path (relative to the repo root) of an amazon-connect-streams release file to serve instead of
     * the npm package bundled at synth, for teams that pin their own copy.
     * @default - none: the amazon-connect-streams package in package.json is bundled
     */
    connectStreamsFile: z.string().min(1).optional(),
    /**
     * Base URL of a CRM HTTP API the customer panel calls instead of the stack's own
     * (`GET /customer`, JWT authorizer).
     * @default - the stack's API (constructs/api)
     */
    crmApiUrl: z
      .url({ protocol: /^https$/, error: "expected an https:// URL" })
      .refine(
        (url) => new URL(url).search === "" && new URL(url).hash === "",
        "expected no query or fragment",
      )
      .optional(),
    /** sessionStorage key where the identity provider sign-in leaves the agent's bearer token for the CRM API. */
    crmTokenStorageKey: z.string().min(1).max(128).default("crm_access_token"),
    /** Contact attribute the flows set to the identified customer's id (auth module flow: customerId). */
    customerIdAttribute: z.string().min(1).max(32767).default("customerId"),
    /** Requests per 5 minutes from one IP before WAF blocks it. */
    rateLimitPerFiveMinutes: z.number().int().min(100).max(2_000_000_000).default(2000),
    /**
     * Host name agents open, e.g. `ccp.contact-centre.bank.co.uk` (a CNAME to the distribution).
     * With `certificateArn` the site serves TLS 1.2+ only (TLSv1.2_2021). @default - the *.cloudfront.net name and certificate (TLS 1.0 allowed)
     */
    domainName: z
      .string()
      .regex(
        /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        "expected a lower-case DNS host name",
      )
      .optional(),
    /** ACM certificate for `domainName`, in us-east-1 (CloudFront reads certificates only there). */
    certificateArn: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
        "expected an ACM certificate ARN in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>)",
      )
      .optional(),
  })
  .refine((ccp) => (ccp.domainName === undefined) === (ccp.certificateArn === undefined), {
    message:
      "set domainName and certificateArn together: a custom name needs its certificate, and the certificate its name",
    path: ["certificateArn"],
  });
