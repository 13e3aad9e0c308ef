import { INPUT_ATTRIBUTES } from "../contract";
import { canonicalCustomerId, type CustomerIdFormat } from "../../shared/customer-id";

/**
 * The incoming attributes with the claimed customer id (`customerId`) in its canonical form, so
 * everything downstream (lockout, rate limits, companion requests, security events) keys on one id
 * per customer. An id that is not one in the configured format is removed, as if none was claimed:
 * the caller then goes to an advisor. `rejected` says so, for a warning without the value.
 */
export function withCanonicalCustomer(
  attributes: Readonly<Record<string, string>>,
  format: CustomerIdFormat,
): { readonly attributes: Readonly<Record<string, string>>; readonly rejected: boolean } {
  const claimed = attributes[INPUT_ATTRIBUTES.customerId];
  if (claimed === undefined || claimed.trim() === "") return { attributes, rejected: false };
  const canonical = canonicalCustomerId(claimed, format);
  if (canonical === undefined) {
    const rest = Object.entries(attributes).filter(([name]) => name !== INPUT_ATTRIBUTES.customerId);
    return { attributes: Object.fromEntries(rest), rejected: true };
  }
  return { attributes: { ...attributes, [INPUT_ATTRIBUTES.customerId]: canonical }, rejected: false };
}
