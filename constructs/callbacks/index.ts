export * from "./callback-lifecycle";
