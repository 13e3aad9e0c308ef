import { z } from "zod";
import { awsRegion } from "./common";

/** Where Terraform keeps state. Local by default so a fresh clone synthesizes with nothing set up. */
export const backendSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("local"),
    /** Relative to the synthesized stack folder. */
    path: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal("s3"),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "expected an S3 bucket name"),
    /** State object key; one per environment, e.g. connect/prod/terraform.tfstate. */
    key: z.string().min(1),
    region: awsRegion,
    encrypt: z
      .literal(true, { error: "state holds secrets' metadata and ARNs: encrypt must be true" })
      .default(true),
    /** KMS key for the state object. @default - the bucket's default encryption */
    kmsKeyId: z.string().optional(),
    /** S3 native locking (Terraform >= 1.10). */
    useLockfile: z.boolean().default(true),
    /** Legacy DynamoDB lock table, for Terraform < 1.10. */
    dynamodbTable: z.string().optional(),
  }),
]);

export const baseSchema = {
  /** Environment name; part of every resource name. */
  environment: z.enum(["dev", "test", "staging", "prod"], {
    error: "expected one of dev, test, staging, prod",
  }),
  region: awsRegion.default("eu-west-2"),
  /**
   * The AWS accounts this environment may plan and deploy in (the aws providers'
   * allowed_account_ids): credentials of any other account fail the plan before any change.
   * @default - any account
   */
  accountIds: z
    .array(z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id"))
    .min(1)
    .optional(),
  /**
   * Region for Bedrock runtime calls and the guardrail. Frankfurt by default so a UK bank's
   * customer text stays in Europe (the original used us-east-1); the model must be enabled there.
   */
  bedrockRegion: awsRegion.default("eu-central-1"),
  projectName: z
    .string()
    .regex(/^[a-z][a-z0-9-]{2,30}$/, "expected lower-case letters, digits and -, 3 to 31 characters")
    .default("connect-comprehensive"),
  /** Lex/Connect locale of the main bot and prompts. */
  locale: z.enum(["en_GB", "en_US"], { error: "expected en_GB or en_US" }).default("en_GB"),
  /** Polly voice for prompts and the bot locale. */
  voiceId: z.string().min(1).default("Amy"),
  /** Tags on every taggable resource (provider default_tags). Environment is added automatically. */
  tags: z.record(z.string(), z.string()).default({ Project: "ConnectComprehensive", ManagedBy: "Terraform" }),
  backend: backendSchema.default({ type: "local" }),
};
