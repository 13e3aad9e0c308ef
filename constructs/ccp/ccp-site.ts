import {
  CloudfrontDistribution,
  type CloudfrontDistributionDefaultCacheBehavior,
  type CloudfrontDistributionOrigin,
} from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, TerraformAsset, Token } from "cdktf";
import { Construct } from "constructs";
import type { CcpConfig } from "../../config/schema";
import type { AwsccProvider } from "../awscc/provider";
import { RemovedFromState, keepAddress } from "../core/addresses";
import { type AccessLogTarget, type PolicyStatement, SecureBucket, type SecureBucketProps } from "../storage";
import { CcpWaf } from "./ccp-waf";
import { ConnectApprovedOrigin } from "../awscc";
import type { CcpAsset, CcpSiteAssets } from "./assets";
import { renderCcpPage } from "./render-page";
import { CcpSecurityHeaders } from "./security-headers";

export interface CcpSiteProps {
  /** Prefix of every name, as the original's project_name. */
  readonly namePrefix: string;
  /** Validated `ccp` section of the config. */
  readonly config: CcpConfig;
  /** Connect instance access URL, e.g. `https://<alias>.my.connect.aws`. */
  readonly accessUrl: string;
  /** Region of the Connect instance. */
  readonly region: string;
  /** The page's built scripts and styles (scripts/build-ccp-site.ts). */
  readonly assets: CcpSiteAssets;
  /**
   * Base URL of the CRM API, e.g. an HTTP API's `apiEndpoint` token.
   * @default config.crmApiUrl (none: the customer panel says lookup is not configured)
   */
  readonly crmApiUrl?: string;
  /** Connect instance ARN: the distribution's origin is approved on it. */
  readonly connectInstanceArn: string;
  /** Platform.awsUsEast1: the CloudFront web ACL lives in us-east-1. */
  readonly usEast1Provider: AwsProvider;
  /** Platform.awscc, for the approved origin. @default - the default awscc provider */
  readonly awsccProvider?: AwsccProvider;
  /** Where the site bucket's S3 server access logs go (AccessLogBucket.targetFor). @default - not logged */
  readonly accessLogs?: AccessLogTarget;
}

// AWS-managed CloudFront cache policy (a global id, the same in every account).
const CACHING_OPTIMIZED_POLICY = "658327ea-f89d-4fab-a63d-7e88639e58f6";
/** Hashed asset names change with their bytes, so browsers and CloudFront may keep them for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * How a bucket that serves the page is kept, in any Region. SSE-S3: CloudFront OAC reads SSE-KMS
 * objects only if the key policy trusts CloudFront, and the page and library are public code, not
 * customer data. No lifecycle: CloudFront cannot read objects that moved to GLACIER.
 */
export const CCP_SITE_BUCKET = {
  sseAlgorithm: "AES256",
  lifecycle: false,
} as const satisfies Partial<SecureBucketProps>;

/** One object of the site bucket: a built file (TerraformAsset path and MD5), or the page itself. */
interface SiteObject {
  readonly id: string;
  readonly key: string;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly file?: { readonly path: string; readonly md5: string };
  readonly content?: string;
  /** Address kept from the original stack (primary bucket only). */
  readonly keepAs?: string;
}

const PRIMARY_ORIGIN = "ccp-site-bucket";
const ORIGIN_GROUP = "ccp-site-failover";
/**
 * What makes CloudFront ask the failover origin: the answers of an S3 Region that is failing.
 * Not 403 or 404: both buckets hold the same objects, so a missing object is missing in both (with
 * OAC and no ListBucket, S3 answers 403 for it), and a refused read in the primary is a broken
 * policy or OAC that should show, not be hidden behind the other Region. CloudFront also fails
 * over when it cannot connect to the primary at all.
 */
const FAILOVER_STATUS_CODES = [500, 502, 503, 504];

/**
 * The agent softphone page: a private S3 bucket read only by one CloudFront distribution through
 * Origin Access Control (not the legacy OAI), behind a us-east-1 WAF web ACL, and approved as an
 * origin on the Connect instance so the embedded CCP accepts it.
 */
