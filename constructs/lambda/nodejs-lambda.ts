import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import {
  LOG_RETENTION_DAYS,
  type LambdaPolicyStatement,
  type LambdaZip,
  type LogRetentionDays,
  type NodejsRuntime,
} from "./types";

export interface NodejsLambdaProps {
  /** Function name (1-64 letters, digits, - and _). */
  readonly functionName: string;
  /**
   * Name of the execution role. IAM is global: a function of the same name in a second Region
   * (a disaster-recovery replica) needs a role of its own name.
   * @default `<functionName>-role`
   */
  readonly roleName?: string;
  /** Deployment package: bundleLambda's output or a prebuilt zip (see `zipFromFile` in ./types). */
  readonly code: LambdaZip;
  /** Module.export of the bundle. @default "index.handler" */
  readonly handler?: string;
  /** @default "nodejs22.x" */
  readonly runtime?: NodejsRuntime;
  /** @default 512 (more memory = more CPU = faster cold start) */
  readonly memorySize?: number;
  /** Seconds. @default 10 */
  readonly timeout?: number;
  /** Environment variables: names and ARNs only, never secret values. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Customer-managed KMS key encrypting the environment and the log group. */
  readonly kmsKeyArn: string;
  /** @default 365 */
  readonly logRetentionDays?: LogRetentionDays;
  /** What the function may call, beyond writing its own logs and traces. @default [] */
  readonly statements?: readonly LambdaPolicyStatement[];
  /** Reserved concurrency; unset shares the account pool. @default undefined */
  readonly reservedConcurrency?: number;
  /** @default "Active" */
  readonly tracing?: "Active" | "PassThrough";
  /** @default "arm64" */
  readonly architecture?: "arm64" | "x86_64";
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const SID = /^[A-Za-z0-9]+$/;
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Values that look like credentials must come from Secrets Manager, not the environment. */
const SECRET_ENV = /(SECRET|PASSWORD|API_KEY|TOKEN)$/;

/** Reads a prebuilt zip and hashes it the way Terraform's filebase64sha256 does. */

function validate(scope: Construct, props: NodejsLambdaProps): void {
  const at = scope.node.path;
  if (!NAME.test(props.functionName)) {
    throw new Error(
      `NodejsLambda at ${at}: functionName "${props.functionName}" must be 1-64 letters, digits, - or _`,
    );
  }
  if (
    props.memorySize !== undefined &&
    (!Number.isInteger(props.memorySize) || props.memorySize < 128 || props.memorySize > 10240)
  ) {
    throw new Error(
      `NodejsLambda at ${at}: memorySize ${props.memorySize} must be an integer MB from 128 to 10240`,
    );
  }
  if (
    props.timeout !== undefined &&
    (!Number.isInteger(props.timeout) || props.timeout < 1 || props.timeout > 900)
  ) {
    throw new Error(`NodejsLambda at ${at}: timeout ${props.timeout} must be whole seconds from 1 to 900`);
  }
  if (
    props.logRetentionDays !== undefined &&
    !(LOG_RETENTION_DAYS as readonly number[]).includes(props.logRetentionDays)
  ) {
    throw new Error(
      `NodejsLambda at ${at}: logRetentionDays ${props.logRetentionDays} is not one CloudWatch accepts (${LOG_RETENTION_DAYS.join(", ")})`,
    );
  }
  if (
    props.reservedConcurrency !== undefined &&
    (!Number.isInteger(props.reservedConcurrency) || props.reservedConcurrency < 0)
  ) {
    throw new Error(
      `NodejsLambda at ${at}: reservedConcurrency ${props.reservedConcurrency} must be a whole number >= 0`,
    );
  }
  for (const name of Object.keys(props.environment ?? {})) {
    if (!ENV_NAME.test(name))
      throw new Error(
        `NodejsLambda at ${at}: environment variable "${name}" must start with a letter and use letters, digits and _`,
      );
    if (SECRET_ENV.test(name)) {
      throw new Error(
        `NodejsLambda at ${at}: environment variable "${name}" looks like a secret; pass its Secrets Manager ARN as ${name}_ARN and read it at runtime`,
      );
    }
  }
  for (const s of props.statements ?? []) {
    if (!SID.test(s.sid))
      throw new Error(`NodejsLambda at ${at}: statement sid "${s.sid}" must be letters and digits only`);
    if (s.actions.length === 0 || s.resources.length === 0)
      throw new Error(`NodejsLambda at ${at}: statement ${s.sid} needs at least one action and one resource`);
    if (s.actions.some((a) => a === "*" || a.endsWith(":*"))) {
      throw new Error(
        `NodejsLambda at ${at}: statement ${s.sid} grants a wildcard action; list the exact actions`,
      );
    }
    if (s.resources.some((r) => r === "*") && !s.wildcardReason) {
      throw new Error(
        `NodejsLambda at ${at}: statement ${s.sid} uses Resource "*"; give exact ARNs, or set wildcardReason if the API has no resource type`,
      );
    }
  }
}

/**
 * One Node.js Lambda the way this stack runs them: its own role with an explicit inline policy,
 * a KMS-encrypted log group with retention created before the function (so Lambda never creates
 * an unencrypted, never-expiring one), a published version and a `live` alias that callers use.
 */
export class NodejsLambda extends Construct {
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly function: LambdaFunction;
  public readonly alias: LambdaAlias;
  /** ARN to give Lex, Connect and other callers: the `live` alias, never $LATEST. */
  public readonly aliasArn: string;

