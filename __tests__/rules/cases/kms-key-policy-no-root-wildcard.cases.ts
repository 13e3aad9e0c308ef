import { ACCOUNT_ROOT, fragment, policy, ref, type RuleCases } from "../support";

const ADMIN = {
  Sid: "KeyAdministrationThroughIam",
  Effect: "Allow",
  Principal: ACCOUNT_ROOT,
  Action: ["kms:Describe*", "kms:Put*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
  Resource: "*",
};
const EVERYTHING_TO_ROOT = { ...ADMIN, Sid: "AccountAdministersKeyThroughIam", Action: "kms:*" };
const TRAIL_READS = {
  Sid: "AccountReadsTrailLogsWithIamPermission",
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
  Resource: "*",
  Condition: { StringEquals: { "kms:CallerAccount": "${data.aws_caller_identity.current.account_id}" } },
};
const key = (keyPolicy: string) => fragment({ aws_kms_key: { k: { policy: keyPolicy } } });

export const cases: RuleCases = {
  valid: {
    "administration apart from use (the stack key)": { json: key(policy(ADMIN, TRAIL_READS)) },
    "kms:* to a service principal pinned to the account is not the root": {
      json: key(
        policy(ADMIN, {
          Effect: "Allow",
          Principal: { Service: "logs.amazonaws.com" },
          Action: "kms:Encrypt*",
          Resource: "*",
        }),
      ),
    },
    "a Deny of kms:* (a guard, not a grant)": {
      json: key(policy(ADMIN, { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" })),
    },
    "policy set by a separate aws_kms_key_policy": {
      json: fragment({
        aws_kms_key: { k: {} },
        aws_kms_key_policy: { p: { key_id: ref("aws_kms_key.k", "id"), policy: policy(ADMIN) } },
      }),
    },
  },
  invalid: {
    "kms:* to the account root (the audit key before issue 22)": {
      json: key(policy(EVERYTHING_TO_ROOT, TRAIL_READS)),
      findings: [["aws_kms_key.k", /AccountAdministersKeyThroughIam allows kms:\* to arn:.*:root/]],
    },
    "* to a bare account id": {
      json: key(policy({ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "*", Resource: "*" })),
      findings: [["aws_kms_key.k", /allows \* to 111122223333/]],
    },
    "kms:* to every principal": {
      json: key(policy({ Sid: "Open", Effect: "Allow", Principal: "*", Action: ["kms:*"], Resource: "*" })),
      findings: [["aws_kms_key.k", /Open allows kms:\* to every principal/]],
    },
    "NotAction to the root": {
      json: key(
        policy({ Effect: "Allow", Principal: ACCOUNT_ROOT, NotAction: "kms:Decrypt", Resource: "*" }),
      ),
      findings: [["aws_kms_key.k", /allows NotAction to/]],
    },
    "no policy at all: the default key policy": {
      json: fragment({ aws_kms_key: { k: {} } }),
      findings: [["aws_kms_key.k", /default key policy allows kms:\* to the account root/]],
    },
    "kms:* in a separate aws_kms_key_policy": {
      json: fragment({
        aws_kms_key: { k: {} },
        aws_kms_key_policy: { p: { key_id: ref("aws_kms_key.k", "id"), policy: policy(EVERYTHING_TO_ROOT) } },
      }),
      findings: [["aws_kms_key_policy.p", /allows kms:\* to/]],
    },
  },
};
