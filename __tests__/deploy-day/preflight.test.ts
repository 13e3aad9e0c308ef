import { DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { GetFoundationModelAvailabilityCommand } from "@aws-sdk/client-bedrock";
import { ListInstancesCommand } from "@aws-sdk/client-connect";
import { DescribeTableCommand, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { ListAWSDefaultServiceQuotasCommand } from "@aws-sdk/client-service-quotas";
import { GetAccountSettingsCommand, GetFunctionConcurrencyCommand } from "@aws-sdk/client-lambda";
import {
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  HeadObjectCommand,
} from "@aws-sdk/client-s3";
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-secrets-manager";
import { ListSubscriptionsByTopicCommand, NotFoundException } from "@aws-sdk/client-sns";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { exitCodeOf, runChecks, type CheckResult } from "../../scripts/deploy-day/check";
import { PREFLIGHT_CHECKS } from "../../scripts/deploy-day/preflight";
import { healthyPreflightAccount, mocks, notFound } from "./support/preflight-account";
import { HEALTHY_PROGRAMS, NOW, prodContext, programs } from "./support/target";

const run = (context = prodContext()) => runChecks(PREFLIGHT_CHECKS, context);
const byId = (results: CheckResult[]) => new Map(results.map((r) => [r.id, r]));
const failed = (results: CheckResult[]) => results.filter((r) => r.status === "FAIL").map((r) => r.id);

beforeEach(healthyPreflightAccount);

describe("preflight against a healthy production account", () => {
  it("passes every check, exit 0", async () => {
    const results = await run();
    expect(results.filter((r) => r.status !== "PASS")).toStrictEqual([]);
    expect(results.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "aws-account",
        "aws-region",
        "terraform-version",
        "aws-cli-version",
        "state-bucket",
        "state-versioning",
        "state-encryption",
        "state-lock",
        "bedrock-model-access",
        "ccp-certificate",
        "secret:connect-comprehensive/banking-api-key",
        "secret:connect-comprehensive/pin-encryption-private-key",
        "sns:connect-comprehensive-alarms",
        "sns:connect-comprehensive-fraud-alerts",
        "quota:flows",
        "quota:phone-numbers",
        "quota:lambda-concurrency",
      ]),
    );
    expect(exitCodeOf(results)).toBe(0);
  });

  it("never reads a secret's value", async () => {
    await run();
    expect(mocks.secrets.commandCalls(DescribeSecretCommand)).toHaveLength(2);
    expect(mocks.secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it("asks about the names the config decides: bucket, model, region, certificate", async () => {
    await run();
    expect(mocks.s3.commandCalls(HeadBucketCommand)[0]!.args[0].input).toStrictEqual({
      Bucket: "connect-comprehensive-tfstate-prod",
      ExpectedBucketOwner: "111122223333",
    });
    expect(mocks.s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toStrictEqual({
      Bucket: "connect-comprehensive-tfstate-prod",
      Key: "connect-comprehensive/prod/terraform.tfstate.tflock",
    });
    const bedrock = mocks.bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]!;
    expect(bedrock.args[0].input).toStrictEqual({ modelId: "anthropic.claude-3-haiku-20240307-v1:0" });
    expect(await bedrock.thisValue.config.region()).toBe("eu-central-1");
    const acm = mocks.acm.commandCalls(DescribeCertificateCommand)[0]!;
    expect(await acm.thisValue.config.region()).toBe("us-east-1");
  });

  it("follows the config: an override's model and Bedrock region are the ones asked about", async () => {
    await run(
      prodContext({
        config: { bedrockRegion: "eu-west-3", lambda: { bedrockModelId: "amazon.nova-lite-v1:0" } },
      }),
    );
    const call = mocks.bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]!;
    expect(call.args[0].input.modelId).toBe("amazon.nova-lite-v1:0");
    expect(await call.thisValue.config.region()).toBe("eu-west-3");
  });
});

describe("a broken account: each check fails for its own cause, with the fix", () => {
  const cases: Array<[string, () => Parameters<typeof prodContext>[0] | void, string, RegExp]> = [
    [
      "credentials of another account",
      () =>
        void mocks.sts
          .on(GetCallerIdentityCommand)
          .resolves({ Account: "999988887777", Arn: "arn:aws:iam::999988887777:user/bob" }),
      "aws-account",
      /account 999988887777.*ccp\.certificateArn names 111122223333/,
    ],
    [
      "a config pinned to another account",
      () => ({ config: { accountIds: ["444455556666"] } }),
      "aws-account",
      /account 111122223333.*accountIds pins 444455556666/,
    ],
    [
      "a shell defaulting to another region",
      () => ({ ambientRegion: "us-east-1" }),
      "aws-region",
      /defaults to us-east-1.*eu-west-2/,
    ],
    ["no default region", () => ({ ambientRegion: undefined }), "aws-region", /no default region/],
    [
      "terraform too old for the S3 lock file",
      () => ({
        run: programs({
          ...HEALTHY_PROGRAMS,
          "terraform version -json": { code: 0, stdout: '{"terraform_version":"1.9.8"}', stderr: "" },
        }),
      }),
      "terraform-version",
      /1\.9\.8 is older than 1\.10\.0/,
    ],
    [
      "no terraform",
      () => ({ run: programs({ "aws --version": HEALTHY_PROGRAMS["aws --version"] }) }),
      "terraform-version",
      /not installed/,
    ],
    [
      "AWS CLI v1",
      () => ({
        run: programs({
          ...HEALTHY_PROGRAMS,
          "aws --version": { code: 0, stdout: "", stderr: "aws-cli/1.29.62 Python/3.9" },
        }),
      }),
      "aws-cli-version",
      /1\.29\.62 is v1/,
    ],
    [
      "no AWS CLI",
      () => ({ run: programs({ "terraform version -json": HEALTHY_PROGRAMS["terraform version -json"] }) }),
      "aws-cli-version",
      /aws is not installed/,
    ],
    [
      "no state bucket",
      () => void mocks.s3.on(HeadBucketCommand).rejects(notFound()),
      "state-bucket",
      /does not exist/,
    ],
    [
      "versioning suspended",
      () => void mocks.s3.on(GetBucketVersioningCommand).resolves({ Status: "Suspended" }),
      "state-versioning",
      /Suspended/,
    ],
    [
      "no default encryption",
      () =>
        void mocks.s3.on(GetBucketEncryptionCommand).rejects(
          Object.assign(new Error("The server side encryption configuration was not found"), {
            name: "ServerSideEncryptionConfigurationNotFoundError",
          }),
        ),
      "state-encryption",
      /no default encryption/,
    ],
    [
      "a held lock file",
      () => void mocks.s3.on(HeadObjectCommand).resolves({ LastModified: NOW }),
      "state-lock",
      /tflock exists since 2026-12-06.*locked/,
    ],
    [
      "model access not granted",
      () =>
        void mocks.bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
          modelId: "anthropic.claude-3-haiku-20240307-v1:0",
          agreementAvailability: { status: "NOT_AVAILABLE" },
          authorizationStatus: "NOT_AUTHORIZED",
          entitlementAvailability: "AVAILABLE",
          regionAvailability: "AVAILABLE",
        }),
      "bedrock-model-access",
      /access NOT_AUTHORIZED; agreement NOT_AVAILABLE/,
    ],
    [
      "certificate still pending validation",
      () =>
        void mocks.acm.on(DescribeCertificateCommand).resolves({
          Certificate: { Status: "PENDING_VALIDATION", DomainName: "ccp.contact-centre.bank.example" },
        }),
      "ccp-certificate",
      /PENDING_VALIDATION, not ISSUED/,
    ],
    [
      "certificate for another host",
      () =>
        void mocks.acm
          .on(DescribeCertificateCommand)
          .resolves({ Certificate: { Status: "ISSUED", DomainName: "*.other.bank.example" } }),
      "ccp-certificate",
      /names \*\.other\.bank\.example, not ccp\.contact-centre\.bank\.example/,
    ],
    [
      "a secret without a value",
      () =>
        void mocks.secrets
          .on(ListSecretVersionIdsCommand, { SecretId: "connect-comprehensive/banking-api-key" })
          .resolves({ Versions: [] }),
      "secret:connect-comprehensive/banking-api-key",
      /holds no value/,
    ],
    [
      "an unconfirmed alarm subscriber",
      () =>
        void mocks.sns
          .on(ListSubscriptionsByTopicCommand, {
            TopicArn: "arn:aws:sns:eu-west-2:111122223333:connect-comprehensive-alarms",
          })
          .resolves({
            Subscriptions: [
              {
                SubscriptionArn: "PendingConfirmation",
                Protocol: "email",
                Endpoint: "contact-centre-oncall@bank.example",
              },
            ],
          }),
      "sns:connect-comprehensive-alarms",
      /contact-centre-oncall@bank\.example never confirmed/,
    ],
    [
      "a flow quota below what the stack needs",
      () =>
        void mocks.quotas
          .on(ListAWSDefaultServiceQuotasCommand)
          .resolves({ Quotas: [{ QuotaName: "Flows per instance", QuotaCode: "L-FLOWS", Value: 12 }] }),
      "quota:flows",
      /Flows per instance: 12; the stack needs 13 \+ 1 already in the instance/,
    ],
    [
      "no room for a new instance",
      () =>
        void mocks.connect.on(ListInstancesCommand).resolves({
          InstanceSummaryList: [
            { Id: "a", InstanceAlias: "legacy-ivr" },
            { Id: "b", InstanceAlias: "sandbox" },
          ],
        }),
      "quota:connect-instances",
      /2 Connect instance\(s\) already, quota 2: the stack cannot create connect-comprehensive-prod/,
    ],
    [
      "too little unreserved Lambda concurrency",
      () => {
        mocks.lambda
          .on(GetAccountSettingsCommand)
          .resolves({ AccountLimit: { ConcurrentExecutions: 100, UnreservedConcurrentExecutions: 100 } });
        mocks.lambda.on(GetFunctionConcurrencyCommand).resolves({});
      },
      "quota:lambda-concurrency",
      /reserves 50.*50 would stay unreserved/,
    ],
  ];

  it.each(cases)("%s", async (_why, breakIt, id, detail) => {
    const overrides = breakIt();
    const results = await run(prodContext(overrides ?? {}));
    expect(failed(results)).toStrictEqual([id]);
    const result = byId(results).get(id)!;
    expect(result.detail).toMatch(detail);
    expect(result.fix).toEqual(expect.any(String));
    expect(exitCodeOf(results)).toBe(1);
  });
});

