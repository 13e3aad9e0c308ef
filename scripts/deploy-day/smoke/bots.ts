/**
 * Each bot's live alias is Available, and through it one RecognizeText per intent per locale (a
 * sample utterance of the bot definition, as synthesized) lands on that intent; where a code hook
 * serves the intent, its answer comes back as a message.
 */
import { LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand } from "@aws-sdk/client-lex-models-v2";
import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { describeError, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { BotFact, IntentFact } from "../stack-facts";
import type { SmokeContext } from "./context";

/**
 * Intents whose code hook raises a real fraud alert to the fraud team on the first turn: sent only
 * with --with-fraud-alerts (a test keeps this list equal to the handlers that call raiseFraudAlert).
 */
export const ALERTING_INTENTS: readonly string[] = ["ReportFraud", "ReportLostStolenCard"];

/** The first sample utterance without a slot reference: Lex matches it as written. */
export function plainUtterance(intent: IntentFact): string | undefined {
  return intent.utterances.find((u) => !u.includes("{"));
}

async function liveAlias(ctx: SmokeContext, bot: BotFact) {
  const lex = ctx.aws.client(LexModelsV2Client, ctx.config.region);
  // ListBots response: botSummaries[].botId, botName; ListBotAliases: botAliasSummaries[].botAliasId,
  // botAliasName, botAliasStatus Available | Creating | Deleting | Failed (Lex V2 model-building API reference).
  const bots = await lex.send(
    new ListBotsCommand({ filters: [{ name: "BotName", values: [bot.name], operator: "EQ" }] }),
  );
  const botId = bots.botSummaries?.find((b) => b.botName === bot.name)?.botId;
  if (!botId) return { botId: undefined, alias: undefined };
  const aliases = await lex.send(new ListBotAliasesCommand({ botId }));
  return { botId, alias: aliases.botAliasSummaries?.find((a) => a.botAliasName === bot.aliasName) };
}

async function recognise(
  ctx: SmokeContext,
  bot: BotFact,
  ids: { botId: string; botAliasId: string },
  localeId: string,
  intent: IntentFact,
  n: number,
): Promise<CheckResult> {
  const id = `intent:${bot.name}/${localeId}/${intent.name}`;
  if (ALERTING_INTENTS.includes(intent.name) && !ctx.options.withFraudAlerts)
    return skip(
      id,
      "not sent: its code hook raises a real fraud alert to the fraud team",
      "warn the fraud team, then rerun with --with-fraud-alerts",
    );
  const text = plainUtterance(intent);
  if (!text) return skip(id, "no sample utterance without a slot to send");
  try {
    // RecognizeText response: sessionState.intent.name/state, messages[].content (Lex V2 runtime API reference).
    const out = await ctx.aws
      .client(LexRuntimeV2Client, ctx.config.region)
      .send(
        new RecognizeTextCommand({ ...ids, localeId, sessionId: `smoke-${ctx.options.runId}-${n}`, text }),
      );
    const landed = out.sessionState?.intent?.name;
    if (landed !== intent.name)
      return fail(
        id,
        `"${text}" landed on ${landed ?? "no intent"}`,
        "the published bot version differs from the definition: check the locale build (null_resource) and bot version of the last deploy",
      );
    if (intent.codeHook && (out.messages ?? []).length === 0)
      return fail(
        id,
        `"${text}" → ${landed}, but the code hook answered nothing`,
        "check the alias's Lambda code hook and the lex_fallback logs",
      );
    return pass(
      id,
      `"${text}" → ${landed}${intent.codeHook ? `; code hook: "${out.messages?.[0]?.content?.slice(0, 60) ?? ""}"` : ""}`,
    );
  } catch (error) {
    return fail(
      id,
      `"${text}": ${describeError(error)}`,
      "DependencyFailedException means the code hook failed or timed out: read the lex_fallback logs",
    );
  }
}

export const botsCheck: Check<SmokeContext> = {
  id: "bots",
  title: "each bot alias is Available and answers every intent",
  async run(ctx) {
    const results: CheckResult[] = [];
    let n = 0;
    for (const bot of ctx.facts.bots()) {
      const { botId, alias } = await liveAlias(ctx, bot);
      const id = `bot:${bot.name}`;
      if (!botId || !alias?.botAliasId) {
        results.push(
          fail(
            id,
            `${botId ? `alias ${bot.aliasName}` : "the bot"} not found`,
            "deploy again and read the Lex errors",
          ),
        );
        continue;
      }
      if (alias.botAliasStatus !== "Available") {
        results.push(
          fail(
            id,
            `alias ${bot.aliasName} is ${alias.botAliasStatus ?? "?"}`,
            "wait for it to become Available, or read its failure in the Lex console",
          ),
        );
        continue;
      }
      results.push(pass(id, `alias ${bot.aliasName} Available (version ${alias.botVersion ?? "?"})`));
      for (const locale of bot.locales)
        for (const intent of locale.intents)
          results.push(
            await recognise(ctx, bot, { botId, botAliasId: alias.botAliasId }, locale.localeId, intent, n++),
          );
    }
    return results;
  },
};
