import type { SNSClient } from "@aws-sdk/client-sns";

const lib = () => import("@aws-sdk/client-sns");
import type { FraudAlert, Notifier } from "../ports";
import { callWith, type RemoteCall } from "../shared/resilience";

/** Fraud alerts to the fraud topic; companion-app pushes to the auth push topic. Ids only, no PII. */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly fraudTopicArn: string,
    private readonly authPushTopicArn: string | undefined,
    private readonly client: () => Promise<SNSClient>,
    private readonly call: RemoteCall,
  ) {}

  /** The client and SDK module, ready before any per-try timeout starts (see callWith). */
  private sdk() {
    return Promise.all([this.client(), lib()]);
  }

  async fraudAlert(alert: FraudAlert): Promise<void> {
    await callWith(this.call, this.sdk(), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.PublishCommand({
          TopicArn: this.fraudTopicArn,
          Subject: `Fraud alert: ${alert.alertType} (${alert.severity})`,
          Message: JSON.stringify({ ...alert, requiresImmediateAction: true }),
          MessageAttributes: {
            alertType: { DataType: "String", StringValue: alert.alertType },
            severity: { DataType: "String", StringValue: alert.severity },
          },
        }),
        { abortSignal },
      ),
    );
  }

  async companionPush(requestId: string, customerId: string): Promise<void> {
    if (this.authPushTopicArn === undefined) throw new Error("companion push topic is not configured");
    const topic = this.authPushTopicArn;
    await callWith(this.call, this.sdk(), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.PublishCommand({
          TopicArn: topic,
          Message: JSON.stringify({
            request_id: requestId,
            customer_id: customerId,
            action: "APPROVE_LOGIN",
          }),
          MessageAttributes: { customer_id: { DataType: "String", StringValue: customerId } },
        }),
        { abortSignal },
      ),
    );
  }
}
