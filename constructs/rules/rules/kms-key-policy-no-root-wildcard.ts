import { referencesIn, type Statement } from "../stack-view";
import { defineRule, type RuleFinding } from "../types";

/** The account itself (its root ARN or bare id, literal or a reference) or anyone. */
const isAccountWide = (s: Statement): boolean =>
  s.principal === "*" ||
  (s.principal?.AWS ?? []).some((p) => p === "*" || /:root$/.test(p) || /^(\d{12}|\$\{[^}]+\})$/.test(p));

/** What of the statement grants every KMS action: `kms:*`, `*`, or an Allow with NotAction. */
function everyAction(s: Statement): string | undefined {
  if (s.effect !== "Allow") return undefined;
  if (s.notActions.length > 0) return "NotAction";
  return s.actions.find((a) => a === "*" || a.toLowerCase() === "kms:*");
}

export const rule = defineRule({
  id: "kms-key-policy-no-root-wildcard",
  meta: {
    description:
      "No key policy grants every KMS action (kms:*) to the account root or to anyone: administration and use are separate statements, so key admins cannot decrypt",
    fix: "grant the administration actions (EncryptionKey's keyAdministrationStatement) and each use in its own statement",
  },
  check: (stack) => {
    const findings: RuleFinding[] = [];
    const policed = new Set(
      stack
        .ofType("aws_kms_key_policy")
        .flatMap((p) => referencesIn(p.body.key_id).filter((r) => r.startsWith("aws_kms_key."))),
    );
    const judge = (address: string, policy: unknown) => {
      for (const s of stack.policy(policy) ?? []) {
        const action = everyAction(s);
        if (action && isAccountWide(s)) {
          const who = s.principal === "*" ? "every principal" : (s.principal?.AWS ?? []).join(", ");
          findings.push({ address, message: `${s.sid ?? "a statement"} allows ${action} to ${who}` });
        }
      }
    };
    for (const key of stack.ofType("aws_kms_key")) {
      if (key.body.policy !== undefined) judge(key.address, key.body.policy);
      else if (!policed.has(key.address)) {
        findings.push({
          address: key.address,
          message: "has no policy: the default key policy allows kms:* to the account root",
        });
      }
    }
    for (const keyPolicy of stack.ofType("aws_kms_key_policy"))
      judge(keyPolicy.address, keyPolicy.body.policy);
    return findings;
  },
});
