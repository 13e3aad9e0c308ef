import { z } from "zod";
import { apiSchema, isReservedHost } from "./api";
import { baseSchema } from "./base";
import { connectSchema } from "./connect";
import { auditSchema, ccpSchema, datalakeSchema } from "./datalake";
import { drIssues, drSchema } from "./dr";
import { flowsSchema } from "./flows";
import { lambdaSchema } from "./lambda";
import { lexSchema } from "./lex";
import { observabilitySchema } from "./observability";
import { rulesSchema } from "./rules";
import { securitySchema } from "./security";

/** The whole stack's configuration. Defaults equal the original stack's variables.tf. */
export const configSchema = z
  .object({
    ...baseSchema,
    connect: connectSchema.prefault({}),
    security: securitySchema.prefault({}),
    observability: observabilitySchema.prefault({}),
    lex: lexSchema.prefault({}),
    lambda: lambdaSchema.prefault({}),
    flows: flowsSchema.prefault({}),
    datalake: datalakeSchema.prefault({}),
    audit: auditSchema.prefault({}),
    ccp: ccpSchema.prefault({}),
    api: apiSchema.prefault({}),
    rules: rulesSchema.prefault({}),
    dr: drSchema.prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    // A token one authorizer accepts must not pass the other: app users are no agents.
    const { companionApp, agents } = config.api;
    const shared = companionApp.audience.filter((aud) => agents.audience.includes(aud));
    if (companionApp.issuer === agents.issuer && shared.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["api", "agents", "audience"],
        message: `the companion app and the agents share issuer and audience ${shared.join(", ")}: an app user's token would pass the CRM authorizer; give agents their own audience`,
      });
    }
    if (config.lex.gatewaySecondaryLocale === config.locale) {
      ctx.addIssue({
        code: "custom",
        path: ["lex", "gatewaySecondaryLocale"],
        message: `expected the locale other than the main one (${config.locale}): the gateway bot answers in both`,
      });
    }
    for (const issue of drIssues(config)) ctx.addIssue({ code: "custom", ...issue });
    // In production an alarm or fraud alert nobody receives is an outage nobody sees.
    if (config.environment !== "prod") return;
    const required = [
      ["alarmEmails", "operational alarms"],
      ["fraudAlertEmails", "fraud alerts"],
    ] as const;
    if (config.ccp.domainName === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ccp", "domainName"],
        message:
          "production serves the agent CCP on the bank's own name with TLS 1.2+: set ccp.domainName and ccp.certificateArn (ACM, us-east-1)",
      });
    }
    for (const [who, what] of [
      ["companionApp", "the companion app's users (POST /auth)"],
      ["agents", "agents (GET /customer)"],
    ] as const) {
      if (isReservedHost(config.api[who].issuer)) {
        ctx.addIssue({
          code: "custom",
          path: ["api", who, "issuer"],
          message: `production authorizes ${what} with a real identity provider: set api.${who}.issuer and api.${who}.audience`,
        });
      }
    }
    if (config.flows.pinEncryption === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["flows", "pinEncryption"],
        message:
          "production encrypts PIN entry: set flows.pinEncryption.keyId and certificatePem (the key uploaded to Connect and a certificate it signed; docs/pin-encryption.md)",
      });
    }
    if (config.security.allowedEmailDomains.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["security", "allowedEmailDomains"],
        message:
          "production sends fraud and alarm e-mails only to the bank's own mail domains: list them (e.g. bank.co.uk)",
      });
    }
    for (const [field, what] of required) {
      if (config.security[field].length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["security", field],
          message: `production needs at least one subscriber for ${what}: add an address (a team distribution list)`,
        });
      }
    }
  });

/** What an environment file writes (defaults may be left out). */
export type ConfigInput = z.input<typeof configSchema>;
/** What constructs receive: validated, defaults filled in. */
export type StackConfig = z.output<typeof configSchema>;
export type ConnectConfig = StackConfig["connect"];
export type SecurityConfig = StackConfig["security"];
export type ObservabilityConfig = StackConfig["observability"];
export type LexConfig = StackConfig["lex"];
export type LambdaConfig = StackConfig["lambda"];
export type FlowsConfig = StackConfig["flows"];
export type BackendConfig = StackConfig["backend"];
export type DatalakeConfig = StackConfig["datalake"];
export type AuditConfig = StackConfig["audit"];
export type CcpConfig = StackConfig["ccp"];
export type RulesConfig = StackConfig["rules"];
export type ApiConfig = StackConfig["api"];
export type DrConfig = StackConfig["dr"];
