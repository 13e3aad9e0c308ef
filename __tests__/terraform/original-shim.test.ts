import { parseHcl } from "../../scripts/terraform/hcl-scan";
import { lexId, setAsideReason, shimModule } from "../../scripts/terraform/original-shim";

const OPTIONS = { region: "eu-west-2", accountId: "123456789012", applyTime: "2025-01-01T00:00:00Z" };

const MAIN = `
terraform {
  required_providers {
    aws   = { source = "hashicorp/aws", version = "~> 5.0" }
    awscc = {
      source  = "hashicorp/awscc"
      version = ">= 1.0"
    }
  }
}
provider "awscc" {
  region = var.region
}

# resource "null_resource" "commented" {
#   depends_on = [awscc_lex_bot_alias.this]
# }

data "archive_file" "zip" {
  type        = "zip"
  source_dir  = "\${path.module}/lambda/src"
  output_path = "\${path.module}/lambda/src.zip"
}

resource "null_resource" "build" {
  triggers = { hash = data.archive_file.zip.output_base64sha256 }
  provisioner "local-exec" {
    command = <<-EOT
      echo "}" \${self.triggers.hash}
    EOT
  }
}

data "aws_connect_queue" "basic" {
  instance_id = module.connect_instance.id
  name        = "BasicQueue" # looked up, never created
}

resource "awscc_lex_bot_alias" "this" {
  bot_id = module.lex_bot.bot_id
}

resource "aws_lambda_function" "f" {
  filename         = data.archive_file.zip.output_path
  source_code_hash = data.archive_file.zip.output_base64sha256
  description      = "built \${timestamp()}"
  depends_on = [
    null_resource.build,
    aws_iam_role.r,
  ]
}

resource "aws_connect_contact_flow" "flow" {
  content = templatefile("flow.json", {
    alias = awscc_lex_bot_alias.this.arn
    queue = data.aws_connect_queue.basic.arn
    note  = "awscc_lex_bot_alias.this.arn stays text"
  })
  depends_on = [awscc_lex_bot_alias.this, null_resource.build]
}
`;

describe("shimModule sets aside what the offline engine cannot plan, and nothing else", () => {
  const shimmed = shimModule({ "main.tf": MAIN }, OPTIONS);
  const out = shimmed.files["main.tf"]!;

  it("reports each set-aside block with why, and where the dummy zips go", () => {
    expect(shimmed.setAside.map((s) => s.address)).toEqual([
      "data.archive_file.zip",
      "null_resource.build",
      "data.aws_connect_queue.basic",
      "awscc_lex_bot_alias.this",
    ]);
    expect(shimmed.zipPaths).toEqual(['"${path.module}/lambda/src.zip"']);
  });

  it("leaves HCL Terraform can parse, with the set-aside blocks, pins and providers gone", () => {
    const top = parseHcl(out).body.map((i) =>
      i.kind === "block" ? [i.type, ...i.labels].join(" ") : i.name,
    );
    expect(top).toEqual([
      "terraform",
      "resource aws_lambda_function f",
      "resource aws_connect_contact_flow flow",
    ]);
    expect(out).not.toMatch(/awscc\s*=/);
    expect(out).toContain('aws   = { source = "hashicorp/aws", version = "~> 5.0" }');
  });

  it("turns references into stand-ins Terraform evaluates: the zip's own path and hash", () => {
    expect(out).toContain('filename         = ("${path.module}/lambda/src.zip")');
    expect(out).toContain('source_code_hash = (filebase64sha256("${path.module}/lambda/src.zip"))');
  });

  it("builds an alias ARN from the alias's own bot_id, so it agrees with the bot's id", () => {
    expect(out).toContain(
      `alias = ("arn:aws:lex:eu-west-2:123456789012:bot-alias/\${module.lex_bot.bot_id}/${lexId("awscc_lex_bot_alias.this")}")`,
    );
  });

  it("gives a Connect lookup one id per name, wherever it is looked up", () => {
    const elsewhere = shimModule(
      {
        "outputs.tf": [
          'data "aws_connect_queue" "same" {',
          "  instance_id = aws_connect_instance.this.id",
          '  name        = "BasicQueue"',
          "}",
          "output id { value = data.aws_connect_queue.same.queue_id }",
        ].join("\n"),
      },
      OPTIONS,
    ).files["outputs.tf"]!;
    const id = /value = \("([0-9a-f-]{36})"\)/.exec(elsewhere)?.[1];
    expect(id).toBeDefined();
    expect(out).toContain(
      `queue = ("arn:aws:connect:eu-west-2:123456789012:instance/\${module.connect_instance.id}/queue/${id}")`,
    );
  });

  it("drops depends_on entries naming set-aside objects and keeps the others", () => {
    expect(out).toContain("depends_on = [aws_iam_role.r]");
    expect(out).toContain("depends_on = []");
  });

  it("replaces timestamp() by the apply's time, and touches no comment or string", () => {
    expect(out).toContain('description      = "built ${"2025-01-01T00:00:00Z"}"');
    expect(out).toContain('# resource "null_resource" "commented" {');
    expect(out).toContain('note  = "awscc_lex_bot_alias.this.arn stays text"');
  });

  it("is a pure function of its input", () => {
    expect(shimModule({ "main.tf": MAIN }, OPTIONS)).toEqual(shimmed);
  });
});

describe("shimModule refuses what it cannot stand in for", () => {
  it("names the file and line of a reference to an attribute with no stand-in", () => {
    const hcl = [
      'data "archive_file" "zip" {',
      '  output_path = "x.zip"',
      "}",
      'output "size" {',
      "  value = data.archive_file.zip.output_size",
      "}",
    ].join("\n");
    expect(() => shimModule({ "main.tf": hcl }, OPTIONS)).toThrow(
      "main.tf:5: data.archive_file.zip.output_size names a set-aside object (data.archive_file) and has no stand-in",
    );
  });

  it("refuses a stand-in built from an argument about the object itself", () => {
    const hcl = [
      'resource "awscc_lex_bot_alias" "a" {',
      "  count  = 2",
      "  bot_id = element(var.bots, count.index)",
      "}",
      'output "o" { value = awscc_lex_bot_alias.a[0].arn }',
    ].join("\n");
    expect(() => shimModule({ "main.tf": hcl }, OPTIONS)).toThrow(
      "awscc_lex_bot_alias.a: its stand-in needs the argument bot_id as a plain expression",
    );
  });
});

describe("setAsideReason", () => {
  it.each([
    ["managed", "null_resource", /hashicorp\/null has no offline binary/],
    ["managed", "awscc_lex_bot_alias", /hashicorp\/awscc has no offline binary/],
    ["data", "archive_file", /hashicorp\/archive/],
    ["data", "local_file", /hashicorp\/local/],
    ["data", "aws_connect_security_profile", /reads the Connect instance from AWS/],
  ] as const)("%s %s is set aside", (mode, type, why) => {
    expect(setAsideReason(mode, type)).toMatch(why);
  });

  it.each([
    ["managed", "aws_connect_queue"],
    ["data", "aws_caller_identity"],
    ["data", "aws_iam_policy_document"],
  ] as const)("%s %s is planned", (mode, type) => {
    expect(setAsideReason(mode, type)).toBeUndefined();
  });
});
