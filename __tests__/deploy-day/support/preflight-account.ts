/**
 * A healthy production account for preflight, every AWS call answered through aws-sdk-client-mock
 * with the response shapes of the AWS API references named beside each. Tests break one answer at
 * a time.
 */
import { ACMClient, DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { BedrockClient, GetFoundationModelAvailabilityCommand } from "@aws-sdk/client-bedrock";
import {
  ConnectClient,
  ListContactFlowsCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
  ListQueuesCommand,
} from "@aws-sdk/client-connect";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  GetAccountSettingsCommand,
  GetFunctionConcurrencyCommand,
  LambdaClient,
} from "@aws-sdk/client-lambda";
import {
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NotFound,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  DescribeSecretCommand,
  ListSecretVersionIdsCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import {
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient,
} from "@aws-sdk/client-service-quotas";
import { ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { ACCOUNT, NOW } from "./target";

export const mocks = {
  sts: mockClient(STSClient),
  s3: mockClient(S3Client),
  dynamo: mockClient(DynamoDBClient),
  bedrock: mockClient(BedrockClient),
  acm: mockClient(ACMClient),
  secrets: mockClient(SecretsManagerClient),
  sns: mockClient(SNSClient),
  quotas: mockClient(ServiceQuotasClient),
  connect: mockClient(ConnectClient),
  lambda: mockClient(LambdaClient),
};

export const notFound = () => new NotFound({ $metadata: { httpStatusCode: 404 }, message: "Not Found" });

/** Every answer of a healthy prod account (the config's certificate, topics and secrets in place). */
export function healthyPreflightAccount(): void {
  for (const mock of Object.values(mocks)) mock.reset();
  // STS GetCallerIdentity response (STS API reference).
  mocks.sts.on(GetCallerIdentityCommand).resolves({
    Account: ACCOUNT,
    Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/platform-deployer/alice`,
    UserId: "AROAEXAMPLE:alice",
  });
  // HeadBucket, GetBucketVersioning, GetBucketEncryption, HeadObject (S3 API reference).
  mocks.s3.on(HeadBucketCommand).resolves({ BucketRegion: "eu-west-2" });
  mocks.s3.on(GetBucketVersioningCommand).resolves({ Status: "Enabled" });
  mocks.s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" }, BucketKeyEnabled: true }],
    },
  });
  mocks.s3.on(HeadObjectCommand).rejects(notFound());
  // GetFoundationModelAvailability response (Bedrock API reference).
  mocks.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    agreementAvailability: { status: "AVAILABLE" },
    authorizationStatus: "AUTHORIZED",
    entitlementAvailability: "AVAILABLE",
    regionAvailability: "AVAILABLE",
  });
  // DescribeCertificate response (ACM API reference).
  mocks.acm.on(DescribeCertificateCommand).resolves({
    Certificate: {
      CertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/0f5e8c8a-6d1b-4c2e-9a57-3b1d2e4f6a70",
      DomainName: "ccp.contact-centre.bank.example",
      SubjectAlternativeNames: ["ccp.contact-centre.bank.example"],
      Status: "ISSUED",
      NotAfter: new Date(NOW.getTime() + 200 * 86_400_000),
    },
  });
  // DescribeSecret, ListSecretVersionIds responses (Secrets Manager API reference).
  mocks.secrets.on(DescribeSecretCommand).callsFake((input: { SecretId: string }) => ({
    ARN: `arn:aws:secretsmanager:eu-west-2:${ACCOUNT}:secret:${input.SecretId}-AbCdEf`,
    Name: input.SecretId,
  }));
  mocks.secrets.on(ListSecretVersionIdsCommand).resolves({
    Versions: [{ VersionId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", VersionStages: ["AWSCURRENT"] }],
  });
  // ListSubscriptionsByTopic response (SNS API reference): every configured address confirmed.
  mocks.sns.on(ListSubscriptionsByTopicCommand).callsFake((input: { TopicArn: string }) => ({
    Subscriptions: ["contact-centre-oncall@bank.example", "fraud-operations@bank.example"].map(
      (email, i) => ({
        SubscriptionArn: `${input.TopicArn}:0b5c1a8e-1111-2222-3333-00000000000${i}`,
        Owner: ACCOUNT,
        Protocol: "email",
        Endpoint: email,
        TopicArn: input.TopicArn,
      }),
    ),
  }));
  // ListServiceQuotas / ListAWSDefaultServiceQuotas responses (Service Quotas API reference).
  const quota = (QuotaName: string, QuotaCode: string, Value: number) => ({
    ServiceCode: "connect",
    ServiceName: "Amazon Connect",
    QuotaName,
    QuotaCode,
    Value,
    Adjustable: true,
  });
  mocks.quotas
    .on(ListServiceQuotasCommand)
    .resolves({ Quotas: [quota("Phone numbers per instance", "L-PHONE", 10)] });
  mocks.quotas.on(ListAWSDefaultServiceQuotasCommand).resolves({
    Quotas: [
      quota("Amazon Connect instances per account", "L-INST", 2),
      quota("Flows per instance", "L-FLOWS", 100),
      quota("Modules per instance", "L-MODS", 200),
      quota("Queues per instance", "L-QUEUES", 50),
      quota("Phone numbers per instance", "L-PHONE", 5),
      quota("Routing profiles per instance", "L-RP", 100),
      quota("Hours of operation per instance", "L-HOURS", 100),
      quota("Quick connects per instance", "L-QC", 100),
      quota("Amazon Lex V2 bot aliases per instance", "L-LEX", 100),
      quota("AWS Lambda functions per instance", "L-LAMBDA", 50),
    ],
  });
  // ListInstances, ListContactFlows, ListQueues, ListPhoneNumbersV2 responses (Connect API reference).
  mocks.connect.on(ListInstancesCommand).resolves({
    InstanceSummaryList: [
      {
        Id: "11111111-2222-3333-4444-555555555555",
        InstanceAlias: "connect-comprehensive-prod",
        InstanceStatus: "ACTIVE",
      },
    ],
  });
  mocks.connect.on(ListContactFlowsCommand).resolves({
    ContactFlowSummaryList: [
      { Id: "f1", Name: "VoiceEntryFlow", ContactFlowType: "CONTACT_FLOW", ContactFlowState: "ACTIVE" },
      { Id: "f2", Name: "Default agent hold", ContactFlowType: "AGENT_HOLD", ContactFlowState: "ACTIVE" },
    ],
  });
  mocks.connect
    .on(ListQueuesCommand)
    .resolves({ QueueSummaryList: [{ Id: "q1", Name: "BasicQueue", QueueType: "STANDARD" }] });
  mocks.connect.on(ListPhoneNumbersV2Command).resolves({
    ListPhoneNumbersSummaryList: [
      { PhoneNumberId: "p1", PhoneNumber: "+442071234567", PhoneNumberType: "DID" },
    ],
  });
  // GetAccountSettings, GetFunctionConcurrency responses (Lambda API reference).
  mocks.lambda.on(GetAccountSettingsCommand).resolves({
    AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 950 },
    AccountUsage: { FunctionCount: 12 },
  });
  mocks.lambda.on(GetFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 50 });
}
