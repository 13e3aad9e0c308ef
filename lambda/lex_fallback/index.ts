import type { Context } from "aws-lambda";
import { createPorts } from "./adapters";
import { loadConfig } from "./config";
import { isContactFlowEvent } from "./connect/event";
import { handleContactFlow } from "./connect/orchestrator";
import type { FlowResponse } from "./connect/response";
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

/**
 * One function, two callers with one set of permissions: Amazon Connect's InvokeLambdaFunction
 * (`Name: "ContactFlowEvent"`, answered with a flat string map) and the Lex V2 code hook
 * (DialogCodeHook and FulfillmentCodeHook; everything else, so a bad event gets a Lex reply).
 */
export async function handler(
  event: unknown,
  context?: Pick<Context, "awsRequestId" | "getRemainingTimeInMillis">,
): Promise<LexResponse | FlowResponse> {
  logger.appendKeys({ requestId: context?.awsRequestId });
  const d = dependencies();
  const remaining = context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
  const budget = Math.max(200, Math.min(d.config.turnBudgetMs, remaining - RESERVE_MS));
  return isContactFlowEvent(event) ? handleContactFlow(event, d, budget) : handleTurn(event, d, budget);
}
