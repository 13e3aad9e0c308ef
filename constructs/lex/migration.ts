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
 * moved by the bot definitions in constructs/lex/bots/. The log subscription filters on the lex
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
  {
    from: "null_resource.lex_bot_association",
    destroy: false,
    reason:
      "Replaced by awscc_connect_integration_association (LEX_BOT). destroy=false on purpose: destroying it would run its destroy-time provisioner (disassociate-bot) and cut the live gateway bot off the instance.",
  },
  ...(["main", "banking", "sales"] as const).map((name) => ({
    from: `aws_connect_bot_association.${name}`,
    destroy: false,
    reason:
      "Lex V1-only resource (tf-aws #30869), replaced by awscc_connect_integration_association (LEX_BOT). destroy=false: a destroy would call DisassociateBot on the association flows use today, possibly before the new association exists in the same apply; forgetting it leaves the association in place for the awscc resource to own.",
  })),
  ...(["lex_bot", "lex_bot_banking", "lex_bot_sales"] as const).map((module) => ({
    from: `module.${module}.aws_lexv2models_intent.fallback`,
    destroy: false,
    reason:
      "FallbackIntent is built into every locale (id FALLBCKINT) and cannot be deleted; LocaleBuild sets its code hooks.",
  })),
  ...(["lex_bot_banking", "lex_bot_sales"] as const).map((module) => ({
    from: `module.${module}.aws_lexv2models_intent.chat`,
    destroy: true,
    reason:
      "The original disabled ChatIntent in the banking and sales bots (enable_chat_intent = false); any leftover would catch greetings outside the intents the Lambda serves, so it is deleted.",
  })),
  {
    from: "module.lex_bot.aws_lexv2models_bot_version.this",
    destroy: false,
    reason:
      "Duplicate of the kept root aws_lexv2models_bot_version.this. Versions are immutable and may still be the target of an alias made outside Terraform: forget it; prune with delete-bot-version after list-bot-aliases shows it unused.",
  },
  {
    from: "module.lex_bot.awscc_lex_bot_alias.this",
    destroy: false,
    reason:
      "Duplicate of the kept root awscc_lex_bot_alias.this (alias names are unique per bot, so at most one exists). Forget it rather than risk deleting the alias the live flows call.",
  },
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
