export * from "./alert-topics";
export * from "./fraud-backup-queue";
export * from "./secure-table";
export * from "./secure-topic";
export * from "./security-tables";
export * from "./topic-policy";
export * from "./types";
export * from "./api-secrets";
