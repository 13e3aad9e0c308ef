import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import { ConnectIntegrationAssociation } from "../../constructs/awscc/connect-integration-association";
import { AwsccProvider } from "../../constructs/awscc/provider";
import { AddressedStack } from "../../constructs/core/addresses";
import { ContactFlow } from "../../constructs/flows/contact-flow";
import { ContactFlows, type ContactFlowsProps } from "../../constructs/flows/contact-flows";
import { BOT_ALIAS, HOURS_ID, INSTANCE, LAMBDA_ARN, QUEUE_ARNS } from "./fixtures";

type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };

function synth(build: (stack: AddressedStack) => void): Json {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsProvider(stack, "Aws", { region: "eu-west-2" });
  new AwsccProvider(stack, "Awscc", { region: "eu-west-2" });
  build(stack);
  return JSON.parse(Testing.synth(stack, true)) as Json;
}

const PROPS: ContactFlowsProps = {
  instanceId: INSTANCE,
  queueArns: QUEUE_ARNS,
  hoursOfOperationId: HOURS_ID,
  botAliasArns: { gateway: BOT_ALIAS, banking: BOT_ALIAS, sales: BOT_ALIAS },
  lambdaArns: { auth: LAMBDA_ARN, callback: LAMBDA_ARN },
};

describe("ContactFlows", () => {
  const json = synth((stack) => {
    const lexAssociation = new ConnectIntegrationAssociation(stack, "LexAssociation", {
      instanceId: INSTANCE,
      integrationArn: BOT_ALIAS,
      integrationType: "LEX_BOT",
    });
    new ContactFlows(stack, "Flows", { ...PROPS, lexDependsOn: [lexAssociation] });
  });
  const flows = json.resource["aws_connect_contact_flow"] ?? {};

  it("keeps the original HCL addresses and adds the guide's flows", () => {
    expect(Object.keys(flows).sort()).toStrictEqual(
      [
        "after_hours",
        "agent_transfer",
        "bedrock_primary",
        "callback",
        "callback_task",
        "chat_entry",
        "customer_queue",
        "queue_routing",
        "queue_transfer",
        "survey",
        "voice_entry",
        "voice_entry_v2",
        "voice_ivr",
      ].sort(),
    );
    expect(Object.keys(json.resource["aws_connect_contact_flow_module"] ?? {})).toStrictEqual([
      "auth_module",
    ]);
  });

  it("deploys queue and transfer flows with their flow types", () => {
    expect([
      flows["customer_queue"]?.["type"],
      flows["queue_transfer"]?.["type"],
      flows["voice_entry"]?.["type"],
    ]).toStrictEqual(["CUSTOMER_QUEUE", "QUEUE_TRANSFER", "CONTACT_FLOW"]);
  });

  it("wires flows to each other by Terraform reference, the IVR to the auth module by id, and never the module back to the IVR", () => {
    const ivr = flows["voice_ivr"]?.["content"] as string;
    expect(ivr).toContain("${aws_connect_contact_flow_module.auth_module.contact_flow_module_id}");
    expect(ivr).toContain("${aws_connect_contact_flow.queue_routing.arn}");
    expect(json.resource["aws_connect_contact_flow_module"]?.["auth_module"]?.["content"]).not.toContain(
      "voice_ivr",
    );
  });

  it("makes every flow that talks to a Lex bot depend on the LEX_BOT associations", () => {
    for (const name of ["voice_ivr", "chat_entry", "bedrock_primary"]) {
      expect({ name, dependsOn: flows[name]?.["depends_on"] }).toStrictEqual({
        name,
        dependsOn: ["awscc_connect_integration_association.lex_association"],
      });
    }
    expect(flows["survey"]?.["depends_on"]).toBeUndefined();
  });

  it("fills prompts and voice from props, JSON-escaped", () => {
    const entry = synth(
      (stack) =>
        new ContactFlows(stack, "Flows", { ...PROPS, brandName: 'Bank "One"', voice: { name: "Emma" } }),
    ).resource["aws_connect_contact_flow"]?.["voice_entry_v2"];
    const content = JSON.parse(entry?.["content"] as string) as {
      Actions: { Identifier: string; Parameters: Record<string, unknown> }[];
    };
    const byId = (id: string) => content.Actions.find((a) => a.Identifier === id)?.Parameters;
    expect(byId("welcome")?.["Text"]).toBe(
      'Thank you for calling Bank "One". Calls are recorded for quality and training.',
    );
    expect(byId("set-voice")).toStrictEqual({ TextToSpeechVoice: "Emma", TextToSpeechEngine: "Neural" });
  });

  it("caps the customer number the auth module collects at customerNumberMaxDigits", () => {
    const module = synth(
      (stack) => new ContactFlows(stack, "Flows", { ...PROPS, customerNumberMaxDigits: 10 }),
    ).resource["aws_connect_contact_flow_module"]?.["auth_module"];
    const content = JSON.parse(module?.["content"] as string) as {
      Actions: { Identifier: string; Parameters: Record<string, unknown> }[];
    };
    expect(content.Actions.find((a) => a.Identifier === "get-customer-number")?.Parameters).toMatchObject({
      InputValidation: { CustomValidation: { MaximumLength: "10" } },
    });
  });

  it.each([
    ["dtmfTimeoutSeconds 0", { dtmfTimeoutSeconds: 0 }, /Flows: dtmfTimeoutSeconds 0 is outside 1-180/],
    ["an empty prompt", { prompts: { hold: " " } }, /Flows: prompts\.hold is empty/],
    [
      "customerNumberMaxDigits 21",
      { customerNumberMaxDigits: 21 },
      /Flows: customerNumberMaxDigits 21 is outside 1-20/,
    ],
  ])("rejects %s naming the construct and the fix", (_name, override, message) => {
    expect(() => synth((stack) => new ContactFlows(stack, "Flows", { ...PROPS, ...override }))).toThrow(
      message,
    );
  });
});

