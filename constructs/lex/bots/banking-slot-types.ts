import type { LocaleId, SlotTypeDefinition } from "../types";

/** Custom slot types of the banking locale. Values resolve to the key (TopResolution). */
export const BANKING_SLOT_TYPES: readonly SlotTypeDefinition[] = [
  {
    name: "AccountType",
    description: "Which of the customer's accounts",
    values: {
      current: ["current account", "checking", "checking account", "everyday account"],
      savings: ["savings account", "saver", "deposit account"],
      credit: ["credit card", "credit card account"],
      isa: ["ISA", "cash ISA"],
    },
  },
  {
    name: "CardType",
    description: "Kind of card",
    values: { debit: ["debit card", "bank card"], credit: ["credit card"] },
  },
  {
    name: "LoanType",
    description: "Kind of lending product",
    values: {
      mortgage: ["home loan", "mortgage loan"],
      personal: ["personal loan"],
      car: ["car loan", "car finance", "auto loan"],
    },
  },
  {
    name: "DeliveryMethod",
    description: "How a statement is delivered",
    values: {
      email: ["by email", "e-mail"],
      post: ["by post", "mail", "paper"],
      online: ["online banking", "in the app"],
    },
  },
  { name: "CardLastFour", description: "Last four digits of a card", pattern: "[0-9]{4}" },
  { name: "PinCode", description: "Telephone banking PIN (obfuscated in logs)", pattern: "[0-9]{4,6}" },
];

/** AMAZON.UKPostalCode exists only in English (UK); elsewhere accept the postcode as text. */
export function postcodeType(locale: LocaleId): string {
  return locale === "en_GB" ? "AMAZON.UKPostalCode" : "AMAZON.AlphaNumeric";
}
