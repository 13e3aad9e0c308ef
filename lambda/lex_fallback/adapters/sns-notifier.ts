import type { SNSClient } from "@aws-sdk/client-sns";

const lib = () => import("@aws-sdk/client-sns");
import type { FraudAlert, Notifier } from "../ports";
import type { RemoteCall } from "../shared/resilience";

/** Fraud alerts to the fraud topic; companion-app pushes to the auth push topic. Ids only, no PII. */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly fraudTopicArn: string,
    private readonly authPushTopicArn: string | undefined,
    private readonly client: () => Promise<SNSClient>,
    private readonly call: RemoteCall,
  ) {}

  async fraudAlert(alert: FraudAlert): Promise<void> {
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).PublishCommand({
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
    await this.call(async (abortSignal) =>
      (await this.client()).send(
        new (await lib()).PublishCommand({
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
