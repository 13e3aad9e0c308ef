import { AGENT, ROUTING_PROFILE } from "./support";

/**
 * What each config setting is expected to change (the dead-settings test), and where. Settings not
 * listed are changed as the schema allows: a boolean flipped, another option, a number one step on.
 */

/** Environments the settings are changed in; the fixtures give maps that are empty by default an entry. */
export const SCENARIOS = {
  dev: { env: "dev", add: {} },
  prod: { env: "prod", add: {} },
  "prod with a routing profile and an agent": {
    env: "prod",
    add: {
      connect: {
        routingProfiles: {
          Collections: {
            ...ROUTING_PROFILE,
            mediaConcurrencies: [
              { channel: "VOICE", concurrency: 1 },
              { channel: "CHAT", concurrency: 2 },
            ],
          },
        },
        agents: { jdoe: AGENT },
      },
    },
  },
  "dev on a directory": {
    env: "dev",
    add: { connect: { identityManagementType: "EXISTING_DIRECTORY", directoryId: "d-1234567890" } },
  },
  "prod with DR": { env: "prod", add: { dr: { enabled: true, replicaRegion: "eu-central-1" } } },
  "prod with DR and the API's failover domain": {
    env: "prod",
    add: {
      dr: {
        enabled: true,
        replicaRegion: "eu-central-1",
        api: { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
      },
    },
  },
} as const;
export type Scenario = keyof typeof SCENARIOS;

/** How a setting proves it does something. `at` picks the map key / list item when the path has `*` or `[]`. */
export type Effect =
  | {
      readonly changes: "output";
      readonly value?: unknown;
      readonly in?: Scenario;
      readonly at?: string;
      /** Settings that must change with it (the schema refuses the change alone). */
      readonly with?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly changes: "nothing but validation";
      readonly value: unknown;
      readonly in?: Scenario;
      readonly at?: string;
    }
  | { readonly changes: "rule report"; readonly value: unknown; readonly in?: Scenario; readonly at: string }
  | { readonly inert: string };

const PEM_BODY_CHANGED = (pem: string) =>
  pem.replace(/\n([A-Za-z0-9+/])/, (_m, c: string) => `\n${c === "A" ? "B" : "A"}`);

/**
 * What to set where the change cannot be derived from the schema (strings, lists, maps,
 * optional values, values other settings constrain). Everything else flips a boolean, picks
 * another enum value, or moves a number by one step within its bounds.
 */
export const EFFECTS: Readonly<Record<string, Effect>> = {
  // The gateway bot's second locale is the one the main locale is not: they change together.
  locale: { changes: "output", value: "en_US", with: { "lex.gatewaySecondaryLocale": "en_GB" } },
  "lex.gatewaySecondaryLocale": { changes: "output", value: "en_GB", with: { locale: "en_US" } },
  region: { changes: "output", value: "eu-west-1" },
  accountIds: { changes: "output", value: ["111122223333"] },
  bedrockRegion: { changes: "output", value: "eu-west-1" },
  projectName: { changes: "output", value: "connect-other" },
  voiceId: { changes: "output", value: "Brian" },
  tags: { changes: "output", value: { Project: "ConnectComprehensive", CostCentre: "cc-42" } },
  "backend.type": {
    changes: "output",
    value: { type: "s3", bucket: "tf-state-dev", key: "dev.tfstate", region: "eu-west-2" },
    at: "backend",
  },
  "backend.path": { changes: "output", value: "state/dev.tfstate" },
  "backend.bucket": { changes: "output", value: "other-tfstate-prod", in: "prod" },
  "backend.key": { changes: "output", value: "other/terraform.tfstate", in: "prod" },
  "backend.region": { changes: "output", value: "eu-west-1", in: "prod" },
  "backend.encrypt": {
    inert: "fixed at true: the schema refuses anything else, so state is always encrypted",
  },
  "backend.kmsKeyId": { changes: "output", value: "alias/tfstate", in: "prod" },
  "backend.dynamodbTable": { changes: "output", value: "tf-locks", in: "prod" },
  "connect.instanceAlias": { changes: "output", value: "another-instance-alias" },
  "connect.directoryId": { changes: "output", value: "d-0987654321", in: "dev on a directory" },
  "connect.phoneNumbers.countryCode": { changes: "output", value: "IE" },
  "connect.outboundCallerIdName": { changes: "output", value: "Bank Support" },
  "connect.businessHours.timeZone": { changes: "output", value: "Europe/Dublin" },
  "connect.businessHours.days.*.start": { changes: "output", value: "07:30" },
  "connect.businessHours.days.*.end": { changes: "output", value: "21:30" },
  "connect.queues.*.description": { changes: "output", value: "General enquiries" },
  "connect.queues.*.maxContacts": { changes: "output", value: 25 },
  "connect.queues.*.transferTo": { changes: "output", value: ["AccountQueue"] },
  "connect.routingProfiles.*.description": { changes: "output", value: "Collections and arrears" },
  "connect.routingProfiles.*.defaultOutboundQueue": { changes: "output", value: "AccountQueue" },
  "connect.routingProfiles.*.mediaConcurrencies.[].channel": {
    changes: "output",
    value: "TASK",
    at: "connect.routingProfiles.Collections.mediaConcurrencies.1.channel",
  },
  "connect.routingProfiles.*.mediaConcurrencies.[].concurrency": {
    changes: "output",
    value: 3,
    at: "connect.routingProfiles.Collections.mediaConcurrencies.1.concurrency",
  },
  "connect.routingProfiles.*.queueConfigs.[].queue": { changes: "output", value: "AccountQueue" },
  "connect.agents.*.firstName": { changes: "output", value: "John" },
  "connect.agents.*.lastName": { changes: "output", value: "Smith" },
  "connect.agents.*.email": { changes: "output", value: "john.smith@bank.example" },
  "connect.agents.*.routingProfile": { changes: "output", value: "Tier1-GeneralSupport" },
  "connect.agents.*.securityProfiles": { changes: "output", value: ["Agent", "CallCenterManager"] },
  "security.fraudAlertEmails": { changes: "output", value: ["fraud-desk@bank.example"], in: "prod" },
  "security.alarmEmails": { changes: "output", value: ["noc@bank.example"], in: "prod" },
  "security.allowedEmailDomains": { changes: "nothing but validation", value: ["other.example"], in: "prod" },
  "security.customerIdFormat.characters": { changes: "output", value: "0-9A-Z" },
  "observability.aiMetricsNamespace": { changes: "output", value: "Bank/AiMetrics" },
  "observability.contactMetricsNamespace": { changes: "output", value: "Bank/ContactRecords" },
  "lex.secondaryVoiceId": { changes: "output", value: "Matthew" },
  "lex.aliasName": { changes: "output", value: "live" },
  "lambda.bedrockModelId": { changes: "output", value: "anthropic.claude-3-5-haiku-20241022-v1:0" },
  "lambda.bankingApiUrl": { changes: "output", value: "https://core.bank.example/api" },
  "flows.brandName": { changes: "output", value: "Other Bank" },
  "flows.pinEncryption.keyId": {
    changes: "output",
    value: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
    in: "prod",
  },
  "flows.pinEncryption.certificatePem": { changes: "output", value: PEM_BODY_CHANGED, in: "prod" },
  "datalake.prefixes.ctr": { changes: "output", value: "contact-records/" },
  "datalake.prefixes.agentEvents": { changes: "output", value: "agents/" },
  "datalake.prefixes.aiReporting": { changes: "output", value: "ai/" },
  "datalake.prefixes.lifecycleEvents": { changes: "output", value: "lifecycle/" },
  "datalake.prefixes.logArchive": { changes: "output", value: "logs/" },
  "datalake.glueDatabaseName": { changes: "output", value: "bank_datalake" },
  "datalake.metricStreamNamespaces": { changes: "output", value: ["AWS/Connect"] },
  "ccp.connectStreamsFile": {
    inert:
      "a build input: scripts/build-ccp-site.ts serves that file as the streams asset (its hash names it in the page and the bucket); the stack tests pass prebuilt assets, and __tests__/ccp/build.test.ts covers it",
  },
  "ccp.crmApiUrl": { changes: "output", value: "https://crm.bank.example/v1" },
  "ccp.crmTokenStorageKey": { changes: "output", value: "bank_crm_token" },
  "ccp.customerIdAttribute": { changes: "output", value: "bankCustomerId" },
  "ccp.domainName": { changes: "output", value: "agents.contact-centre.bank.example", in: "prod" },
  "ccp.certificateArn": {
    changes: "output",
    value: "arn:aws:acm:us-east-1:111122223333:certificate/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    in: "prod",
  },
  "api.companionApp.issuer": { changes: "output", value: "https://login.bank.example/oauth2/app" },
  "api.companionApp.audience": { changes: "output", value: ["bank-app"] },
  "api.companionApp.customerIdClaim": { changes: "output", value: "bank_customer_id" },
  "api.agents.issuer": { changes: "output", value: "https://sso.bank.example/oauth2/desk" },
  "api.agents.audience": { changes: "output", value: ["desk"] },
  "api.agents.requiredGroup": { changes: "output", value: "crm-readers" },
  "api.agents.groupsClaim": { changes: "output", value: "roles" },
  // Disaster recovery is production's, and needs the replica Region its primary pairs with.
  "dr.enabled": { changes: "output", value: true, in: "prod", with: { "dr.replicaRegion": "eu-central-1" } },
  "dr.replicaRegion": {
    changes: "output",
    value: "us-west-2",
    in: "prod with DR",
    with: { region: "us-east-1" },
  },
  "dr.replicaAlias": {
    inert:
      "read by npm run dr:replicate (ReplicateInstance's ReplicaAlias), not by synth: no Terraform resource replicates an instance, so that command creates the replica (__tests__/dr/replicate.test.ts)",
  },
  "dr.trafficDistributionGroupArn": {
    changes: "output",
    value:
      "arn:aws:connect:eu-west-2:111122223333:traffic-distribution-group/7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340",
    in: "prod with DR",
  },
  "dr.residency.callRecordings": { changes: "output", value: "primary-only", in: "prod with DR" },
  "dr.residency.chatTranscripts": { changes: "output", value: "primary-only", in: "prod with DR" },
  "dr.api.domainName": {
    changes: "output",
    value: "api.contact-centre.bank.example",
    in: "prod with DR and the API's failover domain",
  },
  "dr.api.hostedZoneId": {
    changes: "output",
    value: "Z09876543210ZYXWVUTSR",
    in: "prod with DR and the API's failover domain",
  },
  "rules.suppressions.[].rule": {
    changes: "rule report",
    value: "s3-versioning",
    at: "rules.suppressions.0.rule",
  },
  "rules.suppressions.[].address": {
    changes: "rule report",
    value: "aws_s3_bucket.other",
    at: "rules.suppressions.0.address",
  },
  "rules.suppressions.[].owner": {
    changes: "rule report",
    value: "security team",
    at: "rules.suppressions.0.owner",
  },
  "rules.suppressions.[].reason": {
    changes: "rule report",
    value: "a different reason, long enough for the schema",
    at: "rules.suppressions.0.reason",
  },
};
