import { logger } from "../../lambda/lex_fallback/shared/logger";

/**
 * The deployed entry points (each function's `handler` export, with its module-level wiring)
 * given `null` or a value that is not an object, as a miswired trigger or a test console sends
 * them: each answers with the reply it gives any event it cannot use, and never throws (a throw
 * is a retry, and for Lex a failed turn).
 */
const NOT_EVENTS = [null, "hello", 42, [], true] as const;

/** Every line the handler writes (EMF metrics, structured logs) while `run` runs. */
async function quietly<T>(run: () => Promise<T>): Promise<{ out: T; lines: string[] }> {
  const lines: string[] = [];
  const keep = (chunk: unknown) => (lines.push(...String(chunk).split("\n").filter(Boolean)), true);
  const spies = [
    jest.spyOn(process.stdout, "write").mockImplementation(keep),
    jest.spyOn(process.stderr, "write").mockImplementation(keep),
  ];
  try {
    return { out: await run(), lines };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

describe.each(NOT_EVENTS.map((event) => [JSON.stringify(event), event] as const))(
  "given %s",
  (_label, event) => {
    it("lex_fallback answers as to any invalid Lex event: sorry, and what it can help with", async () => {
      const { handler } = await import("../../lambda/lex_fallback/index");
      logger.setLogLevel("SILENT");
      const { out } = await quietly(() => handler(event));
      expect(out).toStrictEqual({
        sessionState: { dialogAction: { type: "ElicitIntent" }, sessionAttributes: {} },
        messages: [
          {
            contentType: "PlainText",
            content: expect.stringMatching(/^Sorry, something went wrong on my side\. I can help with/),
          },
        ],
      });
    });

    it("callback_status counts it as an ignored event and touches no table", async () => {
      const { handler } = await import("../../lambda/callback_status/index");
      const { out, lines } = await quietly(() => handler(event));
      expect(out).toBe("ignored");
      expect(lines.map((l) => JSON.parse(l)).filter((l) => "_aws" in l)).toMatchObject([
        { Outcome: "ignored", CallbackStatusEvents: 1 },
      ]);
    });

    it("ctr_metrics reports no failed record (nothing to retry)", async () => {
      const { handler } = await import("../../lambda/ctr_metrics/index");
      const { out } = await quietly(() => handler(event));
      expect(out).toStrictEqual({ batchItemFailures: [] });
    });
  },
);
