import type { ConfigInput } from "../schema";

type Suppressions = NonNullable<NonNullable<ConfigInput["rules"]>["suppressions"]>;

/**
 * Reviewed exceptions to the stack rules that hold in every environment (docs/stack-rules.md,
 * "Accepted exceptions"). Each names one rule, one resource and the team that owns the exception,
 * and says why.
 */
export const SHARED_SUPPRESSIONS: Suppressions = [
  {
    rule: "s3-access-logging",
    address: "aws_s3_bucket.access_logs_bucket_bucket",
    owner: "contact-centre platform team",
    reason:
      "it is the target of every other bucket's access logs: logging it into itself would log each log delivery without end. The audit trail records its object-level reads and writes (S3 data events) instead",
  },
  {
    rule: "secret-rotation",
    address: "aws_secretsmanager_secret.secrets_banking_api_key",
    owner: "core-banking API team",
    reason:
      "the core-banking API issues this key; only its owners can mint a new one, so a rotation Lambda here could not. They rotate it every 90 days with put-secret-value (docs/stack-rules.md, 'Rotating the API keys'); the Lambda re-reads it within its 5-minute cache",
  },
];

/**
 * Reviewed exceptions that come with disaster recovery (config `dr`): add them to
 * `rules.suppressions` of the environment that turns DR on (docs/disaster-recovery.md).
 */
export const DR_SUPPRESSIONS: Suppressions = [
  {
    rule: "s3-access-logging",
    address: "aws_s3_bucket.dr_storage_access_logs_bucket_bucket",
    owner: "contact-centre platform team",
    reason:
      "the replica Region's access-log bucket, for the same reason as the primary's: it receives the replica buckets' access logs (S3 logs only within a Region), and logging it into itself would log each delivery without end. The multi-Region audit trail records its object-level reads and writes",
  },
];
