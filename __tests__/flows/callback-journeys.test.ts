import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderFlowTemplate, TEMPLATE_DIR } from "../../constructs/flows/render";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { isOperation } from "../../lambda/lex_fallback/connect/operations/registry";
import { harness, type Harness } from "../lambda/support/in-memory-ports";
import { TEMPLATE_VARIABLES } from "./fixtures";
import { CONTACT_ID, walkFlow, type Keyed, type Walk } from "./walk";

const FILE = "callback_flow.json.tftpl";
const CONTENT = renderFlowTemplate(FILE, TEMPLATE_VARIABLES[FILE] ?? {});
const CALLING_FROM = "+447700900123";
const KEYED = "07700900456";

function walk(h: Harness, keyed: Record<string, readonly Keyed[]>, storedInput?: string): Promise<Walk> {
  return walkFlow(CONTENT, {
    keyed,
    callerNumber: CALLING_FROM,
    attributes: { Category: "Cards" },
    ...(storedInput === undefined ? {} : { storedInput }),
    invoke: (event) => handleContactFlow(event, h.deps),
  });
}

// The Lambda logs each decision; the assertions read the tables instead.
beforeAll(() => {
  for (const level of ["info", "warn", "error"] as const)
    jest.spyOn(logger, level).mockImplementation(() => undefined);
});

describe("callback flow", () => {
  it("stores the number the caller keyed, the same one Connect will dial", async () => {
    const h = harness();
    const w = await walk(h, { "callback-choice": ["2"], "ask-number": [KEYED] });
    expect(w.callbackNumber).toBe(KEYED);
    expect(w.invocations.map((i) => i.parameters)).toStrictEqual([
      { operation: "request_callback", category: "Cards", callbackNumber: KEYED },
    ]);
    expect(h.callbacks.requests.get(CONTACT_ID)).toMatchObject({ phoneNumber: KEYED, category: "Cards" });
  });

  it("on the calling number passes none, so input stored earlier in the contact (a PIN) is never sent", async () => {
    const h = harness();
    const w = await walk(h, { "callback-choice": ["1"] }, "4321");
    expect(w.invocations.map((i) => i.parameters)).toStrictEqual([
      { operation: "request_callback", category: "Cards" },
    ]);
    expect(h.callbacks.requests.get(CONTACT_ID)?.phoneNumber).toBe(CALLING_FROM);
  });
});

describe("flow → Lambda contract", () => {
  it("every operation a shipped flow sends is one the Lambda serves", () => {
    const sent = readdirSync(TEMPLATE_DIR)
      .filter((f) => f.endsWith(".json.tftpl"))
      .flatMap((f) => [...readFileSync(join(TEMPLATE_DIR, f), "utf8").matchAll(/"operation":\s*"([^"]*)"/g)])
      .map((m) => m[1] ?? "");
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((op) => !isOperation(op))).toStrictEqual([]);
  });
});
