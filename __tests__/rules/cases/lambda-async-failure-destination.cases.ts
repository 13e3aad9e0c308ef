import { fragment, ref, type RuleCases } from "../support";

const F = "aws_lambda_function.f";
const invokedBy = (principal: string, fn: Record<string, unknown> = {}, extra = {}) =>
  fragment({
    aws_lambda_function: { f: fn },
    aws_lambda_permission: { p: { function_name: ref(F, "function_name"), principal } },
    ...extra,
  });

export const cases: RuleCases = {
  valid: {
    "synchronous invoker (Lex)": { json: invokedBy("lexv2.amazonaws.com") },
    "synchronous invoker (Connect)": { json: invokedBy("connect.amazonaws.com") },
    "asynchronous with a dead-letter queue": {
      json: invokedBy("sns.amazonaws.com", { dead_letter_config: { target_arn: ref("aws_sqs_queue.dlq") } }),
    },
    "asynchronous with an on-failure destination": {
      json: invokedBy(
        "events.amazonaws.com",
        {},
        {
          aws_lambda_function_event_invoke_config: {
            c: {
              function_name: ref(F, "function_name"),
              destination_config: { on_failure: { destination: "arn:q" } },
            },
          },
        },
      ),
    },
  },
  invalid: {
    "invoked by SNS without DLQ": {
      json: invokedBy("sns.amazonaws.com"),
      findings: [[F, /asynchronously \(aws_lambda_permission.p\)/]],
    },
    "EventBridge target without DLQ": {
      json: fragment({
        aws_lambda_function: { f: {} },
        aws_lambda_alias: { live: { function_name: ref(F, "function_name") } },
        aws_cloudwatch_event_target: { t: { arn: ref("aws_lambda_alias.live") } },
      }),
      findings: [[F, /aws_cloudwatch_event_target.t/]],
    },
  },
};
