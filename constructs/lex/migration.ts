import { Construct } from "constructs";
import { RemovedFromState } from "../core/addresses";

/** An original lex-related address this stack neither keeps nor moves. */
export interface RemovedLexAddress {
  readonly from: string;
  /** true only where deleting the real object is the intended outcome. */
  readonly destroy: boolean;
  readonly reason: string;
}

const CLI_STEP =
  "Replaced by LocaleBuild (one null_resource per locale, triggered by a content hash) and awscc associations; forgetting the null_resource runs no provisioner and changes nothing in AWS.";

/**
 * Every lex-related address of the original state (original-state-list.txt) that is not kept or
 * moved by the bot definitions in constructs/lex/bots/. The modules' intents, versions and aliases
 * are absent: the original creates them with count = 0 (create_version/create_alias = false). The log subscription filters on the lex
 * log groups belong to the log-archive concern and are not listed here.
 */
export const REMOVED_LEX_ADDRESSES: readonly RemovedLexAddress[] = [
  { from: "null_resource.build_bot_locales", destroy: false, reason: CLI_STEP },
  {
    from: "null_resource.update_fallback_intent_en_gb",
    destroy: false,
    reason: `FallbackIntent hooks are now set by LocaleBuild. ${CLI_STEP}`,
  },
  {
    from: "null_resource.update_fallback_intent_en_us",
    destroy: false,
    reason: `FallbackIntent hooks are now set by LocaleBuild. ${CLI_STEP}`,
  },
  {
    from: "null_resource.validate_bot_alias",
    destroy: false,
    reason:
      "Alias health is now awscc's job (it waits for the alias to be Available); a read-only check, nothing to undo.",
  },
  ...(
    [
      ["lex_bot_association", "gateway"],
      ["banking_bot_association", "banking"],
      ["sales_bot_association", "sales"],
    ] as const
  ).map(([name, bot]) => ({
    from: `null_resource.${name}`,
    destroy: false,
    reason: `Replaced by awscc_connect_integration_association (LEX_BOT) on the kept ${bot} alias. destroy=false on purpose: its destroy-time provisioner runs disassociate-bot and would cut the live ${bot} bot off the instance.`,
  })),
];

/** `removed` blocks for REMOVED_LEX_ADDRESSES. */
export class LexMigration extends Construct {
  public readonly blocks: readonly RemovedFromState[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.blocks = REMOVED_LEX_ADDRESSES.map(
      (entry) => new RemovedFromState(this, entry.from.replace(/[^A-Za-z0-9]+/g, "_"), entry),
    );
  }
}
