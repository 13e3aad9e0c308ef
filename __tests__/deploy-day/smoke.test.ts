import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  GetContactAttributesCommand,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  StartChatContactCommand,
} from "@aws-sdk/client-connect";
import { DisconnectParticipantCommand } from "@aws-sdk/client-connectparticipant";
import { ListBotAliasesCommand } from "@aws-sdk/client-lex-models-v2";
import { DependencyFailedException, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ListSubscriptionsByTopicCommand, PublishCommand } from "@aws-sdk/client-sns";
import {
  countOf,
  exitCodeOf,
  formatMarkdown,
  runChecks,
  type CheckResult,
} from "../../scripts/deploy-day/check";
import { SMOKE_CHECKS } from "../../scripts/deploy-day/smoke";
import { apiUnauthorizedCheck } from "../../scripts/deploy-day/smoke/api";
import { StackFacts } from "../../scripts/deploy-day/stack-facts";
import { GROUP_ARN, drJson } from "../dr/stack";
import { ALERTING_INTENTS } from "../../scripts/deploy-day/smoke/bots";
import type { SmokeOptions } from "../../scripts/deploy-day/smoke/context";
import {
  API_ENDPOINT,
  chat,
  facts,
  flowId,
  healthyDeployedAccount,
  http,
  smokeContext,
  smokeMocks,
} from "./support/smoke-account";
import { NOW } from "./support/target";

const run = (options: Partial<SmokeOptions> = {}) => runChecks(SMOKE_CHECKS, smokeContext(options));
const byId = (results: CheckResult[]) => new Map(results.map((r) => [r.id, r]));
const failed = (results: CheckResult[]) => results.filter((r) => r.status === "FAIL").map((r) => r.id);

beforeEach(healthyDeployedAccount);

