import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { FLOWS_GRAPH_CLI, graph } from "../../scripts/support/flows-graph-cli";
import { parseCli } from "../../scripts/support/cli-args";
import { runCaptured } from "../support/run-cli";

const ROOT = join(__dirname, "..", "..");

function run(argv: string[], dir: string): { status: number; stdout: string } {
  let stdout = "";
  const status = graph(
    parseCli(FLOWS_GRAPH_CLI, argv),
    { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) },
    dir,
  );
  return { status, stdout };
}

describe("npm run flows:graph", () => {
  it("--check says what it compared when the pages are current, and names each stale page otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "flows-graph-"));
    const shown = relative(process.cwd(), dir);
    const written = run([], dir);
    expect(written.status).toBe(0);
    const pages = Number(/(\d+) page\(s\)/.exec(written.stdout)?.[1]);
    expect(pages).toBeGreaterThan(10);

    const current = run(["--check"], dir);
    expect(current).toStrictEqual({
      status: 0,
      stdout: `${shown}: all ${pages} page(s) match the ${pages - 1} rendered flows and modules\n`,
    });

    const page = join(dir, "voice_ivr_flow.md");
    writeFileSync(page, `${readFileSync(page, "utf8")}\nhand edit\n`);
    writeFileSync(join(dir, "retired_flow.md"), "# gone\n");
    expect(run(["--check"], dir)).toStrictEqual({
      status: 1,
      stdout: [
        `stale: ${shown}/voice_ivr_flow.md`,
        `no longer generated: ${shown}/retired_flow.md`,
        `${shown}: 2 of ${pages} page(s) out of date with the rendered flows: run npm run flows:graph`,
        "",
      ].join("\n"),
    });
  });

  it("refuses an unknown flag with one line instead of regenerating the docs", async () => {
    const { code, stdout, stderr } = await runCaptured(FLOWS_GRAPH_CLI, graph, ["--bogus"], ROOT);
    const result = { status: code, stdout, stderr };
    expect(result).toStrictEqual({
      status: 2,
      stdout: "",
      stderr: "flows:graph: unknown flag --bogus (flags: --check, --help)\n",
    });
  });
});
