/** Every "unverified until deployed" assumption, as a probe or with why it cannot be one. */
import type { Check } from "../check";
import type { SmokeContext } from "../smoke/context";
import { bedrockRegionProbe } from "./bedrock-region";
import { callbackPreviousContactProbe } from "./callback-previous-contact";
import { cloudfrontLogsProbe } from "./cloudfront-logs";
import { flowInvokesAliasProbe } from "./flow-invokes-alias";
import { notAutomatedProbe } from "./not-automated";
import { pinCertificateProbe, pinSuiteProbe } from "./pin-encryption";

export const PROBES: readonly Check<SmokeContext>[] = [
  flowInvokesAliasProbe,
  bedrockRegionProbe,
  pinSuiteProbe,
  pinCertificateProbe,
  cloudfrontLogsProbe,
  callbackPreviousContactProbe,
  notAutomatedProbe,
];
