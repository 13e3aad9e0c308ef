export * from "./alarm-definitions";
export * from "./contact-record-metrics";
export * from "./dashboard-body";
export * from "./metrics";
export * from "./observability";
export { shareRunbook } from "./runbook-links";
export * from "./types";