describe("what preflight cannot know yet is SKIP, with what to do after the deploy", () => {
  it("secrets and topics the first deploy creates", async () => {
    mocks.secrets.on(DescribeSecretCommand).rejects(
      new ResourceNotFoundException({
        $metadata: {},
        message: "Secrets Manager can't find the specified secret.",
      }),
    );
    mocks.sns
      .on(ListSubscriptionsByTopicCommand)
      .rejects(new NotFoundException({ $metadata: {}, message: "Topic does not exist" }));
    const results = byId(await run());
    expect(results.get("secret:connect-comprehensive/banking-api-key")).toMatchObject({
      status: "SKIP",
      fix: expect.stringMatching(/put-secret-value --secret-id connect-comprehensive\/banking-api-key/),
    });
    expect(results.get("sns:connect-comprehensive-alarms")).toMatchObject({
      status: "SKIP",
      detail: expect.stringMatching(/this deploy creates it/),
    });
  });

  it("names the pin among what the account was checked against", async () => {
    const results = byId(await run(prodContext({ config: { accountIds: ["111122223333"] } })));
    expect(results.get("aws-account")).toMatchObject({
      status: "PASS",
      detail: expect.stringMatching(/account 111122223333, as ccp\.certificateArn and accountIds name$/),
    });
  });

  it("dev: local state, no custom CCP host, no account named by the config", async () => {
    const { deployDayContext } = await import("../../scripts/deploy-day/context");
    const { configFor, synthStack } = await import("../support/synth");
    const dev = deployDayContext({
      env: "dev",
      config: configFor("dev"),
      stack: synthStack("dev").json,
      ambientRegion: "eu-west-2",
      run: programs(HEALTHY_PROGRAMS),
    });
    const results = byId(await run(dev as ReturnType<typeof prodContext>));
    expect(results.get("state-backend")?.status).toBe("SKIP");
    expect(results.get("ccp-certificate")?.status).toBe("SKIP");
    expect(results.get("aws-account")).toMatchObject({
      status: "SKIP",
      fix: expect.stringMatching(/--account/),
    });
    expect(results.get("terraform-version")?.detail).toMatch(/>= 1\.7\.0 for removed blocks/);
  });
});

