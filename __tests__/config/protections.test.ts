import { prod } from "../../config/environments/prod";
import { DR_SUPPRESSIONS } from "../../config/environments/suppressions";
import { loadConfig } from "../../config/load";
import type { ConfigInput } from "../../config/schema";
import { PROTECTED_SETTINGS } from "../../config/protections";
import { configErrorOf, deletionProtectionAttack, overridesFile } from "./support";

/** Each protected setting (but the three tested on their own below) weakened by an override: path, message. */
const WEAKENINGS: ReadonlyArray<readonly [unknown, string, string]> = [
  [{ environment: "dev" }, "environment", `change it ("prod" → "dev")`],
  [{ security: { kmsDeletionWindowDays: 7 } }, "security.kmsDeletionWindowDays", "lower it (30 → 7)"],
  [{ security: { securityEventTtlDays: 30 } }, "security.securityEventTtlDays", "lower it (400 → 30)"],
  [{ security: { maxPinAttempts: 10 } }, "security.maxPinAttempts", "raise it (3 → 10)"],
  // Keeping leading zeros would give 012345 and 12345 a PIN lockout each again.
  [
    { security: { customerIdFormat: { stripLeadingZeros: false } } },
    "security.customerIdFormat",
    "change it",
  ],
  [
    { security: { allowedEmailDomains: ["bank.example", "gmail.com"] } },
    "security.allowedEmailDomains",
    `add to it ("gmail.com")`,
  ],
  [{ observability: { logRetentionDays: 30 } }, "observability.logRetentionDays", "lower it (365 → 30)"],
  [
    { datalake: { deliveryErrorLogRetentionDays: 7 } },
    "datalake.deliveryErrorLogRetentionDays",
    "lower it (365 → 7)",
  ],
  [{ datalake: { lifecycle: { expireAfterDays: 200 } } }, "datalake.lifecycle.expireAfterDays", "lower it"],
  [{ connect: { recordingRetentionDays: 30 } }, "connect.recordingRetentionDays", "lower it (2555 → 30)"],
  [{ audit: { lifecycle: { expireAfterDays: 400 } } }, "audit.lifecycle.expireAfterDays", "lower it"],
  [{ audit: { objectLock: { days: 30 } } }, "audit.objectLock.days", "lower it (2557 → 30)"],
  [
    { audit: { objectLock: { mode: "GOVERNANCE" } } },
    "audit.objectLock.mode",
    `weaken it ("COMPLIANCE" → "GOVERNANCE")`,
  ],
  [{ backend: { type: "local" } }, "backend.type", `change it ("s3" → "local")`],
  [{ region: "eu-west-1" }, "region", `change it ("eu-west-2" → "eu-west-1")`],
  [
    { security: { rateLimits: { windowMinutes: 1 } } },
    "security.rateLimits.windowMinutes",
    "lower it (15 → 1)",
  ],
  [
    { security: { rateLimits: { perContact: { sensitiveOperations: 500 } } } },
    "security.rateLimits.perContact.sensitiveOperations",
    "raise it (20 → 500)",
  ],
  [
    { security: { rateLimits: { perContact: { modelQuestions: 11 } } } },
    "security.rateLimits.perContact.modelQuestions",
    "raise it (10 → 11)",
  ],
  [
    { security: { rateLimits: { perCustomer: { sensitiveOperations: 41 } } } },
    "security.rateLimits.perCustomer.sensitiveOperations",
    "raise it (40 → 41)",
  ],
  [
    { security: { rateLimits: { perCustomer: { modelQuestions: 10_000 } } } },
    "security.rateLimits.perCustomer.modelQuestions",
    "raise it (20 → 10000)",
  ],
  [
    { connect: { identityManagementType: "CONNECT_MANAGED" } },
    "connect.identityManagementType",
    `change it ("SAML" → "CONNECT_MANAGED")`,
  ],
  [{ api: { agents: { requiredGroup: "everyone" } } }, "api.agents.requiredGroup", "change it"],
  [{ api: { agents: { groupsClaim: "aud" } } }, "api.agents.groupsClaim", "change it"],
];

const prodWith = (overrides: unknown) => () => loadConfig({ env: "prod", overrides });
const linesOf = (run: () => unknown) => configErrorOf(run).message.split("\n");

