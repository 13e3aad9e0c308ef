import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoAccessAudit } from "../http_api/access-audit";
import { auditRetentionDays, documentClient } from "../http_api/dynamo-client";
import type { HttpResult } from "../http_api/response";
import { customerIdFormatFromEnv } from "../shared/customer-id";
import { DynamoAnswerStore } from "./answer-store";
import { handleAnswer, type CompanionApiDeps } from "./handler";

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "companion-api" });

const deps: CompanionApiDeps = {
  store: new DynamoAnswerStore(process.env.AUTH_STATE_TABLE_NAME ?? "", documentClient),
  customerIdClaim: process.env.CUSTOMER_ID_CLAIM || "customer_id",
  customerIdFormat: customerIdFormatFromEnv(process.env.CUSTOMER_ID_FORMAT),
  audit: new DynamoAccessAudit(
    process.env.ACCESS_AUDIT_TABLE_NAME ?? "",
    auditRetentionDays(process.env.AUDIT_RETENTION_DAYS),
    documentClient,
  ),
  logger,
};

/** API Gateway HTTP API (payload 2.0) `POST /auth`, behind the companion app's JWT authorizer. */
export function handler(event: unknown): Promise<HttpResult> {
  return handleAnswer(event, deps);
}
