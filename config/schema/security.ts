import { z } from "zod";
import { emailAddress } from "./common";

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
});