describe("ContactFlow", () => {
  const dir = mkdtempSync(join(tmpdir(), "flow-construct-"));
  const brokenFile = join(dir, "broken_flow.json.tftpl");
  writeFileSync(
    brokenFile,
    JSON.stringify({
      Version: "2019-10-30",
      StartAction: "fetch",
      Actions: [
        {
          Identifier: "fetch",
          Type: "InvokeLambdaFunction",
          Parameters: { LambdaFunctionARN: "${fn}", InvocationTimeLimitSeconds: "30" },
          Transitions: { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "end" }] },
        },
        { Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
      ],
    }),
  );

  it("fails synth with one message naming the file, the action Identifier and the rule", () => {
    expect(() =>
      synth(
        (stack) =>
          new ContactFlow(stack, "Broken", {
            instanceId: INSTANCE,
            name: "Broken",
            template: brokenFile,
            variables: { fn: LAMBDA_ARN },
          }),
      ),
    ).toThrow(
      /test\/Broken: .*broken_flow\.json\.tftpl is not a valid CONTACT_FLOW flow:\n {2}error Actions\[0\]\.Parameters\.InvocationTimeLimitSeconds \(fetch\) \[numeric-limits\]/,
    );
  });

  it("refuses a template whose Metadata.type differs from the type prop", () => {
    expect(() =>
      synth(
        (stack) =>
          new ContactFlow(stack, "Queue", {
            instanceId: INSTANCE,
            name: "Q",
            type: "CONTACT_FLOW",
            template: "customer_queue_flow.json.tftpl",
            variables: { hold_message: "x" },
          }),
      ),
    ).toThrow(/declares Metadata.type for CUSTOMER_QUEUE but is deployed as CONTACT_FLOW/);
  });

  it("uses a path-derived address unless one is kept", () => {
    const json = synth(
      (stack) =>
        new ContactFlow(stack, "PostCall", {
          instanceId: INSTANCE,
          name: "S",
          template: "survey_flow.json.tftpl",
        }),
    );
    expect(Object.keys(json.resource["aws_connect_contact_flow"] ?? {})).toStrictEqual(["post_call"]);
  });

  it("rejects an empty name and a module type", () => {
    expect(() =>
      synth(
        (stack) =>
          new ContactFlow(stack, "F", {
            instanceId: INSTANCE,
            name: " ",
            template: "survey_flow.json.tftpl",
          }),
      ),
    ).toThrow(/test\/F: flow name " " must be 1-127/);
    expect(() =>
      synth(
        (stack) =>
          new ContactFlow(stack, "F", {
            instanceId: INSTANCE,
            name: "F",
            type: "MODULE" as "CONTACT_FLOW",
            template: "survey_flow.json.tftpl",
          }),
      ),
    ).toThrow(/modules use ContactFlowModule/);
  });
});
