import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthStack } from "../support/synth";

/** terraform on PATH or at /usr/local/bin; fmt needs no providers and no network. */
function findTerraform(): string | undefined {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/local/bin"]) {
    const candidate = join(dir, "terraform");
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const terraform = findTerraform();
if (!terraform) {
  // Visible in the jest output, so a skipped fmt check is never mistaken for a pass.
  console.warn("hcl-fmt: terraform not found on PATH or /usr/local/bin; terraform fmt checks skipped");
}
const withTerraform = terraform ? it : it.skip;

// What the --hcl output says is migration/hcl-output.test.ts; its validate against the provider
// schema is hcl-validate.engine-test.ts.
describe.each(["dev", "prod"])("cdktf synth --hcl output (%s)", (env) => {
  withTerraform("is accepted by terraform fmt -check (parses, canonical layout)", () => {
    const dir = mkdtempSync(join(tmpdir(), `hcl-${env}-`));
    try {
      writeFileSync(join(dir, "cdk.tf"), synthStack(env).hcl);
      // Throws with terraform's diagnostics on a parse error or a layout difference.
      execFileSync(terraform!, ["fmt", "-check", "-diff", "-no-color", "cdk.tf"], {
        cwd: dir,
        stdio: "pipe",
        env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
