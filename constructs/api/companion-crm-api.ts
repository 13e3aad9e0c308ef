import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
} from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { ApiConfig } from "../../config/schema";
import {
  customerIdFormatToEnv,
  DEFAULT_CUSTOMER_ID_FORMAT,
  type CustomerIdFormat,
} from "../../lambda/shared/customer-id";
import { keepAddress, movedFrom } from "../core/addresses";
import { placeInRegion } from "../dr/replica-region";
import { NodejsLambda } from "../lambda/nodejs-lambda";
import type { LambdaZip, LogRetentionDays } from "../lambda/types";
import { CustomerAccessAlarms } from "./customer-access-alarms";

export interface CompanionCrmApiProps {
  /** Prefix of every name, as the original's project_name. */
  readonly namePrefix: string;
  /** Validated `api` section of the config. */
  readonly config: ApiConfig;
  /** Stack key: access logs, function environments and logs. */
  readonly kmsKeyArn: string;
  readonly logRetentionDays: LogRetentionDays;
  /** Auth-state table holding the companion requests (hash key request_id, TTL ttl). */
  readonly authStateTableArn: string;
  /**
   * Customer-access audit table (hash customer_id, range accessed_at, TTL ttl): both functions
   * may only PutItem there, one create-only record per lookup or answer.
   */
  readonly accessAuditTable: { readonly name: string; readonly arn: string };
  /** Days an access record is kept: as long as the logs (config observability.logRetentionDays). */
  readonly auditRetentionDays: LogRetentionDays;
  /**
   * How customer ids are made canonical (config security.customerIdFormat).
   * @default DEFAULT_CUSTOMER_ID_FORMAT - the bank's digits, leading zeros dropped
   */
  readonly customerIdFormat?: CustomerIdFormat;
  /** Customer lookups by one agent in 5 minutes above which ops are alarmed. @default 30 */
  readonly lookupsPerAgentThreshold?: number;
  /** Base URL of the core-banking API and the secret holding its key. */
  readonly bankingApiUrl: string;
  readonly bankingApiSecretArn: string;
  /** Bundles of lambda/companion_api and lambda/crm_api. */
  readonly companionCode: LambdaZip;
  readonly crmCode: LambdaZip;
  /** Topic told when the API answers 5xx or a function fails, and when it recovers. */
  readonly alarmTopicArn: string;
  /** Browser origins allowed to call the API (the CCP site's); the companion app is no browser. */
  readonly corsOrigins: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Build the disaster-recovery replica's copy in this Region (docs/disaster-recovery.md): every
   * resource placed there, addresses from the construct path (the original's are the primary's),
   * and the functions' IAM roles named `<function>-role-<region>` (IAM is global).
   * @default - the primary API, at the original stack's addresses
   */
  readonly replicaRegion?: string;
}

/** Names of the API's two functions (the dashboard graphs them before the API exists). */
export function apiFunctionNames(namePrefix: string): { companion: string; crm: string } {
  return { companion: `${namePrefix}-companion-approval`, crm: `${namePrefix}-crm-customer` };
}

/**
 * Access log fields: who called what and how it ended. The caller is the verified token's `sub`
 * (an agent, or the app user's pseudonymous subject); no other claim, header, body or query
 * string (the CRM route's query is a customer id), which stay in the access audit table.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  caller: "$context.authorizer.claims.sub",
  sourceIp: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  protocol: "$context.protocol",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  status: "$context.status",
  responseLength: "$context.responseLength",
  integrationStatus: "$context.integrationStatus",
  integrationErrorMessage: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
});

/**
 * The original's `<project>-auth-api` HTTP API, carried over (same API id and endpoint, so the
 * companion app keeps its URL) and made safe: `POST /auth` behind the companion app's JWT
 * authorizer, `GET /customer` behind the agents', stage throttling, KMS-encrypted access logs,
 * and TypeScript Lambdas in place of the Python ones.
 */
export class CompanionCrmApi extends Construct {
  public readonly api: Apigatewayv2Api;
  public readonly stage: Apigatewayv2Stage;
  public readonly accessLogs: CloudwatchLogGroup;
  public readonly companionLambda: NodejsLambda;
  public readonly crmLambda: NodejsLambda;
  /** Base URL of the API (`https://<id>.execute-api.<region>.amazonaws.com`), for the CCP page. */
  public readonly endpoint: string;
  /** Every alarm of the API, by construct id (`server_errors`, `auth_route_errors`, …). */
  public readonly alarms: Readonly<Record<string, CloudwatchMetricAlarm>>;

