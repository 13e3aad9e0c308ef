import { EncryptionKey, SecureBucket, archiveLifecycle } from "../../constructs/storage";
import { ACCOUNT, newStack, synthJson } from "./helpers";

const KEY_ARN = "arn:aws:kms:eu-west-2:111122223333:key/abcd";

function keyPolicy(props: Partial<ConstructorParameters<typeof EncryptionKey>[2]> = {}): any {
  const stack = newStack();
  new EncryptionKey(stack, "key", { account: ACCOUNT, description: "d", aliasName: "proj-dev", ...props });
  const json = synthJson(stack);
  return { json, policy: JSON.parse(json.resource.aws_kms_key.key_key.policy) };
}

function statement(policy: any, sid: string): any {
  return policy.Statement.find((s: any) => s.Sid === sid);
}

describe("EncryptionKey", () => {
  it("rotates yearly, keeps a 30-day deletion window and gets an alias", () => {
    const { json } = keyPolicy();
    expect(json.resource.aws_kms_key.key_key).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
    expect(json.resource.aws_kms_alias.key_alias.name).toBe("alias/proj-dev");
  });

  it("lets account principals administer the key but never use it outside the listed services", () => {
    const { policy } = keyPolicy();
    const admin = statement(policy, "KeyAdministrationThroughIam");
    expect(admin.Principal).toStrictEqual({ AWS: "arn:aws:iam::111122223333:root" });
    expect(admin.Action).not.toContain("kms:*");
    expect(
      admin.Action.filter((a: string) => /Decrypt|Encrypt|GenerateDataKey|CreateGrant|Create\*/.test(a)),
    ).toStrictEqual([]);
    // kms:PutKeyPolicy (in Put*) for the account keeps the key from being locked out.
    expect(admin.Action).toContain("kms:Put*");

    const use = statement(policy, "UseThroughAccountServices");
    expect(use.Condition.StringEquals["kms:CallerAccount"]).toBe("111122223333");
    expect(use.Condition.StringEquals["kms:ViaService"]).toStrictEqual([
      "connect.eu-west-2.amazonaws.com",
      "dynamodb.eu-west-2.amazonaws.com",
      "s3.eu-west-2.amazonaws.com",
      "sns.eu-west-2.amazonaws.com",
    ]);
  });

  it("pins every service principal to this account (or its log groups)", () => {
    const { policy } = keyPolicy();
    expect(statement(policy, "ConnectRecordingsAndTranscripts")).toMatchObject({
      Principal: { Service: "connect.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    });
    expect(statement(policy, "CloudWatchLogsOfThisAccount")).toMatchObject({
      Principal: { Service: "logs.eu-west-2.amazonaws.com" },
      Condition: {
        ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-2:111122223333:log-group:*" },
      },
    });
    expect(statement(policy, "PublishToEncryptedTopics").Condition.StringEquals["aws:SourceAccount"]).toBe(
      "111122223333",
    );
    for (const s of policy.Statement) expect(s.Principal).not.toBe("*");
  });

  it("lets services that send to encrypted queues as themselves use it, only for this account", () => {
    expect(statement(keyPolicy().policy, "SendToEncryptedQueues")).toBeUndefined();
    const { policy } = keyPolicy({ queueSenderServices: ["events.amazonaws.com"] });
    expect(statement(policy, "SendToEncryptedQueues")).toStrictEqual({
      Sid: "SendToEncryptedQueues",
      Effect: "Allow",
      Principal: { Service: ["events.amazonaws.com"] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    });
  });

  it("drops service statements that are switched off", () => {
    const { policy } = keyPolicy({
      allowConnect: false,
      allowCloudWatchLogs: false,
      topicPublisherServices: [],
      viaServices: [],
    });
    expect(policy.Statement.map((s: any) => s.Sid)).toStrictEqual(["KeyAdministrationThroughIam"]);
  });

  it("adds a moved block from the original module address", () => {
    const { json } = keyPolicy({ movedFromAddress: "module.kms_key.aws_kms_key.this" });
    expect(json.moved).toStrictEqual([
      { from: "module.kms_key.aws_kms_key.this", to: "aws_kms_key.key_key" },
    ]);
  });

  it.each([
    [{ deletionWindowInDays: 5 }, /deletionWindowInDays 5 is outside 7–30/],
    [{ aliasName: "alias/x" }, /aliasName "alias\/x" must be .* without the "alias\/" prefix/],
  ])("rejects %p naming the construct path", (props, message) => {
    expect(
      () =>
        new EncryptionKey(newStack(), "key", {
          account: ACCOUNT,
          description: "d",
          aliasName: "a",
          ...props,
        }),
    ).toThrow(new RegExp(`EncryptionKey at test/key: ${message.source}`));
  });
});

function bucketJson(props: Partial<ConstructorParameters<typeof SecureBucket>[2]> = {}): Record<string, any> {
  const stack = newStack();
  new SecureBucket(stack, "b", { bucketName: "my-bucket", kmsKeyArn: KEY_ARN, ...props });
  return synthJson(stack);
}

describe("SecureBucket", () => {
  it("encrypts with the KMS key and bucket keys", () => {
    const rule = bucketJson().resource.aws_s3_bucket_server_side_encryption_configuration.b_encryption.rule;
    expect(rule).toStrictEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY_ARN },
        bucket_key_enabled: true,
      },
    ]);
  });

  it("blocks all public access, disables ACLs and versions objects", () => {
    const json = bucketJson();
    expect(json.resource.aws_s3_bucket_public_access_block.b_public_access_block).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(json.resource.aws_s3_bucket_ownership_controls.b_ownership.rule).toStrictEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    expect(json.resource.aws_s3_bucket_acl).toBeUndefined();
    expect(json.resource.aws_s3_bucket_versioning.b_versioning.versioning_configuration.status).toBe(
      "Enabled",
    );
    expect(json.resource.aws_s3_bucket.b_bucket.force_destroy).toBe(false);
  });

  it("denies every request that is not TLS, on the bucket and its objects", () => {
    const json = bucketJson();
    const policy = JSON.parse(json.resource.aws_s3_bucket_policy.b_policy.policy);
    expect(policy.Statement[0]).toStrictEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["${aws_s3_bucket.b_bucket.arn}", "${aws_s3_bucket.b_bucket.arn}/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(json.resource.aws_s3_bucket_policy.b_policy.depends_on).toStrictEqual([
      "aws_s3_bucket_public_access_block.b_public_access_block",
    ]);
  });

  it("appends caller statements after the TLS deny", () => {
    const json = bucketJson({
      policyStatements: (arn) => [
        {
          Sid: "Extra",
          Effect: "Allow",
          Principal: { Service: "x.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/*`,
        },
      ],
    });
    expect(
      JSON.parse(json.resource.aws_s3_bucket_policy.b_policy.policy).Statement.map((s: any) => s.Sid),
    ).toStrictEqual(["DenyInsecureTransport", "Extra"]);
  });

  it("tiers and expires objects, cleans old versions and abandoned uploads", () => {
    const json = bucketJson({
      lifecycle: { transitions: [{ days: 30, storageClass: "STANDARD_IA" }], expirationDays: 400 },
    });
    const [rule] = json.resource.aws_s3_bucket_lifecycle_configuration.b_lifecycle.rule;
    expect(rule).toMatchObject({
      status: "Enabled",
      transition: [{ days: 30, storage_class: "STANDARD_IA" }],
      expiration: [{ days: 400 }],
      noncurrent_version_expiration: [{ noncurrent_days: 90 }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    });
  });

  it("logs access only when a target is given", () => {
    expect(bucketJson().resource.aws_s3_bucket_logging).toBeUndefined();
    const json = bucketJson({ accessLogs: { targetBucket: "logs", targetPrefix: "s3/my-bucket/" } });
    expect(json.resource.aws_s3_bucket_logging.b_logging).toMatchObject({
      target_bucket: "logs",
      target_prefix: "s3/my-bucket/",
    });
  });

  it("moves every part from the module and removes the ACL (and logging when unused)", () => {
    // resources/s3 creates these with `count`, so their state addresses carry [0].
    const COUNTED = [
      "aws_s3_bucket_lifecycle_configuration",
      "aws_s3_bucket_ownership_controls",
      "aws_s3_bucket_policy",
      "aws_s3_bucket_versioning",
    ];
    const json = bucketJson({ movedFromModule: "old" });
    expect(json.moved.map((m: any) => m.from).sort()).toStrictEqual(
      [
        "aws_s3_bucket",
        "aws_s3_bucket_lifecycle_configuration",
        "aws_s3_bucket_ownership_controls",
        "aws_s3_bucket_policy",
        "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_versioning",
      ].map((t) => `module.old.${t}.this${COUNTED.includes(t) ? "[0]" : ""}`),
    );
    expect(json.removed.map((r: any) => [r.from, r.lifecycle.destroy])).toStrictEqual([
      ["module.old.aws_s3_bucket_acl.this", false],
      ["module.old.aws_s3_bucket_logging.this", false],
    ]);
    const withLogs = bucketJson({
      movedFromModule: "old",
      accessLogs: { targetBucket: "l", targetPrefix: "p/" },
    });
    expect(withLogs.moved.map((m: any) => m.from)).toContain("module.old.aws_s3_bucket_logging.this[0]");
    expect(withLogs.removed.map((r: any) => r.from)).toStrictEqual(["module.old.aws_s3_bucket_acl.this"]);
  });

  it("encrypts with SSE-S3 and no bucket key when asked, for readers that cannot use a customer key", () => {
    const json = bucketJson({ sseAlgorithm: "AES256", kmsKeyArn: undefined });
    expect(json.resource.aws_s3_bucket_server_side_encryption_configuration.b_encryption.rule).toStrictEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
  });

  it("lets Terraform complete a name from bucketPrefix", () => {
    const bucket = bucketJson({ bucketName: undefined, bucketPrefix: "proj-site-" }).resource.aws_s3_bucket
      .b_bucket;
    expect(bucket.bucket_prefix).toBe("proj-site-");
    expect(bucket.bucket).toBeUndefined();
  });

  it("archives with the original rule id, expiring after GLACIER", () => {
    const json = bucketJson({
      lifecycle: archiveLifecycle({
        infrequentAccessAfterDays: 30,
        glacierAfterDays: 90,
        expireAfterDays: 2557,
      }),
    });
    const [rule] = json.resource.aws_s3_bucket_lifecycle_configuration.b_lifecycle.rule;
    expect(rule).toMatchObject({
      id: "archive",
      transition: [
        { days: 30, storage_class: "STANDARD_IA" },
        { days: 90, storage_class: "GLACIER" },
      ],
      expiration: [{ days: 2557 }],
    });
  });

  it("drops the lifecycle when it is false and deletes the original rule so nothing expires", () => {
    const json = bucketJson({ lifecycle: false, movedFromModule: "old" });
    expect(json.resource.aws_s3_bucket_lifecycle_configuration).toBeUndefined();
    expect(json.moved.map((m: any) => m.from)).not.toContain(
      "module.old.aws_s3_bucket_lifecycle_configuration.this[0]",
    );
    expect(
      json.removed.find((r: any) => r.from === "module.old.aws_s3_bucket_lifecycle_configuration.this")
        ?.lifecycle.destroy,
    ).toBe(true);
  });

  it("pins root addresses from the original stack, including the policy data source", () => {
    const json = bucketJson({
      policyFromDataSource: true,
      keepAddresses: {
        bucket: "site",
        publicAccessBlock: "site",
        policy: "site",
        policyDocument: "site_policy",
      },
    });
    expect(Object.keys(json.resource.aws_s3_bucket)).toStrictEqual(["site"]);
    expect(Object.keys(json.resource.aws_s3_bucket_public_access_block)).toStrictEqual(["site"]);
    expect(json.resource.aws_s3_bucket_policy.site).toMatchObject({
      bucket: "${aws_s3_bucket.site.id}",
      policy: "${data.aws_iam_policy_document.site_policy.json}",
      depends_on: ["aws_s3_bucket_public_access_block.site"],
    });
  });

  it("renders the same statements through a policy data source, one condition block per key", () => {
    const json = bucketJson({
      policyFromDataSource: true,
      policyStatements: () => [
        {
          Sid: "Write",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: "arn:aws:s3:::my-bucket/AWSLogs/*",
          Condition: {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": ["a", "b"] },
          },
        },
      ],
    });
    const [deny, write] = json.data.aws_iam_policy_document.b_policy_document.statement;
    expect(deny).toStrictEqual({
      sid: "DenyInsecureTransport",
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      actions: ["s3:*"],
      resources: ["${aws_s3_bucket.b_bucket.arn}", "${aws_s3_bucket.b_bucket.arn}/*"],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
    expect(write).toStrictEqual({
      sid: "Write",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: ["arn:aws:s3:::my-bucket/AWSLogs/*"],
      condition: [
        { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] },
        { test: "StringEquals", variable: "aws:SourceArn", values: ["a", "b"] },
      ],
    });
  });

  it.each([false, true])(
    "adds statements naming resources created later (policyFromDataSource %p)",
    (policyFromDataSource) => {
      const stack = newStack();
      const b = new SecureBucket(stack, "b", {
        bucketName: "my-bucket",
        kmsKeyArn: KEY_ARN,
        policyFromDataSource,
      });
      b.addPolicyStatements({
        Sid: "ReadByDistribution",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: `${b.bucketArn}/*`,
        Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/D1" } },
      });
      const json = synthJson(stack);
      const sids = policyFromDataSource
        ? json.data.aws_iam_policy_document.b_policy_document.statement.map((s: any) => s.sid)
        : JSON.parse(json.resource.aws_s3_bucket_policy.b_policy.policy).Statement.map((s: any) => s.Sid);
      expect(sids).toStrictEqual(["DenyInsecureTransport", "ReadByDistribution"]);
    },
  );

  it.each([
    [{ bucketName: "Bad_Name" }, /bucketName "Bad_Name" is not a valid S3 bucket name/],
    [{ bucketName: undefined }, /give exactly one of bucketName and bucketPrefix \(got neither\)/],
    [{ bucketPrefix: "p-" }, /give exactly one of bucketName and bucketPrefix \(got both\)/],
    [
      { bucketName: undefined, bucketPrefix: "a-prefix-much-longer-than-thirty-seven-chars-" },
      /bucketPrefix "a-prefix-much-longer-than-thirty-seven-chars-" is not a valid S3 bucket name prefix/,
    ],
    [{ kmsKeyArn: undefined }, /sseAlgorithm "aws:kms" needs kmsKeyArn/],
    [{ sseAlgorithm: "AES256" as const }, /sseAlgorithm "AES256" ignores kmsKeyArn "arn:aws:kms:/],
    [
      { lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER" }], expirationDays: 60 } },
      /lifecycle\.expirationDays 60 is not after the last transition \(90 days\)/,
    ],
    [
      {
        lifecycle: {
          transitions: [
            { days: 90, storageClass: "GLACIER" },
            { days: 30, storageClass: "STANDARD_IA" },
          ],
        },
      },
      /lifecycle\.transitions days \[90, 30\] are not ascending/,
    ],
    [{ movedFromModule: "module.x" }, /movedFromModule "module.x" is not a module name/],
    [
      { keepAddresses: { policyDocument: "doc" } },
      /keepAddresses\.policyDocument "doc" needs policyFromDataSource: true/,
    ],
  ])("rejects %p naming the construct path", (props, message) => {
    expect(
      () => new SecureBucket(newStack(), "b", { bucketName: "ok-name", kmsKeyArn: KEY_ARN, ...props }),
    ).toThrow(new RegExp(`SecureBucket at test/b: ${message.source}`));
  });
});
