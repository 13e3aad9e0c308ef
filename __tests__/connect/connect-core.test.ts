import { Testing } from "cdktf";
import { buildLedger } from "../../constructs/migration/ledger";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Agents } from "../../constructs/connect";
import { RemovedFromState } from "../../constructs/core/addresses";
import { byName, connectCore, newStack, refId, resourcesOfType, synthJson } from "./helpers";
import { forSnapshot } from "../support/snapshot";

const WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

/** SAML with agents and a configured profile: every original Connect address is in play. */
const SAML_WITH_AGENTS = {
  connect: {
    identityManagementType: "SAML",
    routingProfiles: {
      Basic: {
        description: "Original-style profile",
        defaultOutboundQueue: "GeneralAgentQueue",
        mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
        queueConfigs: [{ queue: "GeneralAgentQueue", channel: "VOICE", delay: 0, priority: 1 }],
      },
    },
    agents: {
      "jane.doe": {
        firstName: "Jane",
        lastName: "Doe",
        email: "jane.doe@example.com",
        routingProfile: "FraudTeam-24x7",
        securityProfiles: ["Agent", "CallCenterManager"],
      },
      "sam.lee": {
        firstName: "Sam",
        lastName: "Lee",
        email: "sam.lee@example.com",
        routingProfile: "Basic",
        securityProfiles: ["Admin"],
      },
    },
  },
};

describe("ConnectCore queues and hours", () => {
  const json = synthJson(connectCore().stack);

  it("creates the five queues, FraudQueue on the 24/7 schedule and the rest on business hours", () => {
    const queues = resourcesOfType(json, "aws_connect_queue");
    const hoursByQueue = Object.fromEntries(
      Object.values(queues).map((q: any) => [
        q.name,
        resourcesOfType(json, "aws_connect_hours_of_operation")[refId(q.hours_of_operation_id)].name,
      ]),
    );
    expect(hoursByQueue).toStrictEqual({
      GeneralAgentQueue: "Business Hours",
      AccountQueue: "Business Hours",
      LendingQueue: "Business Hours",
      OnboardingQueue: "Business Hours",
      FraudQueue: "24x7",
    });
  });

  it("opens the 24/7 schedule every day round the clock and business hours as configured", () => {
    const always = byName(json, "aws_connect_hours_of_operation", "24x7");
    expect(always.config.map((c: any) => c.day)).toStrictEqual(WEEK);
    for (const c of always.config)
      expect([c.start_time, c.end_time]).toStrictEqual([
        { hours: 0, minutes: 0 },
        { hours: 0, minutes: 0 },
      ]);
    const business = byName(json, "aws_connect_hours_of_operation", "Business Hours");
    expect(business.time_zone).toBe("Europe/London");
    expect(business.config.map((c: any) => c.day)).toStrictEqual(WEEK.slice(0, 6));
    expect(business.config[5]).toStrictEqual({
      day: "SATURDAY",
      start_time: { hours: 9, minutes: 0 },
      end_time: { hours: 17, minutes: 0 },
    });
  });

  it("presents the DID as outbound caller id on every queue", () => {
    for (const queue of Object.values(resourcesOfType(json, "aws_connect_queue")) as any[]) {
      expect(queue.outbound_caller_config).toStrictEqual({
        outbound_caller_id_name: "Connect Support",
        outbound_caller_id_number_id: "${aws_connect_phone_number.outbound.id}",
      });
    }
  });

  it("offers quick connects along the transfer DAG: general → specialists and fraud, specialists → fraud", () => {
    const targetsOf = (queue: string): string[] =>
      (byName(json, "aws_connect_queue", queue).quick_connect_ids ?? []).map(
        (ref: string) => resourcesOfType(json, "aws_connect_quick_connect")[refId(ref)].name,
      );
    expect(targetsOf("GeneralAgentQueue")).toStrictEqual([
      "Transfer to AccountQueue",
      "Transfer to LendingQueue",
      "Transfer to OnboardingQueue",
      "Transfer to FraudQueue",
    ]);
    expect(targetsOf("AccountQueue")).toStrictEqual(["Transfer to FraudQueue"]);
    expect(targetsOf("FraudQueue")).toStrictEqual([]);
  });

  it("runs quick connects through the built-in queue transfer flow until a flow is handed over", () => {
    const qc = byName(json, "aws_connect_quick_connect", "Transfer to FraudQueue");
    expect(qc.quick_connect_config.queue_config[0].contact_flow_id).toBe(
      "${data.aws_connect_contact_flow.connect_builtin_queue_transfer_flow.contact_flow_id}",
    );
    expect(json.data.aws_connect_contact_flow.connect_builtin_queue_transfer_flow.name).toBe(
      "Default queue transfer",
    );
  });
});

