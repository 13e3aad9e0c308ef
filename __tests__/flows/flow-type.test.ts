import { declaredFlowType } from "../../constructs/flows/flow-type";

/** A flow of these action types, each leading to the next (content only matters for its types). */
function flowOf(types: readonly string[], metadata?: Record<string, unknown>): Record<string, unknown> {
  return {
    Version: "2019-10-30",
    StartAction: "a0",
    ...(metadata ? { Metadata: metadata } : {}),
    Actions: types.map((Type, i) => ({ Identifier: `a${i}`, Type, Parameters: {}, Transitions: {} })),
  };
}
const HOLD_MUSIC = ["MessageParticipantIteratively"];
const WHISPER = ["MessageParticipant", "EndFlowExecution"];

const typeOf = (content: unknown, file?: string) => {
  const resolved = declaredFlowType(content, file);
  return "error" in resolved ? resolved.error : resolved.type;
};

describe("flow type without Metadata.type", () => {
  it.each([
    ["default_agent_hold.json", HOLD_MUSIC, "AGENT_HOLD"],
    ["exports/Customer Hold.json", HOLD_MUSIC, "CUSTOMER_HOLD"],
    ["agentHold.json", HOLD_MUSIC, "AGENT_HOLD"],
    ["default_customer_queue.json", HOLD_MUSIC, "CUSTOMER_QUEUE"],
    ["default_customer_whisper.json", WHISPER, "CUSTOMER_WHISPER"],
    ["outbound_whisper.json", WHISPER, "OUTBOUND_WHISPER"],
    ["acme_queue_transfer_AUTO.json", ["TransferContactToQueue"], "QUEUE_TRANSFER"],
  ])("%s with %j is %s: the name decides among the types the actions allow", (file, types, expected) => {
    expect(typeOf(flowOf(types), file)).toBe(expected);
  });

  it.each([
    // Loop prompts alone: a queue flow, as before, when the name says nothing.
    ["music.json", HOLD_MUSIC, "CUSTOMER_QUEUE"],
    // The name cannot override the actions: hold flows take no queue transfer.
    ["agent_hold.json", ["TransferContactToQueue"], "CONTACT_FLOW"],
    // "queue" alone is no flow type (a queue routing flow is an inbound flow).
    ["queue_routing.json", ["TransferContactToQueue"], "CONTACT_FLOW"],
  ])("%s with %j stays %s", (file, types, expected) => {
    expect(typeOf(flowOf(types), file)).toBe(expected);
  });

  it("reads Metadata.name before the file name, and says which name decided", () => {
    const content = flowOf(HOLD_MUSIC, { name: "Default agent hold" });
    expect(declaredFlowType(content, "export-17.json")).toStrictEqual({
      type: "AGENT_HOLD",
      declared: false,
      basis:
        'inferred from the name "Default agent hold" and actions MessageParticipantIteratively; also possible: CUSTOMER_QUEUE, CUSTOMER_HOLD',
    });
  });

  it("keeps Metadata.type over any name", () => {
    expect(typeOf(flowOf(HOLD_MUSIC, { type: "customerQueue" }), "default_agent_hold.json")).toBe(
      "CUSTOMER_QUEUE",
    );
  });
});
