import { ConnectInstance as ConnectInstanceResource } from "@cdktf/provider-aws/lib/connect-instance";
import { ConnectInstanceStorageConfig } from "@cdktf/provider-aws/lib/connect-instance-storage-config";
import { Construct } from "constructs";
import { keepAddress, movedFrom } from "../core/addresses";

export type IdentityManagementType = "CONNECT_MANAGED" | "SAML" | "EXISTING_DIRECTORY";

export interface ConnectInstanceProps {
  /** Instance alias (first part of the access URL); globally unique, changing it replaces the instance. */
  readonly alias: string;
  /** How agents sign in. */
  readonly identityManagementType: IdentityManagementType;
  /** Directory Service id, required with EXISTING_DIRECTORY. @default - none */
  readonly directoryId?: string;
  /** Contact Lens analytics (sentiment, redaction, transcripts). @default true */
  readonly contactLensEnabled?: boolean;
  /** Flow execution logs in CloudWatch. @default true */
  readonly contactFlowLogsEnabled?: boolean;
  /** Bucket (name) that receives chat transcripts and call recordings. */
  readonly storageBucketName: string;
  /** KMS key ARN Connect encrypts transcripts and recordings with. */
  readonly kmsKeyArn: string;
}

/**
 * The Connect instance with inbound and outbound voice, plus where it stores chat transcripts and
 * call recordings (S3, KMS-encrypted). Addresses match the original stack.
 */
export class ConnectInstance extends Construct {
  public readonly instance: ConnectInstanceResource;
  public readonly chatTranscripts: ConnectInstanceStorageConfig;
  public readonly callRecordings: ConnectInstanceStorageConfig;
  public readonly instanceId: string;
  public readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: ConnectInstanceProps) {
    super(scope, id);
    if ((props.identityManagementType === "EXISTING_DIRECTORY") !== (props.directoryId !== undefined)) {
      throw new Error(
        `ConnectInstance at ${this.node.path}: directoryId ${props.directoryId ?? "(unset)"} with identity management ${props.identityManagementType}; pass directoryId exactly when using EXISTING_DIRECTORY`,
      );
    }

    this.instance = movedFrom(
      new ConnectInstanceResource(this, "instance", {
        instanceAlias: props.alias,
        identityManagementType: props.identityManagementType,
        directoryId: props.directoryId,
        inboundCallsEnabled: true,
        outboundCallsEnabled: true,
        contactFlowLogsEnabled: props.contactFlowLogsEnabled ?? true,
        contactLensEnabled: props.contactLensEnabled ?? true,
      }),
      "module.connect_instance.aws_connect_instance.this",
    );
    this.instanceId = this.instance.id;
    this.instanceArn = this.instance.arn;

    const storage = (name: string, resourceType: string, prefix: string): ConnectInstanceStorageConfig =>
      keepAddress(
        new ConnectInstanceStorageConfig(this, name, {
          instanceId: this.instanceId,
          resourceType,
          storageConfig: {
            storageType: "S3",
            s3Config: {
              bucketName: props.storageBucketName,
              bucketPrefix: prefix,
              encryptionConfig: { encryptionType: "KMS", keyId: props.kmsKeyArn },
            },
          },
        }),
        name,
      );
    this.chatTranscripts = storage("chat_transcripts", "CHAT_TRANSCRIPTS", "chat-transcripts");
    this.callRecordings = storage("call_recordings", "CALL_RECORDINGS", "call-recordings");
  }
}
