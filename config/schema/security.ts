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

/** Uses per caller and per customer in one window (lambda/lex_fallback/auth/rate-limit.ts). */
const usesSchema = (sensitiveOperations: number, modelQuestions: number) =>
  z.object({
    /** Bank calls about money for a sensitive intent, and companion-app pushes. Prompts and PIN checks are free. */
    sensitiveOperations: z.number().int().min(1).max(10_000).default(sensitiveOperations),
    /** General questions sent to the model. */
    modelQuestions: z.number().int().min(1).max(10_000).default(modelQuestions),
  });

/**
 * Rate limits of the code-hook Lambda: what one contact, and one customer over all their
 * contacts, may do in a fixed window. They count operations, not turns: an ordinary call (a
 * balance, a transfer, a few questions) uses a handful of the 20.
 */
const rateLimitsSchema = z.object({
  /** Length of the fixed window, minutes. */
  windowMinutes: z.number().int().min(1).max(1440).default(15),
  perContact: usesSchema(20, 10).prefault({}),
  perCustomer: usesSchema(40, 20).prefault({}),
});

/** A mail domain, lower-case (`bank.co.uk`): subscribers must be at exactly one of the listed domains. */
const mailDomain = z
  .string()
  .regex(
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "expected a lower-case mail domain such as bank.co.uk",
  );

const SUBSCRIBER_LISTS = [
  ["fraudAlertEmails", "fraud alerts"],
  ["alarmEmails", "operational alarms"],
] as const;

export const securitySchema = z
  .object({
    /** Deletion protection on tables, a 30-day (not 7-day) recovery window on secrets, and claimed numbers Terraform refuses to release. @default true in prod (set in config/environments/prod.ts) */
    deletionProtection: z.boolean().default(false),
    /** Days a scheduled deletion of any KMS key of the stack waits (the stack key, the WAF logs key, the trail key). */
    kmsDeletionWindowDays: z.number().int().min(7).max(30).default(30),
    /** Who is emailed on fraud alerts. No address is baked in: set per environment. */
    fraudAlertEmails: z.array(emailAddress).default([]),
    /** Who is emailed on operational alarms. */
    alarmEmails: z.array(emailAddress).default([]),
    /**
     * Mail domains fraud and alarm subscribers must be at (exact match). Required in prod, where an
     * alert to a private mailbox would leak customer and fraud details. @default - any domain (dev)
     */
    allowedEmailDomains: z.array(mailDomain).default([]),
    /** TTL of security events in days (audit retention in the table; long-term copy goes to the data lake). */
    securityEventTtlDays: z.number().int().min(1).max(3650).default(400),
    /** Failed PIN attempts that lock the customer out (the code-hook Lambda's MAX_PIN_ATTEMPTS). */
    maxPinAttempts: z.number().int().min(1).max(10).default(3),
    /** The canonical customer id (trimming, leading zeros, allowed characters): see customerIdFormatSchema. */
    customerIdFormat: customerIdFormatSchema.prefault({}),
    /** Sensitive operations and model questions per contact and per customer: see rateLimitsSchema. */
    rateLimits: rateLimitsSchema.prefault({}),
  })
  .superRefine((security, ctx) => {
    if (security.allowedEmailDomains.length === 0) return;
    for (const [field, what] of SUBSCRIBER_LISTS) {
      security[field].forEach((address, i) => {
        const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
        if (!security.allowedEmailDomains.includes(domain)) {
          ctx.addIssue({
            code: "custom",
            path: [field, i],
            message: `${address} would receive ${what} outside the bank: its domain is not in security.allowedEmailDomains (${security.allowedEmailDomains.join(", ")})`,
          });
        }
      });
    }
  });
