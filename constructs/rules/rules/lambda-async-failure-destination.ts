import { referencesIn } from "../stack-view";
import type { StackView } from "../stack-view";
import { defineRule } from "../types";

/** Service principals that invoke Lambda asynchronously: a failed event is retried twice, then dropped. */
const ASYNC_INVOKERS = /^(sns|s3|events|logs|ses|iot|cloudwatch|scheduler)\.amazonaws\.com$/;

/** Functions some resource of the stack invokes asynchronously. */
function asyncInvoked(stack: StackView): Map<string, string> {
  const invoked = new Map<string, string>();
  const note = (value: unknown, by: string): void => {
    for (const ref of referencesIn(value)) {
      if (ref.startsWith("aws_lambda_function.")) invoked.set(ref, by);
      if (ref.startsWith("aws_lambda_alias.")) {
        const fn = referencesIn(stack.get(ref)?.body.function_name).find((r) =>
          r.startsWith("aws_lambda_function."),
        );
        if (fn) invoked.set(fn, by);
      }
    }
  };
  for (const p of stack.ofType("aws_lambda_permission")) {
    if (ASYNC_INVOKERS.test(String(p.body.principal)))
      note([p.body.function_name, p.body.qualifier], p.address);
  }
  for (const s of stack.ofType("aws_sns_topic_subscription")) {
    if (s.body.protocol === "lambda") note(s.body.endpoint, s.address);
  }
  for (const t of stack.ofType("aws_cloudwatch_event_target")) note(t.body.arn, t.address);
  return invoked;
}

export const rule = defineRule({
  id: "lambda-async-failure-destination",
  meta: {
    description:
      "Every Lambda invoked asynchronously keeps the events it fails on (dead-letter queue or on-failure destination)",
    fix: "set dead_letter_config, or an aws_lambda_function_event_invoke_config with destination_config.on_failure",
  },
  check: (stack) =>
    [...asyncInvoked(stack)].flatMap(([fn, by]) => {
      const body = stack.get(fn)?.body;
      const hasDlq = Boolean((body?.dead_letter_config as { target_arn?: string } | undefined)?.target_arn);
      const hasDestination = stack
        .referring("aws_lambda_function_event_invoke_config", "function_name", fn)
        .some(({ body: config }) => JSON.stringify(config.destination_config ?? {}).includes("on_failure"));
      return hasDlq || hasDestination
        ? []
        : [
            {
              address: fn,
              message: `invoked asynchronously (${by}) and drops events after two failed retries`,
            },
          ];
    }),
});
