/** The smoke checks after a deploy, then the probes of the docs' unverified assumptions. */
import type { Check } from "../check";
import { subscriptionsCheck } from "../preflight/subscriptions";
import { PROBES } from "../probes";
import { alarmsCheck } from "./alarms";
import { alertingCheck } from "./alerting";
import { apiUnauthorizedCheck } from "./api";
import { botsCheck } from "./bots";
import { ccpHeadersCheck } from "./ccp";
import { chatGreetingCheck } from "./chat";
import type { SmokeContext } from "./context";
import { flowsPublishedCheck } from "./flows";
import { numbersOnFlowsCheck } from "./numbers";

export const SMOKE_CHECKS: readonly Check<SmokeContext>[] = [
  flowsPublishedCheck,
  numbersOnFlowsCheck,
  botsCheck,
  chatGreetingCheck,
  apiUnauthorizedCheck,
  ccpHeadersCheck,
  alarmsCheck,
  subscriptionsCheck,
  alertingCheck,
  ...PROBES,
];
