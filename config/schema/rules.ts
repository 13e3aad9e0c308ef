import { z } from "zod";

/** One reviewed exception to a stack rule: one rule, one resource, a reason a reviewer accepts. */
export const ruleSuppressionSchema = z
  .object({
    /** Rule id (constructs/rules/rules/<id>.ts). */
    rule: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a rule id such as s3-access-logging"),
    /** One Terraform resource address, `type.name`: no wildcards, no blanket suppressions. */
    address: z
      .string()
      .regex(/^[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+$/, "expected one resource address (type.name), no wildcards"),
    /** Who answers for the exception (a team), and reviews it when the resource changes. */
    owner: z.string().trim().min(3, "name the team that owns the exception"),
    /** Why the rule does not apply here, in words a security reviewer can check. */
    reason: z.string().trim().min(30, "write why the finding is acceptable (at least 30 characters)"),
  })
  .strict();

export const rulesSchema = z
  .object({
    /** Reviewed exceptions to the stack rule pack (run at the end of every synth). */
    suppressions: z
      .array(ruleSuppressionSchema)
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((s, index) => {
          const key = `${s.rule} ${s.address}`;
          if (seen.has(key)) {
            ctx.addIssue({
              code: "custom",
              path: [index],
              message: `${key} is suppressed twice: keep one reason`,
            });
          }
          seen.add(key);
        });
      }),
  })
  .strict();