describe("smoke against a healthy deployed production stack", () => {
  it("passes everything it checks; skips only what it was not asked to do or cannot automate", async () => {
    const results = await run();
    expect(failed(results)).toStrictEqual([]);
    const skipped = results.filter((r) => r.status === "SKIP").map((r) => r.id);
    expect(skipped).toStrictEqual([
      "intent:connect-comprehensive-banking-bot/en_GB/ReportFraud",
      "intent:connect-comprehensive-banking-bot/en_GB/ReportLostStolenCard",
      "alerting",
      "probe:lex-session-id-is-contact-id",
      "probe:flow-language-inferred-rules",
      "probe:stored-input-number-format",
      "probe:integration-replace-order",
    ]);
    expect(exitCodeOf(results)).toBe(0);
  });

  it("sends one RecognizeText per intent per locale, a sample utterance of the definition, through the live alias", async () => {
    await run();
    const calls = smokeMocks.lexRuntime.commandCalls(RecognizeTextCommand).map((c) => c.args[0].input);
    const intents = facts
      .bots()
      .flatMap((b) => b.locales.flatMap((l) => l.intents.map((i) => `${b.name}/${l.localeId}/${i.name}`)));
    expect(calls).toHaveLength(intents.length - ALERTING_INTENTS.length);
    expect(new Set(calls.map((c) => c.botAliasId))).toStrictEqual(
      new Set(facts.bots().map((b) => `alias-id-${b.name}`)),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({
        botId: "id-connect-comprehensive-bot",
        localeId: "en_US",
        text: "transfer to an agent",
      }),
    );
    expect(new Set(calls.map((c) => c.sessionId)).size).toBe(calls.length);
  });

  it("chats on the chat entry flow, hangs up after, and publishes nothing unless asked", async () => {
    await run();
    expect(smokeMocks.connect.commandCalls(StartChatContactCommand)[0]!.args[0].input.ContactFlowId).toBe(
      flowId("ChatEntryFlow"),
    );
    expect(smokeMocks.participant.commandCalls(DisconnectParticipantCommand)).toHaveLength(1);
    expect(smokeMocks.sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it("--test-alerting publishes one message to the topic the alarms notify", async () => {
    const results = byId(await run({ testAlerting: true }));
    expect(results.get("alerting")?.status).toBe("PASS");
    const [publish] = smokeMocks.sns.commandCalls(PublishCommand);
    expect(publish!.args[0].input.TopicArn).toBe(
      "arn:aws:sns:eu-west-2:111122223333:connect-comprehensive-alarms",
    );
  });

  it("writes a Markdown report with one row per result", async () => {
    const results = await run();
    const report = formatMarkdown("Smoke test of prod", results);
    const counts = countOf(results);
    expect(report).toContain(`${counts.PASS} passed, 0 failed, ${counts.SKIP} skipped`);
    expect(report.split("\n").filter((l) => /^\| (PASS|FAIL|SKIP) \|/.test(l))).toHaveLength(results.length);
  });
});

describe("a broken deployment: each check fails for its own cause", () => {
  const cases: Array<[string, () => Partial<SmokeOptions> | void, string, RegExp]> = [
    [
      "a flow saved but not published",
      () =>
        void smokeMocks.connect.on(ListContactFlowsCommand).resolves({
          ContactFlowSummaryList: facts
            .flows()
            .filter((f) => f.type !== "MODULE")
            .map((f) => ({
              Id: flowId(f.name),
              Name: f.name,
              ContactFlowState: "ACTIVE",
              ContactFlowStatus: f.name === "VoiceIVRFlow" ? "SAVED" : "PUBLISHED",
            })),
        }),
      "flows-published",
      /flow VoiceIVRFlow is ACTIVE\/SAVED/,
    ],
    [
      "a number left on the original entry flow",
      () =>
        void smokeMocks.connect.on(ListFlowAssociationsCommand).resolves({
          FlowAssociationSummaryList: [
            { ResourceId: "pn-did", FlowId: flowId("VoiceEntryFlowV2"), ResourceType: "VOICE_PHONE_NUMBER" },
            { ResourceId: "pn-tf", FlowId: flowId("VoiceEntryFlow"), ResourceType: "VOICE_PHONE_NUMBER" },
          ],
        }),
      "number:toll_free_phone_number",
      /\+448001234567 → VoiceEntryFlow, expected VoiceEntryFlowV2/,
    ],
    [
      "a bot alias that failed",
      () =>
        void smokeMocks.lexModels
          .on(ListBotAliasesCommand, { botId: "id-connect-comprehensive-sales-bot" })
          .resolves({
            botAliasSummaries: [{ botAliasId: "x", botAliasName: "prod", botAliasStatus: "Failed" }],
          }),
      "bot:connect-comprehensive-sales-bot",
      /alias prod is Failed/,
    ],
    [
      "an utterance landing on another intent",
      () =>
        void smokeMocks.lexRuntime
          .on(RecognizeTextCommand, { text: "what is my balance" })
          .resolves({ sessionState: { intent: { name: "FallbackIntent", state: "InProgress" } } }),
      "intent:connect-comprehensive-banking-bot/en_GB/CheckBalance",
      /"what is my balance" landed on FallbackIntent/,
    ],
    [
      "a code hook that fails",
      () =>
        void smokeMocks.lexRuntime.on(RecognizeTextCommand, { text: "show my transactions" }).rejects(
          new DependencyFailedException({
            $metadata: {},
            message: "Invalid Lambda Response: Received error response from Lambda: Unhandled",
          }),
        ),
      "intent:connect-comprehensive-banking-bot/en_GB/TransactionHistory",
      /DependencyFailedException/,
    ],
    [
      "a chat that never greets",
      () =>
        void (chat.said = [
          {
            Type: "MESSAGE",
            ParticipantRole: "SYSTEM",
            Content:
              "Sorry, we have a technical problem and cannot continue this call. Please try again later.",
          },
        ]),
      "chat-greeting",
      /no greeting within 4 s/,
    ],
    [
      "a PIN that reaches the bot in clear",
      () => void (chat.redact = (t) => t),
      "probe:chat-pin-redacted",
      /saw "my PIN is 4921"/,
    ],
    [
      "a route without its authorizer",
      () => void (http.status.api["/auth"] = 200),
      "api-401:POST /auth",
      /→ 200, expected 401/,
    ],
    [
      "the CCP site without HSTS",
      () => void delete http.headers["strict-transport-security"],
      "ccp-headers",
      /strict-transport-security: missing/,
    ],
    [
      "an alarm firing",
      () =>
        void smokeMocks.cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => ({
          MetricAlarms: input.AlarmNames.map((AlarmName) => ({
            AlarmName,
            StateValue: AlarmName.endsWith("auth-api-5xx") ? "ALARM" : "OK",
            StateReason: "Threshold Crossed: 3 datapoints",
          })),
        })),
      "alarms",
      /connect-comprehensive-auth-api-5xx in ALARM/,
    ],
    [
      "an unconfirmed fraud-team subscription",
      () =>
        void smokeMocks.sns
          .on(ListSubscriptionsByTopicCommand, {
            TopicArn: "arn:aws:sns:eu-west-2:111122223333:connect-comprehensive-fraud-alerts",
          })
          .resolves({
            Subscriptions: [
              {
                SubscriptionArn: "PendingConfirmation",
                Protocol: "email",
                Endpoint: "fraud-operations@bank.example",
              },
            ],
          }),
      "sns:connect-comprehensive-fraud-alerts",
      /never confirmed/,
    ],
    [
      "a topic that takes no message",
      () => {
        smokeMocks.sns.on(PublishCommand).resolves({});
        return { testAlerting: true };
      },
      "alerting",
      /accepted no message/,
    ],
    [
      "Connect refusing the alias ARN (test call ends in Error)",
      () =>
        void smokeMocks.connect
          .on(GetContactAttributesCommand)
          .resolves({ Attributes: { AuthResult: "Error" } }),
      "probe:flow-invokes-lambda-alias",
      /AuthResult Error, a Lambda call of the auth module failed/,
    ],
    [
      "the model not answering in bedrockRegion",
      () =>
        void smokeMocks.bedrock.on(ConverseCommand).rejects(
          Object.assign(new Error("You don't have access to the model with the specified model ID."), {
            name: "AccessDeniedException",
          }),
        ),
      "probe:bedrock-model-in-region",
      /anthropic\.claude-3-haiku-20240307-v1:0 in eu-central-1: AccessDeniedException/,
    ],
    [
      "an Encryption SDK suite the Lambda refuses",
      () =>
        void smokeMocks.logs
          .on(FilterLogEventsCommand, { filterPattern: '"encrypted PIN refused"' })
          .resolves({
            events: [
              {
                timestamp: NOW.getTime(),
                message: JSON.stringify({
                  level: "WARN",
                  message: "encrypted PIN refused",
                  reason: "unsupported algorithm suite 0x0478",
                }),
              },
            ],
          }),
      "probe:pin-encryption-suite",
      /refused in 24 h: unsupported algorithm suite 0x0478/,
    ],
    [
      "Connect not encrypting with the certificate (correct PIN ends NotVerified)",
      () =>
        void smokeMocks.connect
          .on(GetContactAttributesCommand)
          .resolves({ Attributes: { AuthResult: "NotVerified" } }),
      "probe:pin-certificate-in-key",
      /correct PIN ended NotVerified/,
    ],
    [
      "no CloudFront log delivered in the window",
      () =>
        void smokeMocks.s3.on(ListObjectsV2Command).resolves({
          Contents: [
            { Key: "cloudfront/old.log.gz", LastModified: new Date(NOW.getTime() - 72 * 3_600_000) },
          ],
        }),
      "probe:cloudfront-log-delivery",
      /s3:\/\/connect-comprehensive-access-logs-111122223333\/cloudfront\/: newest object is from .* none in 24 h/,
    ],
    [
      "callback events that never find their request",
      () =>
        void smokeMocks.logs
          .on(FilterLogEventsCommand, { filterPattern: '{ $.message = "callback status event" }' })
          .resolves({
            events: [1, 2].map((i) => ({
              timestamp: NOW.getTime() - i,
              message: JSON.stringify({ message: "callback status event", outcome: "unmatched" }),
            })),
          }),
      "probe:callback-previous-contact-id",
      /all 2 callback event\(s\) in 24 h found no request record/,
    ],
  ];

  it.each(cases)("%s", async (_why, breakIt, id, detail) => {
    const options = breakIt() ?? {};
    const results = await run(options);
    expect(failed(results)).toStrictEqual([id]);
    expect(byId(results).get(id)).toMatchObject({
      detail: expect.stringMatching(detail),
      fix: expect.any(String),
    });
    expect(exitCodeOf(results)).toBe(1);
  });
});

describe("smoke with DR's failover domain for the API (config dr.api)", () => {
  const DOMAIN = "api.contact.bank.example";
  const withDomain = new StackFacts(
    drJson({
      trafficDistributionGroupArn: GROUP_ARN,
      api: { domainName: DOMAIN, hostedZoneId: "Z0123456789ABCDEFGHIJ" },
    }),
  );
  /** The domain answers like the API (both Regions' custom domains map the $default stage at the root). */
  const domainFetch = (domainStatus: number | "unresolved") =>
    (async (url: string | URL, init?: RequestInit) => {
      const href = String(url);
      if (!href.startsWith(`https://${DOMAIN}/`)) return http.fetch(url, init);
      if (domainStatus === "unresolved") throw new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${DOMAIN}`);
      return new Response('{"message":"Unauthorized"}', { status: domainStatus });
    }) as typeof fetch;
  const check = (domainStatus: number | "unresolved") =>
    apiUnauthorizedCheck.run({ ...smokeContext(), facts: withDomain, fetch: domainFetch(domainStatus) });

  it("asks every route for a token through the domain too, not only at the API's own endpoint", async () => {
    const results = (await check(401)) as CheckResult[];
    expect(results.map((r) => [r.id, r.status, r.detail]).sort()).toStrictEqual([
      ["api-401-domain:GET /customer", "PASS", `GET https://${DOMAIN}/customer → 401`],
      ["api-401-domain:POST /auth", "PASS", `POST https://${DOMAIN}/auth → 401`],
      ["api-401:GET /customer", "PASS", `GET ${API_ENDPOINT}/customer → 401`],
      ["api-401:POST /auth", "PASS", `POST ${API_ENDPOINT}/auth → 401`],
    ]);
  });

  it("fails naming the domain's records, certificates and mappings when the host name does not answer", async () => {
    const failedDomain = ((await check("unresolved")) as CheckResult[]).filter((r) => r.status === "FAIL");
    expect(failedDomain.map((r) => r.id).sort()).toStrictEqual([
      "api-401-domain:GET /customer",
      "api-401-domain:POST /auth",
    ]);
    expect(failedDomain[0]?.fix).toMatch(
      /hosted zone \(dr\.api\.hostedZoneId\), each Region's certificate and API mapping/,
    );
  });
});

