import { loadConfig } from "../../config/load";
import type { ConfigInput } from "../../config/schema";
import { configErrorOf, overridesFile } from "./support";

const dev = (overrides: unknown) => loadConfig({ env: "dev", overrides });

describe("config layers (defaults, environment file, CONNECT_CONFIG_FILE, in-memory overrides)", () => {
  it("merge objects key by key", () => {
    const config = dev({ connect: { phoneNumbers: { tollFree: false } } });
    expect(config.connect.phoneNumbers).toStrictEqual({ countryCode: "GB", did: true, tollFree: false });
  });

  it("merge maps of named things by name: a new queue joins the default ones", () => {
    const config = dev({ connect: { queues: { CollectionsQueue: { description: "Collections" } } } });
    expect(Object.keys(config.connect.queues)).toStrictEqual([
      "GeneralAgentQueue",
      "AccountQueue",
      "LendingQueue",
      "OnboardingQueue",
      "FraudQueue",
      "CollectionsQueue",
    ]);
  });

  it("merge a named entry field by field", () => {
    const queue = dev({ connect: { queues: { FraudQueue: { maxContacts: 4 } } } }).connect.queues.FraudQueue;
    expect(queue).toStrictEqual({
      description: "24/7 queue for fraud and lost or stolen cards",
      hours: "always",
      maxContacts: 4,
      transferTo: [],
    });
  });

  it("remove a named entry set to null", () => {
    const config = dev({
      connect: { businessHours: { days: { SATURDAY: null } } },
      tags: { ManagedBy: null },
    });
    expect(Object.keys(config.connect.businessHours.days)).not.toContain("SATURDAY");
    expect(config.tags).toStrictEqual({ Project: "ConnectComprehensive" });
  });

  it("add tags beside the default ones", () => {
    expect(dev({ tags: { CostCentre: "cc-42" } }).tags).toStrictEqual({
      Project: "ConnectComprehensive",
      ManagedBy: "Terraform",
      CostCentre: "cc-42",
    });
  });

  it("replace lists", () => {
    const config = dev({ datalake: { metricStreamNamespaces: ["AWS/Connect"] } });
    expect(config.datalake.metricStreamNamespaces).toStrictEqual(["AWS/Connect"]);
  });

  it("keep a default's other fields when a layer sets one: audit retention stays 7 years", () => {
    // Before: the partial object replaced the default, and the trail expired after 365 days.
    expect(dev({ audit: { lifecycle: { glacierAfterDays: 120 } } }).audit.lifecycle).toStrictEqual({
      infrequentAccessAfterDays: 30,
      glacierAfterDays: 120,
      expireAfterDays: 2557,
    });
    expect(dev({ audit: { objectLock: { days: 400 } } }).audit.objectLock).toStrictEqual({
      mode: "GOVERNANCE",
      days: 400,
    });
  });

  it("do the same in a committed environment file", () => {
    const file = { environment: "dev", audit: { lifecycle: { glacierAfterDays: 120 } } } as ConfigInput;
    expect(loadConfig({ env: "dev", environments: { dev: file } }).audit.lifecycle.expireAfterDays).toBe(
      2557,
    );
  });

  it("replace the backend when its type changes, and merge it when not", () => {
    expect(
      dev({ backend: { type: "s3", bucket: "tf-state-dev", key: "dev.tfstate", region: "eu-west-2" } })
        .backend,
    ).toStrictEqual({
      type: "s3",
      bucket: "tf-state-dev",
      key: "dev.tfstate",
      region: "eu-west-2",
      encrypt: true,
      useLockfile: true,
    });
    expect(
      loadConfig({ env: "prod", overrides: { backend: { dynamodbTable: "tf-locks" } } }).backend,
    ).toMatchObject({
      type: "s3",
      bucket: "connect-comprehensive-tfstate-prod",
      dynamodbTable: "tf-locks",
    });
  });

  it("apply an in-memory override over the file, over the environment", () => {
    const file = overridesFile({ voiceId: "Brian", lex: { aliasName: "live" } });
    const config = loadConfig({ env: "dev", overridesFile: file, overrides: { voiceId: "Emma" } });
    expect([config.voiceId, config.lex.aliasName]).toStrictEqual(["Emma", "live"]);
  });

  it("refuse null where a value is expected, saying what null does", () => {
    expect(configErrorOf(() => dev({ lex: { aliasName: null } })).message).toMatch(
      /^config\/environments\/dev\.ts: lex\.aliasName: .*received null: null only removes a named entry of a map \(queues, .*\); leave a setting out to keep the value the layer below gives it$/,
    );
  });
});
