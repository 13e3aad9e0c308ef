import type { CustomerSummary } from "../../../ccp_site/src/crm-contract";

/** A customer as the CRM API returns one: masked numbers only. */
export const CUSTOMER: CustomerSummary = {
  customerId: "C-100",
  displayName: "Ms J. Doe",
  segment: "Premier",
  lastContactAt: "2026-11-28T14:05:00Z",
  accounts: [
    { kind: "Current account", last4: "4821", status: "active" },
    { kind: "Savings", last4: "0093", status: "active" },
  ],
  cards: [{ kind: "Visa debit", last4: "1234", status: "blocked" }],
  flags: ["Fraud watch: card blocked 28 Nov"],
};
