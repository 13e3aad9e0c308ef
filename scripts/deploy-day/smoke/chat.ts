/**
 * A chat started on the chat entry flow receives the bot's greeting, and (probe) a PIN typed in the
 * chat is redacted to [PIN] in flight, before any participant, the bot included, sees it.
 */
import { ConnectClient, StartChatContactCommand } from "@aws-sdk/client-connect";
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendMessageCommand,
  type Item,
} from "@aws-sdk/client-connectparticipant";
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { FlowFact } from "../stack-facts";
import { instanceId, liveFlow, type SmokeContext } from "./context";

/** The chat entry flow's pinned address (constructs/flows). */
export const CHAT_ENTRY_FLOW = "aws_connect_contact_flow.chat_entry";
/** Digits a PIN redaction must not let through; typed with the word PIN so the entity is recognised. */
export const TEST_PIN = "4921";
const POLL_MS = 2000;

type Action = {
  Identifier?: string;
  Type?: string;
  Parameters?: { Text?: string };
  Transitions?: {
    NextAction?: string;
    Errors?: Array<{ NextAction?: string }>;
    Conditions?: Array<{ NextAction?: string; Condition?: { Operands?: string[] } }>;
  };
};

/**
 * The bot's greeting (the first Lex block on the success path), and the messages of the path taken
 * when the hours check says closed: a chat out of hours legitimately never greets.
 */
export function chatTexts(flow: FlowFact): { greeting: string | undefined; closed: string[] } {
  const actions = (flow.content?.Actions ?? []) as Action[];
  const byId = new Map(actions.map((a) => [a.Identifier, a]));
  let at = byId.get(flow.content?.StartAction);
  const seen = new Set<string>();
  while (at && at.Type !== "ConnectParticipantWithLexBot" && !seen.has(at.Identifier ?? "")) {
    seen.add(at.Identifier ?? "");
    at = byId.get(at.Transitions?.NextAction);
  }
  const greeting = at?.Type === "ConnectParticipantWithLexBot" ? at.Parameters?.Text : undefined;
  const hours = actions.find((a) => a.Type === "CheckHoursOfOperation");
  const closedStart = hours?.Transitions?.Conditions?.find((c) =>
    c.Condition?.Operands?.includes("False"),
  )?.NextAction;
  const closed: string[] = [];
  const queue = closedStart ? [closedStart] : [];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const action = byId.get(queue.shift());
    if (!action?.Identifier || visited.has(action.Identifier)) continue;
    visited.add(action.Identifier);
    if (action.Type === "MessageParticipant" && action.Parameters?.Text) closed.push(action.Parameters.Text);
    const t = action.Transitions;
    queue.push(
      ...[
        t?.NextAction,
        ...(t?.Errors ?? []).map((e) => e.NextAction),
        ...(t?.Conditions ?? []).map((c) => c.NextAction),
      ].filter((n): n is string => !!n),
    );
  }
  return { greeting, closed };
}

async function waitFor(
  ctx: SmokeContext,
  client: ConnectParticipantClient,
  token: string,
  found: (items: Item[]) => boolean,
): Promise<Item[]> {
  const polls = Math.ceil(ctx.options.chatTimeoutMs / POLL_MS);
  for (let poll = 0; ; poll++) {
    // GetTranscript response: Transcript[] of Item {Type MESSAGE | EVENT …, ParticipantRole, Content} (Connect Participant Service API reference).
    const { Transcript = [] } = await client.send(
      new GetTranscriptCommand({ ConnectionToken: token, SortOrder: "ASCENDING", MaxResults: 100 }),
    );
    if (found(Transcript) || poll >= polls) return Transcript;
    await ctx.sleep(POLL_MS);
  }
}

const messages = (items: Item[], customer: boolean) =>
  items
    .filter((i) => i.Type === "MESSAGE" && (i.ParticipantRole === "CUSTOMER") === customer)
    .map((i) => i.Content ?? "");