export class CcpSite extends Construct {
  public readonly bucket: SecureBucket;
  public readonly distribution: CloudfrontDistribution;
  public readonly waf: CcpWaf;
  public readonly securityHeaders: CcpSecurityHeaders;
  public readonly approvedOrigin: ConnectApprovedOrigin;
  /** https URL agents open. */
  public readonly url: string;
  /** How the distribution signs its reads of the site bucket (and of a failover copy). */
  public readonly originAccessControl: CloudfrontOriginAccessControl;
  private readonly primaryOrigin: CloudfrontDistributionOrigin;
  private readonly cacheBehavior: CloudfrontDistributionDefaultCacheBehavior;
  private readonly siteObjects: readonly SiteObject[];

  constructor(scope: Construct, id: string, props: CcpSiteProps) {
    super(scope, id);
    const { config, assets } = props;
    const crmApiUrl = props.crmApiUrl ?? config.crmApiUrl;
    const crm = crmApiUrl
      ? { apiUrl: crmApiUrl.replace(/\/+$/, ""), tokenStorageKey: config.crmTokenStorageKey }
      : undefined;
    const page = renderCcpPage(
      {
        accessUrl: props.accessUrl,
        region: props.region,
        customerIdAttribute: config.customerIdAttribute,
        crm,
      },
      assets,
    );
    this.securityHeaders = new CcpSecurityHeaders(this, "security_headers", {
      namePrefix: props.namePrefix,
      origins: {
        connect: props.accessUrl.replace(/\/+$/, ""),
        // An HTTP API's endpoint attribute is already an origin; a literal URL may carry a path.
        crmApi: crm && (Token.isUnresolved(crm.apiUrl) ? crm.apiUrl : new URL(crm.apiUrl).origin),
      },
    });

    this.waf = new CcpWaf(this, "waf", {
      namePrefix: props.namePrefix,
      usEast1Provider: props.usEast1Provider,
      rateLimitPerFiveMinutes: props.config.rateLimitPerFiveMinutes,
    });

    this.bucket = new SecureBucket(this, "bucket", {
      bucketPrefix: `${props.namePrefix}-ccp-site-`,
      ...CCP_SITE_BUCKET,
      policyFromDataSource: true,
      keepAddresses: { bucket: "ccp_site", publicAccessBlock: "ccp_site", policy: "ccp_site" },
      accessLogs: props.accessLogs,
    });

    this.originAccessControl = keepAddress(
      new CloudfrontOriginAccessControl(this, "origin_access_control", {
        name: `${props.namePrefix}-ccp-oac`,
        description: "CloudFront reads the CCP site bucket with SigV4",
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
      }),
      "ccp_site",
    );

    this.primaryOrigin = {
      originId: PRIMARY_ORIGIN,
      domainName: this.bucket.bucket.bucketRegionalDomainName,
      originAccessControlId: this.originAccessControl.id,
    };
    this.cacheBehavior = {
      targetOriginId: PRIMARY_ORIGIN,
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      viewerProtocolPolicy: "redirect-to-https",
      compress: true,
      cachePolicyId: CACHING_OPTIMIZED_POLICY,
      responseHeadersPolicyId: this.securityHeaders.policy.id,
    };
    this.distribution = keepAddress(
      new CloudfrontDistribution(this, "distribution", {
        enabled: true,
        isIpv6Enabled: true,
        comment: "Agent CCP site",
        defaultRootObject: "index.html",
        priceClass: props.config.priceClass,
        webAclId: this.waf.webAcl.arn,
        origin: [this.primaryOrigin],
        defaultCacheBehavior: this.cacheBehavior,
        restrictions: { geoRestriction: { restrictionType: "none" } },
        // The default *.cloudfront.net certificate still accepts TLS 1.0; a custom one sets the floor.
        ...(props.config.domainName && props.config.certificateArn
          ? {
              aliases: [props.config.domainName],
              viewerCertificate: {
                acmCertificateArn: props.config.certificateArn,
                sslSupportMethod: "sni-only",
                minimumProtocolVersion: "TLSv1.2_2021",
              },
            }
          : { viewerCertificate: { cloudfrontDefaultCertificate: true } }),
      }),
      "ccp_site",
    );
    this.bucket.addPolicyStatements(this.readByDistribution(this.bucket));

    // Named by the file's own hash, like the Lambda zips: the same path on cdktf and its fork.
    const built = (id: string, asset: CcpAsset, keepAs?: string): SiteObject => ({
      id,
      key: asset.key,
      contentType: asset.contentType,
      cacheControl: IMMUTABLE,
      file: {
        path: new TerraformAsset(this, `${id}_asset`, {
          path: asset.path,
          type: AssetType.FILE,
          assetHash: asset.md5,
        }).path,
        md5: asset.md5,
      },
      ...(keepAs ? { keepAs } : {}),
    });
    this.siteObjects = [
      built("connect_streams", assets.streams, "connect_streams"),
      built("app", assets.app),
      built("styles", assets.styles),
      {
        id: "index_html",
        key: "index.html",
        content: page,
        contentType: "text/html; charset=utf-8",
        // Agents get a new page as soon as it is deployed; the hashed files above may be cached.
        cacheControl: "no-cache",
        keepAs: "index_html",
      },
    ];
    putSiteObjects(this, this.bucket, this.siteObjects, true);

    this.url = `https://${props.config.domainName ?? this.distribution.domainName}`;
    this.approvedOrigin = new ConnectApprovedOrigin(this, "approved_origin", {
      instanceId: props.connectInstanceArn,
      origin: this.url,
      provider: props.awsccProvider,
    });
    new RemovedFromState(this, "removed_associate_origin", {
      from: "null_resource.associate_origin",
      reason:
        "Replaced by awscc_connect_approved_origin (AWS::Connect::ApprovedOrigin); the CLI script it ran is no longer needed. Import the existing origin into the new resource instead of creating it twice.",
    });
  }

