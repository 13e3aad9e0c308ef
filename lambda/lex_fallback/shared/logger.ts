import { Logger } from "@aws-lambda-powertools/logger";
import { redactForLog } from "./mask";

/** Created once per container; every module logs through it so masking is applied everywhere. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "lex-fallback",
  jsonReplacerFn: redactForLog,
});