describe("a DynamoDB lock table (terraform < 1.10)", () => {
  const legacy = {
    backend: {
      type: "s3",
      bucket: "connect-comprehensive-tfstate-prod",
      key: "connect-comprehensive/prod/terraform.tfstate",
      region: "eu-west-2",
      useLockfile: false,
      dynamodbTable: "terraform-locks",
    },
  };
  const table = {
    Table: {
      TableName: "terraform-locks",
      TableStatus: "ACTIVE" as const,
      KeySchema: [{ AttributeName: "LockID", KeyType: "HASH" as const }],
    },
  };

  it("passes when the table is active and no lock item is held", async () => {
    mocks.dynamo.on(DescribeTableCommand).resolves(table);
    mocks.dynamo.on(GetItemCommand).resolves({});
    const results = byId(await run(prodContext({ config: legacy })));
    expect(results.get("state-lock")?.status).toBe("PASS");
    expect(mocks.dynamo.commandCalls(GetItemCommand)[0]!.args[0].input.Key).toStrictEqual({
      LockID: { S: "connect-comprehensive-tfstate-prod/connect-comprehensive/prod/terraform.tfstate" },
    });
  });

  it("fails while a lock item is held, saying whose", async () => {
    mocks.dynamo.on(DescribeTableCommand).resolves(table);
    mocks.dynamo.on(GetItemCommand).resolves({
      Item: { LockID: { S: "x" }, Info: { S: '{"Who":"alice@build-7","Operation":"OperationTypeApply"}' } },
    });
    const results = await run(prodContext({ config: legacy }));
    expect(failed(results)).toStrictEqual(["state-lock"]);
    expect(byId(results).get("state-lock")?.detail).toMatch(/alice@build-7/);
  });
});

describe("a check whose call throws", () => {
  it("fails that check with the error in one line and what to do, and the others still run", async () => {
    mocks.bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(
        Object.assign(
          new Error(
            "User: arn:aws:sts::111122223333:assumed-role/platform-deployer/alice is not authorized to perform: bedrock:GetFoundationModelAvailability",
          ),
          { name: "AccessDeniedException" },
        ),
      );
    const results = await run();
    expect(failed(results)).toStrictEqual(["bedrock-model-access"]);
    expect(byId(results).get("bedrock-model-access")).toMatchObject({
      detail: expect.stringMatching(
        /: AccessDeniedException: User: .* is not authorized to perform: bedrock:GetFoundationModelAvailability$/,
      ),
      fix: expect.stringMatching(/permissions \(docs\/deploy-day\.md lists the actions\)/),
    });
  });

  it("says to sign in when the shell has no credentials", async () => {
    mocks.sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
    );
    const result = byId(await run()).get("aws-account");
    expect(result).toMatchObject({ status: "FAIL", fix: expect.stringMatching(/aws sso login/) });
  });
});
