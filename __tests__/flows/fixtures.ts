/** Realistic values for the shipped templates and helpers for building flows in tests. */
export const ACCOUNT = "123456789012";
export const INSTANCE = "11111111-2222-3333-4444-555555555555";
const connectArn = (resource: string, id: string): string =>
  `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/${resource}/${id}`;

export const QUEUE_ARNS = {
  GeneralAgentQueue: connectArn("queue", "0a1b2c3d-0000-4000-8000-000000000001"),
  AccountQueue: connectArn("queue", "0a1b2c3d-0000-4000-8000-000000000002"),
  LendingQueue: connectArn("queue", "0a1b2c3d-0000-4000-8000-000000000003"),
  OnboardingQueue: connectArn("queue", "0a1b2c3d-0000-4000-8000-000000000004"),
  FraudQueue: connectArn("queue", "0a1b2c3d-0000-4000-8000-000000000005"),
};
export const FLOW_ARN = connectArn("contact-flow", "9f8e7d6c-0000-4000-8000-00000000000a");
export const MODULE_ID = "9f8e7d6c-0000-4000-8000-00000000000b";
export const HOURS_ID = "9f8e7d6c-0000-4000-8000-00000000000c";
export const BOT_ALIAS = `arn:aws:lex:eu-west-2:${ACCOUNT}:bot-alias/ABCDEFGHIJ/TSTALIASID`;
export const LAMBDA_ARN = `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:connect-comprehensive-auth:live`;

/** Variables each shipped template needs, with production-shaped values. */
export const TEMPLATE_VARIABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "after_hours_flow.json.tftpl": {
    after_hours_message: 'We are closed. "Urgent" fraud line: 24/7 \\ always.',
    fraud_queue_arn: QUEUE_ARNS.FraudQueue,
    callback_flow_arn: FLOW_ARN,
  },
  "agent_transfer_flow.json.tftpl": {
    general_queue_arn: QUEUE_ARNS.GeneralAgentQueue,
    customer_queue_flow_arn: FLOW_ARN,
  },
  "auth_module_flow.json.tftpl": { auth_lambda_arn: LAMBDA_ARN, customer_number_max_digits: "12" },
  "bedrock_primary_flow.json.tftpl": {
    gateway_bot_alias_arn: BOT_ALIAS,
    banking_bot_alias_arn: BOT_ALIAS,
    sales_bot_alias_arn: BOT_ALIAS,
    general_queue_arn: QUEUE_ARNS.GeneralAgentQueue,
    fraud_queue_arn: QUEUE_ARNS.FraudQueue,
    queue_routing_flow_arn: FLOW_ARN,
  },
  "callback_flow.json.tftpl": {
    callback_queue_arn: QUEUE_ARNS.GeneralAgentQueue,
    fraud_queue_arn: QUEUE_ARNS.FraudQueue,
    callback_lambda_arn: LAMBDA_ARN,
  },
  "callback_task_flow.json.tftpl": { callback_queue_arn: QUEUE_ARNS.GeneralAgentQueue },
  "chat_entry_flow.json.tftpl": {
    analytics_language: "en-GB",
    hours_of_operation_id: HOURS_ID,
    gateway_bot_alias_arn: BOT_ALIAS,
    agent_transfer_flow_arn: FLOW_ARN,
    callback_task_flow_arn: FLOW_ARN,
    fraud_queue_arn: QUEUE_ARNS.FraudQueue,
  },
  "customer_queue_flow.json.tftpl": { hold_message: "Thank you for waiting." },
  "queue_routing_flow.json.tftpl": {
    account_queue_arn: QUEUE_ARNS.AccountQueue,
    lending_queue_arn: QUEUE_ARNS.LendingQueue,
    onboarding_queue_arn: QUEUE_ARNS.OnboardingQueue,
    fraud_queue_arn: QUEUE_ARNS.FraudQueue,
    general_queue_arn: QUEUE_ARNS.GeneralAgentQueue,
    customer_queue_flow_arn: FLOW_ARN,
    callback_flow_arn: FLOW_ARN,
  },
  "legacy_voice_entry_flow.json.tftpl": { general_queue_arn: QUEUE_ARNS.GeneralAgentQueue },
  "voice_canary_router_flow.json.tftpl": {
    canary_threshold: "11",
    new_entry_flow_arn: FLOW_ARN,
    original_entry_flow_arn: FLOW_ARN,
  },
  "queue_transfer_flow.json.tftpl": {},
  "survey_flow.json.tftpl": {},
  "voice_entry_flow.json.tftpl": {
    analytics_language: "en-GB",
    welcome_message: "Thank you for calling Example Bank.",
    tts_voice: "Amy",
    tts_engine: "Neural",
    hours_of_operation_id: HOURS_ID,
    voice_ivr_flow_arn: FLOW_ARN,
    after_hours_flow_arn: FLOW_ARN,
  },
  "voice_ivr_flow.json.tftpl": {
    gateway_bot_alias_arn: BOT_ALIAS,
    auth_module_id: MODULE_ID,
    queue_routing_flow_arn: FLOW_ARN,
    agent_transfer_flow_arn: FLOW_ARN,
    survey_flow_arn: FLOW_ARN,
    dtmf_timeout_seconds: "8",
  },
};

/** A loose action shape for building test flows. */
export type TestAction = Record<string, unknown> & { Identifier: string; Type: string };

export const disconnect = (id = "end"): TestAction => ({
  Identifier: id,
  Type: "DisconnectParticipant",
  Parameters: {},
  Transitions: {},
});

/** `action` → end, with a NoMatchingError branch, then a disconnect. */
export function flowOf(actions: TestAction[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Version: "2019-10-30", StartAction: actions[0]?.Identifier, Actions: actions, ...extra };
}

/** Single action under test followed by `end`; `transitions` defaults to NextAction end. */
export function single(
  type: string,
  parameters: Record<string, unknown> | undefined,
  transitions: Record<string, unknown> = { NextAction: "end" },
): Record<string, unknown> {
  const action: TestAction = { Identifier: "subject", Type: type, Transitions: transitions };
  if (parameters !== undefined) action.Parameters = parameters;
  return flowOf([action, disconnect()]);
}

export const conditions = (...pairs: [string, string][]): Record<string, unknown>[] =>
  pairs.map(([operator, operand]) => ({
    NextAction: "end",
    Condition: { Operator: operator, Operands: [operand] },
  }));
export const errors = (...types: string[]): Record<string, unknown>[] =>
  types.map((t) => ({ NextAction: "end", ErrorType: t }));
