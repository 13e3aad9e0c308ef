import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INPUT_ATTRIBUTES } from "../../lambda/lex_fallback/contract";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import { CONTACT_ID, connectEvent } from "./support/connect-events";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

/**
 * No AWS document says a Lex V2 session id equals the Connect ContactId, so the flows pass the
 * ContactId as a Lex session attribute and the code hook keys auth state by it.
 */
describe("auth state is keyed by the ContactId the flow passes, not the Lex session id", () => {
  it("a PIN proved in the flow authenticates the Lex turns of the same contact", async () => {
    const h = harness();
    const verified = await handleContactFlow(connectEvent({ operation: "verify_pin", pin: "4321" }), h.deps);
    expect(verified).toMatchObject({ status: "Verified" });

    const turn = lexEvent("CheckBalance", {
      slots: { AccountType: "current" },
      attributes: { customerId: "c-123", contactId: CONTACT_ID, initialContactId: CONTACT_ID },
    });
    turn.sessionId = "lex-session-that-is-not-the-contact-id";
    const reply = await handleTurn(turn, h.deps);
    expect(reply.messages?.[0]?.content).toContain("£1,024.50");
  });

  it("a Lex session whose id happens to equal the contact id does not inherit its auth without the attribute", async () => {
    const h = harness();
    await handleContactFlow(connectEvent({ operation: "verify_pin", pin: "4321" }), h.deps);
    const turn = lexEvent("CheckBalance", {
      slots: { AccountType: "current" },
      attributes: { customerId: "c-123", contactId: "another-contact" },
      inputMode: "Speech",
    });
    turn.sessionId = CONTACT_ID;
    const reply = await handleTurn(turn, h.deps);
    expect(reply.sessionState.dialogAction).toMatchObject({ type: "ElicitSlot", slotToElicit: "Pin" });
  });
});

describe("flow templates", () => {
  const dir = join(__dirname, "../../contact_flows");
  const blocks = readdirSync(dir)
    .filter((f) => f.endsWith(".json.tftpl"))
    .flatMap((file) =>
      (JSON.parse(readFileSync(join(dir, file), "utf8")).Actions as Array<Record<string, any>>)
        .filter((a) => a.Type === "ConnectParticipantWithLexBot")
        .map((a) => [`${file}#${a.Identifier}`, a.Parameters.LexSessionAttributes] as const),
    );

  it("has Lex blocks to check", () => expect(blocks.length).toBeGreaterThanOrEqual(6));
  it.each(blocks)("%s passes the contact ids to Lex", (_, attributes) => {
    expect(attributes).toMatchObject({
      [INPUT_ATTRIBUTES.contactId]: "$.ContactId",
      [INPUT_ATTRIBUTES.initialContactId]: "$.InitialContactId",
    });
  });
});
