import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStateList } from "../../constructs/migration/ledger";
import { AuditTrail } from "../../constructs/audit";
import { StackView, type StackJson } from "../../constructs/rules";
import { rule as kmsNoRootWildcard } from "../../constructs/rules/rules/kms-key-policy-no-root-wildcard";
import {
  ENV,
  unaccountedAddresses,
  devConfig,
  names,
  resource,
  statements,
  synth,
  type TfJson,
} from "../datalake/synth";
import { forSnapshot } from "../support/snapshot";

function trail(dataEventBucketArns?: string[], configOverrides?: unknown): TfJson {
  return synth((stack) => {
    new AuditTrail(stack, "audit", {
      namePrefix: "connect-comprehensive",
      config: devConfig(configOverrides).audit,
      env: ENV,
      dataEventBucketArns,
    });
  });
}

const TRAIL_ARN = "arn:aws:cloudtrail:eu-west-2:111122223333:trail/connect-comprehensive-trail";

describe("AuditTrail", () => {
  const json = trail(["arn:aws:s3:::datalake"]);

  it("synthesizes a stable document", () => {
    expect(forSnapshot(json)).toMatchSnapshot();
  });

  it("accounts for every original audit address", () => {
    // The audit lines of the exact original state list (docs/migration/original-state-list.txt).
    const expected = parseStateList(
      readFileSync(join(__dirname, "../../docs/migration/original-state-list.txt"), "utf8"),
    ).filter((address) => /cloudtrail/.test(address));
    expect(expected).toHaveLength(7);
    expect(unaccountedAddresses(expected, json)).toEqual([]);
  });

  it("is multi-region, validates log files and encrypts them with its own rotating key", () => {
    expect(resource(json, "aws_cloudtrail", "main")).toMatchObject({
      name: "connect-comprehensive-trail",
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      kms_key_id: "${aws_kms_key.audit_key.arn}",
      depends_on: ["aws_s3_bucket_policy.audit_bucket_policy"],
    });
    expect(resource(json, "aws_kms_key", "audit_key").enable_key_rotation).toBe(true);
  });

  it("lets CloudTrail encrypt only for this trail", () => {
    const key = statements(resource(json, "aws_kms_key", "audit_key").policy);
    expect(key.find((s) => s.Sid === "CloudTrailEncryptsThisTrail")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
    const decrypt = key.find((s) => s.Sid === "AccountReadsTrailLogsWithIamPermission");
    expect(decrypt.Condition.StringEquals).toEqual({ "kms:CallerAccount": "111122223333" });
  });

  it("splits administration from use, as the other keys do: the account root administers, never decrypts", () => {
    const key = resource(json, "aws_kms_key", "audit_key");
    const root = statements(key.policy).filter((s) => s.Principal?.AWS === "arn:aws:iam::111122223333:root");
    expect(root).toHaveLength(1);
    expect(root[0].Action).toEqual(expect.arrayContaining(["kms:ScheduleKeyDeletion", "kms:Put*"]));
    expect(root[0].Action).not.toEqual(expect.arrayContaining(["kms:*"]));
    expect(root[0].Action.some((a: string) => /Decrypt|Encrypt|GenerateDataKey/.test(a))).toBe(false);
    const findings = kmsNoRootWildcard.check(new StackView(json as StackJson, { production: true }));
    expect(findings).toStrictEqual([]);
  });

  it("waits the configured deletion window before destroying its key", () => {
    const json7 = synth((stack) => {
      new AuditTrail(stack, "audit", {
        namePrefix: "connect-comprehensive",
        config: devConfig().audit,
        env: ENV,
        kmsDeletionWindowDays: 7,
      });
    });
    expect(resource(json, "aws_kms_key", "audit_key").deletion_window_in_days).toBe(30);
    expect(resource(json7, "aws_kms_key", "audit_key").deletion_window_in_days).toBe(7);
  });

  it("lets CloudTrail write only its AWSLogs prefix, only for this trail, over TLS", () => {
    const doc = json.data?.aws_iam_policy_document.cloudtrail_bucket_policy.statement;
    expect(doc.map((s: { sid: string }) => s.sid)).toEqual([
      "DenyInsecureTransport",
      "AWSCloudTrailAclCheck",
      "AWSCloudTrailWrite",
    ]);
    const write = doc[2];
    expect(write.resources).toEqual([
      "arn:aws:s3:::connect-comprehensive-cloudtrail-111122223333/AWSLogs/111122223333/*",
    ]);
    expect(write.condition).toEqual([
      { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] },
      { test: "StringEquals", variable: "aws:SourceArn", values: [TRAIL_ARN] },
    ]);
    expect(names(json, "aws_s3_bucket_acl")).toEqual([]);
  });

  it("records object-level access to the given buckets and keeps evidence 7 years", () => {
    expect(resource(json, "aws_cloudtrail", "main").event_selector[0].data_resource).toEqual([
      { type: "AWS::S3::Object", values: ["arn:aws:s3:::datalake/"] },
    ]);
    expect(
      resource(json, "aws_s3_bucket_lifecycle_configuration", "audit_bucket_lifecycle").rule[0].expiration,
    ).toEqual([{ days: 2557 }]);
  });

  it("logs management events only when no bucket is named", () => {
    expect(resource(trail(), "aws_cloudtrail", "main").event_selector).toBeUndefined();
  });

  it("rejects a bucket listed twice and an out-of-order lifecycle", () => {
    expect(() => trail(["arn:aws:s3:::a", "arn:aws:s3:::a"])).toThrow(
      /audit: dataEventBucketArns lists "arn:aws:s3:::a" twice/,
    );
    expect(() => devConfig({ audit: { lifecycle: { glacierAfterDays: 10 } } })).toThrow(
      /audit\.lifecycle: expected infrequentAccessAfterDays < glacierAfterDays/,
    );
  });
});
