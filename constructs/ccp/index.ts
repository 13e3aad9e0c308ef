export * from "./ccp-site";
export * from "./ccp-waf";
export * from "./render-page";
export * from "./assets";
export * from "./security-headers";
export * from "./ccp-logging";
