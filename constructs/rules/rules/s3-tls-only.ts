import { bucketParts } from "../buckets";
import { actionMatches, type Statement } from "../stack-view";
import { defineRule } from "../types";

const deniesInsecure = (s: Statement): boolean =>
  s.effect === "Deny" &&
  (s.principal === "*" || (s.principal?.AWS ?? []).includes("*")) &&
  s.actions.some((a) => actionMatches(a, "s3:GetObject") && actionMatches(a, "s3:PutObject")) &&
  String(s.condition.Bool?.["aws:SecureTransport"]?.[0]) === "false";

export const rule = defineRule({
  id: "s3-tls-only",
  meta: {
    description: "Every bucket policy denies requests without TLS (aws:SecureTransport false)",
    fix: "add a Deny of s3:* for Principal * when aws:SecureTransport is false (SecureBucket does)",
  },
  check: (stack) =>
    stack
      .ofType("aws_s3_bucket")
      .flatMap((bucket) =>
        bucketParts(stack, "aws_s3_bucket_policy", bucket).some(({ body }) =>
          (stack.policy(body.policy) ?? []).some(deniesInsecure),
        )
          ? []
          : [{ address: bucket.address, message: "no bucket policy denies requests without TLS" }],
      ),
});
