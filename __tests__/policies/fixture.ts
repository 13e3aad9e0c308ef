import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import type { StackConfig } from "../../config/schema";
import { AddressedStack } from "../../constructs/core/addresses";
import { Observability } from "../../constructs/observability";
import { AlertTopics, SecurityTables } from "../../constructs/security";
import { configFor, type TerraformJson } from "../support/synth";

export const KMS_KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
export const ACCOUNT_ID = "111122223333";
export const INSTANCE_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const FUNCTION_NAME = "connect-comprehensive-lex-fallback";

/** A fresh stack with an aws provider, for one construct test. */
export function newStack(): AddressedStack {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-2" });
  return stack;
}

/** Synthesize with validations and parse. */
export function synthJson(stack: AddressedStack): TerraformJson {
  return JSON.parse(Testing.synth(stack, true)) as TerraformJson;
}

/** Tables, topics and observability wired as the stack wires them, from an environment's config. */
export function securityAndObservability(config: StackConfig): TerraformJson {
  const stack = newStack();
  const tables = new SecurityTables(stack, "security", {
    namePrefix: config.projectName,
    kmsKeyArn: KMS_KEY_ARN,
    deletionProtection: config.security.deletionProtection,
  });
  const topics = new AlertTopics(stack, "alerts", {
    namePrefix: config.projectName,
    kmsKeyArn: KMS_KEY_ARN,
    accountId: ACCOUNT_ID,
    fraudAlertEmails: config.security.fraudAlertEmails,
    alarmEmails: config.security.alarmEmails,
  });
  new Observability(stack, "observability", {
    namePrefix: config.projectName,
    region: config.region,
    config: config.observability,
    connectInstanceId: INSTANCE_ID,
    queueNames: Object.keys(config.connect.queues),
    lexFallbackFunctionName: FUNCTION_NAME,
    deliveryFailures: {
      namespace: "ContactCentre/LexFallback",
      fraudAlertUndelivered: "FraudAlertUndelivered",
      securityEventUnwritten: "SecurityEventUnwritten",
    },
    alarmTopicArn: topics.alarms.arn,
    fraudTopicArn: topics.fraudAlerts.arn,
  });
  void tables;
  return synthJson(stack);
}

export function fixtureFor(env: string, overrides?: unknown): TerraformJson {
  return securityAndObservability(configFor(env, overrides));
}
