import { z } from "zod";
import { customerIdFormatProblems, DEFAULT_CUSTOMER_ID_FORMAT as ID } from "../../lambda/shared/customer-id";
import { emailAddress } from "./common";

/**
 * How a customer id is written before it keys anything (PIN lockout, rate limits, approvals, CRM
 * lookups, audit records, logs): lambda/shared/customer-id.ts. The default is the bank's: digits,
 * read as a number, so 012345 and 12345 are one customer.
 */
const customerIdFormatSchema = z
  .object({
    /** Characters an id may hold, as a regex character class body (`0-9`, `A-Z0-9-`). */
    characters: z.string().min(1).max(100).default(ID.characters),
    /** Shortest and longest id, after trimming and dropping leading zeros. */
    minLength: z.number().int().min(1).max(64).default(ID.minLength),
    maxLength: z.number().int().min(1).max(64).default(ID.maxLength),
    /** Drop leading zeros (`000123` is customer `123`). */
    stripLeadingZeros: z.boolean().default(ID.stripLeadingZeros),
    /** Fold letters to one case before comparing, or keep them (`preserve`). */
    letterCase: z.enum(["upper", "lower", "preserve"]).default(ID.letterCase),
  })
  .superRefine((format, ctx) => {
    for (const message of customerIdFormatProblems(format)) ctx.addIssue({ code: "custom", message });
  });

export const securitySchema = z.object({
  /** Deletion protection on tables and KMS keys. @default true in prod (set in config/environments/prod.ts) */
  deletionProtection: z.boolean().default(false),
  /** Days a scheduled KMS key deletion waits. */
  kmsDeletionWindowDays: z.number().int().min(7).max(30).default(30),
  /** Who is emailed on fraud alerts. No address is baked in: set per environment. */
  fraudAlertEmails: z.array(emailAddress).default([]),
  /** Who is emailed on operational alarms. */
  alarmEmails: z.array(emailAddress).default([]),
  /** TTL of security events in days (audit retention in the table; long-term copy goes to the data lake). */
  securityEventTtlDays: z.number().int().min(1).max(3650).default(400),
  /** Lockout after this many failed PIN attempts. */
  maxPinAttempts: z.number().int().min(1).max(10).default(3),
  /** The canonical customer id (trimming, leading zeros, allowed characters): see customerIdFormatSchema. */
  customerIdFormat: customerIdFormatSchema.prefault({}),
});
