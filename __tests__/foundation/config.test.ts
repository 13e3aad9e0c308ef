import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig, resolveEnvName } from "../../config/load";

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("config defaults", () => {
  it("equal the original stack's variables.tf", () => {
    const config = loadConfig({ env: "dev" });
    expect(config.region).toBe("eu-west-2");
    expect(config.projectName).toBe("connect-comprehensive");
    expect(config.environment).toBe("dev");
    expect(config.locale).toBe("en_GB");
    expect(config.voiceId).toBe("Amy");
    // Not the original's us-east-1: customer text sent to the model stays in the EU.
    expect(config.bedrockRegion).toBe("eu-central-1");
    expect(config.tags).toStrictEqual({ Project: "ConnectComprehensive", ManagedBy: "Terraform" });
    expect(config.backend).toStrictEqual({ type: "local" });
    expect(config.connect.instanceAlias).toBe("my-connect-instance-demo-123");
    for (const [name, description] of [
      ["GeneralAgentQueue", "Queue for general agents"],
      ["AccountQueue", "Queue for account services"],
      ["LendingQueue", "Queue for lending services"],
      ["OnboardingQueue", "Queue for onboarding services"],
    ]) {
      expect(config.connect.queues[name]?.description).toBe(description);
    }
  });

  it("add the guide's 24/7 FraudQueue", () => {
    expect(loadConfig({ env: "dev" }).connect.queues.FraudQueue).toMatchObject({ hours: "always" });
  });

  it("make prod stricter than dev where a bank needs it", () => {
    const dev = loadConfig({ env: "dev" });
    const prod = loadConfig({ env: "prod" });
    expect(dev.security.deletionProtection).toBe(false);
    expect(prod.security.deletionProtection).toBe(true);
    expect(prod.observability.logRetentionDays).toBeGreaterThan(dev.observability.logRetentionDays);
    expect(prod.observability.thresholds.queueWaitSeconds).toBeLessThan(
      dev.observability.thresholds.queueWaitSeconds,
    );
    expect(prod.backend).toMatchObject({ type: "s3", encrypt: true, useLockfile: true });
  });
});

/** A valid routing profile; tests change one field. */
function routingProfile(queue: string) {
  return {
    description: "profile",
    defaultOutboundQueue: "GeneralAgentQueue",
    mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
    queueConfigs: [{ queue, channel: "VOICE", delay: 0, priority: 1 }],
  };
}

describe("config errors", () => {
  it("name the field and the expectation in one line", () => {
    const error = errorOf(() => loadConfig({ env: "dev", overrides: { region: "europe" } }));
    expect(error.message).toBe(
      "config/environments/dev.ts: region: expected an AWS region such as eu-west-2",
    );
  });

  it("give nested paths with map keys and list indexes", () => {
    const error = errorOf(() =>
      loadConfig({
        env: "dev",
        overrides: {
          connect: {
            routingProfiles: { Sales: routingProfile("NoSuchQueue") },
          },
        },
      }),
    );
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.message).toMatch(
      /^config\/environments\/dev\.ts: connect\.routingProfiles\.Sales\.queueConfigs\[0\]\.queue: expected one of the queues \(.*FraudQueue.*\), got "NoSuchQueue"$/,
    );
  });

  it("reject a password on an agent", () => {
    const error = errorOf(() =>
      loadConfig({
        env: "dev",
        overrides: {
          connect: {
            routingProfiles: { Basic: routingProfile("GeneralAgentQueue") },
            agents: {
              jdoe: {
                firstName: "J",
                lastName: "Doe",
                email: "jdoe@bank.invalid",
                routingProfile: "Basic",
                securityProfiles: ["Agent"],
                password: "Secret123!",
              },
            },
          },
        },
      }),
    );
    expect(error.message).toMatch(/connect\.agents\.jdoe\.password: passwords are never configured/);
  });

  it("reject unknown top-level keys", () => {
    const error = errorOf(() => loadConfig({ env: "dev", overrides: { regoin: "eu-west-1" } }));
    expect(error.message).toMatch(/regoin/);
  });

  it("name the known environments for an unknown one", () => {
    expect(errorOf(() => loadConfig({ env: "qa" })).message).toBe(
      'config: environment "qa" is unknown: expected one of dev, prod',
    );
  });

  it("name an override file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ region: ");
    expect(errorOf(() => loadConfig({ env: "dev", overridesFile: file })).message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid JSON`),
    );
  });

  it("merge an override file over the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const file = join(dir, "ok.json");
    writeFileSync(file, JSON.stringify({ voiceId: "Brian", connect: { phoneNumbers: { tollFree: false } } }));
    const config = loadConfig({ env: "dev", overridesFile: file });
    expect(config.voiceId).toBe("Brian");
    expect(config.connect.phoneNumbers).toStrictEqual({ countryCode: "GB", did: true, tollFree: false });
  });
});

describe("environment selection", () => {
  it.each([
    [["--context", "env=prod"], undefined, {}, "prod"],
    [["--context=env=prod"], "dev", { CONNECT_ENV: "dev" }, "prod"],
    [[], "prod", { CONNECT_ENV: "dev" }, "prod"],
    [[], undefined, { CONNECT_ENV: "prod" }, "prod"],
    [[], undefined, {}, "dev"],
  ])("argv %j, context %j, env %j → %s", (argv, context, env, expected) => {
    expect(resolveEnvName(argv, context, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
