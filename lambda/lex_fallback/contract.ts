/**
 * Session attributes this Lambda returns for the contact flow to read as
 * `$.Lex.SessionAttributes.<name>`. Imported by the flow code, so renaming one here is a compile
 * error there instead of a silent routing miss.
 */
export const OUTPUT_ATTRIBUTES = {
  /** "true" when the flow must transfer the contact to a human now. */
  escalate: "escalate",
  /** Queue name the flow should route to (e.g. FraudQueue). */
  targetQueue: "targetQueue",
  /** Short machine-readable reason shown to the agent. */
  transferReason: "transferReason",
  /** Normal | High | Critical. */
  priority: "priority",
  /** How many turns in a row fell back; the flow may escalate on its own above 2. */
  fallbackCount: "fallbackCount",
} as const;

/**
 * Session attributes this Lambda reads, set by the contact flow through LexSessionAttributes.
 * None of them can grant access: authentication is read from the auth-state table.
 */
export const INPUT_ATTRIBUTES = {
  /** Claimed customer id (from the flow's caller lookup); verified by PIN or companion app. */
  customerId: "customerId",
  /** "companion" to authenticate through the mobile app instead of a PIN. */
  preferredAuth: "preferredAuth",
  /**
   * `$.ContactId`: the key of the auth state shared with the flows' own Lambda calls (which see it
   * as Details.ContactData.ContactId). No AWS document says a Lex session id equals it.
   */
  contactId: "contactId",
  /** `$.InitialContactId`, passed alongside for tracing a contact across transfers. */
  initialContactId: "initialContactId",
} as const;