describe("ConnectCore flows handed over", () => {
  it("uses the given queue transfer flow and drops the built-in lookup", () => {
    const { stack, core } = connectCore();
    core.useQueueTransferFlow("flow-qt");
    const json = synthJson(stack);
    for (const qc of Object.values(resourcesOfType(json, "aws_connect_quick_connect")) as any[]) {
      expect(qc.quick_connect_config.queue_config[0].contact_flow_id).toBe("flow-qt");
    }
    expect(json.data?.aws_connect_contact_flow).toBeUndefined();
    expect(() => core.useQueueTransferFlow("again")).toThrow(/useQueueTransferFlow was already called/);
  });

  it("routes both claimed numbers to the voice entry flow declaratively", () => {
    const { stack, core } = connectCore();
    core.routeInboundCallsTo("flow-voice");
    const associations = Object.values(
      resourcesOfType(synthJson(stack), "aws_connect_phone_number_contact_flow_association"),
    );
    expect(associations.map((a: any) => [a.phone_number_id, a.contact_flow_id])).toStrictEqual([
      ["${aws_connect_phone_number.outbound.id}", "flow-voice"],
      ["${aws_connect_phone_number.toll_free.id}", "flow-voice"],
    ]);
    expect(() => core.routeInboundCallsTo("other")).toThrow(/routeTo was already called/);
  });
});

describe("ConnectCore tiered routing profiles", () => {
  const json = synthJson(connectCore().stack);
  const queueName = (ref: string): string => resourcesOfType(json, "aws_connect_queue")[refId(ref)].name;
  const summary = (name: string) => {
    const p = byName(json, "aws_connect_routing_profile", name);
    return {
      outbound: queueName(p.default_outbound_queue_id),
      concurrency: Object.fromEntries(p.media_concurrencies.map((m: any) => [m.channel, m.concurrency])),
      queues: p.queue_configs.map(
        (q: any) => `${queueName(q.queue_id)}/${q.channel}/p${q.priority}/d${q.delay}`,
      ),
    };
  };

  it("Tier1-GeneralSupport takes general work first on every channel", () => {
    expect(summary("Tier1-GeneralSupport")).toStrictEqual({
      outbound: "GeneralAgentQueue",
      concurrency: { VOICE: 1, CHAT: 3, TASK: 5 },
      queues: [
        "GeneralAgentQueue/VOICE/p1/d0",
        "GeneralAgentQueue/CHAT/p1/d0",
        "GeneralAgentQueue/TASK/p1/d0",
        "LendingQueue/VOICE/p2/d0",
        "OnboardingQueue/VOICE/p2/d0",
        "OnboardingQueue/CHAT/p2/d0",
      ],
    });
  });

  it("Tier2-AccountSpecialists takes one call at a time and helps general only after 60 s", () => {
    expect(summary("Tier2-AccountSpecialists")).toStrictEqual({
      outbound: "AccountQueue",
      concurrency: { VOICE: 1, CHAT: 2 },
      queues: ["AccountQueue/VOICE/p1/d0", "AccountQueue/CHAT/p1/d0", "GeneralAgentQueue/VOICE/p2/d60"],
    });
  });

  it("FraudTeam-24x7 serves FraudQueue at priority 1 (lowest number first), not the guide's 10", () => {
    expect(summary("FraudTeam-24x7")).toStrictEqual({
      outbound: "FraudQueue",
      concurrency: { VOICE: 1 },
      queues: ["FraudQueue/VOICE/p1/d0"],
    });
  });
});

describe("ConnectCore storage", () => {
  const json = synthJson(connectCore().stack);

  it.each([
    ["chat_transcripts", "CHAT_TRANSCRIPTS", "chat-transcripts"],
    ["call_recordings", "CALL_RECORDINGS", "call-recordings"],
  ])("stores %s KMS-encrypted in the recordings bucket", (address, type, prefix) => {
    const config = json.resource.aws_connect_instance_storage_config[address];
    expect(config.resource_type).toBe(type);
    expect(config.storage_config).toStrictEqual({
      storage_type: "S3",
      s3_config: {
        bucket_name: "${aws_s3_bucket.connect_storage_bucket_bucket.id}",
        bucket_prefix: prefix,
        encryption_config: { encryption_type: "KMS", key_id: "${aws_kms_key.connect_kms_key_key.arn}" },
      },
    });
  });

  it("keeps recordings for the configured retention and the original bucket name", () => {
    expect(json.resource.aws_s3_bucket.connect_storage_bucket_bucket.bucket).toBe(
      "connect-comprehensive-storage-111122223333",
    );
    const [rule] = json.resource.aws_s3_bucket_lifecycle_configuration.connect_storage_bucket_lifecycle.rule;
    expect(rule.expiration).toStrictEqual([{ days: 2555 }]);
  });

  it("creates the instance with inbound and outbound calls, flow logs, Contact Lens and the alias", () => {
    expect(json.resource.aws_connect_instance.connect_instance_instance).toMatchObject({
      instance_alias: "my-connect-instance-demo-123",
      identity_management_type: "CONNECT_MANAGED",
      inbound_calls_enabled: true,
      outbound_calls_enabled: true,
      contact_flow_logs_enabled: true,
      contact_lens_enabled: true,
    });
  });
});

