import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLedger } from "../../constructs/migration/ledger";
import { LexBot, REMOVED_LEX_ADDRESSES, salesBot } from "../../constructs/lex";
import { INSTANCE_ARN, lexBotsProps, newStack, synthLexBots } from "./synth";
import { lexSchema } from "../../config/schema/lex";
import { LexBots } from "../../constructs/lex";

const { json } = synthLexBots();

/** Lex-related addresses of the original state (log subscription filters belong to log archive). */
const ORIGINAL = readFileSync(join(__dirname, "../../docs/migration/original-state-list.txt"), "utf8")
  .split("\n")
  .filter((line) => /lex|bot_association|build_bot_locales|validate_bot_alias|fallback_intent/.test(line))
  .filter((line) => !line.startsWith("aws_cloudwatch_log_subscription_filter."));

test("every original lex address is kept, moved or removed on purpose", () => {
  const unaccounted = buildLedger(ORIGINAL, json)
    .filter((entry) => entry.disposition === "unaccounted")
    .map((entry) => entry.address);
  expect(unaccounted).toStrictEqual([]);
});

test("removed blocks: the CLI associations are forgotten, never destroyed (disassociate-bot must not run)", () => {
  const removed = Object.fromEntries(
    (json.removed as { from: string; lifecycle: { destroy: boolean } }[]).map((r) => [
      r.from,
      r.lifecycle.destroy,
    ]),
  );
  for (const from of [
    "null_resource.lex_bot_association",
    "null_resource.banking_bot_association",
    "null_resource.sales_bot_association",
  ]) {
    expect(removed[from]).toBe(false);
  }
  for (const entry of REMOVED_LEX_ADDRESSES) expect(entry.reason.length).toBeGreaterThan(40);
});

test("the live root-level versions and aliases keep their addresses (same alias ids)", () => {
  for (const bot of ["this", "banking", "sales"]) {
    expect(json.resource.aws_lexv2models_bot_version[bot]).toBeDefined();
    expect(json.resource.awscc_lex_bot_alias[bot]).toBeDefined();
  }
  // The modules' versions/aliases have count = 0 in the original: nothing to move from.
  expect(
    (json.moved as { from: string }[]).filter(
      (m) => /module\.lex_bot/.test(m.from) && /version|alias/.test(m.from),
    ),
  ).toStrictEqual([]);
});

test("for_each banking intents move to their own resources", () => {
  expect(json.moved).toContainEqual({
    from: 'aws_lexv2models_intent.banking_intents_from_vars["CheckBalance"]',
    to: "aws_lexv2models_intent.lex_banking_en_gb_intent_check_balance",
  });
});

const base = { accountId: "111122223333", region: "eu-west-2", connectInstanceArn: INSTANCE_ARN };
const ctx = {
  namePrefix: "p",
  locale: "en_GB" as const,
  voiceId: "Amy",
  secondaryLocale: "en_US" as const,
  secondaryVoiceId: "Joanna",
  nluConfidenceThreshold: 0.4,
};

test("a definition problem fails construction naming bot, locale and intent", () => {
  const def = salesBot(ctx);
  const broken = {
    ...def,
    locales: [
      {
        ...def.locales[0]!,
        intents: [
          ...def.locales[0]!.intents,
          { name: "Offers", description: "d", utterances: ["What products do you  have"] },
        ],
      },
    ],
  };
  expect(() => new LexBot(newStack(), "sales", { ...base, definition: broken })).toThrow(
    'test/sales: bot definition has 1 problem(s):\nLex bot "p-sales-bot" locale en_GB intent "Offers": utterance "What products do you  have" appears also in intent "ProductInfo"; keep it in one intent only [unique-utterances]',
  );
});

test("an intent with a code hook on a bot without a Lambda fails", () => {
  const def = salesBot(ctx);
  const hooked = {
    ...def,
    locales: [
      {
        ...def.locales[0]!,
        intents: def.locales[0]!.intents.map((i) => ({ ...i, fulfillmentCodeHook: true })),
      },
    ],
  };
  expect(() => new LexBot(newStack(), "sales", { ...base, definition: hooked })).toThrow(
    /intent "ProductInfo": calls the code hook but the Lambda does not handle it/,
  );
});

test.each([
  [{ aliasName: "bad alias" }, /alias name "bad alias" is invalid/],
  [{ idleSessionTtlSeconds: 30 }, /idleSessionTtlSeconds 30 must be a whole number from 60 to 86400/],
  [{ logRetentionDays: 10 }, /logRetentionDays 10 is not a CloudWatch Logs retention period/],
])("prop validation %p", (override, message) => {
  expect(() => new LexBot(newStack(), "sales", { ...base, definition: salesBot(ctx), ...override })).toThrow(
    message,
  );
});

test("a secondary gateway locale equal to the main one fails with the fix", () => {
  expect(
    () =>
      new LexBots(
        newStack(),
        "lex",
        lexBotsProps({ config: lexSchema.parse({ gatewaySecondaryLocale: "en_GB" }) }),
      ),
  ).toThrow(
    "test/lex: lex.gatewaySecondaryLocale en_GB equals the main locale; choose the other one (en_GB or en_US)",
  );
});

test("main locale en_US swaps the postcode type (UKPostalCode is en_GB only)", () => {
  const out = synthLexBots({
    locale: "en_US",
    config: lexSchema.parse({ gatewaySecondaryLocale: "en_GB" }),
  }).json;
  expect(out.resource.aws_lexv2models_slot.lex_banking_en_us_slot_branch_locator_postcode.slot_type_id).toBe(
    "AMAZON.AlphaNumeric",
  );
  expect(json.resource.aws_lexv2models_slot.lex_banking_en_gb_slot_branch_locator_postcode.slot_type_id).toBe(
    "AMAZON.UKPostalCode",
  );
});
