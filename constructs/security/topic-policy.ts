import { denyInsecureTransport } from "../core/policy";
import type { PolicyStatement } from "./types";

/** What the topic policy needs to know. */
export interface TopicPolicyInput {
  /** ARN of the topic (may be a Terraform reference). */
  readonly topicArn: string;
  /** AWS service principals allowed to publish, e.g. `cloudwatch.amazonaws.com`. */
  readonly publisherServices: readonly string[];
  /** Account the publishing service must act for (confused-deputy guard). */
  readonly accountId: string;
}

/**
 * Topic policy: deny any publish not over TLS, and let only the named services publish on behalf
 * of this account. Same-account IAM principals publish through their own identity policies.
 */
export function topicPolicyStatements(input: TopicPolicyInput): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    denyInsecureTransport("DenyPublishWithoutTls", "sns:Publish", input.topicArn),
  ];
  if (input.publisherServices.length > 0) {
    statements.push({
      Sid: "AllowServicePublishForThisAccount",
      Effect: "Allow",
      Principal: { Service: [...input.publisherServices] },
      Action: "sns:Publish",
      Resource: input.topicArn,
      Condition: { StringEquals: { "aws:SourceAccount": input.accountId } },
    });
  }
  return statements;
}

/** The topic policy document as JSON text. */
export function topicPolicyDocument(input: TopicPolicyInput): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: topicPolicyStatements(input) });
}

/**
 * Statements the KMS key policy needs so the services can publish to a topic encrypted with the
 * key: SNS asks the publisher's principal for a data key. Without them CloudWatch alarm
 * notifications to an encrypted topic fail silently (the alarm shows the action as failed).
 */
export function keyPolicyStatementsFor(
  publisherServices: readonly string[],
  accountId: string,
): PolicyStatement[] {
  if (publisherServices.length === 0) return [];
  return [
    {
      Sid: "AllowServicesToPublishToEncryptedTopics",
      Effect: "Allow",
      Principal: { Service: [...publisherServices].sort() },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
  ];
}
