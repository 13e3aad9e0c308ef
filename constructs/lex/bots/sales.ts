import type { BotDefinition } from "../types";
import type { BotContext } from "./context";

/**
 * The sales bot: a routing bot. ProductInfo returns to the flow, which plays product information
 * or queues for sales; no code hook, so no Lambda permission is granted for it.
 */
export function salesBot(ctx: BotContext): BotDefinition {
  return {
    key: "sales",
    name: `${ctx.namePrefix}-sales-bot`,
    description: "Sales enquiries: products and offers",
    addresses: {
      role: { movedFrom: "module.lex_bot_sales.aws_iam_role.lex_role" },
      rolePolicy: { movedFrom: "module.lex_bot_sales.aws_iam_role_policy.lex_policy" },
      bot: { movedFrom: "module.lex_bot_sales.aws_lexv2models_bot.this" },
      // Root-level in the original (the module runs with create_version = false): the live alias
      // keeps its id, so Connect associations and flows that hold its ARN keep working.
      version: { keep: "sales" },
      alias: { keep: "sales" },
      logGroup: { keep: "sales_lex_logs" },
    },
    locales: [
      {
        localeId: ctx.locale,
        voiceId: ctx.voiceId,
        nluConfidenceThreshold: ctx.nluConfidenceThreshold,
        address: { movedFrom: "module.lex_bot_sales.aws_lexv2models_bot_locale.this" },
        intents: [
          {
            name: "ProductInfo",
            description: "Questions about products (accounts, cards, loans)",
            utterances: [
              "what products do you have",
              "tell me about credit cards",
              "what accounts do you offer",
              "tell me about your savings accounts",
              "what loans do you offer",
              "I'd like to open an account",
            ],
            address: { keep: "sales_product" },
          },
          {
            name: "FallbackIntent",
            description: "Built-in fallback; the flow hands over to a sales adviser",
            builtIn: "AMAZON.FallbackIntent",
            utterances: [],
          },
        ],
      },
    ],
  };
}
