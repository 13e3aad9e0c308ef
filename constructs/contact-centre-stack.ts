import { Lazy } from "cdktf";
import { Construct } from "constructs";
import type { StackConfig } from "../config/schema";
import { BankingGuardrail } from "./ai";
import { apiFunctionNames, CompanionCrmApi, type CompanionCrmApiProps } from "./api";
import { AuditTrail } from "./audit";
import { CallbackLifecycle, callbackStatusName, type CallbackLifecycleProps } from "./callbacks";
import { CcpLogging, CcpSite, type CcpSiteAssets } from "./ccp";
import { ConnectCore, DEFAULT_KEY_VIA_SERVICES } from "./connect";
import { AddressedStack } from "./core/addresses";
import { stackNameFor } from "./core/stack-name";
import { ConnectMetricStream, DataLake, LogArchive } from "./datalake";
import { DisasterRecovery, replicaBucketNames } from "./dr";
import { ContactFlows, flowQueueArns } from "./flows/contact-flows";
import {
  LexFallbackLambda,
  LEX_FALLBACK_METRIC_NAMESPACE,
  type LexFallbackLambdaProps,
} from "./lambda/lex-fallback-lambda";
import type { LambdaZip } from "./lambda/types";
import { LexBots } from "./lex";
import { RetiredResources } from "./migration/retired";
import { ContactRecordMetrics, Observability, type ContactRecordMetricsProps } from "./observability";
import { Platform } from "./platform/platform";
import { AccessLogBucket } from "./storage";
import { AlertTopics, ApiSecrets, FraudBackupQueue, PinEncryptionKey, SecurityTables } from "./security";

export interface ContactCentreStackProps {
  /** Validated configuration (config/load.ts). */
  readonly config: StackConfig;
  /** Built lex_fallback bundle (main.ts bundles at synth; tests pass a prebuilt zip). */
  readonly lexFallbackCode: LambdaZip;
  /** Built ctr_metrics bundle (main.ts bundles at synth; tests pass a prebuilt zip). */
  readonly ctrMetricsCode: LambdaZip;
  /** Built companion_api and crm_api bundles (main.ts bundles at synth; tests pass a prebuilt zip). */
  readonly companionApiCode: LambdaZip;
  readonly crmApiCode: LambdaZip;
  /** Built callback_status bundle (main.ts bundles at synth; tests pass a prebuilt zip). */
  readonly callbackStatusCode: LambdaZip;
  /** Built CCP page scripts and styles (main.ts builds them at synth; tests pass prebuilt files). */
  readonly ccpSiteAssets: CcpSiteAssets;
}

/** Stack name for an environment (one state file / backend key per environment), from core/stack-name. */
export { stackNameFor };

/**
 * The whole contact centre. Wiring only: each concern is a construct under constructs/<concern>/,
 * created in dependency order and handed what it needs through typed props.
 * Names of stateful resources stay the original's (`<project>-…`) so migration renames nothing.
 */
export class ContactCentreStack extends AddressedStack {
  public readonly platform: Platform;
  public readonly accessLogs: AccessLogBucket;
  public readonly connect: ConnectCore;
  public readonly securityTables: SecurityTables;
  public readonly alertTopics: AlertTopics;
  public readonly fraudBackup: FraudBackupQueue;
  public readonly apiSecrets: ApiSecrets;
  public readonly guardrail: BankingGuardrail;
  public readonly lexFallback: LexFallbackLambda;
  public readonly lex: LexBots;
  public readonly flows: ContactFlows;
  public readonly observability: Observability;
  public readonly dataLake: DataLake;
  public readonly contactRecordMetrics: ContactRecordMetrics;
  public readonly logArchive: LogArchive;
  public readonly auditTrail: AuditTrail;
  public readonly ccpSite: CcpSite;
  public readonly api: CompanionCrmApi;
  public readonly callbackLifecycle: CallbackLifecycle;
  /** The replica Region (config `dr`, production only); undefined while DR is off. */
  public readonly disasterRecovery?: DisasterRecovery;

