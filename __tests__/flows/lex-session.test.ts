import { join } from "node:path";
import {
  loadFlowSet,
  loadScenario,
  runScenario,
  type FlowSet,
  type SimFlow,
} from "../../constructs/flows/simulator";

/**
 * The Lex code hook's gate reads the claimed customer only from session attributes
 * (lambda/lex_fallback/auth/gate.ts): a Lex block that does not pass customerId makes every
 * authenticated turn hand off as IdentityUnknown.
 */
const flows = loadFlowSet();
const lexBlocks = [...flows.values()].flatMap((flow) =>
  flow.actions
    .filter((a) => a.Type === "ConnectParticipantWithLexBot")
    .map((a) => [`${flow.name}/${a.Identifier}`, a.Parameters["LexSessionAttributes"]] as const),
);

describe("Lex session attributes", () => {
  it("every Lex block passes the contact's customerId next to its contact ids", () => {
    expect(lexBlocks.length).toBeGreaterThanOrEqual(6);
    for (const [, attributes] of lexBlocks)
      expect(attributes).toMatchObject({
        customerId: "$.Attributes.customerId",
        contactId: "$.ContactId",
        initialContactId: "$.InitialContactId",
      });
  });

  it("a scenario fails when a Lex block stops passing customerId", () => {
    const scenario = loadScenario(
      join(__dirname, "../../contact_flows/scenarios/chat-signed-in-customer-id.yaml"),
    );
    expect(runScenario(flows, scenario).problems).toStrictEqual([]);
    const chat = flows.get("chat_entry_flow")!;
    const actions = chat.actions.map((a) =>
      a.Identifier === "chat-bot"
        ? { ...a, Parameters: { ...a.Parameters, LexSessionAttributes: { contactId: "$.ContactId" } } }
        : a,
    );
    const changed: SimFlow = { ...chat, actions, byId: new Map(actions.map((a) => [a.Identifier, a])) };
    const broken: FlowSet = new Map([...flows, ["chat_entry_flow", changed]]);
    expect(runScenario(broken, scenario).problems).toStrictEqual([
      'chat_entry_flow/chat-bot sent Lex customerId = null, expected "12345678"',
    ]);
  });
});
