import { fragment, ref, type RuleCases } from "../support";

/** Providers as the stack configures them: London by default, us-east-1 by alias. */
const PROVIDERS = { aws: [{ region: "eu-west-2" }, { alias: "us_east_1", region: "us-east-1" }] };
const stack = (resource: Parameters<typeof fragment>[0]) => ({ ...fragment(resource), provider: PROVIDERS });
const KEYS = { london: {}, frankfurt: { region: "eu-central-1" }, virginia: { provider: "aws.us_east_1" } };

export const cases: RuleCases = {
  valid: {
    "a table and its key in the default Region": {
      json: stack({
        aws_kms_key: KEYS,
        aws_dynamodb_table: {
          t: { server_side_encryption: { enabled: true, kms_key_arn: ref("aws_kms_key.london") } },
        },
      }),
    },
    "a replica table under the key of its Region": {
      json: stack({
        aws_kms_key: KEYS,
        aws_dynamodb_table_replica: {
          r: { region: "eu-central-1", kms_key_arn: ref("aws_kms_key.frankfurt") },
        },
      }),
    },
    "a us-east-1 log group (provider alias) under the us-east-1 key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_cloudwatch_log_group: {
          g: { provider: "aws.us_east_1", kms_key_id: ref("aws_kms_key.virginia") },
        },
      }),
    },
    "a secret replicated under its replica Region's key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_secretsmanager_secret: {
          s: {
            kms_key_id: ref("aws_kms_key.london"),
            replica: [{ region: "eu-central-1", kms_key_id: ref("aws_kms_key.frankfurt") }],
          },
        },
      }),
    },
    "S3 replication to a Frankfurt bucket under the Frankfurt key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_s3_bucket: { copy: { region: "eu-central-1" } },
        aws_s3_bucket_replication_configuration: {
          rule: {
            rule: [
              {
                destination: {
                  bucket: ref("aws_s3_bucket.copy"),
                  encryption_configuration: { replica_kms_key_id: ref("aws_kms_key.frankfurt") },
                },
              },
            ],
          },
        },
      }),
    },
  },
  invalid: {
    "a replica table under the primary's key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_dynamodb_table_replica: { r: { region: "eu-central-1", kms_key_arn: ref("aws_kms_key.london") } },
      }),
      findings: [
        [
          "aws_dynamodb_table_replica.r",
          /kms_key_arn names aws_kms_key.london in eu-west-2, but the key is used in eu-central-1/,
        ],
      ],
    },
    "a secret replica under the primary's key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_secretsmanager_secret: {
          s: {
            kms_key_id: ref("aws_kms_key.london"),
            replica: [{ region: "eu-central-1", kms_key_id: ref("aws_kms_key.london") }],
          },
        },
      }),
      findings: [
        [
          "aws_secretsmanager_secret.s",
          /replica\[\]\.kms_key_id names aws_kms_key.london in eu-west-2, but the key is used in eu-central-1/,
        ],
      ],
    },
    "a default-Region Lambda under the us-east-1 key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_lambda_function: { f: { kms_key_arn: ref("aws_kms_key.virginia") } },
      }),
      findings: [
        [
          "aws_lambda_function.f",
          /names aws_kms_key.virginia in us-east-1, but the key is used in eu-west-2/,
        ],
      ],
    },
    "S3 replication copies under the source Region's key": {
      json: stack({
        aws_kms_key: KEYS,
        aws_s3_bucket: { copy: { region: "eu-central-1" } },
        aws_s3_bucket_replication_configuration: {
          rule: {
            rule: [
              {
                destination: {
                  bucket: ref("aws_s3_bucket.copy"),
                  encryption_configuration: { replica_kms_key_id: ref("aws_kms_key.london") },
                },
              },
            ],
          },
        },
      }),
      findings: [
        ["aws_s3_bucket_replication_configuration.rule", /in eu-west-2, but the key is used in eu-central-1/],
      ],
    },
  },
};
