import { loadConfig } from "../../config/load";
import { configSchema, type StackConfig } from "../../config/schema";
import { isPlainObject, settingObjects, unwrap, unknownSettings } from "../../config/tree";
import { AGENT, ROUTING_PROFILE, configErrorOf, overridesFile } from "./support";

describe("unknown config keys", () => {
  it.each([
    [
      { security: { deletionProtecton: true } },
      "security.deletionProtecton: unknown setting; did you mean deletionProtection?",
    ],
    [{ lambda: { memorySize: 2048 } }, "lambda.memorySize: unknown setting; did you mean memoryMb?"],
    [
      { observability: { logRetentionDay: 90 } },
      "observability.logRetentionDay: unknown setting; did you mean logRetentionDays?",
    ],
  ])("fail a CONNECT_CONFIG_FILE with the full path and the nearest key: %j", (overrides, line) => {
    const file = overridesFile(overrides);
    expect(configErrorOf(() => loadConfig({ env: "prod", overridesFile: file })).message).toBe(
      `config/environments/prod.ts + ${file}: ${line}`,
    );
  });

  it("are found inside maps of named things, lists and the backend's variants", () => {
    const message = configErrorOf(() =>
      loadConfig({
        env: "dev",
        overrides: {
          connect: {
            queues: { FraudQueue: { maxContact: 3 } },
            businessHours: { days: { SUNDYA: { start: "10:00", end: "12:00" } } },
          },
          backend: { type: "local", pth: "state" },
        },
      }),
    ).message;
    expect(message.split("\n")).toStrictEqual([
      "config/environments/dev.ts: connect.queues.FraudQueue.maxContact: unknown setting; did you mean maxContacts?",
      "config/environments/dev.ts: connect.businessHours.days.SUNDYA: unknown key; did you mean SUNDAY?",
      "config/environments/dev.ts: backend.pth: unknown setting; did you mean path?",
    ]);
  });

  it("list the known keys when none is close", () => {
    expect(configErrorOf(() => loadConfig({ env: "dev", overrides: { lex: { zzz: 1 } } })).message).toMatch(
      /lex\.zzz: unknown setting; expected one of idleSessionTtlSeconds, nluConfidenceThreshold, /,
    );
  });

  it("say where a removed setting went", () => {
    expect(
      configErrorOf(() => loadConfig({ env: "dev", overrides: { audit: { kmsDeletionWindowDays: 7 } } }))
        .message,
    ).toBe(
      "config/environments/dev.ts: audit.kmsDeletionWindowDays: removed: security.kmsDeletionWindowDays sets the deletion window of every key of the stack, the trail's included",
    );
  });

  it("fail in a committed environment file too", () => {
    const message = configErrorOf(() =>
      loadConfig({
        env: "dev",
        environments: { dev: { environment: "dev", lex: { aliasNam: "x" } } as never },
      }),
    ).message;
    expect(message).toBe(
      "config/environments/dev.ts: lex.aliasNam: unknown setting; did you mean aliasName?",
    );
  });
});

/** Every plain object of a config value that a schema object (or named map) describes, by schema path. */
function objectsIn(value: unknown, schemaPath: string, path: PropertyKey[], out: Map<string, PropertyKey[]>) {
  if (Array.isArray(value)) value.forEach((v, i) => objectsIn(v, `${schemaPath}.[]`, [...path, i], out));
  if (!isPlainObject(value)) return;
  out.set(schemaPath.replace(/^\./, ""), path);
  for (const [key, child] of Object.entries(value)) {
    const mapKey = /^(queues|routingProfiles|agents|days|tags)$/.test(String(path.at(-1)));
    objectsIn(child, `${schemaPath}.${mapKey ? "*" : key}`, [...path, key], out);
  }
}

/** A copy of `config` with `key: true` added to the object at `path`. */
function withKeyAt(config: StackConfig, path: PropertyKey[], key: string): unknown {
  const copy = structuredClone(config) as unknown as Record<PropertyKey, unknown>;
  const target = path.reduce<Record<PropertyKey, unknown>>(
    (node, k) => node[k] as Record<PropertyKey, unknown>,
    copy,
  );
  target[key] = true;
  return copy;
}

describe("strictness at every depth", () => {
  // Whole configs that reach every object of the schema: dev (local backend) and prod (S3
  // backend, encrypted PINs, SAML) with a routing profile and an agent, and DR with the API's
  // failover domain.
  const configs = [
    loadConfig({ env: "dev" }),
    loadConfig({
      env: "prod",
      overrides: {
        connect: { routingProfiles: { Collections: ROUTING_PROFILE }, agents: { jdoe: AGENT } },
        dr: {
          enabled: true,
          replicaRegion: "eu-central-1",
          api: { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
        },
      },
    }),
  ];
  const reached = new Map<string, [StackConfig, PropertyKey[]]>();
  for (const config of configs) {
    const found = new Map<string, PropertyKey[]>();
    objectsIn(config, "", [], found);
    for (const [schemaPath, path] of found)
      if (!reached.has(schemaPath)) reached.set(schemaPath, [config, path]);
  }

  it("the configs under test reach every object of the schema", () => {
    const open = settingObjects(configSchema).filter((p) => p !== "" && !reached.has(p));
    expect(open).toStrictEqual([]);
  });

  it.each(settingObjects(configSchema).map((p) => [p || "(root)"]))(
    "%s refuses a key it does not know",
    (p) => {
      const [config, path] = reached.get(p === "(root)" ? "" : p) ?? [];
      if (!config || !path) throw new Error(`no config reaches ${p}`);
      const issues = unknownSettings(configSchema, withKeyAt(config, path, "notASetting"));
      expect(issues.map((i) => i.path)).toStrictEqual([[...path, "notASetting"]]);
    },
  );

  it("maps keyed by anything (queues, tags) accept new names", () => {
    expect(unwrap(configSchema).def.type).toBe("object");
    expect(
      unknownSettings(configSchema, {
        tags: { CostCentre: "cc-42" },
        connect: { queues: { Collections: {} } },
      }),
    ).toStrictEqual([]);
  });
});
