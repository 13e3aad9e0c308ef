import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConfigError, loadConfig } from "../../config/load";
import { applyRollback, planRollback, rollbackReport } from "../../scripts/deploy-day/rollback";
import { resourcesOf, synthStack } from "../support/synth";
import { NOW } from "./support/target";

const dir = () => mkdtempSync(join(tmpdir(), "rollback-"));
const plan = (file: string, percent = 0, fileFromEnvironment = true) =>
  planRollback({ env: "prod", file, percent, fileFromEnvironment, now: NOW });

describe("rollback through the config's override file", () => {
  it("keeps every other setting of the deploy's override file and sets the canary to 0", () => {
    const file = join(dir(), "prod-overrides.json");
    const bank = {
      lambda: { bankingApiUrl: "https://core-banking.bank.example" },
      flows: { canaryPercent: 10, brandName: "Example Bank plc" },
    };
    writeFileSync(file, JSON.stringify(bank));
    const p = plan(file);
    expect([p.from, p.to]).toStrictEqual([10, 0]);
    applyRollback(p);
    const config = loadConfig({ env: "prod", overridesFile: file });
    expect(config.flows.canaryPercent).toBe(0);
    expect(config.flows.brandName).toBe("Example Bank plc");
    expect(config.lambda.bankingApiUrl).toBe("https://core-banking.bank.example");
    expect(JSON.parse(readFileSync(p.backup!, "utf8"))).toStrictEqual(bank);
  });

  it("prints the exact diff and deploy commands with that file", () => {
    const file = join(dir(), "prod-overrides.json");
    const lines = rollbackReport(plan(file), false);
    expect(lines).toContain(`  1. CONNECT_ENV=prod CONNECT_CONFIG_FILE=${resolve(file)} npx cdktf diff`);
    expect(lines).toContain(`  2. CONNECT_ENV=prod CONNECT_CONFIG_FILE=${resolve(file)} npx cdktf deploy`);
    expect(lines.join("\n")).toMatch(/flows\.canaryPercent 100 → 0/);
  });

  it("warns when no override file was named: a deploy that uses one would lose its settings", () => {
    const p = plan(join(dir(), "new.json"), 0, false);
    expect(p.warnings).toStrictEqual([
      expect.stringMatching(/CONNECT_CONFIG_FILE was not set: .* rerun with --overrides <that file>/),
    ]);
    expect(p.content).toBe('{\n  "flows": {\n    "canaryPercent": 0\n  }\n}\n');
  });

  it("a dry run writes nothing", () => {
    const file = join(dir(), "prod-overrides.json");
    const p = plan(file);
    const lines = rollbackReport(p, true);
    expect(existsSync(file)).toBe(false);
    expect(lines[0]).toMatch(/^rollback: would set flows\.canaryPercent 100 → 0/);
    expect(lines).toContain("dry run: nothing written. The file would read:");
  });

  it("refuses a file that weakens a protected setting, writing nothing: the config path decides", () => {
    const file = join(dir(), "attack.json");
    writeFileSync(file, JSON.stringify({ security: { maxPinAttempts: 9 } }));
    expect(() => plan(file)).toThrow(ConfigError);
    expect(() => plan(file)).toThrow(/security\.maxPinAttempts: protected in prod/);
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify({ security: { maxPinAttempts: 9 } }));
  });

  it("ramps to another share with --percent", () => {
    const file = join(dir(), "ramp.json");
    writeFileSync(file, JSON.stringify({ flows: { canaryPercent: 0 } }));
    const p = plan(file, 50);
    expect([p.from, p.to]).toStrictEqual([0, 50]);
  });
});

describe("what the rollback changes in the stack (what its report tells the operator to expect)", () => {
  it("from a 10 % canary to 0 %: only the numbers' flow associations and the canary router flow", () => {
    const at = (canaryPercent: number) =>
      new Map(
        resourcesOf(synthStack("prod", { flows: { canaryPercent } }).json).map(([type, name, body]) => {
          // The "//" metadata names construct paths only; compare what Terraform reads.
          return [`${type}.${name}`, JSON.stringify({ ...body, "//": undefined })];
        }),
      );
    const [before, after] = [at(10), at(0)];
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (a) => before.get(a) !== after.get(a),
    );
    expect(changed.sort()).toStrictEqual([
      "aws_connect_contact_flow.voice_canary_router",
      "aws_connect_phone_number_contact_flow_association.connect_phone_numbers_outbound_flow",
      "aws_connect_phone_number_contact_flow_association.connect_phone_numbers_toll_free_flow",
    ]);
  });
});

describe("npm run rollback", () => {
  it("--dry-run through the launcher: exit 0, the plan on stdout, no file", () => {
    const file = join(dir(), "prod.json");
    const result = spawnSync(
      process.execPath,
      ["scripts/run.cjs", "scripts/rollback.ts", "--env", "prod", "--overrides", file, "--dry-run"],
      {
        cwd: resolve(__dirname, "../.."),
        encoding: "utf8",
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/would set flows\.canaryPercent 100 → 0/);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it("an unknown flag is one line and exit 2", () => {
    const result = spawnSync(process.execPath, ["scripts/run.cjs", "scripts/rollback.ts", "--percnt", "5"], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n").pop()).toMatch(/^rollback: unknown flag --percnt/);
  }, 60_000);
});
