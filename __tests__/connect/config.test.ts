import { ConfigError, loadConfig } from "../../config/load";
import { findTransferCycle } from "../../config/schema/connect";

const profile = (overrides: Record<string, unknown> = {}) => ({
  description: "p",
  defaultOutboundQueue: "GeneralAgentQueue",
  mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
  queueConfigs: [{ queue: "GeneralAgentQueue", channel: "VOICE", delay: 0, priority: 1 }],
  ...overrides,
});
const agent = (overrides: Record<string, unknown> = {}) => ({
  firstName: "A",
  lastName: "B",
  email: "a@example.com",
  routingProfile: "Tier1-GeneralSupport",
  securityProfiles: ["Agent"],
  ...overrides,
});

/** FraudQueue replaced: queues merge by name, so the other default queues stay. */
const withFraudQueue = (fraud: Record<string, unknown>) => ({ queues: { FraudQueue: fraud } });

function errorFor(connect: unknown): string {
  try {
    loadConfig({ env: "dev", overrides: { connect } });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("connect config validation", () => {
  it("accepts the defaults: five queues with a 24/7 FraudQueue", () => {
    const { connect } = loadConfig({ env: "dev" });
    expect(Object.keys(connect.queues)).toStrictEqual([
      "GeneralAgentQueue",
      "AccountQueue",
      "LendingQueue",
      "OnboardingQueue",
      "FraudQueue",
    ]);
    expect(connect.queues.FraudQueue.hours).toBe("always");
  });

  it.each([
    [
      "an unknown queue in a routing profile",
      {
        routingProfiles: {
          P: profile({ queueConfigs: [{ queue: "Nope", channel: "VOICE", delay: 0, priority: 1 }] }),
        },
      },
      'connect.routingProfiles.P.queueConfigs[0].queue: expected one of the queues (GeneralAgentQueue, AccountQueue, LendingQueue, OnboardingQueue, FraudQueue), got "Nope"',
    ],
    [
      "an unknown default outbound queue",
      { routingProfiles: { P: profile({ defaultOutboundQueue: "Gone" }) } },
      "connect.routingProfiles.P.defaultOutboundQueue: expected one of the queues",
    ],
    [
      "an unknown transfer target",
      withFraudQueue({ description: "f", hours: "always", transferTo: ["Elsewhere"] }),
      "connect.queues.FraudQueue.transferTo[0]: expected one of the queues",
    ],
    [
      "a transfer cycle",
      withFraudQueue({ description: "f", hours: "always", transferTo: ["GeneralAgentQueue"] }),
      "connect.queues.GeneralAgentQueue.transferTo: transfer targets form a cycle (GeneralAgentQueue → AccountQueue → FraudQueue → GeneralAgentQueue)",
    ],
    [
      "a queue transferring to itself",
      withFraudQueue({ description: "f", hours: "always", transferTo: ["FraudQueue"] }),
      "connect.queues.FraudQueue.transferTo[0]: a queue cannot transfer to itself",
    ],
    [
      "FraudQueue on business hours",
      withFraudQueue({ description: "f", hours: "business" }),
      'connect.queues.FraudQueue.hours: expected "always"',
    ],
    [
      "a VOICE concurrency above 1",
      { routingProfiles: { P: profile({ mediaConcurrencies: [{ channel: "VOICE", concurrency: 2 }] }) } },
      "connect.routingProfiles.P.mediaConcurrencies[0].concurrency: expected 1 for VOICE",
    ],
    [
      "a queue config on a channel without concurrency",
      {
        routingProfiles: {
          P: profile({
            queueConfigs: [{ queue: "GeneralAgentQueue", channel: "CHAT", delay: 0, priority: 1 }],
          }),
        },
      },
      "connect.routingProfiles.P.queueConfigs[0].channel: expected a channel with a media concurrency (VOICE), got CHAT",
    ],
    [
      "a configured profile shadowing a tiered one",
      { routingProfiles: { "FraudTeam-24x7": profile() } },
      'connect.routingProfiles["FraudTeam-24x7"]: "FraudTeam-24x7" is defined in code',
    ],
    [
      "an agent password",
      { identityManagementType: "SAML", agents: { a: agent({ password: "Secret123!" }) } },
      "connect.agents.a.password: passwords are never configured",
    ],
    [
      "an agent on an unknown routing profile",
      { identityManagementType: "SAML", agents: { a: agent({ routingProfile: "Ghost" }) } },
      'connect.agents.a.routingProfile: expected one of the routing profiles (Tier1-GeneralSupport, Tier2-AccountSpecialists, FraudTeam-24x7), got "Ghost"',
    ],
    [
      "agents under CONNECT_MANAGED identity",
      { agents: { a: agent() } },
      "connect.agents: agents can be managed here only with identityManagementType SAML or EXISTING_DIRECTORY",
    ],
    [
      "EXISTING_DIRECTORY without a directory id",
      { identityManagementType: "EXISTING_DIRECTORY" },
      "connect.directoryId: expected directoryId exactly when identityManagementType is EXISTING_DIRECTORY",
    ],
  ])("rejects %s", (_case, connect, message) => {
    expect(errorFor(connect)).toContain(message);
  });

  it("requires the queues the tiered routing profiles serve", () => {
    // null removes a named entry from a map.
    const message = errorFor({ queues: { FraudQueue: null, AccountQueue: null } });
    expect(message).toContain(
      'connect.queues: expected queue "FraudQueue": routing profile FraudTeam-24x7 serves it',
    );
    expect(message).toContain(
      'connect.queues: expected queue "AccountQueue": routing profile Tier2-AccountSpecialists serves it',
    );
  });
});

describe("findTransferCycle", () => {
  it.each([
    [{ A: { transferTo: ["B"] }, B: { transferTo: ["C"] }, C: { transferTo: [] } }, undefined],
    [{ A: { transferTo: ["B", "C"] }, B: { transferTo: ["C"] }, C: { transferTo: [] } }, undefined],
    [{ A: { transferTo: ["B"] }, B: { transferTo: ["C"] }, C: { transferTo: ["A"] } }, ["A", "B", "C", "A"]],
    [{ A: { transferTo: [] }, B: { transferTo: ["C"] }, C: { transferTo: ["B"] } }, ["B", "C", "B"]],
  ])("finds %p → %p", (queues, cycle) => {
    expect(findTransferCycle(queues)).toStrictEqual(cycle);
  });
});
