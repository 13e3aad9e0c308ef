import { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { HttpResult, JwtRouteEvent } from "../http_api/response";
import { DynamoAnswerStore } from "./answer-store";
import { handleAnswer } from "./handler";

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "companion-api" });

let dynamo: Promise<DynamoDBDocumentClient> | undefined;
const documentClient = () =>
  (dynamo ??= Promise.all([import("@aws-sdk/client-dynamodb"), import("@aws-sdk/lib-dynamodb")]).then(
    ([ddb, lib]) => lib.DynamoDBDocumentClient.from(new ddb.DynamoDBClient({ maxAttempts: 3 })),
  ));

const deps = {
  store: new DynamoAnswerStore(process.env.AUTH_STATE_TABLE_NAME ?? "", documentClient),
  customerIdClaim: process.env.CUSTOMER_ID_CLAIM || "customer_id",
  logger,
};

/** API Gateway HTTP API (payload 2.0) `POST /auth`, behind the companion app's JWT authorizer. */
export function handler(event: JwtRouteEvent): Promise<HttpResult> {
  return handleAnswer(event, deps);
}
