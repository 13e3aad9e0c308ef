import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { ConnectInstanceStorageConfig } from "@cdktf/provider-aws/lib/connect-instance-storage-config";
import { DynamodbTableReplicaA } from "@cdktf/provider-aws/lib/dynamodb-table-replica";
import { KinesisStream } from "@cdktf/provider-aws/lib/kinesis-stream";
import type { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { DrConfig, ObservabilityConfig } from "../../config/schema";
import { apiFunctionNames, type CompanionCrmApi, type CompanionCrmApiProps } from "../api";
import { AwsccProvider, ConnectIntegrationAssociation } from "../awscc";
import { CallbackLifecycle, callbackStatusName, type CallbackLifecycleProps } from "../callbacks";
import { DEFAULT_KEY_VIA_SERVICES } from "../connect/connect-core";
import {
  LEX_FALLBACK_METRIC_NAMESPACE,
  LexFallbackLambda,
  type LexFallbackLambdaProps,
} from "../lambda/lex-fallback-lambda";
import type { CcpSite } from "../ccp";
import { ContactRecordMetrics, Observability, type ContactRecordMetricsProps } from "../observability";
import {
  AlertTopics,
  FraudBackupQueue,
  TABLE_SPECS,
  type SecurityTableKey,
  type SecurityTables,
} from "../security";
import { EncryptionKey, type SecureBucket } from "../storage";
import type { ApiFailoverDomain } from "./api-failover-domain";
import { buildReplicaApi } from "./replica-api";
import { ReplicaCcpSite } from "./replica-ccp-site";
import { placeInRegion } from "./replica-region";
import { shareReplicaRunbooks, type AlarmPair } from "./replica-runbooks";
import { ReplicaStorage, type StorageDataSet } from "./replica-storage";

export interface DisasterRecoveryProps {
  /** Config `dr`, enabled and validated (the replica Region is the primary's Global Resiliency pair). */
  readonly config: DrConfig;
  /** Project name, first part of every name. */
  readonly namePrefix: string;
  /** Environment name (the key alias is `<project>-<environment>` in both Regions). */
  readonly environment: string;
  /** The primary Region (config `region`). */
  readonly primaryRegion: string;
  /** Account and partition (Platform). */
  readonly account: { readonly accountId: string; readonly partition: string };
  /** Days a scheduled deletion of the replica key waits (config `security.kmsDeletionWindowDays`). */
  readonly keyDeletionWindowDays: number;
  /** Deletion protection on the table replicas (config `security.deletionProtection`). */
  readonly deletionProtection: boolean;
  /** The primary's tables: each becomes a global table with a replica here. */
  readonly tables: SecurityTables;
  /** Secrets replicated by Secrets Manager (same name, same value, the replica key). */
  readonly secrets: readonly SecretsmanagerSecret[];
  /** The primary recordings bucket, its key, and how long recordings are kept. */
  readonly recordings: {
    readonly bucket: SecureBucket;
    readonly kmsKeyArn: string;
    readonly retentionDays: number;
  };
  /** Id of the primary instance: the replica instance has the same id (Connect administrator guide). */
  readonly instanceId: string;
  /** The code hook's props in the primary; the replica's copy differs only in what is regional. */
  readonly lexFallback: LexFallbackLambdaProps;
  /**
   * The callbacks consumer's props in the primary (the same callback_status bundle); the replica's
   * copy differs only in what is regional.
   */
  readonly callbackStatus: CallbackLifecycleProps;
  /**
   * The contact-record counter's props in the primary (the same ctr_metrics bundle) and the
   * primary contact-record stream's sizing (config `datalake.ctrStream`); the replica's copies
   * differ only in what is regional.
   */
  readonly contactRecords: {
    readonly metrics: ContactRecordMetricsProps;
    readonly stream: { readonly shardCount: number; readonly retentionHours: number };
  };
  /**
   * The companion/CRM API's props in the primary and the API itself. With config `dr.api` the
   * replica Region gets a copy (the same bundles and authorizers) and both sit behind the
   * failover domain; without it the API stays in the primary Region only.
   */
  readonly api: { readonly props: CompanionCrmApiProps; readonly primary: CompanionCrmApi };
  /** The agents' CCP site: its distribution fails over to a copy in the replica Region. */
  readonly ccpSite: CcpSite;
  /** Subscribers of the replica's alert topics (config `security`). */
  readonly alertEmails: { readonly fraud: readonly string[]; readonly alarms: readonly string[] };
  /** Alarm thresholds and namespaces (config `observability`) and the queues alarmed on. */
  readonly observability: { readonly config: ObservabilityConfig; readonly queueNames: readonly string[] };
  /**
   * The primary's alarms that the replica has too: each replica alarm links its counterpart's
   * runbook page. `observability` by alarm-table address, `fraudBackup` the backup queue's alarms,
   * `callbackDeadLetter` the callbacks consumer's dead-letter alarm, `contactRecords` the
   * contact-record counter's iterator-age and skipped-records alarms; the API's come with `api`.
   */
  readonly primaryAlarms: {
    readonly observability: Readonly<Record<string, CloudwatchMetricAlarm>>;
    readonly fraudBackup: readonly CloudwatchMetricAlarm[];
    readonly callbackDeadLetter: CloudwatchMetricAlarm;
    readonly contactRecords: Pick<ContactRecordMetrics, "iteratorAgeAlarm" | "skippedRecordsAlarm">;
  };
  /**
   * The primary's bot aliases. Lex Global Resiliency (`npm run dr:replicate`) copies each bot to
   * the replica Region with the same bot and alias ids, so the replica alias's ARN is the
   * primary's in the replica Region. `codeHook`: the alias calls the code-hook Lambda.
   */
  readonly botAliases: ReadonlyArray<{
    readonly key: string;
    readonly arn: string;
    readonly codeHook: boolean;
  }>;
}

/**
 * The replica Region of Connect Global Resiliency, in the same stack as the primary
 * (docs/disaster-recovery.md): a key of its own, every table as a global-table replica, the
 * secrets replicated, the code-hook Lambda and its live alias (same function name, which the
 * replicated flows need), the callbacks consumer, a contact-record stream and its counter, alert
 * topics, the fraud backup queue, alarms and a dashboard, a recordings bucket that receives
 * what residency allows, and the CCP site's failover origin. With the traffic distribution group known
 * (`dr.trafficDistributionGroupArn`, after `npm run dr:replicate`) the replica instance is
 * associated with the Lambda and stores its recordings and contact records here.
 *
 * In the primary Region this adds resources and changes things in place only, none forcing a
 * replacement: the tables' streams (global tables need NEW_AND_OLD_IMAGES), the secrets' replica
 * Region, the CCP distribution's origins (replica-ccp-site.ts), (with the group) `target_arn`.
 */
export class DisasterRecovery extends Construct {
  public readonly region: string;
  public readonly key: EncryptionKey;
  public readonly tableReplicas: Readonly<Record<SecurityTableKey, DynamodbTableReplicaA>>;
  public readonly alerts: AlertTopics;
  public readonly fraudBackup: FraudBackupQueue;
  public readonly lexFallback: LexFallbackLambda;
  public readonly callbacks: CallbackLifecycle;
  /** Where the replica instance writes its contact records (stage 2), in the replica Region. */
  public readonly contactRecordStream: KinesisStream;
  /** ctr_metrics on that stream: the replica's ContactsHandled / ContactsAbandoned. */
  public readonly contactRecordMetrics: ContactRecordMetrics;
  public readonly observability: Observability;
  public readonly storage: ReplicaStorage;
  /** ARN of the replica instance: the primary's id in the replica Region. */
  public readonly replicaInstanceArn: string;
  /** The companion/CRM API in the replica Region, with config `dr.api`. */
  public readonly api?: CompanionCrmApi;
  /** The failover domain in front of the API in both Regions, with config `dr.api`. */
  public readonly apiDomain?: ApiFailoverDomain;
  /** The CCP page's failover origin: its bucket and objects here. */
  public readonly ccpSite: ReplicaCcpSite;

  constructor(scope: Construct, id: string, props: DisasterRecoveryProps) {
    super(scope, id);
    const { config, account, primaryRegion } = props;
    if (!config.enabled || config.replicaRegion === undefined) {
      throw new Error(`DisasterRecovery at ${this.node.path}: dr.enabled and dr.replicaRegion are required`);
    }
    const region = config.replicaRegion;
    this.region = region;
    const replicaAccount = { ...account, region };
    const prefix = props.namePrefix;

    this.key = new EncryptionKey(this, "kms_key", {
      account: replicaAccount,
      description: `Contact-centre data in the disaster-recovery Region (${prefix} ${props.environment})`,
      aliasName: `${prefix}-${props.environment}`,
      viaServices: DEFAULT_KEY_VIA_SERVICES,
      // The callbacks consumer's rule sends undeliverable events to its encrypted dead-letter queue.
      queueSenderServices: ["events.amazonaws.com"],
      deletionWindowInDays: props.keyDeletionWindowDays,
    });
    const keyArn = this.key.keyArn;

    // Global tables (version 2019.11.21): a stream of new and old images on the primary table, a
    // replica resource here; the primary table ignores `replica`, which the replica resource owns.
    const replicas = {} as Record<SecurityTableKey, DynamodbTableReplicaA>;
    for (const key of Object.keys(TABLE_SPECS) as SecurityTableKey[]) {
      const table = props.tables[key];
      table.table.streamEnabled = true;
      table.table.streamViewType = "NEW_AND_OLD_IMAGES";
      table.table.lifecycle = { ...table.table.lifecycle, ignoreChanges: ["replica"] };
      replicas[key] = new DynamodbTableReplicaA(this, `${TABLE_SPECS[key].id}_replica`, {
        globalTableArn: table.arn,
        kmsKeyArn: keyArn,
        pointInTimeRecovery: true,
        deletionProtectionEnabled: props.deletionProtection,
      });
    }
    this.tableReplicas = replicas;
    for (const secret of props.secrets) secret.putReplica([{ region, kmsKeyId: keyArn }]);
    // A replica secret keeps the name; its ARN differs from the primary's only in the Region.
    const inReplica = (arn: string) => Fn.replace(arn, `:${primaryRegion}:`, `:${region}:`);

    this.alerts = new AlertTopics(this, "alerts", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      accountId: account.accountId,
      fraudAlertEmails: props.alertEmails.fraud,
      alarmEmails: props.alertEmails.alarms,
      migrateOriginalState: false,
    });
    this.fraudBackup = new FraudBackupQueue(this, "fraud_backup", {
      namePrefix: prefix,
      kmsKeyArn: keyArn,
      alarmTopicArns: [this.alerts.fraudAlerts.arn, this.alerts.alarms.arn],
    });

    const primary = props.lexFallback;
    const functionName = primary.functionName ?? "lex-fallback";
    const replicaTableArn = (key: SecurityTableKey) => replicas[key].arn;
    // Same table name in both Regions; naming it from the replica waits for the replica to exist.
    const tableNameOf = (replicaArn: string) => Fn.element(Fn.split("/", replicaArn), 1);
    this.lexFallback = new LexFallbackLambda(this, "lex_fallback", {
      ...primary,
      // Same function name in both Regions: the replicated flows invoke it by name in their Region.
      functionName,
      roleName: `${functionName}-role-${region}`,
      kmsKeyArn: keyArn,
      authStateTableArn: replicaTableArn("authState"),
      securityEventsTableArn: replicaTableArn("securityEvents"),
      callbackTableArn: replicaTableArn("callbacks"),
      fraudTopicArn: this.alerts.fraudAlerts.arn,
      fraudBackupQueue: { arn: this.fraudBackup.queue.arn, url: this.fraudBackup.queue.url },
      authPushTopicArn: this.alerts.authPush.arn,
      bankingApiSecretArn: inReplica(primary.bankingApiSecretArn),
      ...(primary.pinEncryption
        ? {
            pinEncryption: {
              keyId: primary.pinEncryption.keyId,
              privateKeySecretArn: inReplica(primary.pinEncryption.privateKeySecretArn),
            },
          }
        : {}),
      // The AI reporting stream and data lake stay in the primary Region: no insight records here.
      aiInsightsStream: undefined,
    });
    this.replicaInstanceArn = `arn:${account.partition}:connect:${region}:${account.accountId}:instance/${props.instanceId}`;
    this.lexFallback.allowConnect(this.replicaInstanceArn);

    // Connect sends a contact's events only to EventBridge in the Region that handles it: callbacks
    // requested on Frankfurt's calls move forward here, on the replica table, or stay PENDING.
    const callbacksReplicaArn = replicaTableArn("callbacks");
    const callbackStatusFunction = callbackStatusName(props.callbackStatus.namePrefix);
    this.callbacks = new CallbackLifecycle(this, "callback_status", {
      ...props.callbackStatus,
      roleName: `${callbackStatusFunction}-role-${region}`,
      kmsKeyArn: keyArn,
      callbacksTable: { name: tableNameOf(callbacksReplicaArn), arn: callbacksReplicaArn },
      connectInstanceArn: this.replicaInstanceArn,
      alarmTopicArn: this.alerts.alarms.arn,
    });

    // Connect writes a contact's records only to a stream of the Region that handled it: without a
    // stream and counter here, Frankfurt's calls count nowhere and its abandonment alarms read nothing.
    const ctrSizing = props.contactRecords.stream;
    this.contactRecordStream = new KinesisStream(this, "ctr_stream", {
      // The primary's name: stream names are regional.
      name: `${prefix}-ctr-stream`,
      shardCount: ctrSizing.shardCount,
      retentionPeriod: ctrSizing.retentionHours,
      streamModeDetails: { streamMode: "PROVISIONED" },
      encryptionType: "KMS",
      kmsKeyId: keyArn,
    });
    const counterFunction = props.contactRecords.metrics.functionName ?? "ctr-metrics";
    // Each Region's counter sees only the contacts that Region handled, so its dedup needs only
    // the local table: counted contacts need not be global. The table is global like every table
    // (TABLE_SPECS), which is harmless: no contact id is claimed in both Regions, so the create-only
    // condition (checked against the local replica) and last-writer-wins never meet.
    const countedReplicaArn = replicaTableArn("countedContacts");
    this.contactRecordMetrics = new ContactRecordMetrics(this, "contact_metrics", {
      ...props.contactRecords.metrics,
      functionName: counterFunction,
      roleName: `${counterFunction}-role-${region}`,
      kmsKeyArn: keyArn,
      streamArn: this.contactRecordStream.arn,
      streamKmsKeyArn: keyArn,
      countedContactsTable: { name: tableNameOf(countedReplicaArn), arn: countedReplicaArn },
      alarmTopicArn: this.alerts.alarms.arn,
    });

    // Agents in the replica Region look customers up and app approvals land there too, through the
    // failover domain; without `dr.api` the API stays in the primary Region (its execute-api URL).
    if (config.api !== undefined) {
      const authState = replicaTableArn("authState");
      const accessAudit = replicaTableArn("customerAccess");
      const replicaApi = buildReplicaApi(this, {
        domain: config.api,
        primaryRegion,
        replicaRegion: region,
        primary: { props: props.api.props, api: props.api.primary },
        kmsKeyArn: keyArn,
        authStateTableArn: authState,
        accessAuditTable: { name: tableNameOf(accessAudit), arn: accessAudit },
        bankingApiSecretArn: inReplica(props.api.props.bankingApiSecretArn),
        alarmTopicArn: this.alerts.alarms.arn,
      });
      this.api = replicaApi.api;
      this.apiDomain = replicaApi.domain;
    }

    this.observability = new Observability(this, "observability", {
      // Dashboards are global per account: the replica's needs its own name.
      namePrefix: `${prefix}-${region}`,
      region,
      config: props.observability.config,
      connectInstanceId: props.instanceId,
      queueNames: props.observability.queueNames,
      lexFallbackFunctionName: functionName,
      otherFunctionNames: [
        callbackStatusFunction,
        counterFunction,
        ...(this.api ? Object.values(apiFunctionNames(prefix)) : []),
      ],
      contactRecordCounterFunctionName: counterFunction,
      deliveryFailures: {
        namespace: LEX_FALLBACK_METRIC_NAMESPACE,
        fraudAlertUndelivered: this.lexFallback.deliveryFailureMetrics.FRAUD_ALERT_UNDELIVERED,
        securityEventUnwritten: this.lexFallback.deliveryFailureMetrics.SECURITY_EVENT_UNWRITTEN,
      },
      alarmTopicArn: this.alerts.alarms.arn,
      fraudTopicArn: this.alerts.fraudAlerts.arn,
      keepOriginalAddresses: false,
    });

    const replicated = (Object.keys(config.residency) as StorageDataSet[]).filter(
      (set) => config.residency[set] === "replicate",
    );
    this.storage = new ReplicaStorage(this, "storage", {
      namePrefix: prefix,
      account: replicaAccount,
      kmsKeyArn: keyArn,
      source: props.recordings.bucket,
      sourceKmsKeyArn: props.recordings.kmsKeyArn,
      sourceRegion: primaryRegion,
      replicate: replicated,
      retentionDays: props.recordings.retentionDays,
    });

    this.ccpSite = new ReplicaCcpSite(this, "ccp_site", {
      site: props.ccpSite,
      bucketName: `${prefix}-dr-ccp-site-${account.accountId}`,
      region,
      accessLogs: this.storage.accessLogs.targetFor("ccp-site"),
    });

    // awscc has no per-resource Region: the replica's awscc resources go through an alias provider.
    const awscc = new AwsccProvider(this, "awscc", { region, alias: "dr" });
    // Once the replica instance (and the bots' replicas) exist: the Lambda and the bots are
    // associated with the replica instance, which stores its recordings in the replica bucket.
    if (config.trafficDistributionGroupArn !== undefined) {
      this.lexFallback.associateWithInstance(props.instanceId, "ReplicaInstanceAssociation");
      for (const bot of props.botAliases) {
        const replicaAlias = Fn.replace(bot.arn, `:${primaryRegion}:`, `:${region}:`);
        new ConnectIntegrationAssociation(this, `${bot.key}_bot_association`, {
          instanceId: this.replicaInstanceArn,
          integrationType: "LEX_BOT",
          integrationArn: replicaAlias,
        });
        if (bot.codeHook) this.lexFallback.allowLex(`LexReplica${bot.key}`, replicaAlias);
      }
      this.storage.storeFor(props.instanceId);
      new ConnectInstanceStorageConfig(this, "ctr_stream_storage", {
        instanceId: props.instanceId,
        resourceType: "CONTACT_TRACE_RECORDS",
        storageConfig: {
          storageType: "KINESIS_STREAM",
          kinesisStreamConfig: { streamArn: this.contactRecordStream.arn },
        },
      });
    }

    placeInRegion(this, region, {
      awscc,
      except: [this.storage.primarySide, ...(this.apiDomain ? [this.apiDomain.primarySide] : [])],
    });
    this.shareRunbooks(props.primaryAlarms, props.api.primary.alarms);
  }

  /** Each replica alarm and the primary alarm whose runbook page it shares (replica-runbooks.ts). */
  private shareRunbooks(
    primary: DisasterRecoveryProps["primaryAlarms"],
    primaryApi: CompanionCrmApi["alarms"],
  ): void {
    shareReplicaRunbooks(
      this,
      [
        ...Object.entries(this.observability.alarms).map(([address, alarm]): AlarmPair => [
          alarm,
          primary.observability[address],
        ]),
        ...this.fraudBackup.depthAlarms.map((alarm): AlarmPair => [
          alarm,
          primary.fraudBackup.find((p) => p.node.id === alarm.node.id),
        ]),
        [this.callbacks.deadLetterAlarm, primary.callbackDeadLetter],
        ...Object.entries(this.api?.alarms ?? {}).map(([key, alarm]): AlarmPair => [alarm, primaryApi[key]]),
        ...(["iteratorAgeAlarm", "skippedRecordsAlarm"] as const).flatMap((key): AlarmPair[] => {
          const alarm = this.contactRecordMetrics[key];
          return alarm ? [[alarm, primary.contactRecords[key]]] : [];
        }),
      ],
      `${this.region} (DR replica)`,
    );
  }
}
