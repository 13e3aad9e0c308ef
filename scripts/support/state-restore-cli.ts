/**
 * `npm run state:restore -- --env <name> --list`
 * `npm run state:restore -- --env <name> --from <backup> [--force] [--dry-run]`
 *
 * The guide's restore from backup: back up the current state, fetch the chosen backup into an
 * owner-only temporary file, `terraform state push` it (`--force` lets an older serial replace the
 * current one), remove the file. Every step prints the command it runs; --dry-run runs none.
 * Exit 0 done, 1 a step failed, 2 usage.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSteps } from "../deploy-day/steps";
import { stateOpsFor } from "../deploy-day/state/ops";
import { listBackups, restoreSteps, workFileIn } from "../deploy-day/state/restore";
import { UsageError, type CliOutput, type ParsedCli } from "./cli-args";

export const STATE_RESTORE_CLI = {
  name: "state:restore",
  summary:
    "List state backups, or restore one (backing up the current state first). Every command is printed; --dry-run runs none.",
  flags: {
    env: { type: "string", value: "name", help: "environment (default: CONNECT_ENV, else dev)" },
    list: { type: "boolean", help: "list the backups, newest first" },
    from: { type: "string", value: "backup", help: "restore this backup (a name from --list)" },
    force: { type: "boolean", help: "let terraform push an older state (lower serial) over the current one" },
    "dry-run": { type: "boolean", help: "print every command, run none" },
  },
} as const;

export async function stateRestoreMain(
  { flags }: ParsedCli<typeof STATE_RESTORE_CLI.flags>,
  out: CliOutput,
): Promise<number> {
  if (!flags.list && !flags.from) throw new UsageError("give --list, or --from <backup>");
  if (flags.list && flags.from) throw new UsageError("--list and --from exclude each other");
  const env = flags.env ?? process.env.CONNECT_ENV ?? "dev";
  const ops = stateOpsFor(env);
  const print = (line: string) => out.stdout(`${line}\n`);
  if (flags.list) {
    const backups = await listBackups(ops);
    print(backups.length ? backups.join("\n") : `no backups of ${ops.stackName} yet`);
    return 0;
  }
  const dryRun = flags["dry-run"] === true;
  const work = mkdtempSync(join(tmpdir(), "state-restore-"));
  try {
    await runSteps(restoreSteps(ops, flags.from!, workFileIn(work), flags.force === true), dryRun, print);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  print(
    `${dryRun ? "dry run: nothing changed." : "restored."} Next: CONNECT_ENV=${env} npx cdktf diff shows what differs between the restored state and AWS; read it before any deploy.`,
  );
  return 0;
}
