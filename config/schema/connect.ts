import { z } from "zod";
import { emailAddress, hhmm, positiveInt, resourceName } from "./common";

const channel = z.enum(["VOICE", "CHAT", "TASK"], { error: "expected VOICE, CHAT or TASK" });

export const queueSchema = z.object({
  description: z.string().min(1),
  /** Which hours of operation the queue follows. */
  hours: z.enum(["business", "always"]).default("business"),
  /** Contacts that may wait before the queue reports capacity. @default - no limit */
  maxContacts: positiveInt.optional(),
  /**
   * Queues an agent working this queue may transfer to (one quick connect per target queue).
   * Must form no cycle: a queue's quick connects reference the target queue, so A→B and B→A would
   * be a Terraform dependency cycle.
   */
  transferTo: z.array(resourceName).default([]),
});

export const routingProfileSchema = z
  .object({
    description: z.string().min(1),
    /** Queue name (a key of `connect.queues`) used for outbound calls. */
    defaultOutboundQueue: resourceName,
    mediaConcurrencies: z
      .array(z.object({ channel, concurrency: z.number().int().min(1).max(10) }))
      .min(1, "expected at least one media concurrency"),
    /** Connect serves the LOWEST priority number first (1 before 2); delay is seconds in queue first. */
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
  })
  .superRefine((profile, ctx) => {
    const channels = new Set<string>();
    profile.mediaConcurrencies.forEach((mc, i) => {
      if (channels.has(mc.channel)) {
        ctx.addIssue({
          code: "custom",
          path: ["mediaConcurrencies", i, "channel"],
          message: `duplicate channel ${mc.channel}`,
        });
      }
      channels.add(mc.channel);
      // Connect allows exactly one voice contact per agent.
      if (mc.channel === "VOICE" && mc.concurrency !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["mediaConcurrencies", i, "concurrency"],
          message: `expected 1 for VOICE (an agent takes one call at a time), got ${mc.concurrency}`,
        });
      }
    });
    profile.queueConfigs.forEach((qc, i) => {
      if (!channels.has(qc.channel)) {
        ctx.addIssue({
          code: "custom",
          path: ["queueConfigs", i, "channel"],
          message: `expected a channel with a media concurrency (${[...channels].join(", ")}), got ${qc.channel}`,
        });
      }
    });
  });

/** Connect user name; SAML names may be email-like (`jane.doe@bank.example`). */
const agentUsername = z
  .string()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, "expected a Connect user name: letters, digits, _ - . @ (max 64)");

export const agentSchema = z
  .object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: emailAddress,
    /** Routing profile name: a key of `connect.routingProfiles` or a name of TIERED_ROUTING_PROFILES. */
    routingProfile: resourceName,
    /** Connect security profile names, looked up by name (e.g. Agent, Admin, CallCenterManager). */
    securityProfiles: z.array(z.string().min(1)).min(1),
    /** Rejected on purpose: a password in config ends up in state and synthesized JSON. */
    password: z
      .never({
        error: "passwords are never configured: agents sign in through the IdP (SAML); see docs/agents.md",
      })
      .optional(),
  })
  .strict();

export type QueueConfig = z.output<typeof queueSchema>;
export type RoutingProfileConfig = z.output<typeof routingProfileSchema>;

/**
 * Routing profiles of the implementation guide (Phase 4), fixed in code because agents' tiers are a
 * design decision, not an environment setting. Fixes against the guide: VOICE concurrency is always 1
 * (the guide's 2 is rejected by Connect), FraudQueue is priority 1 (Connect serves the LOWEST number
 * first, so the guide's "priority 10 = highest" would serve fraud last), and every channel with a
 * concurrency has a queue to take work from.
 */
export type TieredRoutingProfileName = "Tier1-GeneralSupport" | "Tier2-AccountSpecialists" | "FraudTeam-24x7";

