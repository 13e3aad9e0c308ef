import { z } from "zod";
import { emailAddress, hhmm, positiveInt, resourceName } from "./common";

const channel = z.enum(["VOICE", "CHAT", "TASK"], { error: "expected VOICE, CHAT or TASK" });

export const queueSchema = z.object({
  description: z.string().min(1),
  /** Which hours of operation the queue follows. */
  hours: z.enum(["business", "always"]).default("business"),
  /** Contacts that may wait before the queue reports capacity. @default - no limit */
  maxContacts: positiveInt.optional(),
});

export const routingProfileSchema = z.object({
  description: z.string().min(1),
  /** Queue name (a key of `connect.queues`) used for outbound calls. */
  defaultOutboundQueue: resourceName,
  mediaConcurrencies: z
    .array(z.object({ channel, concurrency: z.number().int().min(1).max(10) }))
    .min(1, "expected at least one media concurrency"),
  queueConfigs: z
    .array(
      z.object({
        queue: resourceName,
        channel,
        delay: z.number().int().min(0).max(9999),
        priority: z.number().int().min(1).max(99),
      }),
    )
    .min(1, "expected at least one queue config"),
});

export const agentSchema = z
  .object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: emailAddress,
    /** Routing profile name (a key of `connect.routingProfiles`). */
    routingProfile: resourceName,
    /** Connect security profile names, looked up by name (e.g. Agent, Admin, CallCenterManager). */
    securityProfiles: z.array(z.string().min(1)).min(1),
    /** Rejected on purpose: a password in config ends up in state and synthesized JSON. */
    password: z
      .never({ error: "passwords are never configured: agents get a one-time password out of band (README 'Agent sign-in')" })
      .optional(),
  })
  .strict();

const dayHours = z.object({ start: hhmm, end: hhmm });
const weekday = z.enum(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]);

const defaultQueues = {
  GeneralAgentQueue: { description: "Queue for general agents" },
  AccountQueue: { description: "Queue for account services" },
  LendingQueue: { description: "Queue for lending services" },
  OnboardingQueue: { description: "Queue for onboarding services" },
  FraudQueue: { description: "24/7 queue for fraud and lost or stolen cards", hours: "always" },
} as const;

export const connectSchema = z
  .object({
    /** Connect instance alias; globally unique. @default "<project>-<environment>" */
    instanceAlias: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,44}[a-z0-9]$/, "expected lower-case letters, digits and - (max 46)")
      .optional(),
    /** IAM-style identity management; SAML for production sign-in through the bank's IdP. */
    identityManagementType: z.enum(["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"]).default("CONNECT_MANAGED"),
    contactLensEnabled: z.boolean().default(true),
    /** Phone numbers claimed for the voice entry flow. */
    phoneNumbers: z
      .object({
        countryCode: z.string().regex(/^[A-Z]{2}$/, "expected an ISO country code such as GB").default("GB"),
        did: z.boolean().default(true),
        tollFree: z.boolean().default(true),
      })
      .prefault({}),
    businessHours: z
      .object({
        timeZone: z.string().min(1).default("Europe/London"),
        days: z
          .partialRecord(weekday, dayHours)
          .default({
            MONDAY: { start: "08:00", end: "20:00" },
            TUESDAY: { start: "08:00", end: "20:00" },
            WEDNESDAY: { start: "08:00", end: "20:00" },
            THURSDAY: { start: "08:00", end: "20:00" },
            FRIDAY: { start: "08:00", end: "20:00" },
            SATURDAY: { start: "09:00", end: "17:00" },
          }),
      })
      .prefault({}),
    queues: z.record(resourceName, queueSchema).prefault(defaultQueues),
    routingProfiles: z.record(resourceName, routingProfileSchema).default({}),
    agents: z.record(resourceName, agentSchema).default({}),
    /** Days Connect keeps chat transcripts / call recordings in the storage bucket before expiry. */
    recordingRetentionDays: positiveInt.default(2555),
  })
  .superRefine((connect, ctx) => {
    const queueNames = new Set(Object.keys(connect.queues));
    for (const [name, profile] of Object.entries(connect.routingProfiles)) {
      if (!queueNames.has(profile.defaultOutboundQueue)) {
        ctx.addIssue({
          code: "custom",
          path: ["routingProfiles", name, "defaultOutboundQueue"],
          message: `expected one of the queues (${[...queueNames].join(", ")}), got "${profile.defaultOutboundQueue}"`,
        });
      }
      profile.queueConfigs.forEach((qc, i) => {
        if (!queueNames.has(qc.queue)) {
          ctx.addIssue({
            code: "custom",
            path: ["routingProfiles", name, "queueConfigs", i, "queue"],
            message: `expected one of the queues (${[...queueNames].join(", ")}), got "${qc.queue}"`,
          });
        }
      });
    }
    const profileNames = new Set(Object.keys(connect.routingProfiles));
    for (const [name, agent] of Object.entries(connect.agents)) {
      if (!profileNames.has(agent.routingProfile)) {
        ctx.addIssue({
          code: "custom",
          path: ["agents", name, "routingProfile"],
          message: `expected one of the routing profiles (${[...profileNames].join(", ") || "none configured"}), got "${agent.routingProfile}"`,
        });
      }
    }
  });