describe("prod protections an override cannot lower", () => {
  it("refuse the measured attack from a CONNECT_CONFIG_FILE: one line per protected setting", () => {
    const file = overridesFile(deletionProtectionAttack());
    const lines = linesOf(() => loadConfig({ env: "prod", overridesFile: file }));
    expect(lines).toStrictEqual([
      expect.stringMatching(
        new RegExp(
          `^config/environments/prod\\.ts \\+ ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: rules\\.suppressions: protected \\(reviewed exceptions to the stack rules; an override may drop one\\): an override cannot add to it \\(dynamodb-deletion-protection aws_dynamodb_table\\.security_security_events_table; .*\\); change it in config/environments/prod\\.ts, where it is reviewed$`,
        ),
      ),
      `config/environments/prod.ts + ${file}: security.deletionProtection: protected in prod (deletion protection of tables, and the 30-day recovery window of secrets): an override cannot lower it (true → false); change it in config/environments/prod.ts, where it is reviewed`,
    ]);
  });

  it.each(WEAKENINGS)("refuse %j naming the setting", (overrides, path, what) => {
    const lines = linesOf(prodWith(overrides)).filter((l) => l.includes(": protected"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`config/environments/prod.ts: ${path}: protected`);
    expect(lines[0]).toContain(`an override cannot ${what}`);
  });

  it("every protected setting has a test that an override cannot weaken it", () => {
    // The attack above covers deletion protection and suppressions; the PIN test below, PIN encryption.
    const tested = [
      ...WEAKENINGS.map(([, path]) => path),
      ...DR_WEAKENINGS.map(([, path]) => path),
      "rules.suppressions",
      "security.deletionProtection",
      "accountIds",
    ];
    expect(PROTECTED_SETTINGS.map((p) => p.path).sort()).toStrictEqual(
      [...tested, "flows.pinEncryption"].sort(),
    );
  });

  it("cannot be removed through an empty object either: encrypted PIN entry stays", () => {
    expect(loadConfig({ env: "prod", overrides: { flows: {} } }).flows.pinEncryption).toBeDefined();
    expect(configErrorOf(prodWith({ flows: { pinEncryption: null } })).message).toMatch(
      /flows\.pinEncryption/,
    );
  });

  it("allow an override to strengthen them, and to drop a suppression", () => {
    const config = loadConfig({
      env: "prod",
      overrides: {
        security: {
          maxPinAttempts: 2,
          securityEventTtlDays: 800,
          allowedEmailDomains: ["bank.example"],
          rateLimits: { windowMinutes: 60, perCustomer: { sensitiveOperations: 10 } },
        },
        observability: { logRetentionDays: 731 },
        rules: { suppressions: [] },
      },
    });
    expect([config.security.maxPinAttempts, config.observability.logRetentionDays]).toStrictEqual([2, 731]);
    expect(config.security.rateLimits).toMatchObject({
      windowMinutes: 60,
      perCustomer: { sensitiveOperations: 10, modelQuestions: 20 },
    });
    expect(config.rules.suppressions).toStrictEqual([]);
  });

  it("allow the bank's real values where prod.ts ships stand-ins (subscribers, issuers, host name)", () => {
    const config = loadConfig({
      env: "prod",
      overrides: {
        security: { fraudAlertEmails: ["fraud-ops@bank.example"] },
        api: { agents: { issuer: "https://sso.bank.example/oauth2/desk" } },
      },
    });
    expect(config.api.agents.requiredGroup).toBe("contact-centre-agents");
  });

  it("leave dev free to lower what prod protects, but not to add suppressions", () => {
    const config = loadConfig({ env: "dev", overrides: { security: { kmsDeletionWindowDays: 7 } } });
    expect(config.security.kmsDeletionWindowDays).toBe(7);
    const suppression = {
      rule: "secret-rotation",
      address: "aws_secretsmanager_secret.anything",
      owner: "someone",
      reason: "x".repeat(40),
    };
    expect(
      linesOf(() => loadConfig({ env: "dev", overrides: { rules: { suppressions: [suppression] } } })),
    ).toStrictEqual([
      expect.stringMatching(
        /^config\/environments\/dev\.ts: rules\.suppressions: protected .*cannot add to it \(secret-rotation aws_secretsmanager_secret\.anything\)/,
      ),
    ]);
  });
});

const GROUP =
  "arn:aws:connect:eu-west-2:111122223333:traffic-distribution-group/7a2e4c91-0b3d-4f58-a6e7-19c8d5b2f340";

/** prod.ts as the bank commits it with DR on (docs/disaster-recovery.md), before the group is known. */
const prodWithDrFile = (dr: Record<string, unknown> = {}): Record<string, ConfigInput> => ({
  prod: {
    ...prod,
    dr: {
      enabled: true,
      replicaRegion: "eu-central-1",
      residency: { callRecordings: "replicate", chatTranscripts: "replicate" },
      ...dr,
    } as ConfigInput["dr"],
    rules: { suppressions: [...(prod.rules?.suppressions ?? []), ...DR_SUPPRESSIONS] },
  },
});

const OTHER_GROUP = GROUP.replace("7a2e4c91", "0b1d2e3f");

/**
 * Each DR setting weakened by an override of a prod file that turns DR on: overrides, path, message,
 * and what the file says besides. (An override cannot unset the group at all: `null` is no ARN.)
 */
const DR_WEAKENINGS: ReadonlyArray<readonly [unknown, string, string, Record<string, unknown>]> = [
  // Off: the replica's resources, its table replicas among them, would be destroyed.
  [{ dr: { enabled: false } }, "dr.enabled", "lower it (true → false)", {}],
  // A pair the schema accepts (London replicates only to Frankfurt): the override must move the
  // primary too, which `region`'s own protection refuses as well (asserted below).
  [
    { region: "us-east-1", dr: { replicaRegion: "us-west-2" } },
    "dr.replicaRegion",
    `change it ("eu-central-1" → "us-west-2")`,
    {},
  ],
  [
    { dr: { trafficDistributionGroupArn: OTHER_GROUP } },
    "dr.trafficDistributionGroupArn",
    `change it ("${GROUP}" → "${OTHER_GROUP}")`,
    { trafficDistributionGroupArn: GROUP },
  ],
  // The host name the CCP page and the app call: another is a new certificate and new records.
  [
    { dr: { api: { domainName: "api2.contact.bank.example" } } },
    "dr.api",
    `change it ({"domainName":"api.contact.bank.example","hostedZoneId":"Z0123456789ABCDEFGHIJ"} → {"domainName":"api2.contact.bank.example","hostedZoneId":"Z0123456789ABCDEFGHIJ"})`,
    { api: { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" } },
  ],
  [
    { dr: { residency: { callRecordings: "primary-only" } } },
    "dr.residency.callRecordings",
    `change it ("replicate" → "primary-only")`,
    {},
  ],
  [
    { dr: { residency: { chatTranscripts: "primary-only" } } },
    "dr.residency.chatTranscripts",
    `change it ("replicate" → "primary-only")`,
    {},
  ],
];

describe("prod's account pins", () => {
  const PINNED = ["111122223333", "444455556666"];
  const pinned = (overrides: unknown) => () =>
    loadConfig({ env: "prod", environments: { prod: { ...prod, accountIds: PINNED } }, overrides });

  it("refuse an override that adds an account to the ones prod.ts pins", () => {
    expect(linesOf(pinned({ accountIds: [...PINNED, "999999999999"] }))).toStrictEqual([
      `config/environments/prod.ts: accountIds: protected in prod (the accounts prod may be planned and deployed in): an override cannot add to it ("999999999999"); change it in config/environments/prod.ts, where it is reviewed`,
    ]);
  });

  it("let an override narrow them, or pin prod where prod.ts does not", () => {
    expect(pinned({ accountIds: ["444455556666"] })().accountIds).toStrictEqual(["444455556666"]);
    expect(loadConfig({ env: "prod", overrides: { accountIds: ["111122223333"] } }).accountIds).toStrictEqual(
      ["111122223333"],
    );
  });
});

describe("prod DR protections, once the environment file turns DR on", () => {
  const withDr = (overrides: unknown, dr?: Record<string, unknown>) => () =>
    loadConfig({ env: "prod", environments: prodWithDrFile(dr), overrides });

  it("the committed-style file loads, and an override may still change what DR does not protect", () => {
    const config = withDr({ dr: { replicaAlias: "bank-contact-centre-frankfurt" } })();
    expect(config.dr).toMatchObject({ enabled: true, replicaRegion: "eu-central-1" });
  });

  it.each(DR_WEAKENINGS)("refuse %j naming the setting", (overrides, path, what, dr) => {
    const lines = linesOf(withDr(overrides, dr)).filter((l) => l.includes(": protected"));
    const movesRegion = (overrides as { region?: string }).region !== undefined;
    expect(lines).toStrictEqual([
      ...(movesRegion
        ? [expect.stringContaining("config/environments/prod.ts: region: protected in prod")]
        : []),
      expect.stringContaining(`config/environments/prod.ts: ${path}: protected in prod`),
    ]);
    expect(lines.at(-1)).toContain(`an override cannot ${what}`);
  });

  it("refuse residency in the other direction too: replicating is a transfer of customer content", () => {
    const lines = linesOf(
      withDr(
        { dr: { residency: { callRecordings: "replicate" } } },
        {
          residency: { callRecordings: "primary-only", chatTranscripts: "replicate" },
        },
      ),
    );
    expect(lines).toStrictEqual([
      `config/environments/prod.ts: dr.residency.callRecordings: protected in prod with dr.enabled (whether call recordings are copied to the replica Region): an override cannot change it ("primary-only" → "replicate"); change it in config/environments/prod.ts, where it is reviewed`,
    ]);
  });

  it("refuse the group from an override while the file has DR on without it (stage 2 is reviewed)", () => {
    const lines = linesOf(withDr({ dr: { trafficDistributionGroupArn: GROUP } }));
    expect(lines).toStrictEqual([
      expect.stringMatching(
        /dr\.trafficDistributionGroupArn: protected in prod with dr\.enabled .*cannot change it \(unset → /,
      ),
    ]);
  });

  it("leave DR's settings free while prod.ts has DR off: an override may turn it on (the DR commands read it so)", () => {
    const config = loadConfig({
      env: "prod",
      overrides: { dr: { enabled: true, replicaRegion: "eu-central-1", trafficDistributionGroupArn: GROUP } },
    });
    expect(config.dr.trafficDistributionGroupArn).toBe(GROUP);
    expect(
      loadConfig({ env: "prod", overrides: { dr: { residency: { callRecordings: "primary-only" } } } }).dr
        .residency.callRecordings,
    ).toBe("primary-only");
  });
});

describe("alarm and fraud subscribers in prod", () => {
  it("refuse an address outside the bank's mail domains (fraud-copy@gmail.com)", () => {
    const lines = linesOf(
      prodWith({ security: { fraudAlertEmails: ["fraud-operations@bank.example", "fraud-copy@gmail.com"] } }),
    );
    expect(lines).toStrictEqual([
      "config/environments/prod.ts: security.fraudAlertEmails[1]: fraud-copy@gmail.com would receive fraud alerts outside the bank: its domain is not in security.allowedEmailDomains (bank.example)",
    ]);
  });

  it("refuse alarm subscribers outside them too", () => {
    expect(linesOf(prodWith({ security: { alarmEmails: ["oncall@outlook.com"] } }))).toStrictEqual([
      expect.stringContaining(
        "security.alarmEmails[0]: oncall@outlook.com would receive operational alarms outside the bank",
      ),
    ]);
  });

  it("require the list of domains in a prod environment file", () => {
    const withoutDomains = { ...prod, security: { ...prod.security, allowedEmailDomains: [] } };
    expect(linesOf(() => loadConfig({ env: "prod", environments: { prod: withoutDomains } }))).toStrictEqual([
      "config/environments/prod.ts: security.allowedEmailDomains: production sends fraud and alarm e-mails only to the bank's own mail domains: list them (e.g. bank.co.uk)",
    ]);
  });

  it("leave dev free to use any domain", () => {
    expect(
      loadConfig({ env: "dev", overrides: { security: { alarmEmails: ["me@gmail.com"] } } }).security
        .alarmEmails,
    ).toStrictEqual(["me@gmail.com"]);
  });
});
