export * from "./alarm-definitions";
export * from "./dashboard-body";
export * from "./metrics";
export * from "./observability";
export * from "./types";
