import { synthStack } from "../support/synth";

/** Settings that once reached nothing (issue 22): each now lands where it acts. */
describe("security settings in the synthesized stack", () => {
  const lexFallbackEnv = (json: ReturnType<typeof synthStack>["json"]) =>
    (json.resource?.aws_lambda_function?.lex_fallback_lambda_function as any).environment.variables;
  const keyWindows = (json: ReturnType<typeof synthStack>["json"]) =>
    Object.fromEntries(
      Object.entries(json.resource?.aws_kms_key ?? {}).map(([name, key]) => [
        name,
        key.deletion_window_in_days,
      ]),
    );

  it("pass the PIN attempts and the security events' TTL to the code-hook Lambda", () => {
    expect(lexFallbackEnv(synthStack("prod").json)).toMatchObject({
      MAX_PIN_ATTEMPTS: "3",
      SECURITY_EVENT_TTL_DAYS: "400",
    });
    const { json } = synthStack("dev", { security: { maxPinAttempts: 5, securityEventTtlDays: 800 } });
    expect(lexFallbackEnv(json)).toMatchObject({ MAX_PIN_ATTEMPTS: "5", SECURITY_EVENT_TTL_DAYS: "800" });
  });

  it("set the deletion window of every KMS key of the stack", () => {
    expect(keyWindows(synthStack("prod").json)).toStrictEqual({
      audit_key: 30,
      ccp_logging_waf_logs_key_key: 30,
      connect_kms_key_key: 30,
    });
    const windows = keyWindows(synthStack("dev", { security: { kmsDeletionWindowDays: 14 } }).json);
    expect(Object.values(windows)).toStrictEqual([14, 14, 14]);
  });
});
