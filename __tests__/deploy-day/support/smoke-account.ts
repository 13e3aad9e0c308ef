/**
 * A healthy deployed production stack for smoke: every AWS call answered through
 * aws-sdk-client-mock in the response shapes of the AWS API references named beside each, derived
 * from the synthesized stack (flow names, bots, utterances, alarms), and an HTTP stub for the API
 * and the CCP site. Tests break one answer at a time.
 */
import { ApiGatewayV2Client, GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  ConnectClient,
  DescribeContactFlowModuleCommand,
  GetContactAttributesCommand,
  ListContactFlowModulesCommand,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  ListPhoneNumbersV2Command,
  StartChatContactCommand,
} from "@aws-sdk/client-connect";
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendMessageCommand,
  type Item,
} from "@aws-sdk/client-connectparticipant";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand } from "@aws-sdk/client-lex-models-v2";
import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { ListSubscriptionsByTopicCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import type { SmokeContext, SmokeOptions } from "../../../scripts/deploy-day/smoke/context";
import { CHAT_ENTRY_FLOW, chatTexts } from "../../../scripts/deploy-day/smoke/chat";
import { StackFacts } from "../../../scripts/deploy-day/stack-facts";
import { synthStack } from "../../support/synth";
import { ACCOUNT, NOW, prodContext } from "./target";

export const INSTANCE = "11111111-2222-3333-4444-555555555555";
export const API_ENDPOINT = "https://a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com";
export const facts = new StackFacts(synthStack("prod").json);

export const smokeMocks = {
  sts: mockClient(STSClient),
  connect: mockClient(ConnectClient),
  participant: mockClient(ConnectParticipantClient),
  lexModels: mockClient(LexModelsV2Client),
  lexRuntime: mockClient(LexRuntimeV2Client),
  api: mockClient(ApiGatewayV2Client),
  cloudwatch: mockClient(CloudWatchClient),
  logs: mockClient(CloudWatchLogsClient),
  sns: mockClient(SNSClient),
  lambda: mockClient(LambdaClient),
  bedrock: mockClient(BedrockRuntimeClient),
  s3: mockClient(S3Client),
};

/** `terraform output -json` of the deployed stack. */
export const OUTPUTS = {
  connect_instance_id: { value: INSTANCE, type: "string", sensitive: false },
  connect_instance_arn: {
    value: `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}`,
    type: "string",
    sensitive: false,
  },
  did_phone_number: { value: "+442071234567", type: "string", sensitive: false },
  toll_free_phone_number: { value: "+448001234567", type: "string", sensitive: false },
};

export const flowId = (name: string) => `flow-${name}`;
/** The live chat transcript: what the flow said, then what the customer typed (redacted in flight). */
export const chat: { said: Item[]; redact: (text: string) => string } = {
  said: [],
  redact: (t) => t.replace(/\d{4}/, "[PIN]"),
};

/** CCP site response: the headers the stack's response-headers policy adds. */
export const CCP_HEADERS: Record<string, string> = {
  "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://connect-comprehensive-prod.my.connect.aws ${API_ENDPOINT}; frame-src https://connect-comprehensive-prod.my.connect.aws; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`,
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** Stands in for the network: the API refuses tokenless calls, the CCP site answers with its headers. */
export const http = {
  /** Status per API path; any path not named answers 401. */
  status: { api: {} as Record<string, number>, ccp: 200 },
  headers: { ...CCP_HEADERS },
  fetch: (async (url: string | URL) => {
    const href = String(url);
    if (href.startsWith(API_ENDPOINT))
      return new Response('{"message":"Unauthorized"}', {
        status: http.status.api[href.slice(API_ENDPOINT.length)] ?? 401,
      });
    if (href === "https://ccp.contact-centre.bank.example/")
      return new Response("<!doctype html>", { status: http.status.ccp, headers: http.headers });
    throw new TypeError(`fetch failed: ${href}`);
  }) as typeof fetch,
};

function utteranceIndex(): Map<string, { intent: string; codeHook: boolean }> {
  const index = new Map<string, { intent: string; codeHook: boolean }>();
  for (const bot of facts.bots())
    for (const locale of bot.locales)
      for (const intent of locale.intents)
        for (const u of intent.utterances)
          index.set(`${bot.name}|${locale.localeId}|${u}`, {
            intent: intent.name,
            codeHook: intent.codeHook,
          });
  return index;
}

export function healthyDeployedAccount(): void {
  for (const mock of Object.values(smokeMocks)) mock.reset();
  http.status = { api: {}, ccp: 200 };
  http.headers = { ...CCP_HEADERS };
  const { greeting } = chatTexts(facts.flow(CHAT_ENTRY_FLOW)!);
  chat.said = [{ Type: "MESSAGE", ParticipantRole: "SYSTEM", Content: greeting, Id: "m1" }];
  chat.redact = (t) => t.replace(/\d{4}/, "[PIN]");

  smokeMocks.sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/platform-deployer/alice` });
  // ListContactFlows, ListContactFlowModules, DescribeContactFlowModule (Connect API reference).
  const flows = facts.flows();
  smokeMocks.connect.on(ListContactFlowsCommand).resolves({
    ContactFlowSummaryList: flows
      .filter((f) => f.type !== "MODULE")
      .map((f) => ({
        Id: flowId(f.name),
        Arn: `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/contact-flow/${flowId(f.name)}`,
        Name: f.name,
        ContactFlowType: f.type as "CONTACT_FLOW",
        ContactFlowState: "ACTIVE",
        ContactFlowStatus: "PUBLISHED",
      })),
  });
  smokeMocks.connect.on(ListContactFlowModulesCommand).resolves({
    ContactFlowModulesSummaryList: flows
      .filter((f) => f.type === "MODULE")
      .map((f) => ({ Id: flowId(f.name), Name: f.name, State: "ACTIVE" })),
  });
  smokeMocks.connect
    .on(DescribeContactFlowModuleCommand)
    .callsFake((input: { ContactFlowModuleId: string }) => ({
      ContactFlowModule: { Id: input.ContactFlowModuleId, State: "ACTIVE", Status: "PUBLISHED" },
    }));
  // ListPhoneNumbersV2, ListFlowAssociations (Connect API reference): both numbers on the new voice entry (canary 100 %).
  smokeMocks.connect.on(ListPhoneNumbersV2Command).resolves({
    ListPhoneNumbersSummaryList: [
      {
        PhoneNumberId: "pn-did",
        PhoneNumberArn: `arn:aws:connect:eu-west-2:${ACCOUNT}:phone-number/pn-did`,
        PhoneNumber: "+442071234567",
        PhoneNumberType: "DID",
      },
      {
        PhoneNumberId: "pn-tf",
        PhoneNumberArn: `arn:aws:connect:eu-west-2:${ACCOUNT}:phone-number/pn-tf`,
        PhoneNumber: "+448001234567",
        PhoneNumberType: "TOLL_FREE",
      },
    ],
  });
  smokeMocks.connect.on(ListFlowAssociationsCommand).resolves({
    FlowAssociationSummaryList: [
      {
        ResourceId: `arn:aws:connect:eu-west-2:${ACCOUNT}:phone-number/pn-did`,
        FlowId: flowId("VoiceEntryFlowV2"),
        ResourceType: "VOICE_PHONE_NUMBER",
      },
      {
        ResourceId: `arn:aws:connect:eu-west-2:${ACCOUNT}:phone-number/pn-tf`,
        FlowId: flowId("VoiceEntryFlowV2"),
        ResourceType: "VOICE_PHONE_NUMBER",
      },
    ],
  });
  // StartChatContact, GetContactAttributes (Connect API reference).
  smokeMocks.connect
    .on(StartChatContactCommand)
    .resolves({ ContactId: "chat-contact-1", ParticipantId: "p1", ParticipantToken: "participant-token" });
  smokeMocks.connect
    .on(GetContactAttributesCommand)
    .resolves({ Attributes: { AuthResult: "Authenticated", AuthMethod: "PIN" } });
  // CreateParticipantConnection, GetTranscript, SendMessage, DisconnectParticipant (Connect Participant Service API reference).
  smokeMocks.participant
    .on(CreateParticipantConnectionCommand)
    .resolves({ ConnectionCredentials: { ConnectionToken: "connection-token", Expiry: NOW.toISOString() } });
  smokeMocks.participant
    .on(GetTranscriptCommand)
    .callsFake(() => ({ InitialContactId: "chat-contact-1", Transcript: chat.said }));
  smokeMocks.participant.on(SendMessageCommand).callsFake((input: { Content: string }) => {
    chat.said = [
      ...chat.said,
      { Type: "MESSAGE", ParticipantRole: "CUSTOMER", Content: chat.redact(input.Content), Id: "m2" },
    ];
    return { Id: "m2", AbsoluteTime: NOW.toISOString() };
  });
  smokeMocks.participant.on(DisconnectParticipantCommand).resolves({});
  // ListBots, ListBotAliases (Lex V2 model-building API reference); RecognizeText (Lex V2 runtime API reference).
  smokeMocks.lexModels.on(ListBotsCommand).callsFake((input: { filters: Array<{ values: string[] }> }) => ({
    botSummaries: [
      {
        botId: `id-${input.filters[0]!.values[0]}`,
        botName: input.filters[0]!.values[0],
        botStatus: "Available",
      },
    ],
  }));
  smokeMocks.lexModels.on(ListBotAliasesCommand).callsFake((input: { botId: string }) => ({
    botId: input.botId,
    botAliasSummaries: [
      {
        botAliasId: "TSTALIASID",
        botAliasName: "TestBotAlias",
        botAliasStatus: "Available",
        botVersion: "DRAFT",
      },
      {
        botAliasId: `alias-${input.botId}`,
        botAliasName: "prod",
        botAliasStatus: "Available",
        botVersion: "3",
      },
    ],
  }));
  const index = utteranceIndex();
  const bots = new Map(facts.bots().map((b) => [`id-${b.name}`, b.name]));
  smokeMocks.lexRuntime
    .on(RecognizeTextCommand)
    .callsFake((input: { botId: string; localeId: string; text: string; sessionId: string }) => {
      const hit = index.get(`${bots.get(input.botId)}|${input.localeId}|${input.text}`);
      return {
        sessionId: input.sessionId,
        sessionState: {
          dialogAction: { type: hit?.codeHook ? "ElicitSlot" : "Close" },
          intent: {
            name: hit?.intent ?? "FallbackIntent",
            state: hit?.codeHook ? "InProgress" : "ReadyForFulfillment",
          },
        },
        ...(hit?.codeHook
          ? {
              messages: [
                { contentType: "PlainText", content: "To help with that, I need to confirm who you are." },
              ],
            }
          : {}),
      };
    });
  // GetApis (API Gateway V2 API reference).
  smokeMocks.api.on(GetApisCommand).resolves({
    Items: [
      {
        Name: "connect-comprehensive-auth-api",
        ApiEndpoint: API_ENDPOINT,
        ApiId: "a1b2c3d4e5",
        ProtocolType: "HTTP",
        RouteSelectionExpression: "$request.method $request.path",
      },
    ],
  });
  // DescribeAlarms (CloudWatch API reference): every alarm of the stack, none firing.
  smokeMocks.cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => ({
    MetricAlarms: input.AlarmNames.map((AlarmName, i) => ({
      AlarmName,
      StateValue: i % 3 === 0 ? "INSUFFICIENT_DATA" : "OK",
      StateReason: "Threshold Crossed: no datapoints",
    })),
  }));
  // ListSubscriptionsByTopic, Publish (SNS API reference).
  smokeMocks.sns.on(ListSubscriptionsByTopicCommand).callsFake((input: { TopicArn: string }) => ({
    Subscriptions: ["contact-centre-oncall@bank.example", "fraud-operations@bank.example"].map(
      (Endpoint, i) => ({
        SubscriptionArn: `${input.TopicArn}:sub-${i}`,
        Protocol: "email",
        Endpoint,
        TopicArn: input.TopicArn,
      }),
    ),
  }));
  smokeMocks.sns.on(PublishCommand).resolves({ MessageId: "5a1b2c3d-0000-4000-8000-000000000001" });
  // GetFunctionConfiguration (Lambda API reference); Converse (Bedrock Runtime API reference).
  smokeMocks.lambda.on(GetFunctionConfigurationCommand).resolves({
    FunctionName: "connect-comprehensive-lex-fallback",
    Environment: {
      Variables: {
        BEDROCK_MODEL_ID: "anthropic.claude-3-haiku-20240307-v1:0",
        BEDROCK_REGION: "eu-central-1",
        BEDROCK_GUARDRAIL_ID: "gr123abc",
        BEDROCK_GUARDRAIL_VERSION: "1",
      },
    },
  });
  smokeMocks.bedrock.on(ConverseCommand).resolves({
    output: { message: { role: "assistant", content: [{ text: "OK" }] } },
    stopReason: "end_turn",
    usage: { inputTokens: 14, outputTokens: 2, totalTokens: 16 },
    metrics: { latencyMs: 310 },
  });
  // FilterLogEvents (CloudWatch Logs API reference): no PIN refused; callback events that found their request.
  smokeMocks.logs.on(FilterLogEventsCommand).callsFake((input: { filterPattern: string }) => ({
    events: input.filterPattern.includes("callback status event")
      ? [
          {
            timestamp: NOW.getTime() - 3_600_000,
            message: JSON.stringify({
              level: "INFO",
              message: "callback status event",
              eventType: "QUEUED",
              to: "QUEUED",
              outcome: "applied",
            }),
          },
        ]
      : [],
  }));
  // ListObjectsV2 (S3 API reference): a log object delivered minutes ago.
  smokeMocks.s3.on(ListObjectsV2Command).resolves({
    Contents: [
      {
        Key: "cloudfront/AWSLogs/111122223333/CloudFront/E2EXAMPLE/2026/12/05/old.log.gz",
        LastModified: new Date(NOW.getTime() - 30 * 3_600_000),
      },
      {
        Key: "cloudfront/AWSLogs/111122223333/CloudFront/E2EXAMPLE/2026/12/06/new.log.gz",
        LastModified: new Date(NOW.getTime() - 300_000),
      },
    ],
    IsTruncated: false,
  });
}

export function smokeContext(options: Partial<SmokeOptions> = {}, outputs = OUTPUTS): SmokeContext {
  return {
    ...prodContext({ fetch: http.fetch }),
    outputs,
    sleep: async () => undefined,
    options: {
      testAlerting: false,
      withFraudAlerts: false,
      sinceHours: 24,
      chatTimeoutMs: 4000,
      runId: "t3st",
      testCall: "call-contact-1",
      ...options,
    },
  };
}