describe("ConnectCore agents", () => {
  const { stack } = connectCore(SAML_WITH_AGENTS);
  const text = Testing.synth(stack, true);
  const json = JSON.parse(text);

  it("creates SAML users with looked-up security profiles and no password", () => {
    const jane = json.resource.aws_connect_user.connect_agents_jane_doe;
    expect(jane.security_profile_ids).toStrictEqual([
      "${data.aws_connect_security_profile.agent.security_profile_id}",
      "${data.aws_connect_security_profile.call_center_manager.security_profile_id}",
    ]);
    expect(jane.routing_profile_id).toBe(
      "${aws_connect_routing_profile.connect_tiered_routing_profiles_fraud_team_24x7.routing_profile_id}",
    );
    expect(Object.keys(json.data.aws_connect_security_profile).sort()).toStrictEqual([
      "admin",
      "agent",
      "call_center_manager",
    ]);
  });

  it("has no password anywhere in the synthesized JSON", () => {
    expect(text).not.toMatch(/password/i);
  });

  it("refuses CONNECT_MANAGED agents even when config validation is bypassed", () => {
    expect(
      () =>
        new Agents(newStack(), "agents", {
          instanceId: "i",
          identityManagementType: "CONNECT_MANAGED",
          agents: {
            a: {
              firstName: "A",
              lastName: "B",
              email: "a@b.co",
              routingProfile: "p",
              securityProfiles: ["Agent"],
            },
          },
          routingProfileIdFor: () => "rp",
        }),
    ).toThrow(/Agents at test\/agents: a cannot be created with CONNECT_MANAGED identity/);
  });
});

describe("ConnectCore addresses against the original state list", () => {
  // The Connect-owned lines of the exact original `terraform state list` (docs/migration/original-state-list.txt).
  const owned = readFileSync(join(__dirname, "fixtures/original-connect-addresses.txt"), "utf8")
    .split("\n")
    .filter((line) => line.length > 0);
  // Lookups the declarative stack no longer needs; Terraform drops data sources from state by itself.
  const droppedLookups = [
    "module.connect_instance.data.aws_connect_hours_of_operation.default",
    "data.aws_connect_queue.basic",
    "data.aws_connect_hours_of_operation.default",
  ];

  it.each([
    ["SAML with agents", SAML_WITH_AGENTS],
    ["dev defaults", undefined],
  ])("accounts for every Connect address (%s): kept, moved or removed with a reason", (_name, overrides) => {
    const { stack } = connectCore(overrides);
    const json = synthJson(stack);
    expect(owned).toHaveLength(28);
    const unaccounted = buildLedger(
      owned.filter((a) => !droppedLookups.includes(a)),
      json,
    )
      .filter((entry) => entry.disposition === "unaccounted")
      .map((entry) => entry.address);
    expect(unaccounted).toStrictEqual([]);
    const removals = stack.node.findAll().filter((c): c is RemovedFromState => c instanceof RemovedFromState);
    for (const removal of removals) expect(removal.reason.length).toBeGreaterThan(40);
  });

  it("moves configured profiles and users from their for_each keys", () => {
    const json = synthJson(connectCore(SAML_WITH_AGENTS).stack);
    expect(json.moved).toEqual(
      expect.arrayContaining([
        {
          from: 'aws_connect_routing_profile.this["Basic"]',
          to: "aws_connect_routing_profile.connect_routing_profiles_basic",
        },
        { from: 'aws_connect_user.this["jane.doe"]', to: "aws_connect_user.connect_agents_jane_doe" },
        {
          from: 'aws_connect_queue.queues["FraudQueue"]',
          to: "aws_connect_queue.connect_queues_fraud_queue",
        },
      ]),
    );
    expect(json.removed.map((r: any) => r.from)).not.toContain("aws_connect_user.this");
  });

  it("matches the snapshot of the dev Connect core", () => {
    expect(forSnapshot(synthJson(connectCore().stack))).toMatchSnapshot();
  });
});
