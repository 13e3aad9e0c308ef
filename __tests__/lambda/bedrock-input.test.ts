import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { BedrockLlm } from "../../lambda/lex_fallback/adapters/bedrock-llm";
import { MAX_QUESTION_CHARS, boundedQuestion } from "../../lambda/lex_fallback/handlers/general/fallback";
import { MASKED_NUMBER, maskDigitRuns } from "../../lambda/lex_fallback/shared/mask";
import { remotePolicy } from "../../lambda/lex_fallback/shared/resilience";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

describe("what the fallback sends to Bedrock", () => {
  it("is the caller's question, whitespace collapsed, cut at a word and never over the bound", async () => {
    const asked: string[] = [];
    const h = harness({ llm: { answer: async (q) => (asked.push(q), "We open at 9am.") } });
    const long = `when   do\tyou open ${"and what about the weekend ".repeat(60)}`;
    await handleTurn(lexEvent("FallbackIntent", { transcript: long }), h.deps);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(asked[0]!.startsWith("when do you open and what about")).toBe(true);
    expect(long.replace(/\s+/g, " ").startsWith(asked[0]!)).toBe(true);
    expect(asked[0]!.endsWith(" ")).toBe(false);
  });

  it("leaves a short question as it is, trimmed", () => {
    expect(boundedQuestion("  do you do travel money?  ")).toBe("do you do travel money?");
  });

  it("cuts one long word at the bound rather than sending it whole", () => {
    expect(boundedQuestion("x".repeat(MAX_QUESTION_CHARS * 3))).toHaveLength(MAX_QUESTION_CHARS);
  });
});

describe("numbers never reach the model", () => {
  const SAID = [
    "my pin is 4 3 2 1 and my card is 4111 1111 1111 1111, can I change my limit",
    "pin four three two one, what are your opening hours",
    "account 12345678 sort code 12-34-56 how do I close it",
  ];

  it.each(SAID)("the fallback masks every run of three or more digits in %j", async (transcript) => {
    const asked: string[] = [];
    const h = harness({ llm: { answer: async (q) => (asked.push(q), "A colleague can help with that.") } });
    await handleTurn(lexEvent("FallbackIntent", { transcript }), h.deps);
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toMatch(/\d{2}|\d[ -]\d|four three/i);
    expect(asked[0]).toContain(MASKED_NUMBER);
  });

  it("keeps the words of the question and numbers too short to be a PIN or card", () => {
    expect(maskDigitRuns("is the branch open on the 24th at 9")).toBe("is the branch open on the 24th at 9");
    expect(maskDigitRuns("one of two things")).toBe("one of two things");
  });

  it("the Bedrock adapter masks what it sends, whoever calls it", async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: { input: unknown }) => {
        sent.push(command.input);
        return { stopReason: "end_turn", output: { message: { content: [{ text: "We can help." }] } } };
      },
    } as unknown as BedrockRuntimeClient;
    const llm = new BedrockLlm(
      "model",
      undefined,
      async () => client,
      remotePolicy({ timeoutMs: 2000, attempts: 1 }),
    );
    await llm.answer("my PIN is 9 8 7 6", "en_GB");
    expect(JSON.stringify(sent)).not.toMatch(/9 8 7 6|9876/);
    expect(JSON.stringify(sent)).toContain(`my PIN is ${MASKED_NUMBER}`);
  });
});