  /**
   * Serve the page from `replica` too (docs/disaster-recovery.md): the bucket gets this site's
   * objects under `scope`, and the distribution an origin group that asks it when the primary
   * bucket answers a server error or cannot be reached. Only GET and HEAD reach the group (origin
   * groups fail over those and OPTIONS only), which is all a static page needs. Changes the
   * distribution in place: origins, the group, and the default behaviour's target.
   */
  public failOverTo(scope: Construct, replica: SecureBucket, region: string): S3Object[] {
    const replicaOrigin = `${PRIMARY_ORIGIN}-${region}`;
    // Three tries of 10 s each (CloudFront's default) before a failover would hold every agent's
    // uncached request for 30 s while the primary Region does not answer: two of 5 s.
    const quick = { connectionAttempts: 2, connectionTimeout: 5 };
    this.distribution.putOrigin([
      { ...this.primaryOrigin, ...quick },
      {
        originId: replicaOrigin,
        domainName: replica.bucket.bucketRegionalDomainName,
        originAccessControlId: this.originAccessControl.id,
        ...quick,
      },
    ]);
    this.distribution.putOriginGroup([
      {
        originId: ORIGIN_GROUP,
        failoverCriteria: { statusCodes: FAILOVER_STATUS_CODES },
        member: [{ originId: PRIMARY_ORIGIN }, { originId: replicaOrigin }],
      },
    ]);
    this.distribution.putDefaultCacheBehavior({ ...this.cacheBehavior, targetOriginId: ORIGIN_GROUP });
    replica.addPolicyStatements(this.readByDistribution(replica));
    return putSiteObjects(scope, replica, this.siteObjects, false);
  }

  /** Only this distribution may read, and only objects (no listing). */
  private readByDistribution(bucket: SecureBucket): PolicyStatement {
    return {
      Sid: "AllowCloudFrontServicePrincipal",
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: `${bucket.bucketArn}/*`,
      Condition: { StringEquals: { "AWS:SourceArn": this.distribution.arn } },
    };
  }
}

/**
 * The site's objects in `bucket`, under `scope`. Each file is created before its old version
 * goes, and the page changes only once its new files exist, so a page loaded mid-deploy always
 * finds what it names, in either bucket.
 */
function putSiteObjects(
  scope: Construct,
  bucket: SecureBucket,
  objects: readonly SiteObject[],
  keepAddresses: boolean,
): S3Object[] {
  const files: S3Object[] = [];
  return objects.map((o) => {
    const object = new S3Object(scope, o.id, {
      bucket: bucket.bucket.id,
      key: o.key,
      contentType: o.contentType,
      cacheControl: o.cacheControl,
      ...(o.file
        ? { source: o.file.path, etag: o.file.md5, lifecycle: { createBeforeDestroy: true } }
        : { content: o.content, dependsOn: [...files] }),
    });
    if (o.file) files.push(object);
    return keepAddresses && o.keepAs ? keepAddress(object, o.keepAs) : object;
  });
}
