/** The state commands' view of an environment: its config, stack folder and backup places. */
import { join } from "node:path";
import { loadConfig } from "../../../config/load";
import { stackNameFor } from "../../../constructs/core/stack-name";
import { AwsClients, runProgram } from "../context";
import type { StateOps } from "./backup";

export function stateOpsFor(env: string): StateOps {
  const config = loadConfig({ env, overridesFile: process.env.CONNECT_CONFIG_FILE });
  const stackName = stackNameFor(config);
  return {
    config,
    stackName,
    stackDir: join("cdktf.out", "stacks", stackName),
    localBackupDir: join("cdktf.out", "state-backups"),
    aws: new AwsClients(),
    run: runProgram,
    now: () => new Date(),
    terraform: process.env.TERRAFORM || "terraform",
    ...(process.env.STATE_BACKUP_PASSPHRASE ? { passphrase: process.env.STATE_BACKUP_PASSPHRASE } : {}),
  };
}
