/**
 * Unverified until deployed (docs/pin-encryption.md): which Encryption SDK suite Connect uses for
 * an encrypted PIN, and whether Connect accepts a certificate in the flow's `Key`. The Lambda logs
 * `encrypted PIN refused` with the reason (the suite id) when it cannot read Connect's message; a
 * test call keying the test customer's correct PIN ends Authenticated only if both hold.
 */
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { SmokeContext } from "../smoke/context";
import { field, logEvents } from "./logs";
import { codeHookFunction, PLACE_A_CALL, testCallAuthResult } from "./test-call";

/** Reasons the Lambda gave for each encrypted PIN it could not read in the window. */
export async function pinRefusals(ctx: SmokeContext): Promise<string[]> {
  const fn = codeHookFunction(ctx);
  if (!fn) return [];
  const events = await logEvents(ctx, `/aws/lambda/${fn.name}`, '"encrypted PIN refused"');
  return events.map((e) => String(field(e.message, "reason") ?? e.message ?? ""));
}

export const pinSuiteProbe: Check<SmokeContext> = {
  id: "probe:pin-encryption-suite",
  title: "the Lambda reads the suite Connect encrypts PINs with",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:pin-encryption-suite";
    if (!ctx.config.flows.pinEncryption) return skip(id, "PIN entry is not encrypted in this environment");
    const refused = await pinRefusals(ctx);
    const window = `${ctx.options.sinceHours} h`;
    if (refused.length > 0)
      return fail(
        id,
        `${refused.length} encrypted PIN(s) refused in ${window}: ${[...new Set(refused)].slice(0, 3).join("; ")}`,
        "the reason names the suite Connect used: accept it in lambda/lex_fallback's PIN decryption (docs/pin-encryption.md)",
      );
    const result = await testCallAuthResult(ctx);
    if (result === "Authenticated")
      return pass(
        id,
        `test call ${ctx.options.testCall}: the Lambda decrypted the PIN (Authenticated); none refused in ${window}`,
      );
    return skip(
      id,
      `no encrypted PIN refused in ${window}, none proven read either${result ? ` (test call: ${result})` : ""}`,
      PLACE_A_CALL,
    );
  },
};

export const pinCertificateProbe: Check<SmokeContext> = {
  id: "probe:pin-certificate-in-key",
  title: "Connect encrypts with the certificate the flow carries in Key",
  async run(ctx): Promise<CheckResult> {
    const id = "probe:pin-certificate-in-key";
    if (!ctx.config.flows.pinEncryption) return skip(id, "PIN entry is not encrypted in this environment");
    const result = await testCallAuthResult(ctx);
    if (result === undefined)
      return skip(
        id,
        "the auth module published with the certificate (flows-published); only a keyed PIN shows Connect encrypts with it",
        PLACE_A_CALL,
      );
    if (result === "Authenticated")
      return pass(
        id,
        `test call ${ctx.options.testCall}: the keyed PIN was encrypted with the certificate and read (Authenticated)`,
      );
    if (result === "NotVerified")
      return fail(
        id,
        `test call ${ctx.options.testCall}: the correct PIN ended NotVerified (three captures failed, or the bank refused it)`,
        "if the lex_fallback log shows no PIN verdict for the call, Connect could not encrypt with the certificate: put the bare public key in Key instead (docs/pin-encryption.md); otherwise check the test customer's PIN with the bank",
      );
    return skip(
      id,
      `test call ${ctx.options.testCall}: AuthResult ${result}, not a PIN capture outcome`,
      PLACE_A_CALL,
    );
  },
};
