/**
 * Every secret the stack creates has a current value, checked WITHOUT reading it: DescribeSecret
 * and ListSecretVersionIds show whether an AWSCURRENT version exists; GetSecretValue is never called.
 */
import {
  DescribeSecretCommand,
  ListSecretVersionIdsCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { errorName, fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

async function secretValuePresent(ctx: DeployDayContext, name: string): Promise<CheckResult> {
  const id = `secret:${name}`;
  const client = ctx.aws.client(SecretsManagerClient, ctx.config.region);
  const put = `aws secretsmanager put-secret-value --secret-id ${name} --secret-string file://<file> (docs/deploy-day.md)`;
  try {
    // DescribeSecret response: Name, DeletedDate when scheduled for deletion (Secrets Manager API reference).
    const secret = await client.send(new DescribeSecretCommand({ SecretId: name }));
    if (secret.DeletedDate)
      return fail(
        id,
        `${name} is scheduled for deletion (${secret.DeletedDate.toISOString()})`,
        `aws secretsmanager restore-secret --secret-id ${name}`,
      );
  } catch (error) {
    if (errorName(error) === "ResourceNotFoundException")
      return skip(
        id,
        `${name} does not exist yet: this deploy creates it without a value`,
        `right after the deploy: ${put}`,
      );
    throw error;
  }
  // ListSecretVersionIds response: Versions[].VersionStages (Secrets Manager API reference).
  const { Versions = [] } = await client.send(new ListSecretVersionIdsCommand({ SecretId: name }));
  if (!Versions.some((v) => v.VersionStages?.includes("AWSCURRENT")))
    return fail(id, `${name} exists but holds no value (no AWSCURRENT version)`, put);
  return pass(id, `${name} has a current value (${Versions.length} version(s); not read)`);
}

export const secretsCheck: Check<DeployDayContext> = {
  id: "secrets",
  title: "every secret the stack creates has a value",
  async run(ctx) {
    const secrets = ctx.facts.secrets();
    if (secrets.length === 0) return skip("secrets", "the stack creates no secret");
    const results: CheckResult[] = [];
    for (const secret of secrets) results.push(await secretValuePresent(ctx, secret.name));
    return results;
  },
};
