import { isObject } from "./validator/values";
import { METADATA_TYPE_TO_FLOW_TYPE, type FlowType } from "./types";

/**
 * Flow type a content declares: `Metadata.type` (console camelCase, e.g. "customerQueue"),
 * else MODULE when top-level Settings is present, else CONTACT_FLOW.
 * Returns an error string when Metadata.type is present but not a known type.
 */
export function declaredFlowType(
  content: unknown,
): { type: FlowType; declared: boolean } | { error: string } {
  const metadata = isObject(content) ? content["Metadata"] : undefined;
  const declared = isObject(metadata) ? metadata["type"] : undefined;
  if (declared !== undefined) {
    const type = typeof declared === "string" ? METADATA_TYPE_TO_FLOW_TYPE[declared] : undefined;
    if (type === undefined) {
      return {
        error: `Metadata.type ${JSON.stringify(declared)} is not one of ${Object.keys(METADATA_TYPE_TO_FLOW_TYPE).join(", ")}`,
      };
    }
    return { type, declared: true };
  }
  return {
    type: isObject(content) && content["Settings"] !== undefined ? "MODULE" : "CONTACT_FLOW",
    declared: false,
  };
}