export const TIERED_ROUTING_PROFILES: Readonly<Record<TieredRoutingProfileName, RoutingProfileConfig>> = {
  "Tier1-GeneralSupport": {
    description: "First level support for all channels",
    defaultOutboundQueue: "GeneralAgentQueue",
    mediaConcurrencies: [
      { channel: "VOICE", concurrency: 1 },
      { channel: "CHAT", concurrency: 3 },
      { channel: "TASK", concurrency: 5 },
    ],
    queueConfigs: [
      { queue: "GeneralAgentQueue", channel: "VOICE", delay: 0, priority: 1 },
      { queue: "GeneralAgentQueue", channel: "CHAT", delay: 0, priority: 1 },
      { queue: "GeneralAgentQueue", channel: "TASK", delay: 0, priority: 1 },
      // Lending and onboarding have no specialist tier: tier 1 serves them after general contacts.
      { queue: "LendingQueue", channel: "VOICE", delay: 0, priority: 2 },
      { queue: "OnboardingQueue", channel: "VOICE", delay: 0, priority: 2 },
      { queue: "OnboardingQueue", channel: "CHAT", delay: 0, priority: 2 },
    ],
  },
  "Tier2-AccountSpecialists": {
    description: "Account and transaction specialists",
    defaultOutboundQueue: "AccountQueue",
    mediaConcurrencies: [
      { channel: "VOICE", concurrency: 1 },
      { channel: "CHAT", concurrency: 2 },
    ],
    queueConfigs: [
      { queue: "AccountQueue", channel: "VOICE", delay: 0, priority: 1 },
      { queue: "AccountQueue", channel: "CHAT", delay: 0, priority: 1 },
      // Overflow: help tier 1 only once a general call has waited 60 s.
      { queue: "GeneralAgentQueue", channel: "VOICE", delay: 60, priority: 2 },
    ],
  },
  "FraudTeam-24x7": {
    description: "24/7 fraud prevention team",
    defaultOutboundQueue: "FraudQueue",
    mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
    queueConfigs: [{ queue: "FraudQueue", channel: "VOICE", delay: 0, priority: 1 }],
  },
};

const dayHours = z.object({ start: hhmm, end: hhmm });
const weekday = z.enum(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]);

const defaultQueues: Record<string, z.input<typeof queueSchema>> = {
  GeneralAgentQueue: {
    description: "Queue for general agents",
    transferTo: ["AccountQueue", "LendingQueue", "OnboardingQueue", "FraudQueue"],
  },
  AccountQueue: { description: "Queue for account services", transferTo: ["FraudQueue"] },
  LendingQueue: { description: "Queue for lending services", transferTo: ["FraudQueue"] },
  OnboardingQueue: { description: "Queue for onboarding services", transferTo: ["FraudQueue"] },
  FraudQueue: { description: "24/7 queue for fraud and lost or stolen cards", hours: "always" },
};

