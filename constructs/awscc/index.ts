export * from "./provider";
export * from "./lex-bot-alias";
export * from "./connect-integration-association";
export * from "./connect-approved-origin";
