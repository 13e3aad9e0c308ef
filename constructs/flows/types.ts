/** Flow types accepted by CreateContactFlow, plus `MODULE` for CreateContactFlowModule content. */
export const FLOW_TYPES = [
  "CONTACT_FLOW",
  "CUSTOMER_QUEUE",
  "CUSTOMER_HOLD",
  "CUSTOMER_WHISPER",
  "AGENT_HOLD",
  "AGENT_WHISPER",
  "OUTBOUND_WHISPER",
  "AGENT_TRANSFER",
  "QUEUE_TRANSFER",
  "CAMPAIGN",
  "MODULE",
] as const;

/** One flow type; `MODULE` marks flow-module content. */
export type FlowType = (typeof FLOW_TYPES)[number];

/** A contact flow type (everything `aws_connect_contact_flow.type` accepts). */
export type ContactFlowType = Exclude<FlowType, "MODULE">;

/** Values for a template's `${name}` placeholders; cdktf tokens are allowed. */
export type FlowTemplateVariables = Readonly<Record<string, string>>;

export function isFlowType(value: string): value is FlowType {
  return (FLOW_TYPES as readonly string[]).includes(value);
}

/**
 * Console export habit: `Metadata.type` in camelCase. Templates declare their flow type this way
 * (`"Metadata": { "type": "customerQueue" }`); the CLI and the constructs read it.
 */
export const METADATA_TYPE_TO_FLOW_TYPE: Readonly<Record<string, FlowType>> = {
  contactFlow: "CONTACT_FLOW",
  customerQueue: "CUSTOMER_QUEUE",
  customerHold: "CUSTOMER_HOLD",
  customerWhisper: "CUSTOMER_WHISPER",
  agentHold: "AGENT_HOLD",
  agentWhisper: "AGENT_WHISPER",
  outboundWhisper: "OUTBOUND_WHISPER",
  agentTransfer: "AGENT_TRANSFER",
  queueTransfer: "QUEUE_TRANSFER",
  campaign: "CAMPAIGN",
  contactFlowModule: "MODULE",
};
