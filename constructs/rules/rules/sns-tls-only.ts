import { actionMatches, type Statement } from "../stack-view";
import { defineRule } from "../types";

const deniesInsecurePublish = (s: Statement): boolean =>
  s.effect === "Deny" &&
  s.principal === "*" &&
  s.actions.some((a) => actionMatches(a, "sns:Publish")) &&
  String(s.condition.Bool?.["aws:SecureTransport"]?.[0]) === "false";

export const rule = defineRule({
  id: "sns-tls-only",
  meta: {
    description: "Every SNS topic has a topic policy that denies publishing without TLS",
    fix: "add an aws_sns_topic_policy denying sns:Publish when aws:SecureTransport is false (SecureTopic does)",
  },
  check: (stack) => {
    const guarded = new Set(
      stack
        .ofType("aws_sns_topic_policy")
        .filter(({ body }) => (stack.policy(body.policy) ?? []).some(deniesInsecurePublish))
        .map(({ body }) => String(body.arn)),
    );
    return stack
      .ofType("aws_sns_topic")
      .filter(({ address }) => !guarded.has(`\${${address}.arn}`))
      .map(({ address }) => ({
        address,
        message: "no topic policy denies sns:Publish when aws:SecureTransport is false",
      }));
  },
});
