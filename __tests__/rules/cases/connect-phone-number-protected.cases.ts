import { fragment, type RuleCases } from "../support";

const number = (body: Record<string, unknown>) => fragment({ aws_connect_phone_number: { did: body } });

export const cases: RuleCases = {
  valid: {
    "protected in production": {
      json: number({ type: "DID", lifecycle: { prevent_destroy: true } }),
      production: true,
    },
    "unprotected outside production (a dev number may be released)": { json: number({ type: "DID" }) },
  },
  invalid: {
    "no lifecycle in production": {
      json: number({ type: "DID" }),
      production: true,
      findings: [["aws_connect_phone_number.did", /prevent_destroy is not true in production/]],
    },
    "a lifecycle that protects something else (create_before_destroy only)": {
      json: number({ type: "TOLL_FREE", lifecycle: { create_before_destroy: true } }),
      production: true,
      findings: [["aws_connect_phone_number.did", /releases the number/]],
    },
  },
};
