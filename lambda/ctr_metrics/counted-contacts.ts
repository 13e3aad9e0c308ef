import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** Longer than the event source mapping delivers a record (maximumRecordAgeSeconds, at most 7 days). */
export const COUNTED_TTL_S = 8 * 24 * 60 * 60;

/**
 * DynamoDB refused the contact's item itself (ValidationException: e.g. a ContactId beyond the
 * 2,048-byte key limit). Writing it again cannot succeed, so the record is skipped, not retried.
 * Every other failure (throttling, a missing table, access) can pass and is retried.
 */
export class UnwritableContactError extends Error {
  public override readonly name = "UnwritableContactError";
}

/**
 * Remembers which contacts were counted, across batches and retries: Kinesis delivers at least
 * once, and a retried or bisected batch comes again. One create-only PutItem per contact (table
 * hash key `contact_id`, TTL `ttl`): true the first time, false for every repeat.
 */
export class CountedContacts {
  constructor(
    private readonly table: string,
    private readonly client: () => Promise<DynamoDBClient>,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(contactId: string): Promise<boolean> {
    const [client, sdk] = await Promise.all([this.client(), import("@aws-sdk/client-dynamodb")]);
    try {
      await client.send(
        new sdk.PutItemCommand({
          TableName: this.table,
          Item: {
            contact_id: { S: contactId },
            ttl: { N: String(Math.floor(this.now() / 1000) + COUNTED_TTL_S) },
          },
          ConditionExpression: "attribute_not_exists(contact_id)",
        }),
      );
      return true;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "ConditionalCheckFailedException") return false;
      // The name only: DynamoDB's message may quote the offending key.
      if (name === "ValidationException") throw new UnwritableContactError(`DynamoDB ${name}`);
      throw error;
    }
  }
}
