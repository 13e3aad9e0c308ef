export * from "./data-lake";
export * from "./delivery-stream";
export * from "./glue-catalog";
export * from "./glue-tables";
export * from "./iam";
export * from "./lifecycle-events";
export * from "./log-archive";
export * from "./metric-stream";
