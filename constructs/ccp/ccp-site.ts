import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, TerraformAsset, Token } from "cdktf";
import { Construct } from "constructs";
import type { CcpConfig } from "../../config/schema";
import type { AwsccProvider } from "../awscc/provider";
import { RemovedFromState, keepAddress } from "../core/addresses";
import { type AccessLogTarget, SecureBucket } from "../storage";
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

    // SSE-S3: CloudFront OAC reads SSE-KMS objects only if the key policy trusts CloudFront, and
    // the page and library are public code, not customer data.
    this.bucket = new SecureBucket(this, "bucket", {
      bucketPrefix: `${props.namePrefix}-ccp-site-`,
      sseAlgorithm: "AES256",
      // No tiering: CloudFront cannot read objects that moved to GLACIER.
      lifecycle: false,
      policyFromDataSource: true,
      keepAddresses: { bucket: "ccp_site", publicAccessBlock: "ccp_site", policy: "ccp_site" },
      accessLogs: props.accessLogs,
    });
    const bucketId = this.bucket.bucket.id;

    const oac = keepAddress(
      new CloudfrontOriginAccessControl(this, "origin_access_control", {
        name: `${props.namePrefix}-ccp-oac`,
        description: "CloudFront reads the CCP site bucket with SigV4",
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
      }),
      "ccp_site",
    );

    const originId = "ccp-site-bucket";
    this.distribution = keepAddress(
      new CloudfrontDistribution(this, "distribution", {
        enabled: true,
        isIpv6Enabled: true,
        comment: "Agent CCP site",
        defaultRootObject: "index.html",
        priceClass: props.config.priceClass,
        webAclId: this.waf.webAcl.arn,
        origin: [
          {
            originId,
            domainName: this.bucket.bucket.bucketRegionalDomainName,
            originAccessControlId: oac.id,
          },
        ],
        defaultCacheBehavior: {
          targetOriginId: originId,
          allowedMethods: ["GET", "HEAD"],
          cachedMethods: ["GET", "HEAD"],
          viewerProtocolPolicy: "redirect-to-https",
          compress: true,
          cachePolicyId: CACHING_OPTIMIZED_POLICY,
          responseHeadersPolicyId: this.securityHeaders.policy.id,
        },
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

    // Only this distribution may read, and only objects (no listing).
    this.bucket.addPolicyStatements({
      Sid: "AllowCloudFrontServicePrincipal",
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: `${this.bucket.bucketArn}/*`,
      Condition: { StringEquals: { "AWS:SourceArn": this.distribution.arn } },
    });

    // Each file is created before its old version goes, and the page changes only once its new
    // files exist, so a page loaded mid-deploy always finds what it names.
    const upload = (id: string, asset: CcpAsset) => {
      // Named by the file's own hash, like the Lambda zips: the same path on cdktf and its fork.
      const file = new TerraformAsset(this, `${id}_asset`, {
        path: asset.path,
        type: AssetType.FILE,
        assetHash: asset.md5,
      });
      return new S3Object(this, id, {
        bucket: bucketId,
        key: asset.key,
        source: file.path,
        etag: asset.md5,
        contentType: asset.contentType,
        cacheControl: IMMUTABLE,
        lifecycle: { createBeforeDestroy: true },
      });
    };
    const files = [
      keepAddress(upload("connect_streams", assets.streams), "connect_streams"),
      upload("app", assets.app),
      upload("styles", assets.styles),
    ];

    keepAddress(
      new S3Object(this, "index_html", {
        bucket: bucketId,
        key: "index.html",
        content: page,
        contentType: "text/html; charset=utf-8",
        // Agents get a new page as soon as it is deployed; the hashed files above may be cached.
        cacheControl: "no-cache",
        dependsOn: files,
      }),
      "index_html",
    );

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
}
