/**
 * Whose credentials, and which region this shell defaults to. The config names no account of its
 * own; the account is the one its ARNs name (the CCP certificate) or `--account`.
 */
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

export interface IdentityContext extends DeployDayContext {
  /** `--account`: the account this environment must deploy into. */
  readonly expectedAccount?: string;
}

/** Accounts the config names in ARNs, with where: the deploy must be in each. */
export function accountsNamedByConfig(ctx: IdentityContext): Array<{ account: string; from: string }> {
  const named: Array<{ account: string; from: string }> = [];
  if (ctx.expectedAccount) named.push({ account: ctx.expectedAccount, from: "--account" });
  const arn = ctx.config.ccp.certificateArn;
  const account = arn?.split(":")[4];
  if (account) named.push({ account, from: "ccp.certificateArn" });
  return named;
}

export const accountCheck: Check<IdentityContext> = {
  id: "aws-account",
  title: "the credentials belong to the account the config names",
  async run(ctx) {
    const { account, arn } = await ctx.identity();
    const named = accountsNamedByConfig(ctx);
    const wrong = named.filter((n) => n.account !== account);
    if (wrong.length > 0) {
      return fail(
        "aws-account",
        `deploying as ${arn} (account ${account}), but ${wrong.map((w) => `${w.from} names ${w.account}`).join(" and ")}`,
        `switch to the ${ctx.env} account's credentials (AWS_PROFILE) or correct ${wrong.map((w) => w.from).join(", ")}`,
      );
    }
    if (named.length === 0) {
      return skip(
        "aws-account",
        `deploying as ${arn} (account ${account}); the ${ctx.env} config names no account to compare with`,
        "pass --account <12 digits> to check the credentials against the intended account",
      );
    }
    return pass(
      "aws-account",
      `${arn}: account ${account}, as ${named.map((n) => n.from).join(" and ")} name`,
    );
  },
};

export const regionCheck: Check<IdentityContext> = {
  id: "aws-region",
  title: "this shell's default region is the stack's",
  async run(ctx): Promise<CheckResult> {
    const want = ctx.config.region;
    const fix = `export AWS_REGION=${want} (the stack's providers pin ${want}; the AWS CLI commands of the runbooks use this shell's default)`;
    if (!ctx.ambientRegion) return fail("aws-region", "no default region is configured in this shell", fix);
    if (ctx.ambientRegion !== want)
      return fail(
        "aws-region",
        `this shell defaults to ${ctx.ambientRegion}, the ${ctx.env} stack is in ${want}`,
        fix,
      );
    return pass("aws-region", `${want}, as config.region`);
  },
};