async function pinProbe(
  ctx: SmokeContext,
  client: ConnectParticipantClient,
  token: string,
): Promise<CheckResult> {
  const id = "probe:chat-pin-redacted";
  await client.send(
    new SendMessageCommand({
      ConnectionToken: token,
      ContentType: "text/plain",
      Content: `my PIN is ${TEST_PIN}`,
    }),
  );
  const seen = messages(
    await waitFor(ctx, client, token, (items) => messages(items, true).some((m) => /PIN is /.test(m))),
    true,
  ).find((m) => /PIN is /.test(m));
  if (seen === undefined)
    return fail(
      id,
      "the typed PIN never reached the transcript (held back: redaction could not process it)",
      "check the chat entry flow's in-flight redaction settings and Contact Lens in the locale",
    );
  if (seen.includes(TEST_PIN))
    return fail(
      id,
      `participants saw "${seen}": the PIN was not redacted in flight`,
      "check UpdateContactRecordingAndAnalyticsBehavior in the chat entry flow (in-flight redaction, entity PIN)",
    );
  return pass(id, `participants, the bot included, saw "${seen}"`);
}

export const chatGreetingCheck: Check<SmokeContext> = {
  id: "chat-greeting",
  title: "a chat on the chat entry flow gets the bot's greeting",
  async run(ctx) {
    const fact = ctx.facts.flow(CHAT_ENTRY_FLOW);
    const flow = await liveFlow(ctx, CHAT_ENTRY_FLOW);
    if (!fact || !flow?.Id)
      return fail("chat-greeting", "the chat entry flow is not in the instance", "deploy again");
    const { greeting, closed } = chatTexts(fact);
    // StartChatContact response: ContactId, ParticipantId, ParticipantToken (Connect API reference).
    const started = await ctx.aws.client(ConnectClient, ctx.config.region).send(
      new StartChatContactCommand({
        InstanceId: instanceId(ctx),
        ContactFlowId: flow.Id,
        ParticipantDetails: { DisplayName: `deploy-day smoke ${ctx.options.runId}` },
        Attributes: { smokeTest: "true" },
      }),
    );
    const participant = ctx.aws.client(ConnectParticipantClient, ctx.config.region);
    // CreateParticipantConnection response: ConnectionCredentials.ConnectionToken (Connect Participant Service API reference).
    const connection = await participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: started.ParticipantToken,
        Type: ["CONNECTION_CREDENTIALS"],
        ConnectParticipant: true,
      }),
    );
    const token = connection.ConnectionCredentials?.ConnectionToken;
    if (!token)
      return fail(
        "chat-greeting",
        "Connect returned no connection token for the chat",
        "retry; if it persists, check the instance's chat settings",
      );
    try {
      const said = messages(
        await waitFor(ctx, participant, token, (items) =>
          messages(items, false).some((m) => m === greeting || closed.includes(m)),
        ),
        false,
      );
      const results: CheckResult[] = [];
      if (greeting && said.includes(greeting)) {
        results.push(pass("chat-greeting", `contact ${started.ContactId}: "${greeting}"`));
        results.push(await pinProbe(ctx, participant, token));
      } else {
        const other = said.find((m) => closed.includes(m));
        results.push(
          other
            ? skip(
                "chat-greeting",
                `contact ${started.ContactId} took another path: "${other}"`,
                "outside the chat team's hours the flow closes: rerun smoke in hours",
              )
            : fail(
                "chat-greeting",
                `contact ${started.ContactId}: no greeting within ${ctx.options.chatTimeoutMs / 1000} s (said: ${said.join(" | ") || "nothing"})`,
                "read the chat entry flow's logs for this contact id",
              ),
        );
        results.push(
          skip(
            "probe:chat-pin-redacted",
            "needs the chat to reach the bot",
            "rerun smoke when the chat greeting passes",
          ),
        );
      }
      return results;
    } finally {
      await participant.send(new DisconnectParticipantCommand({ ConnectionToken: token }));
    }
  },
};
