import type { StackConfig } from "../../config/schema";

/**
 * The stack's name, `<projectName>-<environment>`: the folder under cdktf.out/stacks and the name
 * the state commands, preflight and smoke look for. Apart from the stack so that tools needing only
 * the name do not load every construct (~2 s of CPU).
 */
export function stackNameFor(config: Pick<StackConfig, "projectName" | "environment">): string {
  return `${config.projectName}-${config.environment}`;
}
