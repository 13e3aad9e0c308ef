import { keyAddressOf } from "../kms-usage";
import { pick } from "../stack-view";
import { defineRule } from "../types";

export const rule = defineRule({
  id: "dynamodb-kms",
  meta: {
    description:
      "Every DynamoDB table, and every replica of a global table, is encrypted with a customer-managed key of the stack",
    fix: "set server_side_encryption { enabled = true, kms_key_arn = <stack key> } (a replica: kms_key_arn = the key of its Region)",
  },
  check: (stack) => [
    ...stack.ofType("aws_dynamodb_table_replica").flatMap(({ address, body }) =>
      keyAddressOf(stack, body.kms_key_arn)
        ? []
        : [
            {
              address,
              message: `kms_key_arn is ${JSON.stringify(body.kms_key_arn)}, not a key of this stack (the replica would use the AWS managed key alias/aws/dynamodb)`,
            },
          ],
    ),
    ...stack.ofType("aws_dynamodb_table").flatMap(({ address, body }) => {
      if (pick(body, "server_side_encryption.enabled") !== true) {
        return [{ address, message: "server_side_encryption is not enabled (AWS-owned key)" }];
      }
      const keyArn = pick(body, "server_side_encryption.kms_key_arn");
      return keyAddressOf(stack, keyArn)
        ? []
        : [
            {
              address,
              message: `server_side_encryption.kms_key_arn is ${JSON.stringify(keyArn)}, not a key of this stack`,
            },
          ];
    }),
  ],
});
