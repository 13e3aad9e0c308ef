export * from "./types";
export * from "./lex-bot";
export * from "./lex-bots";
export * from "./locale-build";
export * from "./migration";
export { gatewayBot } from "./bots/gateway";
export { bankingBot } from "./bots/banking";
export { salesBot } from "./bots/sales";
export type { BotContext } from "./bots/context";
