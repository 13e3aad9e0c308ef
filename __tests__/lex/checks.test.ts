import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  STRUCTURAL_CHECKS,
  codeHookChecks,
  formatFinding,
  ownerChecks,
  type BotCheck,
} from "../../constructs/lex/checks";
import type { BotDefinition, IntentDefinition } from "../../constructs/lex/types";

function bot(
  intents: IntentDefinition[],
  slotTypes: BotDefinition["locales"][number]["slotTypes"] = [],
): BotDefinition {
  return {
    key: "t",
    name: "test-bot",
    description: "fixture",
    locales: [{ localeId: "en_GB", voiceId: "Amy", nluConfidenceThreshold: 0.4, intents, slotTypes }],
  };
}
const intent = (
  name: string,
  utterances: string[],
  extra: Partial<IntentDefinition> = {},
): IntentDefinition => ({
  name,
  description: name,
  utterances,
  ...extra,
});
const accountSlot = {
  name: "AccountType",
  description: "a",
  type: "AMAZON.AlphaNumeric",
  required: true,
  prompt: "Which?",
};

interface Case {
  readonly name: string;
  readonly bot: BotDefinition;
  /** Expected formatted findings (empty for valid cases). */
  readonly expected: string[];
}

const table: Record<string, { check: BotCheck; cases: Case[] }> = {
  "unique-intent-names": {
    check: STRUCTURAL_CHECKS["unique-intent-names"]!,
    cases: [
      { name: "distinct names", bot: bot([intent("A", ["a"]), intent("B", ["b"])]), expected: [] },
      {
        name: "names differing only in case are distinct to Lex",
        bot: bot([intent("A", ["a"]), intent("a", ["b"])]),
        expected: [],
      },
      {
        name: "same name twice",
        bot: bot([intent("A", ["a"]), intent("A", ["b"])]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "A": is defined twice in this locale; rename or merge one [unique-intent-names]',
        ],
      },
    ],
  },
  "unique-utterances": {
    check: STRUCTURAL_CHECKS["unique-utterances"]!,
    cases: [
      {
        name: "near miss: one word differs",
        bot: bot([intent("A", ["check my balance"]), intent("B", ["check my loan"])]),
        expected: [],
      },
      {
        name: "same utterance in two intents, other case and spacing",
        bot: bot([intent("A", ["Check my  balance"]), intent("B", [" check my balance"])]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "B": utterance " check my balance" appears also in intent "A"; keep it in one intent only [unique-utterances]',
        ],
      },
      {
        name: "duplicate inside one intent",
        bot: bot([intent("A", ["hello", "HELLO"])]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "A": utterance "HELLO" appears twice in this intent; keep it in one intent only [unique-utterances]',
        ],
      },
    ],
  },
  "slot-references": {
    check: STRUCTURAL_CHECKS["slot-references"]!,
    cases: [
      {
        name: "reference to own slot",
        bot: bot([intent("A", ["my {AccountType} balance"], { slots: [accountSlot] })]),
        expected: [],
      },
      {
        name: "reference to a slot of another intent",
        bot: bot([intent("A", ["x"], { slots: [accountSlot] }), intent("B", ["my {AccountType} balance"])]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "B": utterance "my {AccountType} balance" references {AccountType}, which is not a slot of this intent (slots: none) [slot-references]',
        ],
      },
      {
        name: "misspelt slot name",
        bot: bot([intent("A", ["my {Account} balance"], { slots: [accountSlot] })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "A": utterance "my {Account} balance" references {Account}, which is not a slot of this intent (slots: AccountType) [slot-references]',
        ],
      },
    ],
  },
  "required-slot-prompts": {
    check: STRUCTURAL_CHECKS["required-slot-prompts"]!,
    cases: [
      {
        name: "optional slot without prompt",
        bot: bot([intent("A", ["a"], { slots: [{ ...accountSlot, required: false, prompt: undefined }] })]),
        expected: [],
      },
      {
        name: "required slot with blank prompt",
        bot: bot([intent("A", ["a"], { slots: [{ ...accountSlot, prompt: "  " }] })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "A": required slot "AccountType" has no prompt; add one or make it optional [required-slot-prompts]',
        ],
      },
    ],
  },
  "slot-types-defined": {
    check: STRUCTURAL_CHECKS["slot-types-defined"]!,
    cases: [
      {
        name: "custom type defined in the locale",
        bot: bot(
          [intent("A", ["a"], { slots: [{ ...accountSlot, type: "Acct" }] })],
          [{ name: "Acct", description: "d", values: { current: [] } }],
        ),
        expected: [],
      },
      {
        name: "custom type missing",
        bot: bot([intent("A", ["a"], { slots: [{ ...accountSlot, type: "Acct" }] })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "A": slot "AccountType" uses type "Acct", which is neither built-in nor a slot type of this locale [slot-types-defined]',
        ],
      },
    ],
  },
  "code-hook-intents-handled": {
    check: codeHookChecks(["CheckBalance", "FallbackIntent"])[0]!,
    cases: [
      {
        name: "hooked intent the Lambda serves",
        bot: bot([intent("CheckBalance", ["a"], { fulfillmentCodeHook: true })]),
        expected: [],
      },
      {
        name: "unhooked intent the Lambda does not serve",
        bot: bot([intent("ChatIntent", ["hi"])]),
        expected: [],
      },
      {
        name: "dialog hook on an intent the Lambda does not serve",
        bot: bot([intent("ChatIntent", ["hi"], { dialogCodeHook: true })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "ChatIntent": calls the code hook but the Lambda does not handle it; add it to HANDLED_INTENTS in lambda/lex_fallback/intents.ts or turn its code hooks off [code-hook-intents-handled]',
        ],
      },
    ],
  },
  "handled-intents-present": {
    check: ownerChecks(["CheckBalance", "ReportFraud"], {})[0]!,
    cases: [
      {
        name: "all handled intents present",
        bot: bot([intent("CheckBalance", ["a"]), intent("ReportFraud", ["b"])]),
        expected: [],
      },
      {
        name: "handled intent missing from the bot",
        bot: bot([intent("CheckBalance", ["a"])]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "ReportFraud": is handled by the Lambda (HANDLED_INTENTS) but missing from this locale; define it in the bot [handled-intents-present]',
        ],
      },
    ],
  },
  "handler-slots-present": {
    check: ownerChecks([], { CheckBalance: ["AccountType", "Pin"] })[1]!,
    cases: [
      {
        name: "intent has every slot its handler elicits",
        bot: bot([
          intent("CheckBalance", ["a"], {
            slots: [accountSlot, { ...accountSlot, name: "Pin", required: false }],
          }),
        ]),
        expected: [],
      },
      {
        name: "handler elicits a slot the intent lacks",
        bot: bot([intent("CheckBalance", ["a"], { slots: [accountSlot] })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "CheckBalance": lacks slot "Pin", which its Lambda handler reads or elicits [handler-slots-present]',
        ],
      },
    ],
  },
  "hook-only-slots-optional": {
    check: ownerChecks([], {}, ["Pin"])[2]!,
    cases: [
      {
        name: "the PIN slot is optional: only the code hook asks for it",
        bot: bot([
          intent("CheckBalance", ["a"], {
            slots: [accountSlot, { ...accountSlot, name: "Pin", required: false }],
          }),
        ]),
        expected: [],
      },
      {
        name: "a required PIN slot would make Lex ask for it itself, in chat too",
        bot: bot([intent("CheckBalance", ["a"], { slots: [accountSlot, { ...accountSlot, name: "Pin" }] })]),
        expected: [
          'Lex bot "test-bot" locale en_GB intent "CheckBalance": slot "Pin" is required, so Lex would ask for it on its own, in chat too; only the code hook may elicit it: make it optional [hook-only-slots-optional]',
        ],
      },
    ],
  },
};

describe.each(Object.entries(table))("%s", (_id, { check, cases }) => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(check(c.bot).map(formatFinding)).toStrictEqual(c.expected);
  });
});

test("every check file in constructs/lex/checks is table-tested here", () => {
  const files = readdirSync(join(__dirname, "../../constructs/lex/checks"))
    .filter((file) => file.endsWith(".ts") && !["index.ts", "finding.ts"].includes(file))
    .map((file) => file.replace(/\.ts$/, ""));
  expect(Object.keys(table).sort()).toStrictEqual(files.sort());
});