  constructor(scope: Construct, id: string, props: ContactCentreStackProps) {
    super(scope, id);
    const { config } = props;
    const prefix = config.projectName;
    const tags = { ...config.tags, Environment: config.environment };

    this.platform = new Platform(this, "platform", {
      region: config.region,
      tags,
      backend: config.backend,
      stackName: stackNameFor(config),
      ...(config.accountIds ? { allowedAccountIds: config.accountIds } : {}),
    });
    const awsEnv = {
      accountId: this.platform.accountId,
      region: this.platform.regionName,
      partition: this.platform.partition,
    };
    // S3 server access logs of every bucket, and CloudFront's access logs (audit finding: none logged).
    this.accessLogs = new AccessLogBucket(this, "access_logs", {
      bucketName: `${prefix}-access-logs-${this.platform.accountId}`,
      account: awsEnv,
    });

    // Connect core: key, recordings bucket, instance, numbers, hours, queues, profiles, agents.
    this.connect = new ConnectCore(this, "connect", {
      config: config.connect,
      projectName: prefix,
      environment: config.environment,
      account: awsEnv,
      storageAccessLogs: this.accessLogs.targetFor("recordings"),
      keyDeletionWindowDays: config.security.kmsDeletionWindowDays,
      protectNumbers: config.security.deletionProtection,
      // Global Resiliency: once the replica exists the numbers belong to its traffic distribution group.
      ...(config.dr.trafficDistributionGroupArn
        ? { numbersTrafficDistributionGroupArn: config.dr.trafficDistributionGroupArn }
        : {}),
      // The guardrail uses the stack key only when Bedrock runs in the stack's region (keys are regional).
      ...(config.bedrockRegion === config.region
        ? { keyViaServices: [...DEFAULT_KEY_VIA_SERVICES, "bedrock" as const] }
        : {}),
    });
    const keyArn = this.connect.key.keyArn;

    // Security: tables, alert topics, API key secrets (values set out of band), LLM guardrail.
    this.securityTables = new SecurityTables(this, "security", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      deletionProtection: config.security.deletionProtection,
    });
    this.alertTopics = new AlertTopics(this, "alerts", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      accountId: this.platform.accountId,
      fraudAlertEmails: config.security.fraudAlertEmails,
      alarmEmails: config.security.alarmEmails,
    });
    this.fraudBackup = new FraudBackupQueue(this, "fraud_backup", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      alarmTopicArns: [this.alertTopics.fraudAlerts.arn, this.alertTopics.alarms.arn],
    });
    this.apiSecrets = new ApiSecrets(this, "secrets", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      recoveryWindowInDays: config.security.deletionProtection ? 30 : 7,
    });
    this.guardrail = new BankingGuardrail(this, "guardrail", {
      name: `${prefix}-guardrail`,
      region: config.bedrockRegion,
      originalRegion: config.region,
      // The stack key lives in the main region; KMS keys do not cross regions.
      ...(config.bedrockRegion === config.region ? { kmsKeyArn: keyArn } : {}),
    });

    // Encrypted PIN entry: the private key's secret (value put out of band), when configured.
    const pinKey = config.flows.pinEncryption
      ? new PinEncryptionKey(this, "pin_encryption", {
          namePrefix: prefix,
          kmsKeyArn: keyArn,
          recoveryWindowInDays: config.security.deletionProtection ? 30 : 7,
        })
      : undefined;

    // The Lex code hook, which also serves the flows' InvokeLambdaFunction calls.
    const lexFallbackProps: LexFallbackLambdaProps = {
      functionName: `${prefix}-lex-fallback`,
      code: props.lexFallbackCode,
      kmsKeyArn: keyArn,
      authStateTableArn: this.securityTables.authState.arn,
      securityEventsTableArn: this.securityTables.securityEvents.arn,
      callbackTableArn: this.securityTables.callbacks.arn,
      fraudTopicArn: this.alertTopics.fraudAlerts.arn,
      fraudBackupQueue: { arn: this.fraudBackup.queue.arn, url: this.fraudBackup.queue.url },
      authPushTopicArn: this.alertTopics.authPush.arn,
      bankingApiUrl: config.lambda.bankingApiUrl,
      bankingApiSecretArn: this.apiSecrets.bankingApiKey.arn,
      bedrockRegion: config.bedrockRegion,
      bedrockModelId: config.lambda.bedrockModelId,
      bedrockModelArns: [
        `arn:${this.platform.partition}:bedrock:${config.bedrockRegion}::foundation-model/${config.lambda.bedrockModelId}`,
      ],
      guardrail: { arn: this.guardrail.arn, id: this.guardrail.id, version: this.guardrail.versionNumber },
      confidenceThreshold: config.lambda.lowConfidenceThreshold,
      runtime: config.lambda.runtime,
      memoryMb: config.lambda.memoryMb,
      timeoutSeconds: config.lambda.timeoutSeconds,
      maxPinAttempts: config.security.maxPinAttempts,
      securityEventTtlDays: config.security.securityEventTtlDays,
      rateLimits: config.security.rateLimits,
      customerIdFormat: config.security.customerIdFormat,
      logRetentionDays: config.observability.logRetentionDays,
      aiMetricsNamespace: config.observability.aiMetricsNamespace,
      // The data lake is built further down; resolved at synth, so construct order (and with it the
      // order of every moved block) stays as it was.
      aiInsightsStream: {
        arn: Lazy.stringValue({ produce: () => this.dataLake.aiReportingStream.arn }),
        name: Lazy.stringValue({ produce: () => this.dataLake.aiReportingStream.name }),
      },
      ...(config.flows.pinEncryption && pinKey
        ? {
            pinEncryption: {
              keyId: config.flows.pinEncryption.keyId,
              privateKeySecretArn: pinKey.secret.arn,
            },
          }
        : {}),
      ...(config.lambda.reservedConcurrency !== undefined
        ? { reservedConcurrency: config.lambda.reservedConcurrency }
        : {}),
    };
    this.lexFallback = new LexFallbackLambda(this, "lex_fallback", lexFallbackProps);
    this.lexFallback.allowConnect(this.connect.instanceArn);
    const lambdaAssociation = this.lexFallback.associateWithInstance(this.connect.instanceId);

    // Federated Lex V2 bots, associated with the instance as LEX_BOT integrations.
    this.lex = new LexBots(this, "lex", {
      config: config.lex,
      locale: config.locale,
      voiceId: config.voiceId,
      namePrefix: prefix,
      accountId: this.platform.accountId,
      region: this.platform.regionName,
      connectInstanceArn: this.connect.instanceArn,
      codeHook: {
        functionName: this.lexFallback.function.functionName,
        aliasName: this.lexFallback.alias.name,
        aliasArn: this.lexFallback.aliasArn,
      },
      logRetentionDays: config.observability.logRetentionDays,
      kmsKeyArn: keyArn,
      tags,
    });

    // Global Resiliency copies the flows to the replica, where they must reach that Region's Lambda
    // (same name) and bots (same ids, Lex Global Resiliency): AWS has flows name them with
    // $.AwsRegion, which Connect replaces at run time with the Region the flow runs in.
    const arnInFlows = (service: string, resource: string, arn: string): string =>
      config.dr.enabled
        ? `arn:${this.platform.partition}:${service}:$.AwsRegion:${this.platform.accountId}:${resource}`
        : arn;
    const lambdaInFlows = arnInFlows(
      "lambda",
      `function:${this.lexFallback.function.functionName}:${this.lexFallback.alias.name}`,
      this.lexFallback.aliasArn,
    );
    const botInFlows = (bot: LexBots["gateway"]) =>
      arnInFlows("lex", `bot-alias/${bot.botId}/${bot.aliasId}`, bot.aliasArn);
    // Contact flows (validated at synth). The IVR invokes the auth module; the module never refers back.
    this.flows = new ContactFlows(this, "flows", {
      instanceId: this.connect.instanceId,
      queueArns: flowQueueArns(this.connect.queueArns),
      hoursOfOperationId: this.connect.hoursIds.business,
      botAliasArns: {
        gateway: botInFlows(this.lex.gateway),
        banking: botInFlows(this.lex.banking),
        sales: botInFlows(this.lex.sales),
      },
      lambdaArns: { auth: lambdaInFlows, callback: lambdaInFlows },
      lexDependsOn: this.lex.associations,
      lambdaDependsOn: [lambdaAssociation],
      brandName: config.flows.brandName,
      dtmfTimeoutSeconds: config.flows.dtmfTimeoutSeconds,
      canaryPercent: config.flows.canaryPercent,
      ...(config.flows.pinEncryption ? { pinEncryption: config.flows.pinEncryption } : {}),
      voice: { name: config.voiceId },
      // Contact Lens analyses in the instance's language (en_GB -> en-GB).
      analyticsLanguage: config.locale.replace("_", "-"),
    });
    this.connect.routeInboundCallsTo(this.flows.inboundVoice.flowId);
    this.connect.useQueueTransferFlow(this.flows.queueTransfer.flowId);

    // Dashboard and alarms. The contact-record consumer (below, after its stream) is graphed too.
    const ctrMetricsFunctionName = `${prefix}-ctr-metrics`;
    this.observability = new Observability(this, "observability", {
      namePrefix: prefix,
      region: config.region,
      config: config.observability,
      connectInstanceId: this.connect.instanceId,
      queueNames: Object.keys(config.connect.queues),
      lexFallbackFunctionName: this.lexFallback.function.functionName,
      otherFunctionNames: [
        ctrMetricsFunctionName,
        ...Object.values(apiFunctionNames(prefix)),
        callbackStatusName(prefix),
      ],
      contactRecordCounterFunctionName: ctrMetricsFunctionName,
      deliveryFailures: {
        namespace: LEX_FALLBACK_METRIC_NAMESPACE,
        fraudAlertUndelivered: this.lexFallback.deliveryFailureMetrics.FRAUD_ALERT_UNDELIVERED,
        securityEventUnwritten: this.lexFallback.deliveryFailureMetrics.SECURITY_EVENT_UNWRITTEN,
      },
      alarmTopicArn: this.alertTopics.alarms.arn,
      fraudTopicArn: this.alertTopics.fraudAlerts.arn,
    });

    // Data lake, log archive, audit trail, CCP site.
    this.dataLake = new DataLake(this, "datalake", {
      namePrefix: prefix,
      config: config.datalake,
      env: awsEnv,
      kmsKeyArn: keyArn,
      // Contact records and agent events on the stack key, not the AWS managed one (audit finding).
      streamKmsKeyId: keyArn,
      connectInstanceId: this.connect.instanceId,
      connectInstanceArn: this.connect.instanceArn,
      connectStorageBucketName: this.connect.storageBucket.bucketName,
      accessLogs: this.accessLogs.targetFor("datalake"),
    });
    // Contact-record metrics: ContactsHandled / ContactsAbandoned for the queue abandonment alarms.
    const contactRecordMetricsProps: ContactRecordMetricsProps = {
      countedContactsTable: this.securityTables.refs.countedContacts,
      functionName: ctrMetricsFunctionName,
      code: props.ctrMetricsCode,
      kmsKeyArn: keyArn,
      streamArn: this.dataLake.ctrStream.arn,
      streamKmsKeyArn: keyArn,
      namespace: config.observability.contactMetricsNamespace,
      logRetentionDays: config.observability.logRetentionDays,
      alarmTopicArn: this.alertTopics.alarms.arn,
    };
    this.contactRecordMetrics = new ContactRecordMetrics(this, "contact_metrics", contactRecordMetricsProps);

    // Callback requests past PENDING: Connect's contact events of callback contacts move each
    // callbacks-table record forward (docs/flow-journeys.md, "Callbacks table lifecycle").
    const callbackStatusProps: CallbackLifecycleProps = {
      namePrefix: prefix,
      code: props.callbackStatusCode,
      kmsKeyArn: keyArn,
      callbacksTable: this.securityTables.refs.callbacks,
      connectInstanceArn: this.connect.instanceArn,
      metricsNamespace: config.observability.contactMetricsNamespace,
      alarmTopicArn: this.alertTopics.alarms.arn,
      logRetentionDays: config.observability.logRetentionDays,
    };
    this.callbackLifecycle = new CallbackLifecycle(this, "callback_status", callbackStatusProps);

    // Keys are the original subscription filter names. lex_fallback replaces bedrock_mcp as the code hook.
    this.logArchive = new LogArchive(this, "log_archive", {
      namePrefix: prefix,
      bucketArn: this.dataLake.bucket.bucketArn,
      kmsKeyArn: keyArn,
      prefix: config.datalake.prefixes.logArchive,
      logGroups: {
        lex_logs: this.lex.gateway.logGroup.name,
        banking_lex_logs: this.lex.banking.logGroup.name,
        sales_lex_logs: this.lex.sales.logGroup.name,
        bedrock_mcp_logs: this.lexFallback.lambda.logGroup.name,
      },
      bufferingSizeMb: config.datalake.buffering.sizeMb,
      bufferingIntervalSeconds: config.datalake.buffering.intervalSeconds,
      errorLogRetentionDays: config.datalake.deliveryErrorLogRetentionDays,
      env: awsEnv,
    });
    new ConnectMetricStream(this, "metric_stream", {
      namePrefix: prefix,
      namespaces: config.datalake.metricStreamNamespaces,
      deliveryStreamArn: this.logArchive.delivery.streamArn,
      accountId: this.platform.accountId,
    });
    this.auditTrail = new AuditTrail(this, "audit", {
      namePrefix: prefix,
      config: config.audit,
      env: awsEnv,
      // The log bucket logs no access of its own (that would loop): the trail records reads of it.
      dataEventBucketArns: [
        this.dataLake.bucket.bucketArn,
        this.connect.storageBucket.bucketArn,
        this.accessLogs.bucketArn,
        // The trail is multi-Region: it records the replica Region's buckets too (config `dr`).
        ...(config.dr.enabled
          ? Object.values(replicaBucketNames(prefix, this.platform.accountId)).map(
              (name) => `arn:${this.platform.partition}:s3:::${name}`,
            )
          : []),
      ],
      accessLogs: this.accessLogs.targetFor("cloudtrail"),
      kmsDeletionWindowDays: config.security.kmsDeletionWindowDays,
    });
    // Companion-app approvals and the agents' customer lookup (the original's auth API, carried over).
    // Browsers call it only from the CCP page; without a bank host name the page's CloudFront name is
    // not known before the API exists (the page's CSP names the API), so any origin may send a bearer token.
    const apiProps: CompanionCrmApiProps = {
      namePrefix: prefix,
      config: config.api,
      kmsKeyArn: keyArn,
      logRetentionDays: config.observability.logRetentionDays,
      authStateTableArn: this.securityTables.authState.arn,
      accessAuditTable: this.securityTables.refs.customerAccess,
      auditRetentionDays: config.observability.logRetentionDays,
      customerIdFormat: config.security.customerIdFormat,
      bankingApiUrl: config.lambda.bankingApiUrl,
      bankingApiSecretArn: this.apiSecrets.bankingApiKey.arn,
      companionCode: props.companionApiCode,
      crmCode: props.crmApiCode,
      alarmTopicArn: this.alertTopics.alarms.arn,
      corsOrigins: config.ccp.domainName ? [`https://${config.ccp.domainName}`] : ["*"],
      tags,
    };
    this.api = new CompanionCrmApi(this, "api", apiProps);
    // With a failover domain (config `dr.api`) agents reach the API in whichever Region is healthy.
    const apiDomain = config.dr.enabled ? config.dr.api?.domainName : undefined;
    this.ccpSite = new CcpSite(this, "ccp", {
      crmApiUrl: config.ccp.crmApiUrl ?? (apiDomain ? `https://${apiDomain}` : this.api.endpoint),
      namePrefix: prefix,
      config: config.ccp,
      assets: props.ccpSiteAssets,
      accessUrl: `https://${this.connect.instanceAlias}.my.connect.aws`,
      region: this.platform.regionName,
      connectInstanceArn: this.connect.instanceArn,
      usEast1Provider: this.platform.awsUsEast1,
      awsccProvider: this.platform.awscc,
      accessLogs: this.accessLogs.targetFor("ccp-site"),
    });
    // CloudFront and WAF request logs (audit finding: neither logged anything).
    new CcpLogging(this, "ccp_logging", {
      namePrefix: prefix,
      distributionArn: this.ccpSite.distribution.arn,
      webAclArn: this.ccpSite.waf.webAcl.arn,
      logBucketArn: this.accessLogs.bucketArn,
      retentionDays: config.observability.logRetentionDays,
      account: awsEnv,
      usEast1Provider: this.platform.awsUsEast1,
      keyDeletionWindowDays: config.security.kmsDeletionWindowDays,
    });

    // Original resources this stack deliberately stops managing (see docs/migration.md).
    new RetiredResources(this, "retired");

    // Disaster recovery: the replica Region, created last so nothing of the primary moves.
    if (config.dr.enabled) {
      this.disasterRecovery = new DisasterRecovery(this, "dr", {
        config: config.dr,
        namePrefix: prefix,
        environment: config.environment,
        primaryRegion: config.region,
        account: { accountId: this.platform.accountId, partition: this.platform.partition },
        keyDeletionWindowDays: config.security.kmsDeletionWindowDays,
        deletionProtection: config.security.deletionProtection,
        tables: this.securityTables,
        secrets: [this.apiSecrets.bankingApiKey, ...(pinKey ? [pinKey.secret] : [])],
        recordings: {
          bucket: this.connect.storageBucket,
          kmsKeyArn: keyArn,
          retentionDays: config.connect.recordingRetentionDays,
        },
        instanceId: this.connect.instanceId,
        lexFallback: lexFallbackProps,
        callbackStatus: callbackStatusProps,
        api: { props: apiProps, primary: this.api },
        ccpSite: this.ccpSite,
        contactRecords: { metrics: contactRecordMetricsProps, stream: config.datalake.ctrStream },
        alertEmails: { fraud: config.security.fraudAlertEmails, alarms: config.security.alarmEmails },
        observability: { config: config.observability, queueNames: Object.keys(config.connect.queues) },
        primaryAlarms: {
          observability: this.observability.alarms,
          fraudBackup: this.fraudBackup.depthAlarms,
          callbackDeadLetter: this.callbackLifecycle.deadLetterAlarm,
          contactRecords: this.contactRecordMetrics,
        },
        botAliases: (["gateway", "banking", "sales"] as const).map((key) => ({
          key,
          arn: this.lex[key].aliasArn,
          codeHook: this.lex[key].invokePermission !== undefined,
        })),
      });
    }
  }
}
