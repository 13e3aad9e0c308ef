import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  helpText,
  parseCli,
  readInputFile,
  readJsonInput,
  runCli,
  UsageError,
  wholeNumberFlag,
} from "../../scripts/support/cli-args";

const spec = {
  name: "migration:report",
  summary: "How every address of the original state carries over.",
  flags: {
    "state-list": { type: "string", value: "file", help: "terraform state list output" },
    state: { type: "string", value: "file", help: "terraform show -json output" },
    json: { type: "boolean", help: "print JSON" },
    rule: { type: "string", multiple: true, help: "re-level a rule" },
  },
  positionals: { name: "cdk.tf.json", max: 1 },
} as const;

/** The one line a usage error prints, or the parsed arguments. */
function outcome(...argv: string[]): string | object {
  try {
    return parseCli(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

describe("parseCli (util.parseArgs, strict)", () => {
  it("parses flags, repeated flags, --flag=value and positionals", () => {
    expect(
      parseCli(spec, ["out.json", "--state=show.json", "--json", "--rule", "a=off", "--rule", "b=error"]),
    ).toStrictEqual({
      flags: { state: "show.json", json: true, rule: ["a=off", "b=error"] },
      positionals: ["out.json"],
      help: false,
    });
  });

  it.each<[string, string[], string]>([
    ["a value flag last", ["--state"], "--state needs a value"],
    ["a value flag followed by a flag", ["--state", "--json"], "--state needs a value"],
    ["an empty value", ["--state="], "--state needs a value"],
    [
      "an unknown flag",
      ["--frobnicate"],
      "unknown flag --frobnicate (flags: --state-list, --state, --json, --rule, --help)",
    ],
    [
      "an unknown short flag",
      ["-q"],
      "unknown flag -q (flags: --state-list, --state, --json, --rule, --help)",
    ],
    ["a value for a boolean flag", ["--json=yes"], "--json takes no value"],
    ["a value flag given twice", ["--state", "a", "--state", "b"], "--state is given twice"],
    ["too many positionals", ["a.json", "b.json"], 'unexpected argument "b.json" (at most 1 cdk.tf.json)'],
  ])("refuses %s with one line naming the flag", (_case, argv, message) => {
    expect(outcome(...argv)).toBe(message);
  });

  it("refuses positionals where the command takes none, and requires the minimum", () => {
    const flagsOnly = {
      name: "bench:synth",
      summary: "s",
      flags: { runs: { type: "string", help: "n" } },
    } as const;
    expect(() => parseCli(flagsOnly, ["5"])).toThrow(
      'unexpected argument "5" (this command takes flags only: --runs, --help)',
    );
    const needsOne = { ...flagsOnly, positionals: { name: "file or folder", min: 1 } };
    expect(() => parseCli(needsOne, [])).toThrow("no file or folder given");
  });

  it("takes --help and -h, and lists every flag with its value name in the help", () => {
    expect(parseCli(spec, ["-h"]).help).toBe(true);
    expect(parseCli(spec, ["--help"]).help).toBe(true);
    expect(helpText(spec).split("\n")).toStrictEqual([
      "usage: npm run migration:report -- [cdk.tf.json] [flags]",
      "How every address of the original state carries over.",
      "",
      "  --state-list <file>  terraform state list output",
      "  --state <file>       terraform show -json output",
      "  --json               print JSON",
      "  --rule <value>       re-level a rule (repeatable)",
      "  --help               print this help",
      "",
    ]);
  });

  it("reads whole numbers within bounds, naming the flag otherwise", () => {
    expect(wholeNumberFlag("runs", undefined, 9)).toBe(9);
    expect(wholeNumberFlag("runs", "7", 9)).toBe(7);
    for (const bad of ["0", "2.5", "x", "-3", "1e3"])
      expect(() => wholeNumberFlag("runs", bad, 9)).toThrow(
        `--runs "${bad}" is not a whole number from 1 up`,
      );
  });
});

describe("input files named on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "cli-input-"));
  const expected = "the output of terraform state list";

  it("names a missing, empty, folder or unreadable file and says what it should hold", () => {
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "\n  \n");
    mkdirSync(join(dir, "folder"));
    expect(() => readInputFile(join(dir, "nope.txt"), expected)).toThrow(
      new UsageError(`${join(dir, "nope.txt")} does not exist: expected ${expected}`),
    );
    expect(() => readInputFile(empty, expected)).toThrow(
      new UsageError(`${empty} is empty: expected ${expected}`),
    );
    expect(() => readInputFile(join(dir, "folder"), expected)).toThrow(
      `${join(dir, "folder")} is a folder: expected ${expected}`,
    );
    const locked = join(dir, "locked.txt");
    writeFileSync(locked, "x");
    chmodSync(locked, 0o000);
    // root reads any file, whatever its mode: only check the message where the mode holds.
    if (process.getuid?.() !== 0)
      expect(() => readInputFile(locked, expected)).toThrow(`${locked} cannot be read (EACCES)`);
  });

  it("names the file of a truncated JSON document, with the parser's position", () => {
    const truncated = join(dir, "show.json");
    writeFileSync(truncated, `{"values": {"root_module": {"resources": [{"address": "aws_kms_key.`);
    expect(() => readJsonInput(truncated, "the output of terraform show -json")).toThrow(
      new RegExp(
        `^${truncated} is not valid JSON \\(.*position \\d+.*\\): expected the output of terraform show -json$`,
      ),
    );
  });
});

describe("runCli", () => {
  const collect = async (argv: string[], main: () => number | Promise<number> = () => 0) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(spec, argv, main, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  };

  it("exits 2 with one line prefixed by the script name, before main runs", async () => {
    const main = jest.fn(() => 0);
    expect(await collect(["--state"], main)).toStrictEqual({
      code: 2,
      stdout: "",
      stderr: "migration:report: --state needs a value\n",
    });
    expect(main).not.toHaveBeenCalled();
  });

  it("exits 2 for a UsageError from main (an input file), 1 with the message for anything else", async () => {
    expect(
      await collect([], () => {
        throw new UsageError("empty.txt is empty: expected the output of terraform state list");
      }),
    ).toMatchObject({
      code: 2,
      stderr: "migration:report: empty.txt is empty: expected the output of terraform state list\n",
    });
    expect(
      await collect([], async () => {
        throw new Error("esbuild failed");
      }),
    ).toMatchObject({ code: 1, stderr: "migration:report: esbuild failed\n" });
  });

  it("prints the help on stdout and exits 0 without running main", async () => {
    const main = jest.fn(() => 1);
    const { code, stdout } = await collect(["--help"], main);
    expect({ code, first: stdout.split("\n")[0] }).toStrictEqual({
      code: 0,
      first: "usage: npm run migration:report -- [cdk.tf.json] [flags]",
    });
    expect(main).not.toHaveBeenCalled();
  });
});
