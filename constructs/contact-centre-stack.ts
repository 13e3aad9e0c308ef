import { Construct } from "constructs";
import type { StackConfig } from "../config/schema";
import { AuditTrail } from "./audit";
import { CcpSite } from "./ccp";
import { ConnectCore } from "./connect";
import { AddressedStack } from "./core/addresses";
import { ConnectMetricStream, DataLake, LogArchive } from "./datalake";
import { Platform } from "./platform/platform";
import { AlertTopics, SecurityTables } from "./security";

export interface ContactCentreStackProps {
  /** Validated configuration (config/load.ts). */
  readonly config: StackConfig;
}

/** Stack name for an environment: one state file / backend key per environment. */
export function stackNameFor(config: StackConfig): string {
  return `${config.projectName}-${config.environment}`;
}

/**
 * The whole contact centre. Wiring only: each concern is a construct under constructs/<concern>/,
 * created in dependency order and handed what it needs through typed props.
 */
export class ContactCentreStack extends AddressedStack {
  public readonly platform: Platform;
  public readonly connect: ConnectCore;
  public readonly securityTables: SecurityTables;
  public readonly alertTopics: AlertTopics;
  public readonly dataLake: DataLake;
  public readonly logArchive: LogArchive;
  public readonly auditTrail: AuditTrail;
  public readonly ccpSite: CcpSite;

  constructor(scope: Construct, id: string, props: ContactCentreStackProps) {
    super(scope, id);
    const { config } = props;
    const namePrefix = stackNameFor(config);
    const tags = { ...config.tags, Environment: config.environment };

    this.platform = new Platform(this, "platform", {
      region: config.region,
      tags,
      backend: config.backend,
      stackName: namePrefix,
    });

    // --- Connect core (constructs/connect): key, recordings bucket, instance, numbers, queues, profiles, agents.
    // Flows come after (they need connect.queueArns); then call connect.routeInboundCallsTo(voiceEntryFlowId)
    // and connect.useQueueTransferFlow(queueTransferFlowId).
    this.connect = new ConnectCore(this, "connect", {
      config: config.connect,
      projectName: config.projectName,
      environment: config.environment,
      account: {
        accountId: this.platform.accountId,
        region: this.platform.regionName,
        partition: this.platform.partition,
      },
    });

    // --- Security (constructs/security): tables and alert topics under the Connect KMS key, whose policy
    // already lets CloudWatch publish to encrypted topics (alertTopics.keyPolicyStatements says what it needs).
    // Names are the original's (`<project>-…`): the moved tables and topics keep their identity.
    this.securityTables = new SecurityTables(this, "security", {
      namePrefix: config.projectName,
      kmsKeyArn: this.connect.key.keyArn,
      deletionProtection: config.security.deletionProtection,
    });
    this.alertTopics = new AlertTopics(this, "alerts", {
      namePrefix: config.projectName,
      kmsKeyArn: this.connect.key.keyArn,
      accountId: this.platform.accountId,
      fraudAlertEmails: config.security.fraudAlertEmails,
      alarmEmails: config.security.alarmEmails,
    });

    // --- Data lake, log archive, audit trail, CCP site (constructs/datalake, audit, ccp). Original names
    // (`<project>-…`): renaming would replace buckets and streams. Log groups join the archive as their
    // owners are wired: logGroups keys are the original filter names (lex_logs, banking_lex_logs,
    // sales_lex_logs, bedrock_mcp_logs, banking_lambda_logs, sales_lambda_logs) → log group name.
    const awsEnv = {
      accountId: this.platform.accountId,
      region: this.platform.regionName,
      partition: this.platform.partition,
    };
    this.dataLake = new DataLake(this, "datalake", {
      namePrefix: config.projectName,
      config: config.datalake,
      env: awsEnv,
      kmsKeyArn: this.connect.key.keyArn,
      connectInstanceId: this.connect.instanceId,
      connectInstanceArn: this.connect.instanceArn,
      connectStorageBucketName: this.connect.storageBucket.bucketName,
    });
    this.logArchive = new LogArchive(this, "log_archive", {
      namePrefix: config.projectName,
      bucketArn: this.dataLake.bucket.bucketArn,
      kmsKeyArn: this.connect.key.keyArn,
      prefix: config.datalake.prefixes.logArchive,
      logGroups: {},
      bufferingSizeMb: config.datalake.buffering.sizeMb,
      bufferingIntervalSeconds: config.datalake.buffering.intervalSeconds,
      errorLogRetentionDays: config.datalake.deliveryErrorLogRetentionDays,
      env: awsEnv,
    });
    new ConnectMetricStream(this, "metric_stream", {
      namePrefix: config.projectName,
      namespaces: config.datalake.metricStreamNamespaces,
      deliveryStreamArn: this.logArchive.delivery.streamArn,
      accountId: this.platform.accountId,
    });
    this.auditTrail = new AuditTrail(this, "audit", {
      namePrefix: config.projectName,
      config: config.audit,
      env: awsEnv,
      dataEventBucketArns: [this.dataLake.bucket.bucketArn, this.connect.storageBucket.bucketArn],
    });
    this.ccpSite = new CcpSite(this, "ccp", {
      namePrefix: config.projectName,
      config: config.ccp,
      accessUrl: `https://${this.connect.instanceAlias}.my.connect.aws`,
      region: this.platform.regionName,
      connectInstanceArn: this.connect.instanceArn,
      usEast1Provider: this.platform.awsUsEast1,
      awsccProvider: this.platform.awscc,
    });
  }
}
