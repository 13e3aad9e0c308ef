/**
 * `npm run state:backup -- --env <name> [--dry-run]`
 *
 * Before a deploy: `terraform state pull` in the stack folder to a dated, encrypted place: for an
 * S3 backend an SSE-KMS object under backups/<state key>/ in the state bucket, for a local backend a
 * file encrypted under STATE_BACKUP_PASSPHRASE (docs/deploy-day.md says why). Every step prints the
 * command it runs; --dry-run prints them and runs none. Exit 0 done, 1 a step failed, 2 usage.
 */
import { runSteps } from "./deploy-day/steps";
import { backupSteps, type BackupRecord } from "./deploy-day/state/backup";
import { stateOpsFor } from "./deploy-day/state/ops";
import { runCliProcess, type CliOutput, type ParsedCli } from "./support/cli-args";

const CLI = {
  name: "state:backup",
  summary:
    "Back up the Terraform state to a dated, encrypted place before a deploy. Every command is printed; --dry-run runs none.",
  flags: {
    env: { type: "string", value: "name", help: "environment (default: CONNECT_ENV, else dev)" },
    "dry-run": { type: "boolean", help: "print every command, run none" },
  },
} as const;

async function main({ flags }: ParsedCli<typeof CLI.flags>, out: CliOutput): Promise<number> {
  const ops = stateOpsFor(flags.env ?? process.env.CONNECT_ENV ?? "dev");
  const print = (line: string) => out.stdout(`${line}\n`);
  const record: BackupRecord = {};
  const dryRun = flags["dry-run"] === true;
  await runSteps(backupSteps(ops, record), dryRun, print);
  if (dryRun) print("dry run: nothing read or written.");
  else if (record.location)
    print(`backed up serial ${record.serial} of ${ops.stackName} to ${record.location}`);
  else print(`${ops.stackName} has no state yet: nothing to back up`);
  return 0;
}

runCliProcess(CLI, main);
