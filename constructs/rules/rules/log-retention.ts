import { defineRule } from "../types";

/** Production logs back incident reviews and audits a year later. */
const PRODUCTION_MINIMUM_DAYS = 365;

export const rule = defineRule({
  id: "log-retention",
  meta: {
    description: `Every log group expires its events (never "forever" by accident), after at least ${PRODUCTION_MINIMUM_DAYS} days in production`,
    fix: "set retention_in_days from config (observability.logRetentionDays, datalake.deliveryErrorLogRetentionDays)",
  },
  check: (stack) =>
    stack.ofType("aws_cloudwatch_log_group").flatMap(({ address, body }) => {
      const days = body.retention_in_days;
      if (typeof days !== "number" || days <= 0) {
        return [{ address, message: "retention_in_days is not set: events are kept forever" }];
      }
      if (stack.production && days < PRODUCTION_MINIMUM_DAYS) {
        return [
          {
            address,
            message: `retention_in_days is ${days}, below ${PRODUCTION_MINIMUM_DAYS} in production`,
          },
        ];
      }
      return [];
    }),
});
