import { keyAddressOf } from "../kms-usage";
import { pick, referencesIn } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "firehose-kms",
  meta: {
    description:
      "Every Firehose buffers records under a customer-managed key of the stack (its own, or its source stream's)",
    fix: "set server_side_encryption { enabled = true, key_type = CUSTOMER_MANAGED_CMK, key_arn = <stack key> }, or encrypt the source stream with the stack key",
  },
  check: (stack) =>
    stack.ofType("aws_kinesis_firehose_delivery_stream").flatMap(({ address, body }) => {
      // A Kinesis-sourced Firehose cannot set its own SSE: the source stream's encryption applies.
      const source = pick(body, "kinesis_source_configuration.kinesis_stream_arn");
      if (source !== undefined) {
        const stream = referencesIn(source).find((r) => r.startsWith("aws_kinesis_stream."));
        const streamKey = stream && pick(stack.get(stream)?.body, "kms_key_id");
        return stream && keyAddressOf(stack, streamKey)
          ? []
          : [
              {
                address,
                message: `its source stream ${stream ?? String(source)} is not encrypted with a key of this stack`,
              },
            ];
      }
      const enabled = pick(body, "server_side_encryption.enabled") === true;
      const type = pick(body, "server_side_encryption.key_type");
      const key = keyAddressOf(stack, pick(body, "server_side_encryption.key_arn"));
      if (enabled && type === "CUSTOMER_MANAGED_CMK" && key) return [];
      return [
        {
          address,
          message: enabled
            ? `server_side_encryption uses ${String(type ?? "AWS_OWNED_CMK")}, not a key of this stack`
            : "server_side_encryption is not enabled",
        },
      ];
    }),
});
