export * from "./ccp-site";
export * from "./ccp-waf";
export * from "./render-page";
export * from "./ccp-logging";
