import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workspace } from "../../scripts/terraform/engine";
import { attributes, FIXTURE } from "./support/original-fixture";
import { describeWithEngine, keptResult, realEngine, workDir } from "./support/real-engine";

// Terraform itself decodes the fixture against the mirror provider's schemas (kept while the
// fixture and the engine are unchanged: terraform loads a 700 MB provider to do it).
describeWithEngine("terraform reads the committed original state", () => {
  it("with hashicorp/aws of the mirror: every object decodes against its schema, values unchanged", async () => {
    const fixture = readFileSync(FIXTURE, "utf8");
    const queue = await keptResult("original-state-decoded", fixture, async () => {
      const engine = await realEngine();
      const dir = workDir("original-state-decoded");
      writeFileSync(
        join(dir, "main.tf.json"),
        JSON.stringify({
          terraform: { required_providers: { aws: { source: "hashicorp/aws", version: engine.awsVersion } } },
        }),
      );
      const workspace = new Workspace(engine, dir, undefined);
      await workspace.init();
      const shown = JSON.parse(await workspace.terraform(["show", "-json", FIXTURE])) as {
        values: { root_module: { resources?: Array<{ address: string; values: unknown }> } };
      };
      return shown.values.root_module.resources!.find(
        (r) => r.address === 'aws_connect_queue.queues["AccountQueue"]',
      )?.values;
    });
    expect(queue).toEqual(attributes('aws_connect_queue.queues["AccountQueue"]'));
  }, 300_000);
});
