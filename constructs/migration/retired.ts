import { Construct } from "constructs";
import { RemovedFromState } from "../core/addresses";

/** An original address this stack stops managing on purpose. */
export interface RetiredAddress {
  readonly from: string;
  /** Destroy the real object (true) or only forget it, leaving it running (false). */
  readonly destroy: boolean;
  readonly reason: string;
}

const REPLACED_BY_LEX_FALLBACK =
  "Python code hook replaced by lambda/lex_fallback (TypeScript), which now serves all three bots. Forgotten, not destroyed: it keeps answering until the new aliases are verified live; delete it by hand afterwards (docs/migration.md).";
const REPLACED_API_LAMBDA =
  "Python auth/CRM API Lambda replaced on purpose by a TypeScript one (lambda/companion_api, lambda/crm_api) behind the carried-over API, whose integrations now point at the new functions. Destroyed, not forgotten: the auth handler let anyone who knew a request id approve it and the CRM mock holds a static API key and PINs in code; left running, either could still be invoked outside Terraform.";
const NOT_PORTED_CALLBACK =
  "Callback Lambdas retired on purpose, not ported: voice callbacks are Connect's native queued callbacks (CreateCallbackContact) and follow-up tasks come from the chat flow's CreateTask block, so nothing needs a dispatcher claiming table rows (claiming one would dial a caller Connect already calls back). Forgotten, not destroyed: delete both by hand once no original flow invokes the handler, after the cutover (docs/migration.md).";
const BUILD_STEP = "local-exec build/publish step of the retired Python code hook; no real object behind it.";

function each(reason: string, destroy: boolean, addresses: readonly string[]): RetiredAddress[] {
  return addresses.map((from) => ({ from, destroy, reason }));
}

/**
 * Original addresses neither kept nor moved by a construct. Constructs own their own removals
 * (Lex, storage, data lake); this table holds the rest, so `npm run migration:report` shows no
 * address a plan would destroy by accident.
 */
export const RETIRED_ADDRESSES: readonly RetiredAddress[] = [
  ...each(REPLACED_BY_LEX_FALLBACK, false, [
    "module.bedrock_mcp_lambda.aws_lambda_function.this",
    "aws_lambda_alias.bedrock_mcp_live",
    "aws_iam_role.lambda_role",
    "aws_iam_role_policy.lambda_policy",
    "aws_iam_role_policy.ai_insights_kinesis_policy",
    "module.banking_lambda.aws_lambda_function.this",
    "aws_lambda_alias.banking_live",
    "aws_iam_role.banking_lambda_role",
    "aws_iam_role_policy_attachment.banking_lambda_basic",
    "module.sales_lambda.aws_lambda_function.this",
    "aws_lambda_alias.sales_live",
    "aws_iam_role.sales_lambda_role",
    "aws_iam_role_policy_attachment.sales_lambda_basic",
  ]),
  {
    from: "aws_lambda_provisioned_concurrency_config.bedrock_mcp_pc",
    destroy: true,
    reason:
      "Provisioned concurrency is billed every hour and only warms the retired bedrock_mcp function; destroying it leaves the function itself running.",
  },
  ...each(
    "Log group of a retired function: forgotten, not destroyed, so its logs stay for their retention period.",
    false,
    [
      "aws_cloudwatch_log_group.bedrock_mcp",
      "aws_cloudwatch_log_group.banking_lambda_logs",
      "aws_cloudwatch_log_group.sales_lambda_logs",
    ],
  ),
  ...each(
    "Subscription filter on a retired function's log group: keeps archiving that group while the function still runs.",
    false,
    [
      "aws_cloudwatch_log_subscription_filter.banking_lambda_logs",
      "aws_cloudwatch_log_subscription_filter.sales_lambda_logs",
    ],
  ),
  ...each(BUILD_STEP, false, [
    "null_resource.bedrock_mcp_build",
    "null_resource.bedrock_mcp_publish",
    "null_resource.bedrock_mcp_update_alias",
  ]),
  ...each(NOT_PORTED_CALLBACK, false, [
    "module.callback_lambda.aws_lambda_function.this",
    "aws_iam_role.callback_lambda_role",
    "aws_iam_role_policy.callback_lambda_policy",
    "module.callback_dispatcher.aws_lambda_function.this",
    "aws_iam_role.callback_dispatcher_role",
    "aws_iam_role_policy.callback_dispatcher_policy",
    "aws_lambda_permission.connect_invoke_callback",
  ]),
  // The API, stage, access log group, integrations, routes and permissions carry over (constructs/api).
  ...each(REPLACED_API_LAMBDA, true, [
    "module.auth_api_lambda.aws_lambda_function.this",
    "aws_iam_role.auth_api_role",
    "aws_iam_role_policy.auth_api_policy",
    "module.crm_api_lambda.aws_lambda_function.this",
    "aws_iam_role.crm_api_role",
    "aws_iam_role_policy.crm_api_policy",
  ]),
  {
    from: "null_resource.associate_customer_queue_flow",
    destroy: false,
    reason:
      "CLI step that set GeneralAgentQueue's customer queue flow; the flows now set it per contact with UpdateContactEventHooks (CustomerQueue) before every transfer.",
  },
];

/** `removed` blocks for RETIRED_ADDRESSES. */
export class RetiredResources extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const entry of RETIRED_ADDRESSES) {
      new RemovedFromState(this, entry.from.replace(/[^A-Za-z0-9]+/g, "_"), entry);
    }
  }
}
