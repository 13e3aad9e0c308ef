import { type PolicyRule, resourcesOfType } from "../types";

function deniesInsecurePublish(policyText: unknown): boolean {
  if (typeof policyText !== "string") return false;
  let doc: { Statement?: Array<Record<string, any>> };
  try {
    doc = JSON.parse(policyText);
  } catch {
    return false;
  }
  return (doc.Statement ?? []).some(
    (s) =>
      s.Effect === "Deny" &&
      s.Principal === "*" &&
      [s.Action].flat().some((a: string) => a === "sns:Publish" || a === "sns:*") &&
      String(s.Condition?.Bool?.["aws:SecureTransport"]) === "false",
  );
}

export const rule: PolicyRule = {
  id: "sns-tls-only",
  description: "Every SNS topic has a topic policy denying publishes without TLS",
  check: (json) => {
    const guarded = new Set(
      resourcesOfType(json, "aws_sns_topic_policy")
        .filter(([, body]) => deniesInsecurePublish(body.policy))
        .map(([, body]) => String(body.arn)),
    );
    return resourcesOfType(json, "aws_sns_topic")
      .filter(([address]) => !guarded.has(`\${${address}.arn}`))
      .map(([address]) => ({
        address,
        message: "needs an aws_sns_topic_policy that denies sns:Publish when aws:SecureTransport is false",
      }));
  },
};
