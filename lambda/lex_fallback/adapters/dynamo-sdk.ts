import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Loaded on first use with the client, to keep the SDK out of module init. */
const lib = () => import("@aws-sdk/lib-dynamodb");

/**
 * The document client and the command classes, for every DynamoDB adapter: awaited before any
 * per-try timeout starts (see callWith), so loading the SDK never counts against a remote call.
 */
export function documentSdk(client: () => Promise<DynamoDBDocumentClient>) {
  return Promise.all([client(), lib()]);
}