  constructor(scope: Construct, id: string, props: NodejsLambdaProps) {
    super(scope, id);
    validate(this, props);

    const handler = props.handler ?? "index.handler";
    const runtime = props.runtime ?? "nodejs22.x";
    const memorySize = props.memorySize ?? 512;
    const timeout = props.timeout ?? 10;
    const logRetentionDays = props.logRetentionDays ?? 365;
    const tracing = props.tracing ?? "Active";
    const architecture = props.architecture ?? "arm64";
    const tags = { ...props.tags };

    this.role = new IamRole(this, "Role", {
      name: props.roleName ?? `${props.functionName}-role`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
      tags,
    });
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags,
    });
    const base: LambdaPolicyStatement[] = [
      {
        sid: "WriteOwnLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${this.logGroup.arn}:*`],
      },
      { sid: "DecryptEnvironment", actions: ["kms:Decrypt"], resources: [props.kmsKeyArn] },
      ...(tracing === "Active"
        ? [
            {
              sid: "WriteTraces",
              actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
              resources: ["*"],
              wildcardReason: "X-Ray trace APIs have no resource type",
            },
          ]
        : []),
    ];
    this.policy = new IamRolePolicy(this, "Policy", {
      name: `${props.functionName}-policy`,
      role: this.role.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [...base, ...(props.statements ?? [])].map((s) => ({
          Sid: s.sid,
          Effect: "Allow",
          Action: [...s.actions],
          Resource: [...s.resources],
          ...(s.condition ? { Condition: s.condition } : {}),
        })),
      }),
    });

    // The asset folder is named by the zip's own hash rather than the framework's hashing, which
    // differs between cdktf and its fork: the same bytes land at the same path on either.
    const asset = new TerraformAsset(this, "Code", {
      path: props.code.path,
      type: AssetType.FILE,
      assetHash: Buffer.from(props.code.sha256Base64, "base64").toString("hex"),
    });
    this.function = new LambdaFunction(this, "Function", {
      functionName: props.functionName,
      role: this.role.arn,
      handler,
      runtime,
      architectures: [architecture],
      memorySize,
      timeout,
      filename: asset.path,
      sourceCodeHash: props.code.sha256Base64,
      publish: true,
      kmsKeyArn: props.kmsKeyArn,
      environment: { variables: { ...props.environment } },
      tracingConfig: { mode: tracing },
      loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
      ...(props.reservedConcurrency !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrency }
        : {}),
      tags,
      dependsOn: [this.logGroup, this.policy],
    });
    this.alias = new LambdaAlias(this, "Alias", {
      name: "live",
      functionName: this.function.functionName,
      functionVersion: this.function.version,
    });
    this.aliasArn = this.alias.arn;
  }

  /**
   * Lets a service invoke the `live` alias, only from `sourceArn`
   * (e.g. lexv2.amazonaws.com + a bot alias ARN, connect.amazonaws.com + the instance ARN).
   */
  public allowInvoke(
    id: string,
    principal:
      | "lexv2.amazonaws.com"
      | "connect.amazonaws.com"
      | "events.amazonaws.com"
      | "sns.amazonaws.com"
      | "apigateway.amazonaws.com",
    sourceArn: string,
  ): LambdaPermission {
    if (sourceArn.trim() === "" || sourceArn === "*") {
      throw new Error(
        `NodejsLambda at ${this.node.path}: allowInvoke "${id}" needs the exact source ARN, not "${sourceArn}"`,
      );
    }
    return new LambdaPermission(this, id, {
      statementId: `Allow${id}`.replace(/[^A-Za-z0-9_-]/g, ""),
      action: "lambda:InvokeFunction",
      functionName: this.function.functionName,
      qualifier: this.alias.name,
      principal,
      sourceArn,
    });
  }
}
