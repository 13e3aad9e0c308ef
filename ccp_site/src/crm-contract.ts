import * as z from "zod/mini";

/**
 * The CRM API contract: `GET {crmApiUrl}/customer?customerId=<id>&contactId=<contact>` with
 * `Authorization: Bearer <token>` (the agent's token from the identity provider; the API's JWT
 * authorizer checks it). `contactId` is the contact the agent is serving; the API records it with
 * the lookup in the customer-access audit.
 *
 *   200 → CustomerSummary (below)
 *   401/403 → the agent is not signed in or not allowed to see this customer
 *   404 → no customer with that id
 *
 * Masked fields only: the API never returns a full account or card number, date of birth or
 * address; `last4` is exactly four digits. The page re-checks this and refuses anything else, so a
 * faulty API cannot put a full number on an agent's screen.
 */
export const CRM_CUSTOMER_PATH = "/customer";
export const CRM_CUSTOMER_ID_PARAM = "customerId";
export const CRM_CONTACT_ID_PARAM = "contactId";

const last4 = z.string().check(z.regex(/^\d{4}$/, "last4 must be exactly four digits"));
const shortText = z.string().check(z.minLength(1), z.maxLength(120));

export const maskedProductSchema = z.object({
  /** e.g. "Current account", "Visa debit". */
  kind: shortText,
  /** Last four digits of the account or card number. */
  last4,
  /** e.g. "active", "blocked". */
  status: shortText,
});

export const customerSummarySchema = z.object({
  customerId: shortText,
  /** Name as the customer is addressed, e.g. "Ms J. Doe". */
  displayName: shortText,
  /** Service tier, e.g. "Premier". */
  segment: z.optional(shortText),
  /** ISO 8601 time of the customer's previous contact. */
  lastContactAt: z.optional(z.string().check(z.maxLength(40))),
  accounts: z.array(maskedProductSchema).check(z.maxLength(50)),
  cards: z.array(maskedProductSchema).check(z.maxLength(50)),
  /** Handling notes agents must see first, e.g. "Vulnerable customer", "Fraud watch". */
  flags: z.array(shortText).check(z.maxLength(20)),
});

export type MaskedProduct = z.infer<typeof maskedProductSchema>;
export type CustomerSummary = z.infer<typeof customerSummarySchema>;
