import type { MaskedProduct } from "./crm-contract";
import type { CustomerLookup } from "./customer-lookup";

/** What the workspace changes on screen; the DOM implementation is below, tests use a recorder. */
export interface WorkspaceView {
  status(text: string): void;
  notice(text: string): void;
  attributes(values: Readonly<Record<string, string>> | undefined): void;
  customer(lookup: CustomerLookup): void;
}

const CUSTOMER_MESSAGES: Record<Exclude<CustomerLookup["state"], "found">, string> = {
  idle: "No active contact.",
  "not-configured": "Customer lookup is not configured for this site (config ccp.crmApiUrl).",
  "no-customer-id": "No customer id on this contact: the caller was not identified.",
  loading: "Looking up the customer…",
  "signed-out": "Sign in to the customer lookup to see customer details.",
  "not-authorized": "You are not authorized to view this customer.",
  "not-found": "No customer record matches this contact's customer id.",
  unavailable: "Customer lookup is unavailable",
};

/** The panel's one-line message for a lookup state (empty once a customer is shown). */
export function customerMessage(lookup: CustomerLookup): string {
  if (lookup.state === "found") return "";
  const text = CUSTOMER_MESSAGES[lookup.state];
  return lookup.state === "unavailable" ? `${text}: ${lookup.reason}. Verify the caller as usual.` : text;
}

function product(p: MaskedProduct): string {
  return `${p.kind} •••• ${p.last4} (${p.status})`;
}

/**
 * Renders into the page's elements. Every value from a caller or an API is set as textContent,
 * never parsed as HTML, so a contact attribute like `<script>` stays text.
 */
export function domView(doc: Document): WorkspaceView {
  const byId = (id: string): HTMLElement => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`agent workspace: the page has no #${id} element`);
    return element;
  };
  const status = byId("status");
  const notice = byId("notice");
  const attributes = byId("attributes");
  const customerState = byId("customer-state");
  const customerSummary = byId("customer-summary");

  const row = (body: HTMLElement, cells: readonly string[], colSpan?: number): void => {
    const tr = doc.createElement("tr");
    for (const text of cells) {
      const td = doc.createElement("td");
      td.textContent = text;
      if (colSpan) td.colSpan = colSpan;
      tr.append(td);
    }
    body.append(tr);
  };

  const entry = (term: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    const dt = doc.createElement("dt");
    dt.textContent = term;
    customerSummary.append(dt);
    for (const value of values) {
      const dd = doc.createElement("dd");
      dd.textContent = value;
      customerSummary.append(dd);
    }
  };

  return {
    status(text) {
      status.textContent = text;
    },
    notice(text) {
      notice.textContent = text;
      notice.hidden = text.length === 0;
    },
    attributes(values) {
      attributes.replaceChildren();
      if (values === undefined) return row(attributes, ["No active contact"], 2);
      const keys = Object.keys(values).sort();
      if (keys.length === 0) return row(attributes, ["No attributes"], 2);
      for (const key of keys) row(attributes, [key, values[key] ?? ""]);
    },
    customer(lookup) {
      customerState.textContent = customerMessage(lookup);
      customerState.dataset.state = lookup.state;
      customerSummary.replaceChildren();
      if (lookup.state !== "found") return;
      const c = lookup.customer;
      entry("Name", [c.displayName]);
      entry("Customer id", [c.customerId]);
      entry("Segment", c.segment ? [c.segment] : []);
      entry("Handling notes", c.flags);
      entry("Accounts", c.accounts.map(product));
      entry("Cards", c.cards.map(product));
      entry("Last contact", c.lastContactAt ? [c.lastContactAt] : []);
    },
  };
}
