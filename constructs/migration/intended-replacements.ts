/**
 * Replacements the migration makes on purpose. `npm run migration:report -- --state` prints a
 * predicted replacement listed here as INTENDED with its reason, and fails on any other
 * replacement of a resource that holds data or serves traffic (force-new.ts STATEFUL_TYPES).
 * A replacement is never hidden behind a moved block: where the old object is not carried over,
 * `from` names the address a removed block forgets, and the preview compares the two anyway.
 */
export interface IntendedReplacement {
  /** Address in the new configuration. */
  readonly address: string;
  /** Original address, when it differs (moved, or removed and recreated). */
  readonly from?: string;
  /** Argument whose change forces the replacement (`region` for a provider configuration change). @default - any */
  readonly attribute?: string;
  readonly reason: string;
}

const NEW_BOT_VERSION =
  "Bot versions are immutable snapshots: the ported bot definition is published as a new version (description = content hash), and create_before_destroy points the kept alias (same alias id) at it before the old version goes.";

export const INTENDED_REPLACEMENTS: readonly IntendedReplacement[] = [
  ...["this", "banking", "sales"].map((bot) => ({
    address: `aws_lexv2models_bot_version.${bot}`,
    attribute: "description",
    reason: NEW_BOT_VERSION,
  })),
  {
    address: "aws_bedrock_guardrail.bedrock_guardrail",
    from: "module.bedrock_guardrail.aws_bedrock_guardrail.this",
    attribute: "region",
    reason:
      "Guardrails are regional and Converse runs in bedrockRegion: a guardrail is only applied where it lives. A new one is created there; the old one in the main region is forgotten (removed, destroy = false) because the retired bedrock_mcp function still uses it until it is deleted.",
  },
  {
    address: "aws_bedrock_guardrail_version.bedrock_guardrail_version",
    from: "module.bedrock_guardrail.aws_bedrock_guardrail_version.this",
    reason:
      "Published version of the new guardrail in bedrockRegion (description = policy hash); the old version stays with the old guardrail.",
  },
  {
    address: "aws_lambda_permission.lex_invoke",
    reason:
      "The gateway alias now calls lex_fallback, not the retired bedrock_mcp function: the permission is a new statement on the new function (a permission cannot be moved between functions).",
  },
  ...["apigw_invoke", "apigw_invoke_crm"].map((name) => ({
    address: `aws_lambda_permission.${name}`,
    reason:
      "The auth API's routes now call the TypeScript functions (lambda/companion_api, lambda/crm_api) in place of the destroyed Python ones: the permission is a new statement on the new function's live alias (a permission cannot move between functions). The API, stage, routes and integrations carry over, so the companion app's URL stays.",
  })),
  {
    address: "aws_cloudwatch_log_subscription_filter.bedrock_mcp_logs",
    attribute: "log_group_name",
    reason:
      "The archive follows the code hook: the filter now reads lex_fallback's log group (a filter cannot move between groups); the retired bedrock_mcp group keeps its logs for their retention period.",
  },
  {
    address: "aws_s3_object.connect_streams",
    attribute: "key",
    reason:
      "The Connect Streams library is now built from npm and served under a content-hashed name (connect-streams-<hash>.js) so CloudFront may cache it for a year; the object is created before the old one goes and index.html depends on it, so no page ever names a missing file.",
  },
];
