import { logger } from "../../lambda/lex_fallback/shared/logger";
import { captureStructuredLines, loggedRecords, type CapturedLine } from "../support/quiet-output";

describe("test output (jest setup)", () => {
  it("keeps the Lambdas' structured logs for the test to assert on instead of printing them", () => {
    logger.warn("Lex event repaired", { warnings: ["no contactId session attribute"] });
    logger.info("callback queued");
    expect(loggedRecords()).toStrictEqual([
      expect.objectContaining({ level: "WARN", message: "Lex event repaired" }),
      expect.objectContaining({ level: "INFO", message: "callback queued" }),
    ]);
  });

  it("passes every other line through untouched", () => {
    const written: unknown[] = [];
    const stream = { write: (chunk: unknown) => (written.push(chunk), true) };
    const sink: CapturedLine[] = [];
    const restore = captureStructuredLines(stream, "stderr", sink);
    stream.write('{"level":"ERROR","message":"bank unreachable"}\n');
    stream.write('{"_aws":{"Timestamp":1},"Handled":1}\n');
    stream.write("  ● a failing test\n");
    stream.write('{"level":"WARN"}\nplain text after a log\n');
    restore();
    stream.write('{"level":"INFO"}\n');
    expect(written).toStrictEqual([
      "  ● a failing test\n",
      '{"level":"WARN"}\nplain text after a log\n',
      '{"level":"INFO"}\n',
    ]);
    expect(sink.map((l) => l.text)).toStrictEqual([
      '{"level":"ERROR","message":"bank unreachable"}',
      '{"_aws":{"Timestamp":1},"Handled":1}',
    ]);
  });

  it("prints no AWS SDK Node-version notice, which the SDK would otherwise print once per test file", () => {
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const saved = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    /** How many notices a fresh copy of the SDK emits, with the setup's switch or without it. */
    const notice = (withSetupSwitch: boolean) => {
      if (!withSetupSwitch) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const sdk = require("@aws-sdk/core/client") as { emitWarningIfUnsupportedVersion(v: string): void };
        sdk.emitWarningIfUnsupportedVersion("v20.20.2");
      });
      if (saved !== undefined) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = saved;
      const calls = warn.mock.calls.length;
      warn.mockClear();
      return calls;
    };
    expect(notice(true)).toBe(0);
    // The switch is the SDK's own: if a release renames it, this says so before the banners return.
    expect(notice(false)).toBe(1);
    warn.mockRestore();
  });
});
