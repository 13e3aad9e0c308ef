import { rule as alarmActions } from "./rules/alarm-actions";
import { rule as alarmTopicSubscribed } from "./rules/alarm-topic-subscribed";
import { rule as cloudfrontLogging } from "./rules/cloudfront-logging";
import { rule as cloudfrontTls } from "./rules/cloudfront-tls";
import { rule as connectMetricDimensions } from "./rules/connect-metric-dimensions";
import { rule as connectPhoneNumberProtected } from "./rules/connect-phone-number-protected";
import { rule as dynamodbDeletionProtection } from "./rules/dynamodb-deletion-protection";
import { rule as dynamodbKms } from "./rules/dynamodb-kms";
import { rule as dynamodbPitr } from "./rules/dynamodb-pitr";
import { rule as firehoseKms } from "./rules/firehose-kms";
import { rule as iamNoWildcardAction } from "./rules/iam-no-wildcard-action";
import { rule as iamNoWildcardResource } from "./rules/iam-no-wildcard-resource";
import { rule as iamPassroleCondition } from "./rules/iam-passrole-condition";
import { rule as kinesisKms } from "./rules/kinesis-kms";
import { rule as kmsKeyPolicyAllowsUse } from "./rules/kms-key-policy-allows-use";
import { rule as kmsKeyPolicyNoRootWildcard } from "./rules/kms-key-policy-no-root-wildcard";
import { rule as kmsKeyRegion } from "./rules/kms-key-region";
import { rule as kmsKeyRotation } from "./rules/kms-key-rotation";
import { rule as lambdaAsyncFailureDestination } from "./rules/lambda-async-failure-destination";
import { rule as logGroupKms } from "./rules/log-group-kms";
import { rule as logRetention } from "./rules/log-retention";
import { rule as noPlaceholderValues } from "./rules/no-placeholder-values";
import { rule as noPlaintextSecrets } from "./rules/no-plaintext-secrets";
import { rule as s3AccessLogging } from "./rules/s3-access-logging";
import { rule as s3PublicAccessBlock } from "./rules/s3-public-access-block";
import { rule as s3TlsOnly } from "./rules/s3-tls-only";
import { rule as s3Versioning } from "./rules/s3-versioning";
import { rule as secretKms } from "./rules/secret-kms";
import { rule as secretRotation } from "./rules/secret-rotation";
import { rule as snsKms } from "./rules/sns-kms";
import { rule as snsTlsOnly } from "./rules/sns-tls-only";
import { rule as sqsKms } from "./rules/sqs-kms";
import { rule as wafLogging } from "./rules/waf-logging";
import type { RuleLevel, StackRule } from "./types";

/** One row per rule: its level. The only place levels live; rules only report findings. */
export interface PackEntry {
  readonly rule: StackRule;
  readonly level: RuleLevel;
}

/**
 * The stack rule pack, run at the end of every synth (main.ts) and by `npm run rules`.
 * Errors fail synth; warnings are printed. Exceptions go in config `rules.suppressions`, with a reason.
 */
export const RULE_PACK: readonly PackEntry[] = [
  // Keys: a resource whose key refuses its service fails at run time, not at apply.
  { rule: kmsKeyPolicyAllowsUse, level: "error" },
  // Keys: administering a key must not be enough to decrypt with it.
  { rule: kmsKeyPolicyNoRootWildcard, level: "error" },
  { rule: kmsKeyRotation, level: "error" },
  // Keys are regional: a replica Region's resource naming the primary's key fails at apply.
  { rule: kmsKeyRegion, level: "error" },
  // Identity policies.
  { rule: iamNoWildcardAction, level: "error" },
  { rule: iamNoWildcardResource, level: "error" },
  { rule: iamPassroleCondition, level: "error" },
  // Storage.
  { rule: s3PublicAccessBlock, level: "error" },
  { rule: s3TlsOnly, level: "error" },
  { rule: s3Versioning, level: "error" },
  { rule: s3AccessLogging, level: "error" },
  { rule: dynamodbKms, level: "error" },
  { rule: dynamodbPitr, level: "error" },
  { rule: dynamodbDeletionProtection, level: "error" },
  // Claimed numbers: released, they are gone (customers dial them from cards and letters).
  { rule: connectPhoneNumberProtected, level: "error" },
  // Data in transit and at rest on the stack key.
  { rule: kinesisKms, level: "error" },
  { rule: firehoseKms, level: "error" },
  { rule: snsKms, level: "error" },
  { rule: snsTlsOnly, level: "error" },
  { rule: sqsKms, level: "error" },
  { rule: logGroupKms, level: "error" },
  { rule: secretKms, level: "error" },
  { rule: secretRotation, level: "error" },
  { rule: noPlaintextSecrets, level: "error" },
  // Logging and alerting.
  { rule: logRetention, level: "error" },
  { rule: cloudfrontTls, level: "error" },
  { rule: cloudfrontLogging, level: "error" },
  { rule: wafLogging, level: "error" },
  { rule: alarmActions, level: "error" },
  { rule: alarmTopicSubscribed, level: "error" },
  { rule: connectMetricDimensions, level: "error" },
  // Stand-ins in production config: printed on every prod synth until the real values are set.
  { rule: noPlaceholderValues, level: "warning" },
  // Reliability: a dropped event is a lost fraud alert or audit record.
  { rule: lambdaAsyncFailureDestination, level: "warning" },
];
