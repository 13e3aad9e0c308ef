import { DataAwsConnectContactFlow } from "@cdktf/provider-aws/lib/data-aws-connect-contact-flow";
import { Lazy, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import type { ConnectConfig } from "../../config/schema";
import { TIERED_ROUTING_PROFILES } from "../../config/schema/connect";
import { keepAddress } from "../core/addresses";
import { type AccountContext, EncryptionKey, type KeyViaService, SecureBucket } from "../storage";
import { Agents } from "./agents";
import { HoursOfOperation } from "./hours";
import { ConnectInstance } from "./instance";
import { PhoneNumbers } from "./phone-numbers";
import { Queues } from "./queues";
import { QueueTransferQuickConnects } from "./quick-connects";
import { RoutingProfiles } from "./routing-profiles";

export interface ConnectCoreProps {
  /** Validated `connect` section of the stack config. */
  readonly config: ConnectConfig;
  /** Project name, first part of resource names. */
  readonly projectName: string;
  /** Environment name (dev, prod…). */
  readonly environment: string;
  /** Account, region and partition (from Platform). */
  readonly account: AccountContext;
  /**
   * Server access logs of the recordings bucket (e.g. the audit log bucket).
   * @default - none; the original `module.connect_storage_bucket` logging resource is forgotten
   */
  readonly storageAccessLogs?: { readonly targetBucket: string; readonly targetPrefix: string };
  /**
   * Services through which account principals may use the KMS key. The default covers the stack's
   * users of this key: recordings (connect, s3), tables, topics, queues, streams, secrets and Lambda
   * environments. The stack rule kms-key-policy-allows-use fails synth when a user is missing.
   * @default ["connect", "dynamodb", "s3", "sns", "sqs", "kinesis", "firehose", "secretsmanager", "lambda"]
   */
  readonly keyViaServices?: readonly KeyViaService[];
  /**
   * Service principals that send to queues encrypted with the key as themselves.
   * @default ["events.amazonaws.com"] (EventBridge dead-letters undelivered contact events)
   */
  readonly keyQueueSenderServices?: readonly string[];
  /** Days a scheduled deletion of the KMS key waits (config `security.kmsDeletionWindowDays`). @default 30 */
  readonly keyDeletionWindowDays?: number;
  /** Claimed numbers refuse destruction (config `security.deletionProtection`). @default false */
  readonly protectNumbers?: boolean;
  /**
   * Traffic distribution group the numbers are claimed to (config `dr.trafficDistributionGroupArn`).
   * @default - the instance
   */
  readonly numbersTrafficDistributionGroupArn?: string;
}

/** One key for the contact-centre data: every service that stores it encrypts with the same key. */
export const DEFAULT_KEY_VIA_SERVICES: readonly KeyViaService[] = [
  "connect",
  "dynamodb",
  "s3",
  "sns",
  "sqs",
  "kinesis",
  "firehose",
  "secretsmanager",
  "lambda",
];

/** The instance's alias: config `connect.instanceAlias`, else `<project>-<environment>`. */
export function instanceAliasFor(config: ConnectConfig, projectName: string, environment: string): string {
  return config.instanceAlias ?? `${projectName}-${environment}`;
}

/** Name of the QUEUE_TRANSFER flow every Connect instance is created with. */
const BUILT_IN_QUEUE_TRANSFER_FLOW = "Default queue transfer";

/**
 * Connect core: KMS key, recordings bucket, instance + storage, numbers, hours, queues, quick
 * connects, routing profiles (configured + tiered) and agents, wired from `ConnectConfig`.
 * Flows are created after this (they need queue ARNs); hand their ids back with
 * `routeInboundCallsTo` and `useQueueTransferFlow`.
 */
export class ConnectCore extends Construct {
  public readonly key: EncryptionKey;
  public readonly storageBucket: SecureBucket;
  public readonly instance: ConnectInstance;
  public readonly phoneNumbers: PhoneNumbers;
  public readonly hours: HoursOfOperation;
  public readonly queues: Queues;
  public readonly quickConnects: QueueTransferQuickConnects;
  public readonly routingProfiles: RoutingProfiles;
  public readonly tieredRoutingProfiles: RoutingProfiles;
  public readonly agents: Agents;
  public readonly instanceId: string;
  public readonly instanceArn: string;
  public readonly instanceAlias: string;
  private queueTransferFlowId?: string;

  constructor(scope: Construct, id: string, props: ConnectCoreProps) {
    super(scope, id);
    const { config, account } = props;
    this.instanceAlias = instanceAliasFor(config, props.projectName, props.environment);
    if (!/^[a-z0-9][a-z0-9-]{0,44}[a-z0-9]$/.test(this.instanceAlias)) {
      throw new Error(
        `ConnectCore at ${this.node.path}: instance alias "${this.instanceAlias}" is invalid; set connect.instanceAlias (lower-case letters, digits, -, max 46)`,
      );
    }

    this.key = new EncryptionKey(this, "kms_key", {
      account,
      description: `Connect recordings, transcripts and contact-centre data (${props.projectName} ${props.environment})`,
      aliasName: `${props.projectName}-${props.environment}`,
      viaServices: props.keyViaServices ?? DEFAULT_KEY_VIA_SERVICES,
      queueSenderServices: props.keyQueueSenderServices ?? ["events.amazonaws.com"],
      movedFromAddress: "module.kms_key.aws_kms_key.this",
      ...(props.keyDeletionWindowDays !== undefined
        ? { deletionWindowInDays: props.keyDeletionWindowDays }
        : {}),
    });
    // Name kept from the original: renaming a bucket replaces it, and it holds the recordings.
    this.storageBucket = new SecureBucket(this, "storage_bucket", {
      bucketName: `${props.projectName}-storage-${account.accountId}`,
      kmsKeyArn: this.key.keyArn,
      lifecycle: {
        transitions: [
          { days: 30, storageClass: "STANDARD_IA" },
          { days: 90, storageClass: "GLACIER" },
        ],
        expirationDays: config.recordingRetentionDays,
      },
      accessLogs: props.storageAccessLogs,
      movedFromModule: "connect_storage_bucket",
    });

    this.instance = new ConnectInstance(this, "instance", {
      alias: this.instanceAlias,
      identityManagementType: config.identityManagementType,
      directoryId: config.directoryId,
      contactLensEnabled: config.contactLensEnabled,
      storageBucketName: this.storageBucket.bucketName,
      kmsKeyArn: this.key.keyArn,
    });
    this.instanceId = this.instance.instanceId;
    this.instanceArn = this.instance.instanceArn;

    this.phoneNumbers = new PhoneNumbers(this, "phone_numbers", {
      instanceId: this.instanceId,
      instanceArn: this.instanceArn,
      countryCode: config.phoneNumbers.countryCode,
      did: config.phoneNumbers.did,
      tollFree: config.phoneNumbers.tollFree,
      preventDestroy: props.protectNumbers ?? false,
      ...(props.numbersTrafficDistributionGroupArn
        ? { trafficDistributionGroupArn: props.numbersTrafficDistributionGroupArn }
        : {}),
    });
    this.hours = new HoursOfOperation(this, "hours", {
      instanceId: this.instanceId,
      timeZone: config.businessHours.timeZone,
      businessDays: config.businessHours.days,
    });
    this.queues = new Queues(this, "queues", {
      instanceId: this.instanceId,
      queues: config.queues,
      hoursIdFor: (kind) => this.hours.idFor(kind),
      outboundCallerIdName: config.outboundCallerIdName,
      outboundCallerNumberId: this.phoneNumbers.did?.id,
    });

    // Until the flows construct hands over its queue_transfer flow, quick connects use the built-in one.
    const builtInTransferFlow = new DataAwsConnectContactFlow(this, "builtin_queue_transfer_flow", {
      instanceId: this.instanceId,
      name: BUILT_IN_QUEUE_TRANSFER_FLOW,
    });
    this.quickConnects = new QueueTransferQuickConnects(this, "quick_connects", {
      instanceId: this.instanceId,
      queues: this.queues,
      transferTo: Object.fromEntries(Object.entries(config.queues).map(([name, q]) => [name, q.transferTo])),
      contactFlowId: Lazy.stringValue({
        produce: () => this.queueTransferFlowId ?? builtInTransferFlow.contactFlowId,
      }),
    });

    this.routingProfiles = new RoutingProfiles(this, "routing_profiles", {
      instanceId: this.instanceId,
      queues: this.queues,
      profiles: config.routingProfiles,
      movedFromForEach: "aws_connect_routing_profile.this",
    });
    this.tieredRoutingProfiles = new RoutingProfiles(this, "tiered_routing_profiles", {
      instanceId: this.instanceId,
      queues: this.queues,
      profiles: TIERED_ROUTING_PROFILES,
    });
    const profileIds = this.routingProfileIds;
    this.agents = new Agents(this, "agents", {
      instanceId: this.instanceId,
      identityManagementType: config.identityManagementType,
      agents: config.agents,
      routingProfileIdFor: (name) => {
        const profileId = profileIds[name];
        if (!profileId) throw new Error(`ConnectCore at ${this.node.path}: no routing profile "${name}"`);
        return profileId;
      },
    });

    this.outputs();
  }

  /** Queue ids by queue name. */
  public get queueIds(): Record<string, string> {
    return this.queues.ids;
  }

  /** Queue ARNs by queue name (flows transfer with ARNs). */
  public get queueArns(): Record<string, string> {
    return this.queues.arns;
  }

  /** Routing profile ids by name, configured and tiered. */
  public get routingProfileIds(): Record<string, string> {
    return { ...this.routingProfiles.ids, ...this.tieredRoutingProfiles.ids };
  }

  /** Hours of operation ids: business hours and the 24/7 schedule. */
  public get hoursIds(): { readonly business: string; readonly always: string } {
    return { business: this.hours.idFor("business"), always: this.hours.idFor("always") };
  }

  /** Route inbound calls on every claimed number to the voice entry flow. */
  public routeInboundCallsTo(contactFlowId: string): void {
    this.phoneNumbers.routeTo(contactFlowId);
  }

  /** Run quick-connect transfers through this QUEUE_TRANSFER flow instead of the built-in one. */
  public useQueueTransferFlow(contactFlowId: string): void {
    if (this.queueTransferFlowId !== undefined) {
      throw new Error(`ConnectCore at ${this.node.path}: useQueueTransferFlow was already called`);
    }
    this.queueTransferFlowId = contactFlowId;
    this.node.tryRemoveChild("builtin_queue_transfer_flow");
  }

  /** The original stack's Connect outputs, same names. */
  private outputs(): void {
    const output = (name: string, value: string, description: string): void => {
      keepAddress(new TerraformOutput(this, `output_${name}`, { value, description }), name);
    };
    output("connect_instance_id", this.instanceId, "Connect instance id");
    output("connect_instance_arn", this.instanceArn, "Connect instance ARN");
    output("connect_instance_alias", this.instanceAlias, "Connect instance alias");
    output(
      "connect_instance_access_url",
      `https://${this.instanceAlias}.my.connect.aws`,
      "Admin website and CCP URL",
    );
    output("s3_bucket_name", this.storageBucket.bucketName, "Recordings and transcripts bucket");
    if (this.phoneNumbers.did)
      output("did_phone_number", this.phoneNumbers.did.phoneNumber, "Claimed DID number");
    if (this.phoneNumbers.tollFree) {
      output("toll_free_phone_number", this.phoneNumbers.tollFree.phoneNumber, "Claimed toll-free number");
    }
  }
}
