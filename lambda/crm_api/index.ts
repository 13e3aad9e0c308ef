import { Logger } from "@aws-lambda-powertools/logger";
import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { DynamoAccessAudit } from "../http_api/access-audit";
import { auditRetentionDays, documentClient } from "../http_api/dynamo-client";
import type { HttpResult } from "../http_api/response";
import { canonicalCustomerId, customerIdFormatFromEnv } from "../shared/customer-id";
import { BankingCustomerSource } from "./customer-source";
import { handleCustomer, type CrmApiDeps } from "./handler";

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "crm-api" });

/** The key is re-read after this long, so a rotation reaches warm containers. */
const KEY_TTL_MS = 5 * 60 * 1000;
/** The page gives up after 5 s; the bank gets most of that. */
const BANK_TIMEOUT_MS = 3500;

let secrets: Promise<SecretsManagerClient> | undefined;
let cachedKey: { value: Promise<string>; at: number } | undefined;

function bankingApiKey(): Promise<string> {
  if (cachedKey !== undefined && Date.now() - cachedKey.at < KEY_TTL_MS) return cachedKey.value;
  secrets ??= import("@aws-sdk/client-secrets-manager").then(
    (m) => new m.SecretsManagerClient({ maxAttempts: 3 }),
  );
  const value = Promise.all([secrets, import("@aws-sdk/client-secrets-manager")]).then(
    async ([client, sdk]) => {
      const out = await client.send(
        new sdk.GetSecretValueCommand({ SecretId: process.env.BANKING_API_SECRET_ID }),
      );
      if (!out.SecretString) throw new Error("banking API key secret has no value");
      return out.SecretString;
    },
  );
  cachedKey = { value, at: Date.now() };
  value.catch(() => (cachedKey = undefined));
  return value;
}

const customerIdFormat = customerIdFormatFromEnv(process.env.CUSTOMER_ID_FORMAT);

const deps: CrmApiDeps = {
  customers: new BankingCustomerSource(
    process.env.BANKING_API_URL ?? "",
    bankingApiKey,
    BANK_TIMEOUT_MS,
    fetch,
    (id) => canonicalCustomerId(id, customerIdFormat),
  ),
  requiredGroup: process.env.REQUIRED_AGENT_GROUP || undefined,
  groupsClaim: process.env.AGENT_GROUPS_CLAIM || "cognito:groups",
  customerIdFormat,
  audit: new DynamoAccessAudit(
    process.env.ACCESS_AUDIT_TABLE_NAME ?? "",
    auditRetentionDays(process.env.AUDIT_RETENTION_DAYS),
    documentClient,
  ),
  logger,
};

/** API Gateway HTTP API (payload 2.0) `GET /customer`, behind the agents' JWT authorizer. */
export function handler(event: unknown): Promise<HttpResult> {
  return handleCustomer(event, deps);
}
