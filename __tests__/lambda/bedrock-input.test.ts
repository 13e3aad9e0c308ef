import { MAX_QUESTION_CHARS, boundedQuestion } from "../../lambda/lex_fallback/handlers/general/fallback";
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
