export * from "./agents";
export * from "./connect-core";
export * from "./hours";
export * from "./instance";
export * from "./phone-numbers";
export * from "./queues";
export * from "./quick-connects";
export * from "./routing-profiles";
