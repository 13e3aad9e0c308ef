/**
 * terraform and the AWS CLI on the deploying machine: terraform >= 1.7 for `removed` blocks
 * (>= 1.10 for the S3-native lock file), and AWS CLI v2 because the Lex locale builds run it from a
 * null_resource during apply.
 */
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

/** `1.9.8` → [1, 9, 8]. */
export function versionParts(version: string): number[] {
  return version.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

/** Whether `version` is at least `minimum` (both dotted numbers). */
export function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [versionParts(version), versionParts(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** The terraform the stack needs under this config, and why. */
export function requiredTerraform(ctx: DeployDayContext): { version: string; why: string } {
  const backend = ctx.config.backend;
  if (backend.type === "s3" && backend.useLockfile)
    return { version: "1.10.0", why: "backend.useLockfile (S3-native state locking)" };
  return { version: "1.7.0", why: "removed blocks" };
}

export const terraformCheck: Check<DeployDayContext> = {
  id: "terraform-version",
  title: "terraform is installed at the version the stack needs",
  async run(ctx): Promise<CheckResult> {
    const need = requiredTerraform(ctx);
    const terraform = process.env.TERRAFORM || "terraform";
    const result = await ctx.run(terraform, ["version", "-json"]);
    const fix = `install terraform >= ${need.version} (${need.why}) on PATH, or set TERRAFORM to its path`;
    if (result.code === undefined) return fail("terraform-version", `${terraform} is not installed`, fix);
    let version: string | undefined;
    try {
      version = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
    } catch {
      version = undefined;
    }
    if (result.code !== 0 || !version)
      return fail(
        "terraform-version",
        `${terraform} version -json failed: ${result.stderr.trim() || "no version"}`,
        fix,
      );
    if (!atLeast(version, need.version))
      return fail("terraform-version", `terraform ${version} is older than ${need.version}`, fix);
    return pass("terraform-version", `terraform ${version} (>= ${need.version} for ${need.why})`);
  },
};

export const awsCliCheck: Check<DeployDayContext> = {
  id: "aws-cli-version",
  title: "the AWS CLI v2 is installed for the Lex locale builds",
  async run(ctx): Promise<CheckResult> {
    const builds = ctx.facts.json.resource?.null_resource ?? {};
    if (Object.keys(builds).length === 0)
      return skip(
        "aws-cli-version",
        "the stack runs no local command during apply: the AWS CLI is not needed",
      );
    const result = await ctx.run("aws", ["--version"]);
    const fix =
      "install the AWS CLI v2 on this machine: each Lex locale is built by a null_resource that runs `aws lexv2-models` during apply (docs/lex.md)";
    if (result.code === undefined) return fail("aws-cli-version", "aws is not installed", fix);
    // `aws --version` prints `aws-cli/2.15.30 Python/3.11.8 Linux/… exe/x86_64…` (v1 printed on stderr).
    const match = /aws-cli\/(\d+\.\d+\.\d+)/.exec(`${result.stdout} ${result.stderr}`);
    if (!match)
      return fail("aws-cli-version", `aws --version printed no version: ${result.stderr.trim()}`, fix);
    if (!atLeast(match[1]!, "2.0.0")) return fail("aws-cli-version", `AWS CLI ${match[1]} is v1`, fix);
    return pass(
      "aws-cli-version",
      `AWS CLI ${match[1]} (${Object.keys(builds).length} Lex locale builds run it)`,
    );
  },
};
