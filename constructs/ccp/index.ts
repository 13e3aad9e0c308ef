export * from "./ccp-site";
export * from "./ccp-waf";
export * from "./connect-approved-origin";
export * from "./render-page";
