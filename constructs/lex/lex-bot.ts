import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Lexv2ModelsBot } from "@cdktf/provider-aws/lib/lexv2models-bot";
import { Lexv2ModelsBotVersion } from "@cdktf/provider-aws/lib/lexv2models-bot-version";
import { repairMapAttributes } from "../core/hcl";
import { Construct } from "constructs";
import { ConnectIntegrationAssociation, LexBotAlias } from "../awscc";
import { applyAddress } from "./address";
import { BotLocale } from "./bot-locale";
import { BotRole } from "./bot-role";
import { type BotCheck, codeHookChecks, formatFinding, runChecks } from "./checks";
import { contentHash } from "./content-hash";
import { LocaleBuild } from "./locale-build";
import type { BotDefinition, CodeHookTarget } from "./types";

/** The provider's bot version, written to `synth --hcl` output as valid HCL (see repairMapAttributes). */
class BotVersion extends Lexv2ModelsBotVersion {
  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return repairMapAttributes(super.synthesizeHclAttributes());
  }
}

const BOT_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const ALIAS_NAME = /^([0-9a-zA-Z][_-]?)+$/;
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export interface LexBotProps {
  /** The bot as data (constructs/lex/bots/*.ts). Checked at construction; findings fail synth. */
  readonly definition: BotDefinition;
  /** Account id (trust-policy guard). */
  readonly accountId: string;
  /** Region of the bot (used by the locale build CLI call). */
  readonly region: string;
  /** ARN of the Amazon Connect instance the alias is associated with (the ARN, not the id). */
  readonly connectInstanceArn: string;
  /** Lambda every locale of the alias calls as code hook. @default - no code hook; no intent may use one */
  readonly codeHook?: CodeHookTarget;
  /** Extra checks (e.g. the Lambda's intent contract for the bot that owns it). @default [] */
  readonly checks?: readonly BotCheck[];
  /** Seconds a session stays open without input. @default 300 */
  readonly idleSessionTtlSeconds?: number;
  /** Alias name (flows reference the alias ARN). @default "prod" */
  readonly aliasName?: string;
  /** Sentiment analysis on the alias ($.Lex.SentimentResponse in flows). @default true */
  readonly detectSentiment?: boolean;
  /** Retention of the conversation log group. @default 30 */
  readonly logRetentionDays?: number;
  /** KMS key ARN for the log group. Its key policy must allow logs.<region>.amazonaws.com. @default - CloudWatch-owned key */
  readonly kmsKeyArn?: string;
  /** Seconds each locale build may take before the apply fails. @default 600 */
  readonly buildTimeoutSeconds?: number;
  /** Tags of the awscc alias: the awscc provider has no default_tags, so they are passed here. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One Lex V2 bot: runtime role, bot, locales (slot types, intents, slots), a CLI build per locale,
 * an immutable version, an awscc alias with code hook and text conversation logs, the Lambda
 * permission for that alias, and the LEX_BOT association with the Connect instance.
 */
export class LexBot extends Construct {
  public readonly bot: Lexv2ModelsBot;
  public readonly role: BotRole;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly locales: Readonly<Record<string, BotLocale>>;
  public readonly builds: readonly LocaleBuild[];
  public readonly version: Lexv2ModelsBotVersion;
  public readonly alias: LexBotAlias;
  public readonly invokePermission?: LambdaPermission;
  /** Flows that use the alias must depend on this (Connect rejects an unassociated alias). */
  public readonly association: ConnectIntegrationAssociation;
  public readonly botId: string;
  public readonly aliasArn: string;
  public readonly aliasId: string;
  /** Intents that end in the Connect flow without a Lambda fulfilment: flows branch on these names. */
  public readonly flowIntents: readonly string[];

  constructor(scope: Construct, id: string, props: LexBotProps) {
    super(scope, id);
    const def = props.definition;
    this.validate(props);

    const idleSessionTtlSeconds = props.idleSessionTtlSeconds ?? 300;
    const aliasName = props.aliasName ?? "prod";
    const detectSentiment = props.detectSentiment ?? true;
    const logRetentionDays = props.logRetentionDays ?? 30;
    const addresses = def.addresses ?? {};

    this.logGroup = applyAddress(
      new CloudwatchLogGroup(this, "ConversationLogs", {
        name: `/aws/lex/${def.name}`,
        retentionInDays: logRetentionDays,
        kmsKeyId: props.kmsKeyArn,
      }),
      addresses.logGroup,
    );
    this.role = new BotRole(this, "Runtime", {
      botName: def.name,
      accountId: props.accountId,
      logGroupArn: this.logGroup.arn,
      detectSentiment,
      roleAddress: addresses.role,
      policyAddress: addresses.rolePolicy,
    });
    this.bot = applyAddress(
      new Lexv2ModelsBot(this, "Bot", {
        name: def.name,
        description: def.description,
        roleArn: this.role.role.arn,
        idleSessionTtlInSeconds: idleSessionTtlSeconds,
        dataPrivacy: [{ childDirected: false }],
      }),
      addresses.bot,
    );
    this.botId = this.bot.id;

    const locales: Record<string, BotLocale> = {};
    const builds: LocaleBuild[] = [];
    const localeHashes: string[] = [];
    for (const locale of def.locales) {
      const resources = new BotLocale(this, locale.localeId, { botId: this.bot.id, definition: locale });
      locales[locale.localeId] = resources;
      const fallback = locale.intents.find((intent) => intent.builtIn === "AMAZON.FallbackIntent");
      const hash = contentHash(locale);
      localeHashes.push(hash);
      builds.push(
        new LocaleBuild(this, `Build_${locale.localeId}`, {
          botId: this.bot.id,
          localeId: locale.localeId,
          region: props.region,
          contentHash: hash,
          fallbackDialogCodeHook: fallback?.dialogCodeHook ?? false,
          fallbackFulfillmentCodeHook: fallback?.fulfillmentCodeHook ?? false,
          timeoutSeconds: props.buildTimeoutSeconds,
          dependsOn: resources.resources,
        }),
      );
    }
    this.locales = locales;
    this.builds = builds;

    // Every input of a bot version forces a new one; the content hash in the description makes a
    // changed DRAFT publish a new version, and create_before_destroy moves the alias before the
    // old version (which Lex refuses to delete while an alias uses it) goes.
    this.version = applyAddress(
      new BotVersion(this, "Version", {
        botId: this.bot.id,
        description: `${def.locales.map((l) => l.localeId).join(",")} sha256:${contentHash(localeHashes).slice(0, 32)}`,
        localeSpecification: Object.fromEntries(
          def.locales.map((l) => [l.localeId, { sourceBotVersion: "DRAFT" }]),
        ),
        dependsOn: builds.map((build) => build.resource),
        lifecycle: { createBeforeDestroy: true },
      }),
      addresses.version,
    );

    this.alias = applyAddress(
      new LexBotAlias(this, "Alias", {
        botId: this.bot.id,
        botAliasName: aliasName,
        botVersion: this.version.botVersion,
        description: `${def.description} (published version)`,
        ...(props.tags
          ? { botAliasTags: Object.entries(props.tags).map(([key, value]) => ({ key, value })) }
          : {}),
        botAliasLocaleSettings: def.locales.map((locale) => ({
          localeId: locale.localeId,
          botAliasLocaleSetting: {
            enabled: true,
            codeHookSpecification: props.codeHook
              ? { lambdaCodeHook: { lambdaArn: props.codeHook.aliasArn, codeHookInterfaceVersion: "1.0" } }
              : undefined,
          },
        })),
        conversationLogSettings: {
          textLogSettings: [
            {
              enabled: true,
              destination: {
                cloudwatch: { cloudwatchLogGroupArn: this.logGroup.arn, logPrefix: "lex-logs" },
              },
            },
          ],
        },
        sentimentAnalysisSettings: { detectSentiment },
        dependsOn: [this.role.policy],
      }),
      addresses.alias,
    );
    this.aliasArn = this.alias.arn;
    this.aliasId = this.alias.botAliasId;

    if (props.codeHook) {
      // Scoped to this alias ARN only: not the test alias (TSTALIASID) nor other aliases of the bot,
      // so only the published, reviewed version can reach the Lambda.
      this.invokePermission = applyAddress(
        new LambdaPermission(this, "InvokePermission", {
          statementId: `AllowLexV2-${def.key}`,
          action: "lambda:InvokeFunction",
          functionName: props.codeHook.functionName,
          qualifier: props.codeHook.aliasName,
          principal: "lexv2.amazonaws.com",
          sourceArn: this.alias.arn,
        }),
        addresses.lambdaPermission,
      );
    }

    this.association = new ConnectIntegrationAssociation(this, "ConnectAssociation", {
      instanceId: props.connectInstanceArn,
      integrationType: "LEX_BOT",
      integrationArn: this.alias.arn,
    });

    this.flowIntents = [
      ...new Set(
        def.locales.flatMap((l) =>
          l.intents.filter((i) => i.fulfillmentCodeHook !== true).map((i) => i.name),
        ),
      ),
    ];
  }

  private validate(props: LexBotProps): void {
    const path = this.node.path;
    const def = props.definition;
    if (!BOT_NAME.test(def.name)) {
      throw new Error(
        `${path}: bot name "${def.name}" is invalid; use letters and digits with single _ or - between them (max 100)`,
      );
    }
    if (def.locales.length === 0)
      throw new Error(`${path}: bot "${def.name}" has no locale; define at least one`);
    const localeIds = def.locales.map((l) => l.localeId);
    const duplicate = localeIds.find((localeId, i) => localeIds.indexOf(localeId) !== i);
    if (duplicate !== undefined)
      throw new Error(`${path}: bot "${def.name}" defines locale ${duplicate} twice; keep one`);
    if (props.aliasName !== undefined && !ALIAS_NAME.test(props.aliasName)) {
      throw new Error(
        `${path}: alias name "${props.aliasName}" is invalid; use letters and digits with single _ or - between them`,
      );
    }
    const ttl = props.idleSessionTtlSeconds;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 60 || ttl > 86400)) {
      throw new Error(`${path}: idleSessionTtlSeconds ${ttl} must be a whole number from 60 to 86400`);
    }
    const retention = props.logRetentionDays;
    if (retention !== undefined && !LOG_RETENTION_DAYS.includes(retention)) {
      throw new Error(
        `${path}: logRetentionDays ${retention} is not a CloudWatch Logs retention period; use one of ${LOG_RETENTION_DAYS.join(", ")}`,
      );
    }
    const extra = [
      ...(props.checks ?? []),
      ...(props.codeHook ? codeHookChecks(props.codeHook.handledIntents) : codeHookChecks([])),
    ];
    const findings = runChecks(def, extra);
    if (findings.length > 0) {
      throw new Error(
        `${path}: bot definition has ${findings.length} problem(s):\n${findings.map(formatFinding).join("\n")}`,
      );
    }
  }
}
