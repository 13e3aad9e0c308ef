import type { Construct } from "constructs";
import { CompanionCrmApi, type CompanionCrmApiProps } from "../api";
import { ApiFailoverDomain } from "./api-failover-domain";

/** What the replica's companion/CRM API needs of the replica Region and of the primary's API. */
export interface ReplicaApiProps {
  /** Config `dr.api`: the failover domain and its hosted zone. */
  readonly domain: { readonly domainName: string; readonly hostedZoneId: string };
  readonly primaryRegion: string;
  readonly replicaRegion: string;
  /** The primary API's props (the same bundles, issuers and audiences) and the API itself. */
  readonly primary: { readonly props: CompanionCrmApiProps; readonly api: CompanionCrmApi };
  /** The replica key: function environments, logs and the access log group. */
  readonly kmsKeyArn: string;
  /** The auth-state and customer-access tables' replicas in the replica Region. */
  readonly authStateTableArn: string;
  readonly accessAuditTable: { readonly name: string; readonly arn: string };
  /** The banking API key's replica secret (same name, the replica Region's ARN). */
  readonly bankingApiSecretArn: string;
  /** The replica Region's operations topic. */
  readonly alarmTopicArn: string;
}

/**
 * The companion/CRM API in the replica Region and the failover domain in front of both
 * (docs/disaster-recovery.md): the primary's construct with its props, differing only in what is
 * regional. Its resources sit under `scope` (the DR construct: `dr_api_…`, `dr_api_domain_…`).
 */
export function buildReplicaApi(
  scope: Construct,
  props: ReplicaApiProps,
): { api: CompanionCrmApi; domain: ApiFailoverDomain } {
  const primary = props.primary.props;
  const api = new CompanionCrmApi(scope, "api", {
    ...primary,
    replicaRegion: props.replicaRegion,
    kmsKeyArn: props.kmsKeyArn,
    authStateTableArn: props.authStateTableArn,
    accessAuditTable: props.accessAuditTable,
    bankingApiSecretArn: props.bankingApiSecretArn,
    alarmTopicArn: props.alarmTopicArn,
  });
  const regional = (region: string, from: CompanionCrmApi) => ({
    region,
    apiId: from.api.id,
    stageId: from.stage.id,
  });
  const domain = new ApiFailoverDomain(scope, "api_domain", {
    ...props.domain,
    primary: regional(props.primaryRegion, props.primary.api),
    replica: regional(props.replicaRegion, api),
    ...(primary.tags ? { tags: primary.tags } : {}),
  });
  return { api, domain };
}
