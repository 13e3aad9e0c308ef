import { hclView, topLevelBlocks } from "../../scripts/terraform/hcl-view";
import { offlineView } from "../../scripts/terraform/offline-view";

const json = {
  terraform: {
    required_providers: {
      aws: { source: "aws", version: "6.25.0" },
      awscc: { source: "hashicorp/awscc", version: "1.69.0" },
    },
  },
  provider: { aws: [{ region: "eu-west-2" }], awscc: [{ region: "eu-west-2" }] },
  data: { aws_region: { current: {} } },
  resource: {
    awscc_lex_bot_alias: { this: { bot_id: "B" } },
    aws_lambda_permission: {
      lex: { source_arn: "${awscc_lex_bot_alias.this.arn}", depends_on: ["awscc_lex_bot_alias.this"] },
    },
    aws_bedrock_guardrail: { g: { name: "g", region: "eu-central-1" } },
    aws_connect_contact_flow: { f: { content: '{"Arn":"${awscc_lex_bot_alias.this.arn}"}\n' } },
  },
  moved: [{ from: "module.lex.awscc_lex_bot_alias.this", to: "awscc_lex_bot_alias.this" }],
};

/** The layout AddressedStack writes for that JSON (formatHcl). */
const hcl = `terraform {
  required_providers {
    aws = {
      source  = "aws"
      version = "6.25.0"
    }
  }
}

provider "aws" {
  region = "eu-west-2"
}

resource "awscc_lex_bot_alias" "this" {
  bot_id = "B"
}

resource "aws_lambda_permission" "lex" {
  source_arn = awscc_lex_bot_alias.this.arn
  depends_on = [
    awscc_lex_bot_alias.this,
  ]
}

resource "aws_bedrock_guardrail" "g" {
  name   = "g"
  region = "eu-central-1"
}

resource "aws_connect_contact_flow" "f" {
  content = <<EOF
{"Arn":"\${awscc_lex_bot_alias.this.arn}"}
}
EOF
}

moved {
  from = module.lex.awscc_lex_bot_alias.this
  to   = awscc_lex_bot_alias.this
}
`;

describe("the --hcl output under the offline view", () => {
  const view = offlineView(json, {
    awsVersion: "5.100.0",
    knownTypes: {
      resources: new Set(["aws_lambda_permission", "aws_bedrock_guardrail", "aws_connect_contact_flow"]),
      dataSources: new Set(["aws_region"]),
    },
    stsEndpoint: "http://127.0.0.1:1",
    accountId: "123456789012",
  });
  const out = hclView(hcl, view);
  const arn = '"arn:aws:lex:eu-west-2:123456789012:offline-stand-in/awscc_lex_bot_alias/this"';

  it("finds top-level blocks without being fooled by a `}` alone inside a heredoc", () => {
    const headers = topLevelBlocks(hcl)
      .map((b) => b.header)
      .filter(Boolean);
    expect(headers).toStrictEqual([
      "terraform {",
      'provider "aws" {',
      'resource "awscc_lex_bot_alias" "this" {',
      'resource "aws_lambda_permission" "lex" {',
      'resource "aws_bedrock_guardrail" "g" {',
      'resource "aws_connect_contact_flow" "f" {',
      "moved {",
    ]);
  });

  it("applies the JSON view's decisions to the text: set aside, stand-ins, region alias, no provider blocks", () => {
    expect(out.hcl).not.toContain('resource "awscc_lex_bot_alias"');
    expect(out.hcl).not.toContain("moved {");
    expect(out.hcl).not.toMatch(/^(terraform|provider) /m);
    expect(out.hcl).toContain(`  source_arn = ${arn}\n  depends_on = [\n  ]`);
    expect(out.hcl).toContain(`{"Arn":"\${${arn}}"}`);
    expect(out.hcl).toContain(
      'resource "aws_bedrock_guardrail" "g" {\n  name   = "g"\n  provider = aws.offline_region_eu_central_1\n}',
    );
    expect(out.json.provider?.aws?.map((p) => p.alias)).toStrictEqual([
      undefined,
      "offline_region_eu_central_1",
    ]);
  });
});
