import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { AddressedStack } from "../../constructs/core/addresses";
import { ContactFlows } from "../../constructs/flows/contact-flows";
import { loadFlowSet, runScenario, type Scenario } from "../../constructs/flows/simulator";
import { resourcesOf, synthStack } from "../support/synth";
import { BOT_ALIAS, HOURS_ID, INSTANCE, LAMBDA_ARN, QUEUE_ARNS } from "./fixtures";

/**
 * Canary cutover: the phone numbers reach a router that sends canaryPercent of callers to the new
 * voice entry flow and the rest to the original stack's entry flow, kept at its original address.
 */
const flowsAt = (canaryPercent: number) => {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "Aws", { region: "eu-west-2" });
  return new ContactFlows(stack, "Flows", {
    instanceId: INSTANCE,
    queueArns: QUEUE_ARNS,
    hoursOfOperationId: HOURS_ID,
    botAliasArns: { gateway: BOT_ALIAS, banking: BOT_ALIAS, sales: BOT_ALIAS },
    lambdaArns: { auth: LAMBDA_ARN, callback: LAMBDA_ARN },
    canaryPercent,
  });
};

/** Where a caller with this draw goes: "new" or "original". */
function routeOf(draw: number): "new" | "original" {
  const scenario: Scenario = {
    name: `draw ${draw}`,
    entry: "voice_canary_router_flow",
    channel: "VOICE",
    hours: "open",
    staffed: { default: 1 },
    atCapacity: [],
    attributes: {},
    steps: [],
    faults: {},
    draw,
    stopAt: { at: "voice_entry_flow/enable-logging", visit: 1 },
    expect: {},
  };
  const { run, problems } = runScenario(loadFlowSet(10), scenario);
  if (run === undefined) throw new Error(problems.join("\n"));
  if (run.outcome.kind === "stopped") return "new";
  expect(run.outcome).toStrictEqual({ kind: "queue", queue: "GeneralAgentQueue" });
  return "original";
}

describe("canary cutover", () => {
  it("at 10 % sends exactly the draws 1-10 of Connect's 1-100 to the new entry flow", () => {
    const routes = Array.from({ length: 100 }, (_, i) => routeOf(i + 1));
    expect(routes.filter((r) => r === "new")).toHaveLength(10);
    expect(routes.slice(0, 10).every((r) => r === "new")).toBe(true);
  });

  it.each([
    [0, "originalVoiceEntry"],
    [100, "voiceEntry"],
  ] as const)("at %i % the numbers point straight at %s and no router exists", (percent, flow) => {
    const flows = flowsAt(percent);
    expect(flows.canaryRouter).toBeUndefined();
    expect(flows.inboundVoice).toBe(flows[flow]);
  });

  it("keeps the original entry flow at its original address and name, with its original behaviour", () => {
    const flows = flowsAt(10);
    expect(flows.inboundVoice).toBe(flows.canaryRouter);
    const original = JSON.parse(flows.originalVoiceEntry.content) as { Actions: { Type: string }[] };
    expect(original.Actions.map((a) => a.Type)).toStrictEqual([
      "MessageParticipant",
      "UpdateContactTargetQueue",
      "TransferContactToQueue",
      "DisconnectParticipant",
    ]);
  });

  it("routes the stack's phone numbers to the router at the configured percentage", () => {
    const { json } = synthStack("dev", { flows: { canaryPercent: 10 } });
    const flows = resourcesOf(json).filter(([type]) => type === "aws_connect_contact_flow");
    expect(flows.find(([, name]) => name === "voice_entry")?.[2]).toMatchObject({ name: "VoiceEntryFlow" });
    const router = flows.find(([, name]) => name === "voice_canary_router")?.[2];
    const split = (
      JSON.parse(router?.["content"] as string) as { Actions: { Type: string; Transitions: unknown }[] }
    ).Actions.find((a) => a.Type === "DistributeByPercentage");
    expect(split?.Transitions).toMatchObject({
      Conditions: [{ Condition: { Operator: "NumberLessThan", Operands: ["11"] } }],
    });
    const associations = resourcesOf(json).filter(
      ([type]) => type === "aws_connect_phone_number_contact_flow_association",
    );
    expect(associations.length).toBeGreaterThan(0);
    for (const [, , association] of associations)
      expect(association["contact_flow_id"]).toBe(
        "${aws_connect_contact_flow.voice_canary_router.contact_flow_id}",
      );
  }, 30_000);

  it("refuses a percentage outside 0-100, naming it", () => {
    expect(() => flowsAt(101)).toThrow(/canaryPercent 101 is outside 0-100/);
  });
});
