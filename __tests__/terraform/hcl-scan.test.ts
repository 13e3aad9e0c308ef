import { parseHcl, tokenize, traversals, type Block, type Item } from "../../scripts/terraform/hcl-scan";

/** Top-level items as `block type labels…` / `attr name`, nested blocks indented. */
function outline(items: readonly Item[], depth = 0): string[] {
  return items.flatMap((i) =>
    i.kind === "block"
      ? [`${"  ".repeat(depth)}block ${[i.type, ...i.labels].join(" ")}`, ...outline(i.body, depth + 1)]
      : [`${"  ".repeat(depth)}attr ${i.name}`],
  );
}

describe("parseHcl finds blocks and attributes where literal text would mislead a naive scanner", () => {
  const cases: ReadonlyArray<{ name: string; hcl: string; outline: string[] }> = [
    {
      name: "a heredoc whose text holds braces and a fake block",
      hcl: [
        'resource "null_resource" "a" {',
        "  command = <<-EOT",
        '    resource "x" "y" { oops }',
        "    }}} {",
        "    EOT",
        "}",
        'data "aws_region" "r" {}',
      ].join("\n"),
      outline: ["block resource null_resource a", "  attr command", "block data aws_region r"],
    },
    {
      name: "strings with a closing brace, an escaped interpolation and an escaped quote",
      hcl: [
        "locals {",
        '  a = "}"',
        '  b = "$${not.an.interpolation} }"',
        '  c = "say \\"}\\""',
        "}",
        'output "o" { value = 1 }',
      ].join("\n"),
      outline: ["block locals", "  attr a", "  attr b", "  attr c", "block output o", "  attr value"],
    },
    {
      name: "an interpolation holding a string with a brace, and a template directive",
      hcl: ["locals {", '  a = "${join("}", ["x"])}-%{ if true }y%{ endif }"', "}"].join("\n"),
      outline: ["block locals", "  attr a"],
    },
    {
      name: "comments of all three kinds, holding blocks and braces",
      hcl: [
        '# resource "null_resource" "gone" {',
        '// data "archive_file" "gone" {',
        '/* } { resource "x" "y" {} */',
        'resource "aws_s3_bucket" "b" { # }',
        '  bucket = "b" // }',
        "}",
      ].join("\n"),
      outline: ["block resource aws_s3_bucket b", "  attr bucket"],
    },
    {
      name: "nested blocks, a multi-line expression and a heredoc with an interpolation over lines",
      hcl: [
        'resource "aws_connect_instance_storage_config" "s" {',
        "  storage_config {",
        "    s3_config {",
        '      bucket_name = "x"',
        "    }",
        "  }",
        "  tags = merge(var.tags, {",
        '    Name = "}"',
        "  })",
        "  policy = <<EOF",
        "${jsonencode({",
        '  a = "}"',
        "})}",
        "EOF",
        "}",
      ].join("\n"),
      outline: [
        "block resource aws_connect_instance_storage_config s",
        "  block storage_config",
        "    block s3_config",
        "      attr bucket_name",
        "  attr tags",
        "  attr policy",
      ],
    },
  ];
  it.each(cases)("$name", ({ hcl, outline: expected }) => {
    expect(outline(parseHcl(hcl).body)).toEqual(expected);
  });

  it("gives each block its exact source range, closing brace included", () => {
    const hcl = 'data "x" "y" {\n  a = "}"\n}\nresource "r" "s" {}\n';
    const [first, second] = parseHcl(hcl).body as Block[];
    expect(hcl.slice(first!.start, first!.end)).toBe('data "x" "y" {\n  a = "}"\n}');
    expect(hcl.slice(second!.start, second!.end)).toBe('resource "r" "s" {}');
  });
});

describe("tokenize and parseHcl name the file and line of what they cannot read", () => {
  it.each([
    ['a = "open\n', "main.tf:1: unterminated string"],
    ["a = <<EOT\nno end\n", "main.tf:1: unterminated heredoc <<EOT"],
    ["\n\n/* never closed", "main.tf:3: unterminated /* comment"],
    ['a = "${b\n', "main.tf:1: unterminated ${ interpolation"],
    ['resource "x" "y" {\n  a = 1\n', "main.tf:1: block is not closed"],
  ])("%j", (hcl, message) => {
    expect(() => parseHcl(hcl, "main.tf")).toThrow(message);
  });

  it("keeps an indented closing marker of <<- and of << (HCL allows both)", () => {
    const kinds = tokenize("a = <<EOT\n  x\n  EOT\nb = 1\n").map((t) => t.kind);
    expect(kinds.filter((k) => k === "heredocClose")).toHaveLength(1);
    expect(
      parseHcl("a = <<EOT\n  x\n  EOT\nb = 1\n").body.map((i) => (i.kind === "attribute" ? i.name : "")),
    ).toEqual(["a", "b"]);
  });
});

describe("traversals: references in code, never in literal text", () => {
  it("finds data, resource and module references with their index and attribute", () => {
    const file = parseHcl(
      [
        "a = data.archive_file.zip.output_path",
        'b = "${awscc_lex_bot_alias.this[0].arn}/x"',
        'c = aws_connect_queue.q["General"].queue_id',
        "d = module.connect_instance.id",
      ].join("\n"),
    );
    expect(traversals(file).map((t) => [t.root, t.attribute, file.source.slice(t.start, t.end)])).toEqual([
      ["data.archive_file.zip", "output_path", "data.archive_file.zip.output_path"],
      ["awscc_lex_bot_alias.this", "arn", "awscc_lex_bot_alias.this[0].arn"],
      ["aws_connect_queue.q", "queue_id", 'aws_connect_queue.q["General"].queue_id'],
      ["module.connect_instance", "id", "module.connect_instance.id"],
    ]);
  });

  it("ignores names in strings, heredoc text and comments", () => {
    const file = parseHcl(
      [
        'a = "data.archive_file.zip.output_path"',
        "b = <<EOT",
        "null_resource.x.id",
        "EOT",
        "# awscc_lex_bot_alias.this.arn",
      ].join("\n"),
    );
    expect(traversals(file)).toEqual([]);
  });
});
