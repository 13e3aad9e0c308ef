import { Construct } from "constructs";
import type { StackConfig } from "../config/schema";
import { ConnectCore } from "./connect";
import { AddressedStack } from "./core/addresses";
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
  }
}