describe("what smoke cannot settle on its own says so", () => {
  it("without a test call, the call-based probes skip and say how to place one", async () => {
    const results = byId(await run({ testCall: undefined }));
    for (const id of [
      "probe:flow-invokes-lambda-alias",
      "probe:pin-encryption-suite",
      "probe:pin-certificate-in-key",
    ])
      expect(results.get(id)).toMatchObject({
        status: "SKIP",
        fix: expect.stringMatching(/--test-call <contact id>/),
      });
    expect(smokeMocks.connect.commandCalls(GetContactAttributesCommand)).toHaveLength(0);
  });

  it("a chat after hours skips the greeting and the PIN probe, naming the path taken", async () => {
    chat.said = [
      {
        Type: "MESSAGE",
        ParticipantRole: "SYSTEM",
        Content:
          "Our chat team is closed right now. We have passed your message to an advisor, who will reply when we open. For fraud or a lost or stolen card, please call us: that line is open 24 hours.",
      },
    ];
    const results = byId(await run());
    expect(results.get("chat-greeting")).toMatchObject({
      status: "SKIP",
      detail: expect.stringMatching(/took another path: "Our chat team is closed/),
    });
    expect(results.get("probe:chat-pin-redacted")?.status).toBe("SKIP");
  });

  it("stops with a clear error when the outputs hold no instance id", async () => {
    const { runChecks: runAll } = await import("../../scripts/deploy-day/check");
    const results = await runAll(SMOKE_CHECKS.slice(0, 1), smokeContext({}, {} as never));
    expect(results[0]).toMatchObject({
      status: "FAIL",
      detail: expect.stringMatching(/terraform output has no Connect instance id/),
    });
  });
});

describe("ALERTING_INTENTS", () => {
  it("names exactly the intents whose handler raises a fraud alert (so smoke never pages the fraud team unasked)", () => {
    const root = join(__dirname, "../../lambda/lex_fallback/handlers");
    const registry = readFileSync(join(root, "registry.ts"), "utf8");
    const alerting = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith("fraud-alert.ts"))
      .filter((f) => /raiseFraudAlert\(/.test(readFileSync(join(root, f), "utf8")))
      .map((f) => {
        const module = `./${f.replace(/\.ts$/, "")}`;
        const local = new RegExp(`import \\{ (\\w+) \\} from "${module.replace(/[.]/g, "\\.")}"`).exec(
          registry,
        )?.[1];
        return new RegExp(`(\\w+): ${local},`).exec(registry)?.[1];
      });
    expect(alerting.sort()).toStrictEqual([...ALERTING_INTENTS].sort());
  });
});
