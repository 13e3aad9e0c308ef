import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { AddressedStack } from "../../constructs/core/addresses";
import { ContactFlow } from "../../constructs/flows/contact-flow";
import { ContactFlows, type ContactFlowsProps } from "../../constructs/flows/contact-flows";
import { loadFlowSet, loadScenario, runScenario } from "../../constructs/flows/simulator";
import { BOT_ALIAS, HOURS_ID, INSTANCE, LAMBDA_ARN, QUEUE_ARNS, TEMPLATE_VARIABLES } from "./fixtures";

/**
 * Contact Lens only analyses a contact whose flow enables analytics for it; the instance flag is
 * not enough. Voice and chat entry both enable it, with card numbers, account numbers and PINs
 * redacted and only the redacted output kept; chat also redacts them in flight.
 */
const MUST_REDACT = [
  "CREDIT_DEBIT_NUMBER",
  "BANK_ACCOUNT_NUMBER",
  "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
  "PIN",
];
const flows = loadFlowSet();
const parameters = (flow: string, id: string): Record<string, unknown> =>
  flows.get(flow)!.byId.get(id)!.Parameters as Record<string, unknown>;

type Entry = {
  Actions: {
    Identifier: string;
    Parameters: Record<string, unknown>;
    Transitions: { Errors?: { ErrorType: string; NextAction: string }[] };
  }[];
};
function renderedEntries(props: Partial<ContactFlowsProps>): Record<string, Entry> {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "Aws", { region: "eu-west-2" });
  new ContactFlows(stack, "Flows", {
    instanceId: INSTANCE,
    queueArns: QUEUE_ARNS,
    hoursOfOperationId: HOURS_ID,
    botAliasArns: { gateway: BOT_ALIAS, banking: BOT_ALIAS, sales: BOT_ALIAS },
    lambdaArns: { auth: LAMBDA_ARN, callback: LAMBDA_ARN },
    ...props,
  });
  const json = JSON.parse(Testing.synth(stack, true)) as {
    resource: { aws_connect_contact_flow: Record<string, { content: string }> };
  };
  const flowsByAddress = json.resource.aws_connect_contact_flow;
  return {
    voice: JSON.parse(flowsByAddress["voice_entry_v2"]!.content) as Entry,
    chat: JSON.parse(flowsByAddress["chat_entry"]!.content) as Entry,
  };
}

