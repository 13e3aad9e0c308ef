import { disconnect, flowOf, msg, type RuleCases } from "./support";

/** Cases for the flow-size rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "250 actions",
      flow: flowOf([
        ...Array.from({ length: 249 }, (_, i) => msg(`m${i}`, i === 248 ? "end" : `m${i + 1}`)),
        disconnect(),
      ]),
    },
  ],
  invalid: [
    {
      name: "251 actions",
      flow: flowOf([
        ...Array.from({ length: 250 }, (_, i) => msg(`m${i}`, i === 249 ? "end" : `m${i + 1}`)),
        disconnect(),
      ]),
      messageId: "tooManyActions",
      path: "Actions",
    },
    {
      name: "content over 256000 characters",
      flow: flowOf([msg("a", "end", { Parameters: { Text: "x".repeat(256001) } }), disconnect()]),
      messageId: "contentTooLong",
      path: "",
    },
  ],
};
