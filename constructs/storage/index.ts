export * from "./encryption-key";
export * from "./lifecycle";
export * from "./secure-bucket";
export * from "./types";
export * from "./access-log-bucket";
