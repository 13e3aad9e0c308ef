import { offlineView, type TerraformConfig } from "../../scripts/terraform/offline-view";

const known = {
  resources: new Set([
    "aws_lambda_permission",
    "aws_connect_contact_flow",
    "aws_bedrock_guardrail",
    "aws_s3_bucket",
  ]),
  dataSources: new Set(["aws_region", "aws_caller_identity"]),
};
const options = {
  awsVersion: "5.100.0",
  knownTypes: known,
  stsEndpoint: "http://127.0.0.1:4321",
  accountId: "111122223333",
};

function stack(): TerraformConfig {
  return {
    terraform: {
      backend: { s3: { bucket: "state", key: "k", region: "eu-west-2" } },
      required_providers: {
        aws: { source: "aws", version: "6.25.0" },
        awscc: { source: "hashicorp/awscc", version: "1.69.0" },
        null: { source: "null", version: "3.2.4" },
      },
      required_version: ">= 1.10.0",
    },
    provider: {
      aws: [
        { region: "eu-west-2", profile: "bank-admin", assume_role: [{ role_arn: "arn:aws:iam::1:role/x" }] },
        { alias: "us_east_1", region: "us-east-1" },
      ],
      awscc: [{ region: "eu-west-2" }],
      null: [{}],
    },
    data: { aws_region: { current: {} } },
    resource: {
      awscc_lex_bot_alias: { this: { bot_id: "B" } },
      null_resource: { build: { triggers: { a: "b" } } },
      aws_connect_phone_number_contact_flow_association: { did: { phone_number_id: "p" } },
      aws_lambda_permission: {
        lex: {
          source_arn: "${awscc_lex_bot_alias.this.arn}",
          statement_id: "x-${awscc_lex_bot_alias.this.bot_alias_id}-${data.aws_region.current.region}",
          function_name: "${upper(awscc_lex_bot_alias.this.arn)}",
          depends_on: ["null_resource.build", "aws_s3_bucket.keep"],
        },
      },
      aws_bedrock_guardrail: { g: { name: "g", region: "eu-central-1" } },
      aws_s3_bucket: { keep: { bucket: "b-${data.aws_region.current.region}" } },
    },
    moved: [
      { from: "module.lex.awscc_lex_bot_alias.this", to: "awscc_lex_bot_alias.this" },
      { from: "module.s3.aws_s3_bucket.this", to: "aws_s3_bucket.keep" },
    ],
    removed: [{ from: "null_resource.old", lifecycle: { destroy: false } }],
  };
}

describe("the offline view of a synthesized stack (what the plugin mirror's provider can plan)", () => {
  const view = offlineView(stack(), options);
  const resource = view.config.resource!;

  it("sets aside resources of providers with no offline binary and types the mirror's provider lacks, saying why", () => {
    expect(Object.keys(resource).sort()).toStrictEqual([
      "aws_bedrock_guardrail",
      "aws_lambda_permission",
      "aws_s3_bucket",
    ]);
    expect(view.setAside).toStrictEqual(
      expect.arrayContaining([
        {
          address: "awscc_lex_bot_alias.this",
          why: "hashicorp/awscc 1.69.0 has no offline binary in the plugin mirror",
        },
        {
          address: "null_resource.build",
          why: "hashicorp/null 3.2.4 has no offline binary in the plugin mirror",
        },
        {
          address: "aws_connect_phone_number_contact_flow_association.did",
          why: "not in hashicorp/aws 5.100.0 (a 6.x type)",
        },
      ]),
    );
  });

  it("gives every reference to a set-aside object one ARN-shaped stand-in, bare or inside an expression", () => {
    const permission = resource.aws_lambda_permission!.lex!;
    const arn = "arn:aws:lex:eu-west-2:111122223333:offline-stand-in/awscc_lex_bot_alias/this";
    expect(permission.source_arn).toBe(arn);
    expect(permission.function_name).toBe(`\${upper("${arn}")}`);
    expect(permission.statement_id).toBe(
      "x-awscc_lex_bot_alias.this.bot_alias_id.offline-stand-in-${data.aws_region.current.name}",
    );
    expect(view.standIns.get("awscc_lex_bot_alias.this")).toBe(arn);
  });

  it("drops depends_on entries and moved/removed blocks that name set-aside objects, and keeps the rest", () => {
    expect(resource.aws_lambda_permission!.lex!.depends_on).toStrictEqual(["aws_s3_bucket.keep"]);
    expect(view.config.moved).toStrictEqual([
      { from: "module.s3.aws_s3_bucket.this", to: "aws_s3_bucket.keep" },
    ]);
    expect(view.config.removed).toBeUndefined();
    expect(view.setAside.map((s) => s.address)).toEqual(
      expect.arrayContaining([
        "moved module.lex.awscc_lex_bot_alias.this → awscc_lex_bot_alias.this",
        "removed null_resource.old",
      ]),
    );
  });

  it("plans a per-resource region (aws 6) through a provider alias in that region (aws 5), and reads aws_region's .name", () => {
    expect(resource.aws_bedrock_guardrail!.g).toStrictEqual({
      name: "g",
      provider: "aws.offline_region_eu_central_1",
    });
    expect(view.regionProviders.get("aws_bedrock_guardrail.g")).toBe("aws.offline_region_eu_central_1");
    const alias = view.config.provider!.aws!.find((p) => p.alias === "offline_region_eu_central_1");
    expect(alias).toMatchObject({ region: "eu-central-1", access_key: "offline-plan" });
    expect(resource.aws_s3_bucket!.keep!.bucket).toBe("b-${data.aws_region.current.name}");
  });

  it("runs providers on fake keys against the loopback STS only, pins the mirror's release and drops the backend", () => {
    for (const provider of view.config.provider!.aws!) {
      expect(provider).toMatchObject({
        access_key: "offline-plan",
        secret_key: "offline-plan",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        endpoints: [{ sts: "http://127.0.0.1:4321" }],
      });
      expect(provider).not.toHaveProperty("profile");
      expect(provider).not.toHaveProperty("assume_role");
    }
    expect(Object.keys(view.config.provider!)).toStrictEqual(["aws"]);
    expect(view.config.terraform).toStrictEqual({
      required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } },
      required_version: ">= 1.10.0",
    });
    expect(view.mapped.map((m) => m.what)).toContain("backend s3");
  });

  it("keeps account pins and lets a pinned provider ask the stub which account it is in", () => {
    const pinned = stack();
    pinned.provider!.aws![0]!.allowed_account_ids = ["111122223333"];
    const providers = offlineView(pinned, options).config.provider!.aws!;
    expect(
      providers.map((p) => [p.alias ?? "default", p.allowed_account_ids, p.skip_requesting_account_id]),
    ).toStrictEqual([
      ["default", ["111122223333"], false],
      ["us_east_1", undefined, true],
      // The per-resource region's alias is the default provider in another Region: pinned the same.
      ["offline_region_eu_central_1", ["111122223333"], false],
    ]);
  });

  it("never changes the stack it was given (what cdktf deploy ships)", () => {
    const original = stack();
    offlineView(original, options);
    expect(original).toStrictEqual(stack());
  });
});
