import { z } from "zod";

/** Shared field types, so every section reports the same expectation for the same kind of value. */
export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "expected an AWS region such as eu-west-2");

export const resourceName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,62}$/,
    "expected letters, digits, _ or -, starting with a letter (max 63)",
  );

export const emailAddress = z.email("expected an email address");

export const positiveInt = z.number().int("expected a whole number").positive("expected a number above 0");

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export const logRetentionDays = z.literal(LOG_RETENTION_DAYS, {
  error: "expected a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days)",
});

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a 24h time HH:MM");
