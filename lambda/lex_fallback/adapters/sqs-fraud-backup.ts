import type { SQSClient } from "@aws-sdk/client-sqs";

const lib = () => import("@aws-sdk/client-sqs");
import type { FraudAlert, FraudBackup } from "../ports";
import { DependencyError } from "../shared/errors";
import { callWith, type RemoteCall } from "../shared/resilience";

/**
 * Fraud alerts the topic could not take, kept on an encrypted SQS queue (with its own DLQ and a
 * depth alarm) until operations replay them. `alertId` lets the consumer drop an alert SNS
 * delivered after all. Ids and flags only, no PII.
 */
export class SqsFraudBackup implements FraudBackup {
  constructor(
    private readonly queueUrl: string,
    private readonly client: () => Promise<SQSClient>,
    private readonly call: RemoteCall,
  ) {}

  /** The client and SDK module, ready before any per-try timeout starts (see callWith). */
  private sdk() {
    return Promise.all([this.client(), lib()]);
  }

  async enqueue(alert: FraudAlert): Promise<void> {
    if (this.queueUrl === "") throw new DependencyError("sqs", "no fraud backup queue configured", false);
    await callWith(this.call, this.sdk(), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: JSON.stringify({
            ...alert,
            alertId: `${alert.sessionId}:${alert.alertType}`,
            requiresImmediateAction: true,
          }),
          MessageAttributes: {
            alertType: { DataType: "String", StringValue: alert.alertType },
            severity: { DataType: "String", StringValue: alert.severity },
          },
        }),
        { abortSignal },
      ),
    );
  }
}
