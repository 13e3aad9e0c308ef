import { fragment, type RuleCases } from "../support";

export const cases: RuleCases = {
  valid: {
    "rotating symmetric key": { json: fragment({ aws_kms_key: { k: { enable_key_rotation: true } } }) },
    "asymmetric key (AWS cannot rotate it)": {
      json: fragment({ aws_kms_key: { k: { customer_master_key_spec: "RSA_2048" } } }),
    },
  },
  invalid: {
    "rotation off": {
      json: fragment({ aws_kms_key: { k: { enable_key_rotation: false } } }),
      findings: [["aws_kms_key.k", /enable_key_rotation/]],
    },
    "rotation not set": {
      json: fragment({ aws_kms_key: { k: {} } }),
      findings: [["aws_kms_key.k", /rotation/]],
    },
  },
};