const connectObject = z.object({
  /** Connect instance alias; globally unique. @default "<project>-<environment>" */
  instanceAlias: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,44}[a-z0-9]$/, "expected lower-case letters, digits and - (max 46)")
    .optional(),
  /** IAM-style identity management; SAML for production sign-in through the bank's IdP. */
  identityManagementType: z
    .enum(["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"])
    .default("CONNECT_MANAGED"),
  /** Directory Service directory id; required by (and only allowed with) EXISTING_DIRECTORY. */
  directoryId: z
    .string()
    .regex(/^d-[0-9a-f]{10}$/, "expected a directory id such as d-1234567890")
    .optional(),
  contactLensEnabled: z.boolean().default(true),
  /** Phone numbers claimed for the voice entry flow. */
  phoneNumbers: z
    .object({
      countryCode: z
        .string()
        .regex(/^[A-Z]{2}$/, "expected an ISO country code such as GB")
        .default("GB"),
      did: z.boolean().default(true),
      tollFree: z.boolean().default(true),
    })
    .prefault({}),
  /** Caller id name on outbound calls from every queue (number: the claimed DID). */
  outboundCallerIdName: z.string().min(1).max(255).default("Connect Support"),
  businessHours: z
    .object({
      timeZone: z.string().min(1).default("Europe/London"),
      days: z.partialRecord(weekday, dayHours).default({
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
  agents: z.record(agentUsername, agentSchema).default({}),
  /** Days Connect keeps chat transcripts / call recordings in the storage bucket before expiry. */
  recordingRetentionDays: positiveInt.default(2555),
});

export const connectSchema = connectObject.superRefine((connect, ctx) => {
  for (const issue of crossReferenceIssues(connect)) ctx.addIssue({ code: "custom", ...issue });
});

type ConnectSection = z.output<typeof connectObject>;
interface Issue {
  readonly path: PropertyKey[];
  readonly message: string;
}

/** References between queues, routing profiles and agents, checked once the whole section parsed. */
function crossReferenceIssues(connect: ConnectSection): Issue[] {
  const issues: Issue[] = [];
  const queueNames = new Set(Object.keys(connect.queues));
  const expectQueue = (path: PropertyKey[], name: string): void => {
    if (!queueNames.has(name)) {
      issues.push({
        path,
        message: `expected one of the queues (${[...queueNames].join(", ")}), got "${name}"`,
      });
    }
  };

  for (const [name, queue] of Object.entries(connect.queues)) {
    queue.transferTo.forEach((target, i) => {
      expectQueue(["queues", name, "transferTo", i], target);
      if (target === name)
        issues.push({
          path: ["queues", name, "transferTo", i],
          message: "a queue cannot transfer to itself",
        });
    });
  }
  const cycle = findTransferCycle(connect.queues);
  if (cycle) {
    issues.push({
      path: ["queues", cycle[0], "transferTo"],
      message: `transfer targets form a cycle (${cycle.join(" → ")}), which Terraform cannot order: drop one edge`,
    });
  }

  for (const [profileName, profile] of Object.entries(TIERED_ROUTING_PROFILES)) {
    for (const queue of new Set(profile.queueConfigs.map((qc) => qc.queue))) {
      if (!queueNames.has(queue)) {
        issues.push({
          path: ["queues"],
          message: `expected queue "${queue}": routing profile ${profileName} serves it`,
        });
      }
    }
  }
  if (connect.queues.FraudQueue && connect.queues.FraudQueue.hours !== "always") {
    issues.push({
      path: ["queues", "FraudQueue", "hours"],
      message: `expected "always": fraud reports are taken 24/7`,
    });
  }

  for (const [name, profile] of Object.entries(connect.routingProfiles)) {
    if (name in TIERED_ROUTING_PROFILES) {
      issues.push({
        path: ["routingProfiles", name],
        message: `"${name}" is defined in code (TIERED_ROUTING_PROFILES); pick another name`,
      });
    }
    expectQueue(["routingProfiles", name, "defaultOutboundQueue"], profile.defaultOutboundQueue);
    profile.queueConfigs.forEach((qc, i) =>
      expectQueue(["routingProfiles", name, "queueConfigs", i, "queue"], qc.queue),
    );
  }

  const profileNames = [...Object.keys(connect.routingProfiles), ...Object.keys(TIERED_ROUTING_PROFILES)];
  for (const [name, agent] of Object.entries(connect.agents)) {
    if (!profileNames.includes(agent.routingProfile)) {
      issues.push({
        path: ["agents", name, "routingProfile"],
        message: `expected one of the routing profiles (${profileNames.join(", ")}), got "${agent.routingProfile}"`,
      });
    }
  }
  // CreateUser demands a password under CONNECT_MANAGED, and any password Terraform sends lands in state.
  if (connect.identityManagementType === "CONNECT_MANAGED" && Object.keys(connect.agents).length > 0) {
    issues.push({
      path: ["agents"],
      message:
        "agents can be managed here only with identityManagementType SAML or EXISTING_DIRECTORY (CONNECT_MANAGED users need a password); see docs/agents.md",
    });
  }
  if ((connect.identityManagementType === "EXISTING_DIRECTORY") !== (connect.directoryId !== undefined)) {
    issues.push({
      path: ["directoryId"],
      message: "expected directoryId exactly when identityManagementType is EXISTING_DIRECTORY",
    });
  }
  return issues;
}

/** First cycle in the transferTo graph, as a closed path of queue names, or undefined. */
export function findTransferCycle(
  queues: Readonly<Record<string, { readonly transferTo: readonly string[] }>>,
): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (state.get(name) === "done" || !queues[name]) return undefined;
    if (state.get(name) === "visiting") return [...path.slice(path.indexOf(name)), name];
    state.set(name, "visiting");
    for (const target of queues[name].transferTo) {
      if (target === name) continue;
      const cycle = visit(target, [...path, name]);
      if (cycle) return cycle;
    }
    state.set(name, "done");
    return undefined;
  };
  for (const name of Object.keys(queues)) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}
