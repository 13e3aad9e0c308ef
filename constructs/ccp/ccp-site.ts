import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import type { CcpConfig } from "../../config/schema";
import type { AwsccProvider } from "../awscc/provider";
import { RemovedFromState, keepAddress } from "../core/addresses";
import { type AccessLogTarget, SecureBucket } from "../storage";
import { CcpWaf } from "./ccp-waf";
import { ConnectApprovedOrigin } from "../awscc";
import { CONNECT_STREAMS_KEY, renderCcpPage } from "./render-page";

export interface CcpSiteProps {
  /** Prefix of every name, as the original's project_name. */
  readonly namePrefix: string;
  /** Validated `ccp` section of the config. */
  readonly config: CcpConfig;
  /** Connect instance access URL, e.g. `https://<alias>.my.connect.aws`. */
  readonly accessUrl: string;
  /** Region of the Connect instance. */
  readonly region: string;
  /** Connect instance ARN: the distribution's origin is approved on it. */
  readonly connectInstanceArn: string;
  /** Platform.awsUsEast1: the CloudFront web ACL lives in us-east-1. */
  readonly usEast1Provider: AwsProvider;
  /** Platform.awscc, for the approved origin. @default - the default awscc provider */
  readonly awsccProvider?: AwsccProvider;
  /** Where the site bucket's S3 server access logs go (AccessLogBucket.targetFor). @default - not logged */
  readonly accessLogs?: AccessLogTarget;
}

// AWS-managed CloudFront policies (global ids, the same in every account).
const CACHING_OPTIMIZED_POLICY = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const SECURITY_HEADERS_POLICY = "67f7725c-6f97-4210-82d7-5512b31e9d03";

/**
 * The agent softphone page: a private S3 bucket read only by one CloudFront distribution through
 * Origin Access Control (not the legacy OAI), behind a us-east-1 WAF web ACL, and approved as an
 * origin on the Connect instance so the embedded CCP accepts it.
 */
export class CcpSite extends Construct {
  public readonly bucket: SecureBucket;
  public readonly distribution: CloudfrontDistribution;
  public readonly waf: CcpWaf;
  public readonly approvedOrigin: ConnectApprovedOrigin;
  /** https URL agents open. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: CcpSiteProps) {
    super(scope, id);
    const streamsFile = props.config.connectStreamsFile
      ? resolve(props.config.connectStreamsFile)
      : undefined;
    if (streamsFile && !existsSync(streamsFile)) {
      throw new Error(
        `${this.node.path}: ccp.connectStreamsFile "${props.config.connectStreamsFile}" does not exist (resolved to ${streamsFile}); point it at the amazon-connect-streams release file or leave it unset`,
      );
    }
    const page = renderCcpPage({ accessUrl: props.accessUrl, region: props.region });

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
          responseHeadersPolicyId: SECURITY_HEADERS_POLICY,
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

    keepAddress(
      new S3Object(this, "index_html", {
        bucket: bucketId,
        key: "index.html",
        content: page,
        contentType: "text/html; charset=utf-8",
        // Agents get a new page as soon as it is deployed; the library below may be cached.
        cacheControl: "no-cache",
      }),
      "index_html",
    );

    if (streamsFile) {
      const asset = new TerraformAsset(this, "connect_streams_asset", {
        path: streamsFile,
        type: AssetType.FILE,
      });
      keepAddress(
        new S3Object(this, "connect_streams", {
          bucket: bucketId,
          key: CONNECT_STREAMS_KEY,
          source: asset.path,
          etag: createHash("md5").update(readFileSync(streamsFile)).digest("hex"),
          contentType: "application/javascript",
        }),
        "connect_streams",
      );
    } else {
      new RemovedFromState(this, "removed_connect_streams", {
        from: "aws_s3_object.connect_streams",
        reason:
          "amazon-connect-streams is third-party code and is not vendored in this repo; the deployed object is left in place until config ccp.connectStreamsFile names the release file to upload.",
      });
    }

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
