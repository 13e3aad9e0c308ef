import { NullProvider } from "@cdktf/provider-null/lib/provider";
import { Resource, type ResourceConfig } from "@cdktf/provider-null/lib/resource";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { type ITerraformDependable, Testing, TerraformStack } from "cdktf";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as binding from "../../scripts/cdktn/null-binding";
import { unexpectedDifferences } from "../../scripts/cdktn/compare";
import {
  CONSTRUCTS_FOR_CDKTN,
  NULL_BINDING,
  PACKAGE_SWAPS,
  toCdktnPackageJson,
  toCdktnSource,
} from "../../scripts/cdktn/rewrite";

const root = resolve(__dirname, "../..");

type NullClasses = {
  NullProvider: new (scope: TerraformStack, id: string) => unknown;
  Resource: new (
    scope: TerraformStack,
    id: string,
    config: ResourceConfig,
  ) => ITerraformDependable & { id: string };
};

/** The same small stack on either null binding: provider, triggers, provisioner, depends_on. */
function nullStack(classes: NullClasses, hcl: boolean): string {
  const stack = new TerraformStack(Testing.app({ hclOutput: hcl } as never), "exit");
  new classes.NullProvider(stack, "null");
  const first = new classes.Resource(stack, "first", { triggers: { content: "a" } });
  new classes.Resource(stack, "second", {
    triggers: { first: first.id },
    dependsOn: [first],
    provisioners: [{ type: "local-exec", command: "echo built", environment: { A: "1" } }],
  });
  return hcl ? Testing.synthHcl(stack) : Testing.synth(stack);
}

describe("our null binding stands in for @cdktf/provider-null", () => {
  it.each([
    ["JSON", false],
    ["HCL", true],
  ])("synthesizes the same %s", (_kind, hcl) => {
    expect(nullStack(binding, hcl)).toBe(nullStack({ NullProvider, Resource }, hcl));
  });
});

describe("the source rewrite", () => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  const specifiers = (text: string) => [...text.matchAll(/\bfrom\s+"([^"]+)"/g)].map((m) => m[1]!);

  it("leaves no cdktf import in any project file and points null imports at a file that exists", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const rewritten = toCdktnSource(readFileSync(join(root, file), "utf8"), file);
      for (const specifier of specifiers(rewritten)) {
        expect(`${file}: ${specifier}`).not.toMatch(/: (cdktf|@cdktf\/)/);
        if (specifier.includes("null-binding")) {
          expect(existsSync(`${resolve(root, dirname(file), specifier)}.ts`)).toBe(true);
        }
      }
    }
  });

  it("renames framework and aws provider imports, keeping subpaths and quotes", () => {
    const source = [
      `import { App } from "cdktf";`,
      `import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';`,
      `import { NullProvider } from "@cdktf/provider-null/lib/provider";`,
      `const lazy = await import("@cdktf/provider-aws/lib/provider");`,
    ].join("\n");
    expect(toCdktnSource(source, "constructs/platform/platform.ts")).toBe(
      [
        `import { App } from "cdktn";`,
        `import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';`,
        `import { NullProvider } from "../../${NULL_BINDING}";`,
        `const lazy = await import("@cdktn/provider-aws/lib/provider");`,
      ].join("\n"),
    );
  });

  it("names the file when it imports a null class the binding lacks", () => {
    // Built in pieces so the check's own rewrite of this file does not read it as an import.
    const missing = ["@cdktf/provider-null", "lib/data-null-data-source"].join("/");
    const source = `import { DataNullDataSource } from "${missing}";`;
    expect(() => toCdktnSource(source, "constructs/x.ts")).toThrow(
      /constructs\/x\.ts: imports @cdktf\/provider-null\/lib\/data-null-data-source/,
    );
  });

  it("swaps the packages for exact cdktn pins within cdktn's constructs range", () => {
    const pkg = JSON.parse(toCdktnPackageJson(readFileSync(join(root, "package.json"), "utf8")));
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).filter((name) => /^(cdktf|@cdktf\/)/.test(name))).toEqual([]);
    for (const { to, version } of PACKAGE_SWAPS) expect(all[to]).toBe(version);
    expect(all.constructs).toBe(CONSTRUCTS_FOR_CDKTN);
    expect(CONSTRUCTS_FOR_CDKTN).toMatch(/^10\.[67]\.\d+$/);
    // Dev tools stay dev tools.
    expect(pkg.devDependencies["@cdktn/hcl2json"]).toBeDefined();
  });
});

describe("the output comparison", () => {
  function synthesized(): Record<string, any> {
    const stack = new TerraformStack(Testing.app(), "exit");
    new AwsProvider(stack, "aws", { region: "eu-west-2" });
    new S3Bucket(stack, "bucket", { bucket: "example-bucket", forceDestroy: false });
    // Testing.synth drops the metadata block; the real output has it.
    return { "//": { metadata: { version: "0.21.0" } }, ...JSON.parse(Testing.synth(stack)) };
  }

  it("accepts a different framework version and aws provider pin", () => {
    const cdktn = synthesized();
    cdktn["//"].metadata.version = "0.24.0";
    cdktn.terraform.required_providers.aws = { source: "hashicorp/aws", version: "6.66.0" };
    expect(unexpectedDifferences(synthesized(), cdktn)).toEqual([]);
  });

  it("reports a changed attribute, a lost resource and a changed provider setting by path", () => {
    const cdktn = synthesized();
    cdktn.resource.aws_s3_bucket.bucket.force_destroy = true;
    cdktn.resource.aws_s3_bucket.other = { bucket: "other" };
    cdktn.provider.aws[0].region = "us-east-1";
    expect(unexpectedDifferences(synthesized(), cdktn).map((d) => d.path)).toEqual([
      "provider.aws[0].region",
      "resource.aws_s3_bucket.bucket.force_destroy",
      "resource.aws_s3_bucket.other",
    ]);
  });
});
