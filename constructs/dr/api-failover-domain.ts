import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Op } from "cdktf";
import { Construct } from "constructs";
import { placeInRegion } from "./replica-region";

/** One Region's HTTP API: the API and the stage the domain maps to. */
export interface RegionalApi {
  readonly region: string;
  readonly apiId: string;
  /** Stage id (`$default`). */
  readonly stageId: string;
}

export interface ApiFailoverDomainProps {
  /** The bank's host name for the API (config `dr.api.domainName`). */
  readonly domainName: string;
  /** Public hosted zone holding it (config `dr.api.hostedZoneId`). */
  readonly hostedZoneId: string;
  /** The API that answers while the primary Region is healthy. */
  readonly primary: RegionalApi;
  /** The replica Region's copy, answering once the primary's health check fails. */
  readonly replica: RegionalApi;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The companion/CRM API behind one host name in both Regions (docs/disaster-recovery.md): an
 * API Gateway custom domain (REGIONAL, TLS 1.2) in each Region on an ACM certificate of that
 * Region validated by DNS, each mapped to its Region's API, and Route 53 failover records that
 * answer with the primary's domain while its health check passes and the replica's otherwise.
 * Route 53 is global: the records and the health check have no Region.
 */
export class ApiFailoverDomain extends Construct {
  /** Base URL the CCP page and the companion app call. */
  public readonly url: string;
  /** The primary Region's certificate, domain and mapping (left in the primary Region). */
  public readonly primarySide: Construct;
  public readonly replicaSide: Construct;
  public readonly primaryDomain: Apigatewayv2DomainName;
  public readonly replicaDomain: Apigatewayv2DomainName;
  public readonly healthCheck: Route53HealthCheck;
  public readonly records: { readonly primary: Route53Record; readonly secondary: Route53Record };

  constructor(scope: Construct, id: string, props: ApiFailoverDomainProps) {
    super(scope, id);
    const { domainName, hostedZoneId } = props;
    const tags = { ...props.tags };
    this.url = `https://${domainName}`;

    const certificate = (side: Construct) =>
      new AcmCertificate(side, "certificate", {
        domainName,
        validationMethod: "DNS",
        // A renewed or re-requested certificate must exist before the domain lets go of the old one.
        lifecycle: { createBeforeDestroy: true },
        tags: { ...tags, Name: domainName },
      });
    this.primarySide = new Construct(this, "primary");
    this.replicaSide = new Construct(this, "replica");
    const primaryCertificate = certificate(this.primarySide);
    const replicaCertificate = certificate(this.replicaSide);

    // ACM gives an account the same validation CNAME for a domain name in every Region, so both
    // certificates are validated by one record set: two records of one name would fight over it.
    // allow_overwrite takes over a record the bank may have made by hand for an earlier request.
    const primaryChallenge = primaryCertificate.domainValidationOptions.get(0);
    const replicaChallenge = replicaCertificate.domainValidationOptions.get(0);
    const validationRecord = new Route53Record(this, "validation_record", {
      zoneId: hostedZoneId,
      name: primaryChallenge.resourceRecordName,
      type: primaryChallenge.resourceRecordType,
      records: [primaryChallenge.resourceRecordValue],
      ttl: 300,
      allowOverwrite: true,
    });

    const side = (scope: Construct, cert: AcmCertificate, api: RegionalApi, checked: boolean) => {
      const validation = new AcmCertificateValidation(scope, "certificate_validation", {
        certificateArn: cert.arn,
        validationRecordFqdns: [validationRecord.fqdn],
        // Should ACM ever give the replica's certificate a challenge of its own, fail here, naming
        // the cause, rather than wait out the validation timeout on a record nobody wrote.
        ...(checked
          ? {
              lifecycle: {
                precondition: [
                  {
                    condition: Op.and(
                      Op.eq(replicaChallenge.resourceRecordName, primaryChallenge.resourceRecordName),
                      Op.eq(replicaChallenge.resourceRecordValue, primaryChallenge.resourceRecordValue),
                    ),
                    errorMessage: `ACM asks a validation record for ${domainName} in ${api.region} other than the primary Region's: add that record to the hosted zone (constructs/dr/api-failover-domain.ts)`,
                  },
                ],
              },
            }
          : {}),
      });
      const domain = new Apigatewayv2DomainName(scope, "domain_name", {
        domainName,
        domainNameConfiguration: {
          certificateArn: validation.certificateArn,
          endpointType: "REGIONAL",
          securityPolicy: "TLS_1_2",
        },
        tags,
      });
      new Apigatewayv2ApiMapping(scope, "api_mapping", {
        apiId: api.apiId,
        domainName: domain.id,
        stage: api.stageId,
      });
      return domain;
    };
    const primary = side(this.primarySide, primaryCertificate, props.primary, false);
    const replica = side(this.replicaSide, replicaCertificate, props.replica, true);
    placeInRegion(this.replicaSide, props.replica.region);
    this.primaryDomain = primary;
    this.replicaDomain = replica;

    const target = (domain: Apigatewayv2DomainName) => domain.domainNameConfiguration;
    // What decides a failover: whether API Gateway in the primary Region accepts TLS connections
    // on its regional endpoint for this domain (a Region or API Gateway outage). A TCP probe, not
    // HTTPS: every route needs a JWT, so an HTTP probe would read 401 as unhealthy, and a route
    // without an authorizer just for probes would be public surface into a function. A failing
    // function or banking API is no reason to move: Frankfurt runs the same code against the same
    // banking API; the API's 5xx alarm pages for it. To force a failover, invert this check
    // (docs/disaster-recovery.md).
    this.healthCheck = new Route53HealthCheck(this, "primary_health_check", {
      type: "TCP",
      fqdn: target(primary).targetDomainName,
      port: 443,
      requestInterval: 30,
      failureThreshold: 3,
      tags: { ...tags, Name: `${domainName} ${props.primary.region}` },
    });

    const failover = (
      id: string,
      type: "PRIMARY" | "SECONDARY",
      from: Apigatewayv2DomainName,
      region: string,
    ) =>
      new Route53Record(this, id, {
        zoneId: hostedZoneId,
        name: domainName,
        type: "A",
        setIdentifier: region,
        failoverRoutingPolicy: { type },
        ...(type === "PRIMARY" ? { healthCheckId: this.healthCheck.id } : {}),
        alias: {
          name: target(from).targetDomainName,
          zoneId: target(from).hostedZoneId,
          // Also fails over when Route 53 sees API Gateway itself unavailable in that Region.
          evaluateTargetHealth: true,
        },
      });
    this.records = {
      primary: failover("primary_record", "PRIMARY", primary, props.primary.region),
      secondary: failover("secondary_record", "SECONDARY", replica, props.replica.region),
    };
  }
}
