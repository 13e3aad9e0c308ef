/**
 * Lex Global Resiliency for `npm run dr:replicate`: each of the stack's bots gets a replica in the
 * replica Region with the same bot id and, replicated with it, the same aliases, which is what the
 * replicated flows (naming bots with $.AwsRegion) need. No Terraform resource creates a bot
 * replica. Shapes from the Lex V2 model-building API reference (ListBots, ListBotReplicas,
 * CreateBotReplica).
 */
import {
  CreateBotReplicaCommand,
  LexModelsV2Client,
  ListBotReplicasCommand,
  ListBotsCommand,
  type BotReplicaSummary,
} from "@aws-sdk/client-lex-models-v2";
import { waitFor, type Clock } from "./connect";

/** The Lex client of a Region (tests pass clients they stub). */
export type LexClients = (region: string) => LexModelsV2Client;

export function lexClients(): LexClients {
  const made = new Map<string, LexModelsV2Client>();
  return (region) => {
    let client = made.get(region);
    if (!client) made.set(region, (client = new LexModelsV2Client({ region })));
    return client;
  };
}

async function botIdOf(client: LexModelsV2Client, name: string): Promise<string | undefined> {
  const out = await client.send(
    new ListBotsCommand({ filters: [{ name: "BotName", values: [name], operator: "EQ" }] }),
  );
  return out.botSummaries?.find((b) => b.botName === name)?.botId;
}

async function replicaIn(
  client: LexModelsV2Client,
  botId: string,
  region: string,
): Promise<BotReplicaSummary | undefined> {
  const out = await client.send(new ListBotReplicasCommand({ botId }));
  return out.botReplicaSummaries?.find((r) => r.replicaRegion === region);
}

export interface ReplicateBotsInput {
  readonly client: LexModelsV2Client;
  readonly botNames: readonly string[];
  readonly replicaRegion: string;
  readonly clock: Clock;
  readonly dryRun: boolean;
  readonly wait: { readonly everyMs: number; readonly timeoutMs: number };
  readonly say: (line: string) => void;
}

/** Replicates every bot that has no replica there yet and waits for each to be Enabled; false on failure. */
export async function replicateBots(input: ReplicateBotsInput): Promise<boolean> {
  const { client, replicaRegion, say } = input;
  for (const name of input.botNames) {
    const botId = await botIdOf(client, name);
    if (!botId) {
      say(`failed: no Lex bot named ${name} (deploy the stack first)`);
      return false;
    }
    const existing = await replicaIn(client, botId, replicaRegion);
    if (existing?.botReplicaStatus === "Failed") {
      say(
        `failed: bot ${name} (${botId}): its replica in ${replicaRegion} failed: ${(existing.failureReasons ?? []).join("; ") || "no reason given"}`,
      );
      return false;
    }
    if (existing) {
      say(
        `bot ${name} (${botId}): replica ${existing.botReplicaStatus ?? "unknown"} (CreateBotReplica not called again)`,
      );
    } else if (input.dryRun) {
      say(`dry run: would call CreateBotReplica for ${name} (${botId}) in ${replicaRegion}`);
      continue;
    } else {
      await client.send(new CreateBotReplicaCommand({ botId, replicaRegion }));
      say(`bot ${name} (${botId}): CreateBotReplica in ${replicaRegion}`);
    }
    if (input.dryRun) continue;
    try {
      await waitFor(
        input.clock,
        `bot ${name} replica`,
        async () => {
          const replica = await replicaIn(client, botId, replicaRegion);
          if (replica?.botReplicaStatus === "Failed") {
            throw new Error(
              `bot ${name}: replica failed: ${(replica.failureReasons ?? []).join("; ") || "no reason given"}`,
            );
          }
          return replica?.botReplicaStatus === "Enabled"
            ? { done: true }
            : { waiting: replica?.botReplicaStatus ?? "not listed" };
        },
        input.wait,
      );
    } catch (error) {
      say(`failed: ${(error as Error).message}; rerun the command: it resumes without replicating again`);
      return false;
    }
  }
  return true;
}