describe("Contact Lens", () => {
  it("voice entry records both parties and enables post-call analytics with redaction", () => {
    const p = parameters("voice_entry_flow", "set-recording");
    expect(p["RecordingBehavior"]).toMatchObject({ RecordedParticipants: ["Agent", "Customer"] });
    expect(p["AnalyticsBehavior"]).toMatchObject({
      Enabled: "True",
      AnalyticsLanguage: "en-GB",
      AnalyticsRedactionBehavior: "Enabled",
      AnalyticsRedactionResults: "RedactedOnly",
      ChannelConfiguration: { Voice: { AnalyticsModes: ["PostContact"] } },
    });
    expect(
      (p["AnalyticsBehavior"] as { AnalyticsRedactionEntities: string[] }).AnalyticsRedactionEntities,
    ).toEqual(expect.arrayContaining(MUST_REDACT));
  });

  it("chat entry enables Contact Lens with redaction before the customer types anything", () => {
    const chat = flows.get("chat_entry_flow")!;
    expect(chat.startAction).toBe("enable-analytics");
    const analytics = (
      parameters("chat_entry_flow", "enable-analytics")["ChatBehavior"] as Record<string, unknown>
    )["ChatAnalyticsBehavior"] as Record<string, unknown>;
    expect(analytics).toMatchObject({
      Enabled: "True",
      AnalyticsLanguage: "en-GB",
      AnalyticsModes: ["ContactLens"],
      ConversationalAnalyticsRedactionConfiguration: { Enabled: "True", RedactionResults: "RedactedOnly" },
    });
    const redaction = analytics["ConversationalAnalyticsRedactionConfiguration"] as {
      RedactionEntities: string[];
    };
    expect(redaction.RedactionEntities).toEqual(expect.arrayContaining(MUST_REDACT));
  });

  it("chat entry redacts card numbers, account numbers and PINs in flight, before anyone sees them", () => {
    const { chat } = renderedEntries({});
    const block = chat.Actions.find((a) => a.Identifier === "enable-analytics")!;
    const analytics = (block.Parameters["ChatBehavior"] as Record<string, unknown>)[
      "ChatAnalyticsBehavior"
    ] as Record<string, unknown>;
    expect(analytics["InFlightChatRedactionConfiguration"]).toMatchObject({
      Enabled: "True",
      RedactionMaskMode: "EntityType",
      // A message redaction cannot process is held back, not delivered in clear.
      DeliverUnprocessedMessages: "False",
    });
    const inFlight = analytics["InFlightChatRedactionConfiguration"] as { RedactionEntities: string[] };
    expect(inFlight.RedactionEntities).toEqual(expect.arrayContaining(MUST_REDACT));
    // When redaction may not be running, the customer is told not to type those details.
    const next = Object.fromEntries((block.Transitions.Errors ?? []).map((e) => [e.ErrorType, e.NextAction]));
    expect(next).toStrictEqual({
      NoMatchingError: "redaction-unavailable",
      ChannelMismatch: "set-attributes",
      InFlightRedactionConfigurationFailed: "redaction-unavailable",
    });
  });

  it("fails synth on a misspelt in-flight redaction value, naming the file, Identifier and rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "contact-lens-"));
    const template = join(dir, "chat_entry_flow.json.tftpl");
    const shipped = readFileSync(join(__dirname, "../../contact_flows/chat_entry_flow.json.tftpl"), "utf8");
    const typo = shipped.replace(
      '"DeliverUnprocessedMessages": "False"',
      '"DeliverUnprocessedMessages": "No"',
    );
    expect(typo).not.toBe(shipped);
    writeFileSync(template, typo);
    const stack = new AddressedStack(Testing.app(), "test");
    new AwsProvider(stack, "Aws", { region: "eu-west-2" });
    expect(() => {
      new ContactFlow(stack, "Chat", {
        instanceId: INSTANCE,
        name: "Chat",
        template,
        variables: TEMPLATE_VARIABLES["chat_entry_flow.json.tftpl"]!,
      });
      Testing.synth(stack, true);
    }).toThrow(
      /chat_entry_flow\.json\.tftpl is not a valid CONTACT_FLOW flow:\n {2}error Actions\[0\]\.Parameters\.ChatBehavior\.ChatAnalyticsBehavior\.InFlightChatRedactionConfiguration\.DeliverUnprocessedMessages \(enable-analytics\) \[action-parameters\]/,
    );
  });

  it.each([
    ["voice-happy-path.yaml", "voice_entry_flow/set-recording", "voice_ivr_flow/speech-menu"],
    ["chat-happy-path.yaml", "chat_entry_flow/enable-analytics", "chat_entry_flow/chat-bot"],
  ])("%s passes %s before the first bot turn", (file, analytics, firstTurn) => {
    const run = runScenario(flows, loadScenario(join(__dirname, "../../contact_flows/scenarios", file))).run!;
    const at = (target: string) => run.path.findIndex((s) => `${s.flow}/${s.id}` === target);
    expect(at(analytics)).toBeGreaterThanOrEqual(0);
    expect(at(analytics)).toBeLessThan(at(firstTurn));
  });

  it("takes the language from the stack's config", () => {
    const { voice, chat } = renderedEntries({ analyticsLanguage: "en-US" });
    const voiceAnalytics = voice.Actions.find((a) => a.Identifier === "set-recording")!.Parameters;
    expect(voiceAnalytics["AnalyticsBehavior"]).toMatchObject({ AnalyticsLanguage: "en-US" });
    expect(JSON.stringify(chat.Actions[0])).toContain('"AnalyticsLanguage":"en-US"');
  });

  it("refuses a language that is not xx-XX, naming it", () => {
    expect(() => renderedEntries({ analyticsLanguage: "en_GB" })).toThrow(
      /analyticsLanguage "en_GB" is not a language code like en-GB/,
    );
  });
});
