export * from "./disaster-recovery";
export * from "./replica-region";
export * from "./replica-storage";
export * from "./api-failover-domain";
