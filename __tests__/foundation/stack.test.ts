import { resourcesOf, synthStack } from "../support/synth";
import { AWS_BINDING_PROVIDER_VERSION, forSnapshot } from "../support/snapshot";

const dev = synthStack("dev");
const prod = synthStack("prod");

describe.each([
  ["dev", dev],
  ["prod", prod],
])("%s stack", (env, { json, text }) => {
  it("pins every provider to an exact version and source", () => {
    const required = (json.terraform as any).required_providers;
    // aws is pinned to exactly the release its binding was generated from (6.25.0 on cdktf,
    // 6.66.0 on cdktn): a provider upgrade is a package upgrade, never a drifting range.
    const exact = /^\d+\.\d+\.\d+$/;
    expect(required.aws.source).toMatch(/^(hashicorp\/)?aws$/);
    expect(required.aws.version).toBe(AWS_BINDING_PROVIDER_VERSION);
    expect(required.null).toStrictEqual({ source: "null", version: expect.stringMatching(exact) });
    expect(required.awscc).toStrictEqual({ source: "hashicorp/awscc", version: "1.69.0" });
  });

  it("configures aws in the config region plus a us_east_1 alias, both tagging every resource", () => {
    const aws = json.provider!.aws!;
    expect(aws.map((p) => [p.alias ?? "default", p.region])).toStrictEqual([
      ["default", "eu-west-2"],
      ["us_east_1", "us-east-1"],
    ]);
    for (const provider of aws) {
      expect(provider.default_tags).toStrictEqual([
        { tags: { Project: "ConnectComprehensive", ManagedBy: "Terraform", Environment: env } },
      ]);
    }
  });

  it("routes every aws resource through a provider that carries default tags", () => {
    const aliases = new Set(json.provider!.aws!.map((p) => (p.alias ? `aws.${p.alias}` : undefined)));
    for (const [type, name, body] of resourcesOf(json)) {
      if (!type.startsWith("aws_")) continue;
      const provider = body.provider as string | undefined;
      if (provider !== undefined)
        expect({ resource: `${type}.${name}`, known: aliases.has(provider) }).toStrictEqual({
          resource: `${type}.${name}`,
          known: true,
        });
    }
  });

  it("tags the awscc resources that take tags (awscc has no default_tags)", () => {
    const aliases = resourcesOf(json).filter(([type]) => type === "awscc_lex_bot_alias");
    expect(aliases).toHaveLength(3);
    for (const [, , alias] of aliases) {
      expect(alias.bot_alias_tags).toStrictEqual(
        expect.arrayContaining([
          { key: "Environment", value: env },
          { key: "ManagedBy", value: "Terraform" },
        ]),
      );
    }
  });

  it("leaves no unresolved cdktf token in the output", () => {
    expect(text).not.toMatch(/\$\{TfToken\[|TOKEN\[/);
  });

  it("keeps the original account and region lookups at their addresses", () => {
    expect(Object.keys(json.data!.aws_caller_identity!)).toStrictEqual(["current"]);
    expect(Object.keys(json.data!.aws_region!)).toStrictEqual(["current"]);
  });
});

describe("whole-stack wiring (dev)", () => {
  const { json, text } = dev;
  const resources = resourcesOf(json);
  const ofType = (type: string) =>
    resources.filter(([t]) => t === type).map(([, name, body]) => [name, body] as const);

  it("holds no secret value and no password anywhere", () => {
    expect(ofType("aws_secretsmanager_secret_version")).toStrictEqual([]);
    expect(text).not.toMatch(/"password"\s*:/i);
    for (const [, body] of ofType("aws_secretsmanager_secret")) expect(body.kms_key_id).toBeDefined();
  });

  it("runs Converse and its guardrail in bedrockRegion, wherever the stack's main region is", () => {
    const [, fn] = ofType("aws_lambda_function").find(([name]) => name === "lex_fallback_lambda_function")!;
    expect((fn as any).environment.variables.BEDROCK_REGION).toBe("eu-central-1");
    const [[, guardrail]] = ofType("aws_bedrock_guardrail");
    expect(guardrail.region).toBe("eu-central-1");
  });

  it("lets the code hook put AI insight records on the AI reporting stream only, under the stack key", () => {
    const [, fn] = ofType("aws_lambda_function").find(([name]) => name === "lex_fallback_lambda_function")!;
    const stream = "aws_kinesis_stream.datalake_kinesis_ai_reporting";
    expect((fn as any).environment.variables.AI_INSIGHTS_STREAM_NAME).toBe(`\${${stream}.name}`);
    const [, policy] = ofType("aws_iam_role_policy").find(([name]) => name.startsWith("lex_fallback"))!;
    const statements = JSON.parse(policy.policy as string).Statement as Array<Record<string, any>>;
    const kinesis = statements.filter((s) => s.Action.some((a: string) => a.startsWith("kinesis:")));
    expect(kinesis).toEqual([
      {
        Sid: "AiInsightsStream",
        Effect: "Allow",
        Action: ["kinesis:PutRecord", "kinesis:PutRecords"],
        Resource: [`\${${stream}.arn}`],
      },
    ]);
    // The stream's key is the one the function may generate data keys with.
    const [, aiStream] = ofType("aws_kinesis_stream").find(
      ([name]) => name === "datalake_kinesis_ai_reporting",
    )!;
    const keyUse = statements.find((s) => s.Action.includes("kms:GenerateDataKey"))!;
    expect(keyUse.Resource).toContain(aiStream.kms_key_id);
  });

  it("lets Connect invoke only the live alias, from this instance, with the function associated unqualified", () => {
    const connectPermissions = ofType("aws_lambda_permission").filter(
      ([, p]) => p.principal === "connect.amazonaws.com",
    );
    expect(connectPermissions).toHaveLength(1);
    expect(connectPermissions[0][1]).toMatchObject({
      source_arn: expect.stringContaining("aws_connect_instance."),
    });
    const [[, association]] = ofType("aws_connect_lambda_function_association");
    // The provider docs: function_arn must carry no version or alias qualifier.
    expect(association.function_arn).toBe("${aws_lambda_function.lex_fallback_lambda_function.arn}");
    expect(connectPermissions[0][1].qualifier).toMatch(/^\$\{aws_lambda_alias\./);
  });

  it("scopes every Lambda permission to one source ARN", () => {
    for (const [name, permission] of ofType("aws_lambda_permission")) {
      expect({ name, source_arn: typeof permission.source_arn }).toStrictEqual({
        name,
        source_arn: "string",
      });
    }
  });

  it("associates the three Lex V2 aliases with the instance (no Lex V1 association) before flows use them", () => {
    expect(ofType("aws_connect_bot_association")).toStrictEqual([]);
    const associations = ofType("awscc_connect_integration_association").filter(
      ([, a]) => a.integration_type === "LEX_BOT",
    );
    expect(associations).toHaveLength(3);
    const lexFlows = ofType("aws_connect_contact_flow").filter(([, f]) =>
      String(f.content).includes("awscc_lex_bot_alias"),
    );
    expect(lexFlows.length).toBeGreaterThan(0);
    for (const [name, flow] of lexFlows) {
      const deps = (flow.depends_on as string[] | undefined) ?? [];
      expect({
        name,
        associated: deps.some((d) => d.startsWith("awscc_connect_integration_association.")),
      }).toStrictEqual({
        name,
        associated: true,
      });
    }
  });

  it("holds every flow of the original stack and the guide, with no reference cycle between flows", () => {
    const flows = new Map(ofType("aws_connect_contact_flow"));
    const modules = new Map(ofType("aws_connect_contact_flow_module"));
    for (const name of [
      "voice_entry",
      "chat_entry",
      "bedrock_primary",
      "callback_task",
      "queue_transfer",
      "customer_queue",
    ]) {
      expect(flows.has(name)).toBe(true);
    }
    expect(flows.size).toBeGreaterThanOrEqual(12);
    expect(modules.size).toBeGreaterThanOrEqual(1);

    // Edges: a flow's content or depends_on naming another flow or module.
    const nodes = new Map<string, Record<string, unknown>>([
      ...[...flows].map(([n, b]) => [`aws_connect_contact_flow.${n}`, b] as const),
      ...[...modules].map(([n, b]) => [`aws_connect_contact_flow_module.${n}`, b] as const),
    ]);
    const edges = new Map<string, string[]>();
    for (const [id, body] of nodes) {
      const text = JSON.stringify([body.content, body.depends_on ?? []]);
      const refersTo = (other: string) => text.includes(`${other}.`) || text.includes(`"${other}"`);
      edges.set(
        id,
        [...nodes.keys()].filter((other) => other !== id && refersTo(other)),
      );
    }
    const state = new Map<string, "visiting" | "done">();
    const cycle: string[] = [];
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === "done" || cycle.length > 0) return;
      if (state.get(id) === "visiting") {
        cycle.push(...path.slice(path.indexOf(id)), id);
        return;
      }
      state.set(id, "visiting");
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, "done");
    };
    for (const id of nodes.keys()) visit(id, []);
    expect(cycle).toStrictEqual([]);
    // The IVR invokes the auth module; the module refers to no flow.
    const ivrEdges = edges.get("aws_connect_contact_flow.voice_ivr") ?? [];
    expect(ivrEdges.some((e) => e.startsWith("aws_connect_contact_flow_module."))).toBe(true);
    for (const [id, out] of edges)
      if (id.startsWith("aws_connect_contact_flow_module.")) expect(out).toStrictEqual([]);
  });

  it("routes both phone numbers to the new voice entry flow (canaryPercent 100 by default)", () => {
    const routes = ofType("aws_connect_phone_number_contact_flow_association");
    expect(routes).toHaveLength(2);
    for (const [, route] of routes)
      expect(route.contact_flow_id).toMatch(/aws_connect_contact_flow\.voice_entry_v2\./);
  });
});

describe("backends", () => {
  it("default to local state so a fresh clone needs nothing", () => {
    expect((dev.json.terraform as any).backend).toStrictEqual({
      local: { path: "terraform.connect-comprehensive-dev.tfstate" },
    });
  });

  it("use encrypted S3 with native locking in prod", () => {
    expect((prod.json.terraform as any).backend).toStrictEqual({
      s3: {
        bucket: "connect-comprehensive-tfstate-prod",
        key: "connect-comprehensive/prod/terraform.tfstate",
        region: "eu-west-2",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });
});

describe("the accounts an environment may act in (config accountIds)", () => {
  it("pin every aws provider, so credentials of another account fail the plan before any change", () => {
    const pinned = synthStack("dev", { accountIds: ["111122223333"] }).json.provider!.aws!;
    expect(pinned.map((p) => [p.alias ?? "default", p.allowed_account_ids])).toStrictEqual([
      ["default", ["111122223333"]],
      ["us_east_1", ["111122223333"]],
    ]);
    // Unset, any account: the default a fresh clone synthesizes with.
    expect(dev.json.provider!.aws!.some((p) => "allowed_account_ids" in p)).toBe(false);
  });
});

describe("required Terraform version", () => {
  it("is at least 1.7 (removed blocks), and 1.10 where the S3 backend locks with use_lockfile", () => {
    expect((dev.json.terraform as any).required_version).toBe(">= 1.7.0");
    expect((prod.json.terraform as any).required_version).toBe(">= 1.10.0");
  });
});

describe("synthesized stacks", () => {
  it("match the dev snapshot", () => {
    expect(forSnapshot(dev.json)).toMatchSnapshot();
  });
  it("match the prod snapshot", () => {
    expect(forSnapshot(prod.json)).toMatchSnapshot();
  });
});
