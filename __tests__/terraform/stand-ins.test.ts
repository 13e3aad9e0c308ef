import type { ProviderSchema, SchemaBlock } from "../../scripts/terraform/engine";
import { fillUnknowns, pendingArn } from "../../scripts/terraform/stand-ins";
import {
  stateFromPlan,
  type PlanForState,
  type PlannedChange,
} from "../../scripts/terraform/state-from-plan";

const CONTEXT = { region: "eu-west-2", accountId: "123456789012" };
const computed = (type: unknown = "string") => ({ type, computed: true });
const optionalComputed = (type: unknown = "string") => ({ type, optional: true, computed: true });
const required = (type: unknown = "string") => ({ type, required: true });

const INSTANCE: SchemaBlock = {
  attributes: {
    id: optionalComputed(),
    arn: computed(),
    instance_alias: required(),
    created_time: computed(),
    service_role: computed(),
    status: computed(),
  },
};
const QUEUE: SchemaBlock = {
  attributes: {
    id: optionalComputed(),
    arn: computed(),
    queue_id: computed(),
    instance_id: required(),
    name: required(),
    status: optionalComputed(),
    tags: { type: ["map", "string"], optional: true },
    tags_all: optionalComputed(["map", "string"]),
  },
};
const TABLE: SchemaBlock = {
  attributes: { id: optionalComputed(), name: required(), arn: computed() },
  block_types: {
    server_side_encryption: {
      nesting_mode: "list",
      block: { attributes: { enabled: { type: "bool", optional: true }, kms_key_arn: optionalComputed() } },
    },
  },
};
const SCHEMA: ProviderSchema = {
  resource_schemas: {
    aws_connect_instance: { version: 0, block: INSTANCE },
    aws_connect_queue: { version: 0, block: QUEUE },
    aws_dynamodb_table: { version: 1, block: TABLE },
  },
  data_source_schemas: { aws_region: { version: 0, block: { attributes: { name: computed() } } } },
};

