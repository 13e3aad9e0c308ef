/**
 * Log message of a customer-data access the audit could not store: the API construct's metric
 * filter counts it and an alarm fires. Kept apart (no SDK imports) so the constructs can read it.
 */
export const ACCESS_AUDIT_UNWRITTEN = "ACCESS_AUDIT_UNWRITTEN";
