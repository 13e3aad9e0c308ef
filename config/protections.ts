import { isDeepStrictEqual } from "node:util";

/** How an override may change a protected setting: never in the direction that weakens it. */
type Guard =
  /** A number or a boolean (true > false) may rise, not fall. */
  | { readonly kind: "not-lower" }
  /** A number may fall, not rise (e.g. PIN attempts before lockout). */
  | { readonly kind: "not-higher" }
  /** One of an ordered list (weakest first) may move up, not down. */
  | { readonly kind: "not-weaker"; readonly order: readonly string[] }
  /** Present in the environment file: may change, not disappear. */
  | { readonly kind: "kept-set" }
  /** A list may lose entries, not gain one. */
  | { readonly kind: "no-additions" }
  /** Unset in the file: an override may set it; set: it may lose entries, not gain one or disappear. */
  | { readonly kind: "narrow-only" }
  /** Exactly as the environment file has it. */
  | { readonly kind: "unchanged" };

export interface ProtectedSetting {
  /** Dotted config path. */
  readonly path: string;
  /** What it protects, for the README and error messages. */
  readonly protects: string;
  readonly guard: Guard;
  /** Where the guard holds: every environment, or environments whose file says `environment: "prod"`. */
  readonly scope: "every environment" | "prod";
  /**
   * A boolean setting of the environment file the guard depends on: it holds only while that file
   * turns it on (settings of a feature an environment has not enabled protect nothing yet).
   * @default - always, within the scope
   */
  readonly whileEnabled?: string;
}

/**
 * Settings an override (CONNECT_CONFIG_FILE, or in-memory overrides) cannot weaken: changing them
 * that way means editing the committed environment file, where the change is reviewed.
 */
export const PROTECTED_SETTINGS: readonly ProtectedSetting[] = [
  {
    path: "environment",
    protects: "which environment's protections apply",
    guard: { kind: "unchanged" },
    scope: "every environment",
  },
  {
    path: "rules.suppressions",
    protects: "reviewed exceptions to the stack rules; an override may drop one",
    guard: { kind: "no-additions" },
    scope: "every environment",
  },
  {
    path: "security.deletionProtection",
    protects: "deletion protection of tables, and the 30-day recovery window of secrets",
    guard: { kind: "not-lower" },
    scope: "prod",
  },
  {
    path: "security.kmsDeletionWindowDays",
    protects: "the wait before a KMS key (and all it encrypts) is destroyed",
    guard: { kind: "not-lower" },
    scope: "prod",
  },
  {
    // Every regional resource would be created anew elsewhere and the old ones destroyed: tables,
    // keys, recordings and the instance with its numbers.
    path: "region",
    protects: "where every regional resource and the data it holds lives",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "accountIds",
    protects: "the accounts prod may be planned and deployed in",
    guard: { kind: "narrow-only" },
    scope: "prod",
  },
  {
    path: "backend.type",
    protects: "state in the encrypted, locked S3 backend",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "flows.pinEncryption",
    protects: "encrypted PIN entry",
    guard: { kind: "kept-set" },
    scope: "prod",
  },
  {
    path: "security.maxPinAttempts",
    protects: "PIN lockout",
    guard: { kind: "not-higher" },
    scope: "prod",
  },
  // Limits on what one caller or customer may make the bank do: a fraudster's script against many
  // accounts is what they slow down, so an override may tighten them, never loosen them.
  {
    path: "security.rateLimits.windowMinutes",
    protects: "the window rate limits count in; a shorter one lets more through per hour",
    guard: { kind: "not-lower" },
    scope: "prod",
  },
  ...(
    [
      ["security.rateLimits.perContact.sensitiveOperations", "bank operations one contact may make"],
      ["security.rateLimits.perContact.modelQuestions", "model questions one contact may ask"],
      ["security.rateLimits.perCustomer.sensitiveOperations", "bank operations about one customer"],
      ["security.rateLimits.perCustomer.modelQuestions", "model questions about one customer"],
    ] as const
  ).map(([path, protects]): ProtectedSetting => ({
    path,
    protects,
    guard: { kind: "not-higher" },
    scope: "prod",
  })),
  {
    path: "security.customerIdFormat",
    protects: "the one customer identity that keys PIN lockout, rate limits and the access audit",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "connect.identityManagementType",
    protects: "agent sign-in through the bank's identity provider",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "api.agents.requiredGroup",
    protects: "the group an agent needs to look customers up",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "api.agents.groupsClaim",
    protects: "the token claim that group is read from",
    guard: { kind: "unchanged" },
    scope: "prod",
  },
  {
    path: "security.allowedEmailDomains",
    protects: "the domains alarm and fraud e-mails may go to",
    guard: { kind: "no-additions" },
    scope: "prod",
  },
  ...(
    [
      ["observability.logRetentionDays", "log retention"],
      ["datalake.deliveryErrorLogRetentionDays", "retention of delivery error logs"],
      ["datalake.lifecycle.expireAfterDays", "retention of the data lake"],
      ["connect.recordingRetentionDays", "retention of recordings and transcripts"],
      ["security.securityEventTtlDays", "retention of security events"],
      ["audit.lifecycle.expireAfterDays", "retention of the audit trail"],
      ["audit.objectLock.days", "how long audit evidence is write-once"],
    ] as const
  ).map(([path, protects]): ProtectedSetting => ({
    path,
    protects,
    guard: { kind: "not-lower" },
    scope: "prod",
  })),
  {
    path: "audit.objectLock.mode",
    protects: "write-once audit evidence nobody can shorten",
    guard: { kind: "not-weaker", order: ["GOVERNANCE", "COMPLIANCE"] },
    scope: "prod",
  },
  // Disaster recovery (docs/disaster-recovery.md), once the committed prod file turns it on. An
  // override may still turn DR on (the CLIs read it so), but not off, and while the file has it on
  // nothing that decides where the replica lives, what it holds or where the numbers point moves
  // outside review. `dr.replicaAlias` is left free: only `dr:replicate` reads it, and only before a
  // replica exists.
  {
    path: "dr.enabled",
    protects: "the replica Region that takes calls when the primary fails",
    guard: { kind: "not-lower" },
    scope: "prod",
  },
  {
    path: "dr.replicaRegion",
    protects: "where the replica's tables, secrets and recordings live; moving it destroys that replica",
    guard: { kind: "unchanged" },
    scope: "prod",
    whileEnabled: "dr.enabled",
  },
  {
    path: "dr.trafficDistributionGroupArn",
    protects: "the group that owns the phone numbers; without it, or with another, calls cannot fail over",
    guard: { kind: "unchanged" },
    scope: "prod",
    whileEnabled: "dr.enabled",
  },
  {
    path: "dr.api",
    protects:
      "the companion/CRM API's failover domain, which the CCP page and the companion app call; changing or removing it destroys the replica API and the domain's records",
    guard: { kind: "unchanged" },
    scope: "prod",
    whileEnabled: "dr.enabled",
  },
  // Either way is a reviewed decision: primary-only loses the recovery point of that data set,
  // replicate transfers customer content to another jurisdiction (UK GDPR).
  ...(
    [
      ["dr.residency.callRecordings", "whether call recordings are copied to the replica Region"],
      ["dr.residency.chatTranscripts", "whether chat transcripts are copied to the replica Region"],
    ] as const
  ).map(([path, protects]): ProtectedSetting => ({
    path,
    protects,
    guard: { kind: "unchanged" },
    scope: "prod",
    whileEnabled: "dr.enabled",
  })),
];

