/** The preflight checks, in the order an operator fixes things: who and where, tools, state, then services. */
import type { Check } from "../check";
import { bedrockAccessCheck } from "./bedrock";
import { ccpCertificateCheck } from "./certificate";
import { accountCheck, regionCheck, type IdentityContext } from "./identity";
import { connectQuotasCheck, lambdaConcurrencyCheck } from "./quotas";
import { secretsCheck } from "./secrets";
import { stateBackendCheck } from "./state-backend";
import { subscriptionsCheck } from "./subscriptions";
import { awsCliCheck, terraformCheck } from "./tools";

export type PreflightContext = IdentityContext;

export const PREFLIGHT_CHECKS: readonly Check<PreflightContext>[] = [
  accountCheck,
  regionCheck,
  terraformCheck,
  awsCliCheck,
  stateBackendCheck,
  bedrockAccessCheck,
  ccpCertificateCheck,
  secretsCheck,
  subscriptionsCheck,
  connectQuotasCheck,
  lambdaConcurrencyCheck,
];
