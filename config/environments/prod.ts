import type { ConfigInput } from "../schema";

/**
 * Production: state in S3 with native locking, deletion protection on, longer log retention,
 * tighter alarm thresholds. Email subscriptions are filled by the platform team (none baked in).
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
};
