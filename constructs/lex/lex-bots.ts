import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Construct } from "constructs";
import type { LexConfig } from "../../config/schema";
import {
  HANDLED_INTENTS,
  INTENT_SLOTS,
  SENSITIVE_INTENTS,
  AUTH_PIN_SLOT,
} from "../../lambda/lex_fallback/intents";
import { keepAddress } from "../core/addresses";
import { bankingBot } from "./bots/banking";
import { gatewayBot } from "./bots/gateway";
import { salesBot } from "./bots/sales";
import { ownerChecks } from "./checks";
import { LexBot } from "./lex-bot";
import { LexMigration } from "./migration";
import type { CodeHookTarget, LocaleId } from "./types";

export interface LexBotsProps {
  /** Lex section of the validated config. */
  readonly config: LexConfig;
  /** Main locale (config `locale`). */
  readonly locale: LocaleId;
  /** Polly voice of the main locale (config `voiceId`). */
  readonly voiceId: string;
  /** Prefix of bot, role and log group names, e.g. `connect-comprehensive-dev`. */
  readonly namePrefix: string;
  /** Account id (Platform.accountId). */
  readonly accountId: string;
  /** Region of the bots (Platform.regionName). */
  readonly region: string;
  /** ARN of the Amazon Connect instance (not its id). */
  readonly connectInstanceArn: string;
  /** The lex_fallback Lambda: function name, alias name (`live`) and alias ARN. */
  readonly codeHook: Omit<CodeHookTarget, "handledIntents">;
  /** Retention of the conversation log groups. @default 30 */
  readonly logRetentionDays?: number;
  /** KMS key ARN for the conversation log groups. @default - CloudWatch-owned key */
  readonly kmsKeyArn?: string;
  /** Tags for the awscc aliases (aws resources get the provider's default_tags). @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** Emit `removed` blocks for original addresses no longer managed. @default true */
  readonly migrateOriginalState?: boolean;
}

/** Slots each handled intent needs on the bot: the handler's own plus the PIN on sensitive intents. */
function handlerSlots(): Record<string, readonly string[]> {
  const sensitive = new Set<string>(SENSITIVE_INTENTS);
  return Object.fromEntries(
    Object.entries(INTENT_SLOTS).map(([intent, slots]) => [
      intent,
      sensitive.has(intent) ? [...slots, AUTH_PIN_SLOT] : slots,
    ]),
  );
}

/**
 * The three federated bots of the original stack: gateway (entry flows; FallbackIntent → Lambda),
 * banking (all intents served by the lex_fallback Lambda) and sales (routing only).
 */
export class LexBots extends Construct {
  public readonly gateway: LexBot;
  public readonly banking: LexBot;
  public readonly sales: LexBot;
  /** Every LEX_BOT association; flows using any bot alias depend on these. */
  public readonly associations: LexBot["association"][];
  public readonly logResourcePolicy: CloudwatchLogResourcePolicy;

  constructor(scope: Construct, id: string, props: LexBotsProps) {
    super(scope, id);
    const cfg = props.config;
    if (cfg.gatewaySecondaryLocale === props.locale) {
      throw new Error(
        `${this.node.path}: lex.gatewaySecondaryLocale ${cfg.gatewaySecondaryLocale} equals the main locale; choose the other one (en_GB or en_US)`,
      );
    }

    const context = {
      namePrefix: props.namePrefix,
      locale: props.locale,
      voiceId: props.voiceId,
      secondaryLocale: cfg.gatewaySecondaryLocale,
      secondaryVoiceId: cfg.secondaryVoiceId,
      nluConfidenceThreshold: cfg.nluConfidenceThreshold,
    };
    const codeHook: CodeHookTarget = { ...props.codeHook, handledIntents: HANDLED_INTENTS };
    const common = {
      accountId: props.accountId,
      region: props.region,
      connectInstanceArn: props.connectInstanceArn,
      idleSessionTtlSeconds: cfg.idleSessionTtlSeconds,
      aliasName: cfg.aliasName,
      detectSentiment: cfg.detectSentiment,
      buildTimeoutSeconds: cfg.buildTimeoutSeconds,
      logRetentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
      tags: props.tags,
    };

    this.gateway = new LexBot(this, "gateway", { ...common, definition: gatewayBot(context), codeHook });
    this.banking = new LexBot(this, "banking", {
      ...common,
      definition: bankingBot(context),
      codeHook,
      checks: ownerChecks(HANDLED_INTENTS, handlerSlots(), [AUTH_PIN_SLOT]),
    });
    this.sales = new LexBot(this, "sales", { ...common, definition: salesBot(context) });
    this.associations = [this.gateway.association, this.banking.association, this.sales.association];

    const bots = [this.gateway, this.banking, this.sales];
    // Lex V2 writes text logs with each bot's role; this account-level policy is kept from the
    // original for the same groups only, limited to this account's bots.
    this.logResourcePolicy = keepAddress(
      new CloudwatchLogResourcePolicy(this, "LogsPolicy", {
        policyName: `${props.namePrefix}-lex-logs-policy`,
        policyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "LexConversationLogs",
              Effect: "Allow",
              Principal: { Service: "lexv2.amazonaws.com" },
              Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
              Resource: bots.map((bot) => `${bot.logGroup.arn}:*`),
              Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
            },
          ],
        }),
      }),
      "lex_logs",
    );

    if (props.migrateOriginalState ?? true) new LexMigration(this, "migration");
  }
}
