import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CDKTF_CLI,
  CDKTF_CLI_DECLARED,
  launchSynth,
  SYNTH_SUMMARY,
  type LaunchedSynth,
} from "./support/launch-synth";

/**
 * `cdktf synth` as users run it: the real cdktf CLI (~8 s of CPU to start, so in the engine tier)
 * runs the app as cdktf.json says (node scripts/run-app.cjs). check:cdktn's copy has no cdktf-cli
 * (cdktn-cli needs Node >= 22.19): there the launcher itself is compared. `npm test` keeps the
 * launcher's own synth (app-launcher.test.ts).
 */
describe("cdktf synth: main.ts from the compiled bundle, offline, as the TypeScript sources write it", () => {
  /**
   * The same dev synth from the TypeScript sources, in this process: synthesizeApp, the function
   * main.ts calls (main.ts adds the rules report and the summary line, nothing the JSON holds).
   */
  async function synthFromSources(): Promise<string> {
    const outdir = mkdtempSync(join(tmpdir(), "launcher-sources-"));
    delete process.env.CONNECT_CONFIG_FILE; // this suite's copy of the environment (jest gives each its own)
    const { synthesizeApp } = await import("../../scripts/support/synth-app");
    const { outputPath } = await synthesizeApp(["--context", "env=dev"], () => undefined, outdir);
    return readFileSync(outputPath, "utf8");
  }

  let cli: LaunchedSynth;
  let fromSources: string;
  beforeAll(async () => {
    [cli, fromSources] = await Promise.all([
      CDKTF_CLI_DECLARED ? launchSynth(["synth"], CDKTF_CLI) : launchSynth(["scripts/run-app.cjs"]),
      synthFromSources(),
    ]);
  }, 120_000);

  it("synthesizes with no terraform and no credentials, printing main.ts's summary and the CLI's", () => {
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(SYNTH_SUMMARY);
    if (CDKTF_CLI_DECLARED)
      expect(cli.stdout).toMatch(/Generated Terraform code for the stacks: connect-comprehensive-dev/);
  });

  it("checks no types on synth: only diff, deploy and the other cdktf commands wait for tsc", () => {
    expect(cli.stdout).not.toMatch(/^types: /m);
    expect(cli.stderr).not.toMatch(/type error/);
  });

  it("writes byte for byte what the TypeScript sources write when run directly", () => {
    expect(cli.stderr).toBe("");
    expect(cli.json).toBeDefined();
    expect(cli.json).toBe(fromSources);
  });
});
