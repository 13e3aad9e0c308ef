/**
 * Unverified until deployed (docs/flow-journeys.md): contact events of an agent-first callback
 * carry the requesting contact as `previousContactId`, which callback_status keys the record on.
 * Its log says per event whether a record was found (`outcome: unmatched` when not).
 */
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "../smoke/context";
import { field, logEvents } from "./logs";

/** The function that moves callback records: its environment names the callbacks table, and it is not the code hook. */
function callbackStatusFunction(ctx: SmokeContext): string | undefined {
  const functions = Object.values(ctx.facts.json.resource?.aws_lambda_function ?? {});
  const fn = functions.find((f) => {
    const env = (f.environment as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
    return env.CALLBACK_TABLE_NAME !== undefined && env.BEDROCK_MODEL_ID === undefined;
  });
  return fn ? String(fn.function_name) : undefined;
}

export const callbackPreviousContactProbe: Check<SmokeContext> = {
  id: "probe:callback-previous-contact-id",
  title: "callback contact events find their request by previousContactId",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:callback-previous-contact-id";
    const fn = callbackStatusFunction(ctx);
    if (!fn) return skip(id, "the stack follows no callback lifecycle");
    const events = await logEvents(ctx, `/aws/lambda/${fn}`, '{ $.message = "callback status event" }');
    const outcomes = events.map((e) => String(field(e.message, "outcome") ?? "?"));
    const unmatched = outcomes.filter((o) => o === "unmatched").length;
    const window = `${ctx.options.sinceHours} h`;
    if (outcomes.length === 0)
      return skip(
        id,
        `no callback contact event in ${window}`,
        "on a test call, ask for a callback (press 2 in queue), let an agent accept it, then rerun smoke",
      );
    if (unmatched === outcomes.length)
      return fail(
        id,
        `all ${unmatched} callback event(s) in ${window} found no request record`,
        "Connect does not carry the requesting contact as previousContactId here: read one event (EventBridge) and adjust lambda/callback_status's lookup",
      );
    return pass(
      id,
      `${outcomes.length - unmatched} of ${outcomes.length} callback event(s) in ${window} found their request`,
    );
  },
};
