import type { BotDefinition, LocaleDefinition, LocaleId, StateAddress } from "../types";
import type { BotContext } from "./context";

/** Where each gateway locale's resources were in the original state. */
function localeAddresses(
  localeId: LocaleId,
  primary: boolean,
): { locale?: StateAddress; chat?: StateAddress; transfer: StateAddress } {
  const suffix = localeId.toLowerCase();
  return {
    locale: primary
      ? { movedFrom: "module.lex_bot.aws_lexv2models_bot_locale.this" }
      : localeId === "en_US"
        ? { keep: "en_us" }
        : undefined,
    // The module's chat intent has count = 0 in the original: the primary one is new.
    chat: localeId === "en_US" && !primary ? { keep: "chat_en_us" } : undefined,
    transfer: { keep: `transfer_to_agent_${suffix}` },
  };
}

function gatewayLocale(
  localeId: LocaleId,
  voiceId: string,
  threshold: number,
  primary: boolean,
): LocaleDefinition {
  const addresses = localeAddresses(localeId, primary);
  return {
    localeId,
    voiceId,
    nluConfidenceThreshold: threshold,
    address: addresses.locale,
    intents: [
      {
        name: "TransferToAgent",
        description: "Caller asks for a person; the flow transfers (no Lambda)",
        utterances: [
          "transfer to an agent",
          "speak to someone",
          "I need human help",
          "can I talk to a human",
          "put me through to an adviser",
        ],
        address: addresses.transfer,
      },
      {
        name: "ChatIntent",
        description: "Greeting; the flow welcomes the caller and asks again (no Lambda)",
        utterances: ["hi", "hello", "hello there", "good morning", "good afternoon", "good evening"],
        address: addresses.chat,
      },
      {
        name: "FallbackIntent",
        description: "Everything else goes to the code hook (intent routing and generative answers)",
        builtIn: "AMAZON.FallbackIntent",
        utterances: [],
        dialogCodeHook: true,
        fulfillmentCodeHook: true,
      },
    ],
  };
}

/**
 * The gateway bot the entry flows talk to first: main locale plus a second one (the original
 * serves en_GB and en_US). Unrecognised input goes to the Lambda through FallbackIntent.
 */
export function gatewayBot(ctx: BotContext): BotDefinition {
  return {
    key: "gateway",
    name: `${ctx.namePrefix}-bot`,
    description: "Gateway bot: greets, hands over to agents, sends everything else to the code hook",
    addresses: {
      role: { movedFrom: "module.lex_bot.aws_iam_role.lex_role" },
      rolePolicy: { movedFrom: "module.lex_bot.aws_iam_role_policy.lex_policy" },
      bot: { movedFrom: "module.lex_bot.aws_lexv2models_bot.this" },
      version: { keep: "this" },
      alias: { keep: "this" },
      logGroup: { keep: "lex_logs" },
      lambdaPermission: { keep: "lex_invoke" },
    },
    locales: [
      gatewayLocale(ctx.locale, ctx.voiceId, ctx.nluConfidenceThreshold, true),
      gatewayLocale(ctx.secondaryLocale, ctx.secondaryVoiceId, ctx.nluConfidenceThreshold, false),
    ],
  };
}