describe("fillUnknowns: values a plan leaves unknown, as the provider's Create would set them", () => {
  it("gives a Connect queue a UUID, an instance_id:queue_id id and an ARN in Connect's format", () => {
    const { values } = fillUnknowns(
      "aws_connect_queue",
      QUEUE,
      { instance_id: "11111111-2222-4333-8444-555555555555", name: "Q", tags: { Project: "P" } },
      { id: true, arn: true, queue_id: true, status: true, tags_all: true },
      { address: "aws_connect_queue.q", ...CONTEXT },
    );
    expect(values.queue_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(values.id).toBe(`11111111-2222-4333-8444-555555555555:${values.queue_id as string}`);
    expect(values.arn).toBe(
      `arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-4333-8444-555555555555/queue/${values.queue_id as string}`,
    );
    expect(values.status).toBe("ENABLED");
    expect(values.tags_all).toEqual({ Project: "P" });
  });

  it("is deterministic per address and differs between addresses", () => {
    const fill = (address: string) =>
      fillUnknowns(
        "aws_connect_queue",
        QUEUE,
        { instance_id: "i", name: "Q" },
        { queue_id: true },
        {
          address,
          ...CONTEXT,
        },
      ).values.queue_id;
    expect(fill('aws_connect_queue.q["A"]')).toBe(fill('aws_connect_queue.q["A"]'));
    expect(fill('aws_connect_queue.q["A"]')).not.toBe(fill('aws_connect_queue.q["B"]'));
  });

  it("fills a type with no rule by its schema type, and an ARN still waiting for a reference as a parseable ARN", () => {
    const block: SchemaBlock = {
      attributes: {
        s: computed(),
        n: computed("number"),
        b: computed("bool"),
        l: computed(["list", "string"]),
        m: computed(["map", "string"]),
        o: computed(["object", { x: "string", y: "number" }]),
        role_arn: required(),
        signing_job_arn: computed(),
      },
      block_types: { nested: { nesting_mode: "list", block: { attributes: { z: computed() } } } },
    };
    const unknown = Object.fromEntries(
      ["s", "n", "b", "l", "m", "o", "role_arn", "signing_job_arn", "nested"].map((k) => [k, true]),
    );
    const result = fillUnknowns("aws_fake", block, {}, unknown, { address: "aws_fake.f", ...CONTEXT });
    expect(result.values).toEqual({
      s: "",
      n: 0,
      b: false,
      l: [],
      m: {},
      o: { x: "", y: 0 },
      role_arn: pendingArn({ address: "aws_fake.f", ...CONTEXT }, "role_arn"),
      signing_job_arn: "",
      nested: [],
    });
    expect(result.defaulted).toHaveLength(9);
  });

  it("fills a leaf inside a block: encryption without a key of its own names the account's AWS managed key", () => {
    const fill = (address: string) =>
      fillUnknowns(
        "aws_dynamodb_table",
        TABLE,
        { name: address, server_side_encryption: [{ enabled: true }] },
        { id: true, arn: true, server_side_encryption: [{ kms_key_arn: true }] },
        { address, ...CONTEXT },
      ).values;
    const a = fill("module.a.aws_dynamodb_table.this");
    const b = fill("module.b.aws_dynamodb_table.this");
    expect(a.server_side_encryption).toEqual([
      {
        enabled: true,
        kms_key_arn: expect.stringMatching(/^arn:aws:kms:eu-west-2:123456789012:key\/[0-9a-f-]{36}$/),
      },
    ]);
    expect(a.server_side_encryption).toEqual(b.server_side_encryption);
    expect(a.arn).toBe("arn:aws:dynamodb:eu-west-2:123456789012:table/module.a.aws_dynamodb_table.this");
  });
});

const change = (
  address: string,
  type: string,
  actions: string[],
  after: Record<string, unknown>,
  afterUnknown: Record<string, unknown> = {},
  before?: Record<string, unknown>,
): PlannedChange => ({
  address,
  mode: "managed",
  type,
  name: address.split(".").pop()!.replace(/\[.*$/, ""),
  ...(/\["(.*)"\]$/.test(address) ? { index: /\["(.*)"\]$/.exec(address)![1] } : {}),
  provider_name: "registry.terraform.io/hashicorp/aws",
  change: { actions, after, after_unknown: afterUnknown, ...(before ? { before } : {}) },
});

const OPTIONS = (ruled: Map<string, Set<string>>) => ({
  schema: SCHEMA,
  defaultRegion: "eu-west-2",
  accountId: "123456789012",
  terraformVersion: "1.11.4",
  ruled,
});

describe("stateFromPlan over rounds: stand-ins agree across references", () => {
  // Round 1: nothing exists; the queue's instance_id is the instance's id, unknown until apply.
  const round1: PlanForState = {
    resource_changes: [
      change(
        "module.connect_instance.aws_connect_instance.this",
        "aws_connect_instance",
        ["create"],
        { instance_alias: "demo" },
        { id: true, arn: true, created_time: true, service_role: true, status: true },
      ),
      change(
        'aws_connect_queue.queues["A"]',
        "aws_connect_queue",
        ["create"],
        { name: "A" },
        { id: true, arn: true, queue_id: true, instance_id: true, status: true, tags_all: true },
      ),
    ],
  };
  const ruled = new Map<string, Set<string>>();
  const state1 = stateFromPlan(round1, OPTIONS(ruled)).state;
  const attributes = (state: typeof state1, type: string) =>
    state.resources.find((r) => r.type === type)!.instances[0]!.attributes;
  const instanceId = attributes(state1, "aws_connect_instance").id as string;

  it("round 1: the reference is not known yet, so the queue's id is not right yet", () => {
    expect(attributes(state1, "aws_connect_queue").instance_id).toBe("");
  });

  // Round 2: Terraform reads the instance id from the state and plans the queue's instance_id.
  const queue1 = attributes(state1, "aws_connect_queue");
  const round2: PlanForState = {
    resource_changes: [
      change(
        "module.connect_instance.aws_connect_instance.this",
        "aws_connect_instance",
        ["no-op"],
        attributes(state1, "aws_connect_instance"),
      ),
      change('aws_connect_queue.queues["A"]', "aws_connect_queue", ["update"], {
        ...queue1,
        instance_id: instanceId,
      }),
    ],
  };
  const state2 = stateFromPlan(round2, OPTIONS(ruled)).state;

  it("round 2: the queue's id and ARN are derived again from the instance id Terraform resolved", () => {
    const queue2 = attributes(state2, "aws_connect_queue");
    expect(queue2.queue_id).toBe(queue1.queue_id);
    expect(queue2.id).toBe(`${instanceId}:${queue1.queue_id as string}`);
    expect(queue2.arn).toBe(
      `arn:aws:connect:eu-west-2:123456789012:instance/${instanceId}/queue/${queue1.queue_id as string}`,
    );
    expect(attributes(state2, "aws_connect_instance")).toEqual(attributes(state1, "aws_connect_instance"));
  });

  it("writes a v4 state with module, index key and the resource's provider", () => {
    expect(state2.version).toBe(4);
    expect(state2.resources.map((r) => [r.module, r.type, r.instances[0]!.index_key, r.provider])).toEqual([
      [undefined, "aws_connect_queue", "A", 'provider["registry.terraform.io/hashicorp/aws"]'],
      [
        "module.connect_instance",
        "aws_connect_instance",
        undefined,
        'provider["registry.terraform.io/hashicorp/aws"]',
      ],
    ]);
  });
});

describe("stateFromPlan: data sources, provider aliases, sensitivity, determinism", () => {
  const plan: PlanForState = {
    resource_changes: [
      {
        ...change(
          "aws_dynamodb_table.t",
          "aws_dynamodb_table",
          ["create"],
          { name: "t", server_side_encryption: [] },
          {
            id: true,
            arn: true,
          },
        ),
        change: {
          actions: ["create"],
          after: { name: "t", server_side_encryption: [] },
          after_unknown: { id: true, arn: true },
          after_sensitive: { name: true },
        },
      },
      change(
        "aws_connect_instance.east",
        "aws_connect_instance",
        ["create"],
        { instance_alias: "e" },
        { arn: true },
      ),
    ],
    prior_state: {
      values: {
        root_module: {
          resources: [
            {
              address: "data.aws_region.current",
              mode: "data",
              type: "aws_region",
              name: "current",
              provider_name: "registry.terraform.io/hashicorp/aws",
              values: { name: "eu-west-2" },
            },
          ],
        },
      },
    },
    configuration: {
      provider_config: {
        "aws.us_east_1": { alias: "us_east_1", expressions: { region: { constant_value: "us-east-1" } } },
      },
      root_module: {
        resources: [
          { address: "aws_dynamodb_table.t", provider_config_key: "aws" },
          { address: "aws_connect_instance.east", provider_config_key: "aws.us_east_1" },
        ],
      },
    },
  };

  it("keeps what Terraform read, uses the alias's region, and records sensitive paths", () => {
    const { state } = stateFromPlan(plan, OPTIONS(new Map()));
    const by = (type: string) => state.resources.find((r) => r.type === type)!;
    expect(by("aws_region").instances[0]!.attributes).toEqual({ name: "eu-west-2" });
    expect(by("aws_connect_instance").provider).toBe(
      'provider["registry.terraform.io/hashicorp/aws"].us_east_1',
    );
    expect(by("aws_connect_instance").instances[0]!.attributes.arn).toMatch(/^arn:aws:connect:us-east-1:/);
    expect(by("aws_dynamodb_table").instances[0]!.sensitive_attributes).toEqual([
      [{ type: "get_attr", value: "name" }],
    ]);
  });

  it("writes byte-identical JSON whatever order the plan lists objects in", () => {
    const reversed = { ...plan, resource_changes: [...plan.resource_changes!].reverse() };
    expect(JSON.stringify(stateFromPlan(reversed, OPTIONS(new Map())).state)).toBe(
      JSON.stringify(stateFromPlan(plan, OPTIONS(new Map())).state),
    );
  });
});
