import type { ConfigInput } from "../schema";
import { EXAMPLE_PIN_CERTIFICATE } from "./pin-certificate.example";
import { SHARED_SUPPRESSIONS } from "./suppressions";

/**
 * Production: state in S3 with native locking, deletion protection on, year-long log retention,
 * tighter alarm thresholds, and alarm and fraud subscribers (the config refuses production without).
 * The subscriber addresses are the teams' distribution lists: the platform team sets the bank's real
 * lists here or in CONNECT_CONFIG_FILE.
 */
export const prod: ConfigInput = {
  environment: "prod",
  backend: {
    type: "s3",
    bucket: "connect-comprehensive-tfstate-prod",
    key: "connect-comprehensive/prod/terraform.tfstate",
    region: "eu-west-2",
    encrypt: true,
    useLockfile: true,
  },
  connect: {
    identityManagementType: "SAML",
  },
  security: {
    deletionProtection: true,
    // The bank's mail domains: alarm and fraud e-mails go nowhere else (an override cannot add one).
    allowedEmailDomains: ["bank.example"],
    alarmEmails: ["contact-centre-oncall@bank.example"],
    fraudAlertEmails: ["fraud-operations@bank.example"],
  },
  observability: {
    logRetentionDays: 365,
    thresholds: {
      lambdaErrors: 3,
      queueWaitSeconds: 180,
      queueSize: 8,
      abandonmentRatePercent: 5,
      fraudQueueWaitSeconds: 60,
      fraudQueueSize: 3,
    },
  },
  lambda: {
    reservedConcurrency: 50,
  },
  flows: {
    // Encrypted PIN entry: the key id Connect shows for the uploaded key, and a certificate it signed.
    pinEncryption: {
      keyId: "5d0c7a3e-2f41-4b9a-8e6d-1c3b5a7f9e20",
      certificatePem: EXAMPLE_PIN_CERTIFICATE,
    },
  },
  ccp: {
    // The bank's host name for the agent softphone and its ACM certificate (us-east-1).
    domainName: "ccp.contact-centre.bank.example",
    certificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/0f5e8c8a-6d1b-4c2e-9a57-3b1d2e4f6a70",
  },
  api: {
    // The bank's identity providers: the companion app's customer sign-in, and the agents' single
    // sign-on (only members of the agents' group may look customers up).
    companionApp: {
      issuer: "https://login.bank.example/oauth2/companion",
      audience: ["companion-app"],
      customerIdClaim: "customer_id",
    },
    agents: {
      issuer: "https://sso.bank.example/oauth2/agents",
      audience: ["agent-desktop"],
      requiredGroup: "contact-centre-agents",
      groupsClaim: "groups",
    },
  },
  audit: {
    // Write-once for the 7 years the trail is kept; nobody, root included, can shorten it.
    objectLock: { mode: "COMPLIANCE", days: 2557 },
  },
  datalake: {
    // Delivery errors explain gaps in the archive; a year matches the other production logs.
    deliveryErrorLogRetentionDays: 365,
  },
  rules: {
    suppressions: [
      ...SHARED_SUPPRESSIONS,
      {
        rule: "secret-rotation",
        address: "aws_secretsmanager_secret.pin_encryption_private_key",
        owner: "contact-centre platform team",
        reason:
          "rotating the PIN key means uploading a new key to Connect and a new certificate to the flow, which a rotation Lambda cannot do; the runbook in docs/pin-encryption.md rotates it with Connect's two active keys",
      },
    ],
  },
};
