/**
 * Whose credentials, and which region this shell defaults to. The account must be one the config
 * pins (`accountIds`, which the providers enforce again at plan time), the one its ARNs name (the
 * CCP certificate) and `--account`, whichever are given.
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
    const pinned = ctx.config.accountIds;
    const wrong = [
      ...named
        .filter((n) => n.account !== account)
        .map((n) => ({ from: n.from, says: `names ${n.account}` })),
      ...(pinned && !pinned.includes(account)
        ? [{ from: "accountIds", says: `pins ${pinned.join(", ")}` }]
        : []),
    ];
    if (wrong.length > 0) {
      return fail(
        "aws-account",
        `deploying as ${arn} (account ${account}), but ${wrong.map((w) => `${w.from} ${w.says}`).join(" and ")}`,
        `switch to the ${ctx.env} account's credentials (AWS_PROFILE) or correct ${wrong.map((w) => w.from).join(", ")}`,
      );
    }
    if (pinned) named.push({ account, from: "accountIds" });
    if (named.length === 0) {
      return skip(
        "aws-account",
        `deploying as ${arn} (account ${account}); the ${ctx.env} config names no account to compare with`,
        "set accountIds in the environment's config (the providers then refuse any other account), or pass --account <12 digits>",
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
