import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  providerSchema,
  providerSchemaSummary,
  Workspace,
  type SchemaBlock,
} from "../../scripts/terraform/engine";
import { hclView } from "../../scripts/terraform/hcl-view";
import { offlineView } from "../../scripts/terraform/offline-view";
import { parsedByHashiCorp } from "../support/hcl-parse";
import { synthStack } from "../support/synth";
import { CACHE_DIR, describeWithEngine, keptResult, realEngine, workDir } from "./support/real-engine";

/** The provider's own word on which names are nested blocks, for the types the stack uses. */
interface Shape {
  /** Argument name → whether its type is a list or set of objects (the one argument HCL writes like a block). */
  readonly attributes: Readonly<Record<string, boolean>>;
  readonly blocks: Readonly<Record<string, Shape>>;
}
const listOfObjects = (type: unknown) =>
  Array.isArray(type) &&
  ["list", "set"].includes(type[0]) &&
  Array.isArray(type[1]) &&
  type[1][0] === "object";
const shapeOf = (block: SchemaBlock): Shape => ({
  attributes: Object.fromEntries(
    Object.entries(block.attributes ?? {}).map(([name, a]) => [name, listOfObjects(a.type)]),
  ),
  blocks: Object.fromEntries(
    Object.entries(block.block_types ?? {}).map(([name, b]) => [name, shapeOf(b.block)]),
  ),
});

/**
 * Every place the parsed HCL writes a block (a list of bodies) or an argument (a value), against
 * the provider's schema. hcl2json parses `x { }` as `x: [ { } ]` and `x = { }` as `x: { }`.
 */
function misplaced(path: string, body: Record<string, unknown>, shape: Shape): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (["depends_on", "provider", "lifecycle", "count", "for_each", "provisioner"].includes(key)) continue;
    const nested = shape.blocks[key];
    const writtenAsBlock =
      Array.isArray(value) &&
      value.every((v) => v && typeof v === "object" && !Array.isArray(v)) &&
      value.length > 0;
    if (nested) {
      if (!writtenAsBlock) out.push(`${path}.${key}: written as an argument, the provider declares a block`);
      else
        for (const [i, item] of (value as Record<string, unknown>[]).entries())
          out.push(...misplaced(`${path}.${key}[${i}]`, item, nested));
    } else if (key in shape.attributes) {
      if (writtenAsBlock && !shape.attributes[key])
        out.push(`${path}.${key}: written as a block, the provider declares an argument`);
    } else {
      out.push(`${path}.${key}: not in the provider's schema`);
    }
  }
  return out;
}

describeWithEngine("the --hcl output against the real provider (terraform + the plugin mirror)", () => {
  // terraform starts a 700 MB provider: seconds on an idle machine, minutes on a busy one.
  jest.setTimeout(300_000);
  describe.each(["dev", "prod"])("%s", (env) => {
    const { json, hcl } = synthStack(env);
    const awsTypes = Object.keys(json.resource ?? {}).filter((t) => t.startsWith("aws_"));

    it("writes a block exactly where the provider declares a nested block, and an argument where it declares one", async () => {
      const engine = await realEngine();
      const shapes = await keptResult(`schema-shapes-${awsTypes.length}`, awsTypes, async () => {
        const schema = await providerSchema(engine, workDir("schema"));
        return Object.fromEntries(
          awsTypes
            .filter((t) => schema.resource_schemas[t])
            .map((t) => [t, shapeOf(schema.resource_schemas[t]!.block)]),
        );
      });
      const parsed = await parsedByHashiCorp(env, hcl);
      const problems: string[] = [];
      let compared = 0;
      for (const [type, byName] of Object.entries(
        parsed.resource as Record<string, Record<string, unknown[]>>,
      )) {
        const shape = shapes[type];
        if (!shape) continue; // awscc/null, and 6.x-only types the 5.x mirror does not describe
        for (const [name, bodies] of Object.entries(byName)) {
          compared++;
          problems.push(...misplaced(`${type}.${name}`, bodies[0] as Record<string, unknown>, shape));
        }
      }
      expect(compared).toBeGreaterThan(250);
      // Attributes added in aws 6 are the only names the 5.100 schema may not know.
      expect(problems.filter((p) => !p.endsWith("not in the provider's schema"))).toStrictEqual([]);
    });

    it("passes terraform validate under the same offline view as the JSON", async () => {
      const engine = await realEngine();
      const schema = await providerSchemaSummary(engine, CACHE_DIR);
      const view = offlineView(json, {
        awsVersion: engine.awsVersion,
        knownTypes: {
          resources: new Set(Object.keys(schema.resources)),
          dataSources: new Set(Object.keys(schema.dataSources)),
        },
        stsEndpoint: "http://127.0.0.1:9",
        accountId: "123456789012",
      });
      const files = hclView(hcl, view);
      const verdict = await keptResult(`validate-hcl-${env}`, files, async () => {
        const dir = workDir(`validate-hcl-${env}`);
        writeFileSync(join(dir, "cdk.tf"), files.hcl);
        writeFileSync(join(dir, "offline.tf.json"), JSON.stringify(files.json, null, 2));
        const workspace = new Workspace(engine, dir, undefined);
        await workspace.init();
        try {
          return await workspace.terraform(["validate", "-no-color"]);
        } catch (error) {
          return (error as Error).message;
        }
      });
      expect(verdict).toContain("Success! The configuration is valid.");
    });
  });
});