const show = (value: unknown): string => (value === undefined ? "unset" : JSON.stringify(value));

/** What the override did that weakens the setting ("lower it (true → false)"), or undefined. */
function weakening(guard: Guard, before: unknown, after: unknown): string | undefined {
  const change = `(${show(before)} → ${show(after)})`;
  switch (guard.kind) {
    case "not-lower":
      return Number(after) < Number(before) ? `lower it ${change}` : undefined;
    case "not-higher":
      return Number(after) > Number(before) ? `raise it ${change}` : undefined;
    case "not-weaker":
      return guard.order.indexOf(String(after)) < guard.order.indexOf(String(before))
        ? `weaken it ${change}`
        : undefined;
    case "kept-set":
      return before !== undefined && after === undefined ? "remove it" : undefined;
    case "unchanged":
      return isDeepStrictEqual(before, after) ? undefined : `change it ${change}`;
    case "narrow-only":
      if (before === undefined) return undefined;
      if (after === undefined) return "remove it";
      return weakening({ kind: "no-additions" }, before, after);
    case "no-additions": {
      const allowed = (before ?? []) as unknown[];
      const added = ((after ?? []) as unknown[]).filter((a) => !allowed.some((b) => isDeepStrictEqual(a, b)));
      return added.length > 0 ? `add to it (${added.map(describeEntry).join("; ")})` : undefined;
    }
  }
}

function describeEntry(entry: unknown): string {
  if (typeof entry === "object" && entry !== null && "rule" in entry && "address" in entry) {
    return `${String(entry.rule)} ${String(entry.address)}`;
  }
  return show(entry);
}

/**
 * One issue per protected setting the overrides weaken. `committed` and `effective` give a
 * setting's value (defaults filled in) from the environment file alone and with the overrides.
 */
export function protectionIssues(
  environmentFile: string,
  committed: (path: string) => unknown,
  effective: (path: string) => unknown,
): Array<{ path: string; message: string }> {
  const production = committed("environment") === "prod";
  const applies = (p: ProtectedSetting) =>
    (p.scope === "every environment" || production) &&
    (p.whileEnabled === undefined || committed(p.whileEnabled) === true);
  return PROTECTED_SETTINGS.filter(applies).flatMap((p) => {
    const before = committed(p.path);
    const after = effective(p.path);
    const what = weakening(p.guard, before, after);
    if (what === undefined) return [];
    const where = `${p.scope === "prod" ? "protected in prod" : "protected"}${p.whileEnabled ? ` with ${p.whileEnabled}` : ""}`;
    return [
      {
        path: p.path,
        message: `${where} (${p.protects}): an override cannot ${what}; change it in ${environmentFile}, where it is reviewed`,
      },
    ];
  });
}
