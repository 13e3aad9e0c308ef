export * from "./bedrock-guardrail";
