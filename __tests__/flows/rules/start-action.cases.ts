import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the start-action rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [{ name: "StartAction names the first action", flow: flowOf([msg("a", "end"), disconnect()]) }],
  invalid: [
    {
      name: "StartAction names nothing",
      flow: flowOf([disconnect()], { StartAction: "missing" }),
      messageId: "unknownStart",
      path: "StartAction",
    },
  ],
};
