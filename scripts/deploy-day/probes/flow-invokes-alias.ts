/**
 * Unverified until deployed (README): the Connect association names the unqualified function ARN
 * while the flows invoke the `live` alias; no AWS document says a flow may invoke an alias ARN.
 * A test call through the PIN path shows it: the auth module's result is set from the Lambda's
 * answer only if Connect invoked the alias.
 */
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "../smoke/context";
import { pinRefusals } from "./pin-encryption";
import { LAMBDA_ANSWERED, PLACE_A_CALL, testCallAuthResult } from "./test-call";

export const flowInvokesAliasProbe: Check<SmokeContext> = {
  id: "probe:flow-invokes-lambda-alias",
  title: "a flow may invoke the Lambda's alias ARN",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:flow-invokes-lambda-alias";
    const result = await testCallAuthResult(ctx);
    if (result === undefined)
      return skip(
        id,
        "needs a phone call: the only flows that invoke the Lambda are the voice auth module and callback flow",
        PLACE_A_CALL,
      );
    if ((LAMBDA_ANSWERED as readonly string[]).includes(result))
      return pass(
        id,
        `test call ${ctx.options.testCall}: AuthResult ${result}, set from the Lambda's answer through the alias`,
      );
    if (result === "Error" && (await pinRefusals(ctx)).length > 0)
      return skip(
        id,
        `test call ${ctx.options.testCall}: AuthResult Error, but the Lambda refused an encrypted PIN (see probe:pin-encryption-suite)`,
        PLACE_A_CALL,
      );
    if (result === "Error")
      return fail(
        id,
        `test call ${ctx.options.testCall}: AuthResult Error, a Lambda call of the auth module failed`,
        "read the flow logs of the call; if Connect refused the alias ARN, point the flows at the function ARN (LexFallbackLambda, docs/deploy-day.md)",
      );
    return skip(
      id,
      `test call ${ctx.options.testCall}: AuthResult ${result}, the call ended before a Lambda answered`,
      PLACE_A_CALL,
    );
  },
};
