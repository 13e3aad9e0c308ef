import type { Context } from "aws-lambda";
import { createPorts } from "./adapters";
import { loadConfig } from "./config";
import type { Deps } from "./handlers/types";
import type { LexResponse } from "./lex/response";
import { handleTurn } from "./orchestrator";
import { logger } from "./shared/logger";

/** Leaves this much of the Lambda timeout for serialising the reply. */
const RESERVE_MS = 300;

let deps: Deps | undefined;

function dependencies(): Deps {
  if (deps === undefined) {
    const config = loadConfig(process.env);
    deps = { config, ports: createPorts(config) };
  }
  return deps;
}

/** Lex V2 code hook entry point (DialogCodeHook and FulfillmentCodeHook). */
export async function handler(
  event: unknown,
  context?: Pick<Context, "awsRequestId" | "getRemainingTimeInMillis">,
): Promise<LexResponse> {
  logger.appendKeys({ requestId: context?.awsRequestId });
  const d = dependencies();
  const remaining = context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
  return handleTurn(event, d, Math.max(200, Math.min(d.config.turnBudgetMs, remaining - RESERVE_MS)));
}