  constructor(scope: Construct, id: string, props: CompanionCrmApiProps) {
    super(scope, id);
    const { config, namePrefix: prefix } = props;
    const tags = { ...props.tags };
    const apiName = `${prefix}-auth-api`;
    const replicaRegion = props.replicaRegion;
    // The original's addresses belong to the primary; a replica's follow its construct path.
    const keep = <T extends Parameters<typeof keepAddress>[0]>(element: T, name: string): T =>
      replicaRegion === undefined ? keepAddress(element, name) : element;
    const moved = <T extends Parameters<typeof movedFrom>[0]>(resource: T, from: string): T =>
      replicaRegion === undefined ? movedFrom(resource, from) : resource;
    const roleName = (functionName: string) =>
      replicaRegion === undefined ? {} : { roleName: `${functionName}-role-${replicaRegion}` };

    this.accessLogs = keep(
      new CloudwatchLogGroup(this, "access_logs", {
        name: `/aws/apigateway/${apiName}`,
        retentionInDays: props.logRetentionDays,
        kmsKeyId: props.kmsKeyArn,
        tags,
      }),
      "auth_api_gw",
    );
    this.api = moved(
      keep(
        new Apigatewayv2Api(this, "api", {
          name: apiName,
          protocolType: "HTTP",
          description: "Companion-app approvals (POST /auth) and agent customer lookup (GET /customer)",
          corsConfiguration: {
            allowOrigins: [...props.corsOrigins],
            allowMethods: ["GET", "POST"],
            allowHeaders: ["authorization", "content-type"],
            maxAge: 3600,
          },
          tags,
        }),
        "auth_api",
      ),
      "module.auth_api_gateway.aws_apigatewayv2_api.this",
    );
    this.endpoint = this.api.apiEndpoint;
    this.stage = moved(
      keep(
        new Apigatewayv2Stage(this, "stage", {
          apiId: this.api.id,
          name: "$default",
          autoDeploy: true,
          accessLogSettings: { destinationArn: this.accessLogs.arn, format: ACCESS_LOG_FORMAT },
          defaultRouteSettings: {
            throttlingRateLimit: config.throttling.rateLimit,
            throttlingBurstLimit: config.throttling.burstLimit,
            detailedMetricsEnabled: true,
          },
          tags,
        }),
        "auth_api_stage",
      ),
      "module.auth_api_gateway.aws_apigatewayv2_stage.this",
    );

    const authorizer = (key: string, who: { issuer: string; audience: readonly string[] }) =>
      new Apigatewayv2Authorizer(this, key, {
        apiId: this.api.id,
        name: `${prefix}-${key.replace(/_/g, "-")}`,
        authorizerType: "JWT",
        identitySources: ["$request.header.Authorization"],
        jwtConfiguration: { issuer: who.issuer, audience: [...who.audience] },
      });
    const companionAuthorizer = authorizer("companion_app", config.companionApp);
    const agentsAuthorizer = authorizer("agents", config.agents);

    const common = { kmsKeyArn: props.kmsKeyArn, logRetentionDays: props.logRetentionDays, tags } as const;
    // Both functions append to the access audit and nothing else there: no read, update or delete.
    const appendAccessAudit = {
      sid: "AppendAccessAudit",
      actions: ["dynamodb:PutItem"],
      resources: [props.accessAuditTable.arn],
    };
    const auditEnvironment = {
      ACCESS_AUDIT_TABLE_NAME: props.accessAuditTable.name,
      AUDIT_RETENTION_DAYS: String(props.auditRetentionDays),
      CUSTOMER_ID_FORMAT: customerIdFormatToEnv(props.customerIdFormat ?? DEFAULT_CUSTOMER_ID_FORMAT),
    };
    const { companion: companionName, crm: crmName } = apiFunctionNames(prefix);
    this.companionLambda = new NodejsLambda(this, "companion_lambda", {
      ...common,
      functionName: companionName,
      ...roleName(companionName),
      code: props.companionCode,
      memorySize: 256,
      timeout: 5,
      statements: [
        {
          sid: "AnswerCompanionRequests",
          actions: ["dynamodb:UpdateItem", "dynamodb:GetItem"],
          resources: [props.authStateTableArn],
        },
        appendAccessAudit,
      ],
      environment: {
        POWERTOOLS_SERVICE_NAME: companionName,
        AUTH_STATE_TABLE_NAME: Fn.element(Fn.split("/", props.authStateTableArn), 1),
        CUSTOMER_ID_CLAIM: config.companionApp.customerIdClaim,
        ...auditEnvironment,
      },
    });
    this.crmLambda = new NodejsLambda(this, "crm_lambda", {
      ...common,
      functionName: crmName,
      ...roleName(crmName),
      code: props.crmCode,
      memorySize: 256,
      timeout: 5,
      statements: [
        {
          sid: "BankingApiKey",
          actions: ["secretsmanager:GetSecretValue"],
          resources: [props.bankingApiSecretArn],
        },
        appendAccessAudit,
      ],
      environment: {
        POWERTOOLS_SERVICE_NAME: crmName,
        BANKING_API_URL: props.bankingApiUrl,
        BANKING_API_SECRET_ID: props.bankingApiSecretArn,
        AGENT_GROUPS_CLAIM: config.agents.groupsClaim,
        REQUIRED_AGENT_GROUP: config.agents.requiredGroup,
        ...auditEnvironment,
      },
    });

    // The original's integrations, routes and permissions keep their addresses; each now points at
    // the new function's live alias, and every route needs a verified token.
    const routes = [
      {
        routeKey: "POST /auth",
        lambda: this.companionLambda,
        functionName: companionName,
        authorizer: companionAuthorizer,
        names: ["auth_integration", "auth_route", "apigw_invoke"],
      },
      {
        routeKey: "GET /customer",
        lambda: this.crmLambda,
        functionName: crmName,
        authorizer: agentsAuthorizer,
        names: ["crm_integration", "crm_route", "apigw_invoke_crm"],
      },
    ] as const;
    const alarms: Record<string, CloudwatchMetricAlarm> = {};
    for (const { routeKey, lambda, functionName, authorizer: routeAuthorizer, names } of routes) {
      const [integrationName, routeName, permissionName] = names;
      const integration = keep(
        new Apigatewayv2Integration(this, integrationName, {
          apiId: this.api.id,
          integrationType: "AWS_PROXY",
          integrationUri: lambda.aliasArn,
          payloadFormatVersion: "2.0",
          timeoutMilliseconds: 6000,
        }),
        integrationName,
      );
      keep(
        new Apigatewayv2Route(this, routeName, {
          apiId: this.api.id,
          routeKey,
          target: `integrations/${integration.id}`,
          authorizationType: "JWT",
          authorizerId: routeAuthorizer.id,
        }),
        routeName,
      );
      const [method, path] = routeKey.split(" ");
      // A failing approval leaves a caller waiting on the IVR; a failing lookup, an agent without context.
      alarms[`${routeName}_errors`] = anyInTwoPeriods(this, `${routeName}_errors`, props.alarmTopicArn, {
        alarmName: `${functionName}-errors`,
        alarmDescription: `${routeKey}: the function failed (unhandled errors or timeouts) in two 5-minute periods running`,
        namespace: "AWS/Lambda",
        metricName: "Errors",
        dimensions: { FunctionName: functionName },
      });
      keep(
        lambda.allowInvoke(
          permissionName,
          "apigateway.amazonaws.com",
          `${this.api.executionArn}/*/${method}${path}`,
        ),
        permissionName,
      );
    }
    alarms.server_errors = anyInTwoPeriods(this, "server_errors", props.alarmTopicArn, {
      alarmName: `${apiName}-5xx`,
      alarmDescription:
        "The companion/CRM API answered 5xx (integration failures, throttled functions) in two 5-minute periods running",
      namespace: "AWS/ApiGateway",
      metricName: "5xx",
      dimensions: { ApiId: this.api.id, Stage: this.stage.name },
    });
    const customerAccess = new CustomerAccessAlarms(this, "customer_access", {
      namePrefix: prefix,
      accessLogGroup: { name: `/aws/apigateway/${apiName}`, resource: this.accessLogs },
      lookupRouteKey: "GET /customer",
      auditWriterLogGroups: {
        companion: this.companionLambda.logGroup.name,
        crm: this.crmLambda.logGroup.name,
      },
      alarmTopicArn: props.alarmTopicArn,
      ...(props.lookupsPerAgentThreshold !== undefined
        ? { lookupsPerAgentThreshold: props.lookupsPerAgentThreshold }
        : {}),
    });
    alarms.lookups_per_agent_high = customerAccess.lookupsPerAgentAlarm;
    alarms.audit_unwritten = customerAccess.auditUnwrittenAlarm;
    this.alarms = alarms;
    if (replicaRegion !== undefined) placeInRegion(this, replicaRegion);
  }
}

/** An alarm on any occurrence of the metric in two 5-minute periods running, to and from the topic. */
function anyInTwoPeriods(
  scope: Construct,
  id: string,
  topicArn: string,
  metric: Pick<
    CloudwatchMetricAlarmConfig,
    "alarmName" | "alarmDescription" | "namespace" | "metricName" | "dimensions"
  >,
): CloudwatchMetricAlarm {
  return new CloudwatchMetricAlarm(scope, id, {
    ...metric,
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 2,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 0,
    treatMissingData: "notBreaching",
    alarmActions: [topicArn],
    okActions: [topicArn],
  });
}
