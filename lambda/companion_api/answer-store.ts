import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CompanionAnswer } from "./request";

const lib = () => import("@aws-sdk/lib-dynamodb");

/** What became of one answer. */
export type AnswerOutcome = "recorded" | "not_found" | "already_answered" | "expired";

export interface AnswerResult {
  readonly outcome: AnswerOutcome;
  /** The contact the request was made on (its `session_id`), when the request exists. */
  readonly contactId?: string;
}

export interface AnswerStore {
  answer(answer: CompanionAnswer): Promise<AnswerResult>;
}

function contactOf(item: Record<string, unknown> | undefined): { contactId?: string } {
  return typeof item?.session_id === "string" ? { contactId: item.session_id } : {};
}

function isConditionFailure(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: string }).name === "ConditionalCheckFailedException"
  );
}

/**
 * Companion requests in the auth-state table (hash key `request_id`, TTL attribute `ttl`), as
 * lex_fallback's companion_push_send writes them: `status` PENDING, `customer_id`, `ttl`.
 * The answer is one conditional write: it lands only on a PENDING, unexpired request of the app
 * user's own customer, so a second answer (replay) or another customer's answer changes nothing.
 */
export class DynamoAnswerStore implements AnswerStore {
  constructor(
    private readonly table: string,
    private readonly client: () => Promise<DynamoDBDocumentClient>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async answer({ requestId, action, customerId }: CompanionAnswer): Promise<AnswerResult> {
    const [client, sdk] = await Promise.all([this.client(), lib()]);
    const now = this.now();
    const seconds = Math.floor(now.getTime() / 1000);
    try {
      const { Attributes: updated } = await client.send(
        new sdk.UpdateCommand({
          TableName: this.table,
          Key: { request_id: requestId },
          UpdateExpression: "SET #s = :answer, answered_at = :iso",
          ConditionExpression: "#s = :pending AND customer_id = :customer AND #t > :now",
          ExpressionAttributeNames: { "#s": "status", "#t": "ttl" },
          ExpressionAttributeValues: {
            ":answer": action,
            ":pending": "PENDING",
            ":customer": customerId,
            ":now": seconds,
            ":iso": now.toISOString(),
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return { outcome: "recorded", ...contactOf(updated) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Only to say why: the write above already refused. Another customer's request reads as absent.
    const { Item: item } = await client.send(
      new sdk.GetCommand({ TableName: this.table, Key: { request_id: requestId }, ConsistentRead: true }),
    );
    if (item === undefined || item.customer_id !== customerId) return { outcome: "not_found" };
    if (item.status === "APPROVE" || item.status === "DECLINE")
      return { outcome: "already_answered", ...contactOf(item) };
    if (item.status === "PENDING") return { outcome: "expired", ...contactOf(item) };
    return { outcome: "not_found" };
  }
}
