import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { planOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformConfig } from "../../scripts/terraform/offline-view";
import type { ResourceChange } from "../../scripts/terraform/plan-report";
import type { StateV4 } from "../../scripts/terraform/state-input";
import {
  CACHE_DIR,
  describeWithEngine,
  keptResult,
  realEngine,
  workDir,
} from "../terraform/support/real-engine";
import { GROUP_ARN, drJson } from "./stack";

/** The original stack's state as Terraform made it (scripts/terraform/original-state.ts). */
const ORIGINAL_STATE = resolve(__dirname, "../migration/fixtures/original.tfstate");

/** What DR sets on primary resources; none of it may appear among the paths that force a replacement. */
const DR_ARGUMENTS = [
  "stream_enabled",
  "stream_view_type",
  "replica",
  "event_selector",
  "target_arn",
  "content",
];

describeWithEngine("disaster recovery in Terraform's own plan (hashicorp/aws of the plugin mirror)", () => {
  // One whole-stack plan: minutes on a busy 2-core machine, then kept while stack and state are unchanged.
  jest.setTimeout(600_000);
  const state = JSON.parse(readFileSync(ORIGINAL_STATE, "utf8")) as StateV4;
  const stack = drJson({ trafficDistributionGroupArn: GROUP_ARN }) as TerraformConfig;
  let changes: readonly ResourceChange[];

  beforeAll(async () => {
    changes = await keptResult(
      "dr-prod-against-original",
      { kept: "resource_changes", stack, state },
      async () => {
        const result = await planOffline({
          engine: await realEngine(),
          stack,
          stackDir: workDir("dr-prod-stack"),
          workDir: workDir("dr-prod"),
          cacheDir: CACHE_DIR,
          state,
        });
        return result.plan.resource_changes ?? [];
      },
    );
  });

  const managed = () => changes.filter((c) => c.mode === "managed");
  const name = (c: ResourceChange) => c.address.split(".")[1] ?? "";

  it("creates every resource of the replica Region, and nothing else happens to them", () => {
    const replica = managed().filter((c) => name(c).startsWith("dr_"));
    expect(replica.length).toBeGreaterThan(70);
    expect(
      replica.filter((c) => c.change.actions.join("+") !== "create").map((c) => c.address),
    ).toStrictEqual([]);
  });

  it("moves both claimed numbers into the traffic distribution group in place: an update, never a release", () => {
    const numbers = managed().filter((c) => c.type === "aws_connect_phone_number");
    expect(
      numbers.map((c) => [
        c.address,
        c.change.actions,
        (c.change.after as { target_arn?: string }).target_arn,
      ]),
    ).toStrictEqual([
      ["aws_connect_phone_number.outbound", ["update"], GROUP_ARN],
      ["aws_connect_phone_number.toll_free", ["update"], GROUP_ARN],
    ]);
  });

  it("never replaces anything for what DR changes on the primary (streams, secret replicas, trail selectors, flow content, target_arn)", () => {
    const forcedByDr = managed().flatMap((c) =>
      (c.change.replace_paths ?? [])
        .filter((path) => DR_ARGUMENTS.includes(String(path[0])))
        .map((path) => `${c.address}: ${path.join(".")}`),
    );
    expect(forcedByDr).toStrictEqual([]);
    const carriedTables = managed().filter((c) => c.type === "aws_dynamodb_table" && c.change.before);
    expect(carriedTables.length).toBeGreaterThan(0);
    expect(
      carriedTables.filter((c) => c.change.actions.join("+") !== "update").map((c) => c.address),
    ).toStrictEqual([]);
  });
});
