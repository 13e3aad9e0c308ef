import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLedger, noOpMoves, noOpRemovals, parseStateList } from "../../constructs/migration/ledger";
import { RETIRED_ADDRESSES } from "../../constructs/migration/retired";
import { RETIRED_CRM_API_KEY } from "../../constructs/security/api-secrets";
import { resourcesOf, synthStack } from "../support/synth";

const stateList = parseStateList(
  readFileSync(join(__dirname, "../../docs/migration/original-state-list.txt"), "utf8"),
);

describe.each(["dev", "prod"])("migration from the original state (%s)", (env) => {
  const { json, full: withMetadata } = synthStack(env);
  const full = withMetadata as { removed?: Array<{ from: string; "//"?: { reason?: string } }> };
  const declared = new Set(resourcesOf(json).map(([type, name]) => `${type}.${name}`));
  const moved = json.moved ?? [];
  const removed = json.removed ?? [];

  it("accounts for all 225 original addresses: kept, moved, removed on purpose, or a data source", () => {
    expect(stateList).toHaveLength(225);
    const unaccounted = buildLedger(stateList, json)
      .filter((entry) => entry.disposition === "unaccounted")
      .map((entry) => entry.address);
    expect(unaccounted).toStrictEqual([]);
  });

  it("gives every removed block a written reason", () => {
    const withoutReason = (full.removed ?? []).filter((r) => !r["//"]?.reason).map((r) => r.from);
    expect(withoutReason).toStrictEqual([]);
  });

  it("writes moved blocks Terraform accepts: one per source and target, targets declared, sources gone", () => {
    const froms = moved.map((m) => m.from);
    const tos = moved.map((m) => m.to);
    expect(froms.filter((f, i) => froms.indexOf(f) !== i)).toStrictEqual([]);
    expect(tos.filter((t, i) => tos.indexOf(t) !== i)).toStrictEqual([]);
    expect(tos.filter((t) => !declared.has(t))).toStrictEqual([]);
    expect(froms.filter((f) => declared.has(f))).toStrictEqual([]);
  });

  it("never both moves and removes one address", () => {
    const removedFroms = new Set(removed.map((r) => r.from));
    expect(moved.filter((m) => removedFroms.has(m.from.replace(/\[[^\]]*\]$/, "")))).toStrictEqual([]);
    const removedDeclared = removed.filter((r) => declared.has(r.from)).map((r) => r.from);
    expect(removedDeclared).toStrictEqual([]);
  });

  it("forgets the retired CRM key secret, which only this stack created: a no-op against the original", () => {
    const block = removed.find((r) => r.from === RETIRED_CRM_API_KEY);
    expect(block).toMatchObject({ lifecycle: { destroy: false } });
    expect(declared.has(RETIRED_CRM_API_KEY)).toBe(false);
    expect(stateList).not.toContain(RETIRED_CRM_API_KEY);
    expect(noOpRemovals(stateList, json).map((r) => r.from)).toContain(RETIRED_CRM_API_KEY);
    expect(noOpRemovals([...stateList, RETIRED_CRM_API_KEY], json).map((r) => r.from)).not.toContain(
      RETIRED_CRM_API_KEY,
    );
    const ledger = buildLedger([RETIRED_CRM_API_KEY], json);
    expect(ledger.map((e) => e.disposition)).toStrictEqual(["removed"]);
  });

  it("keeps stateful objects: nothing with data is destroyed by a removed block", () => {
    const stateful =
      /aws_(dynamodb_table|s3_bucket|kms_key|cloudwatch_log_group|kinesis_stream|connect_instance)\./;
    expect(
      removed.filter((r) => stateful.test(r.from) && (r as any).lifecycle.destroy).map((r) => r.from),
    ).toStrictEqual([]);
  });
});

describe("exact address matching, as Terraform matches", () => {
  const config = {
    resource: { aws_s3_bucket_policy: { policy: {} }, aws_lexv2models_bot_version: { banking: {} } },
    moved: [{ from: "module.b.aws_s3_bucket_policy.this[0]", to: "aws_s3_bucket_policy.policy" }],
    removed: [{ from: "null_resource.assoc", "//": { reason: "r" } }],
  };

  it("a move from x[0] does not account for x, nor x[0] for a move from x", () => {
    const ledger = buildLedger(
      ["module.b.aws_s3_bucket_policy.this", "aws_lexv2models_bot_version.banking[0]"],
      config,
    );
    expect(ledger.map((e) => e.disposition)).toStrictEqual(["unaccounted", "unaccounted"]);
    expect(noOpMoves(["module.b.aws_s3_bucket_policy.this"], config)).toStrictEqual(config.moved);
  });

  it("removed blocks cover every instance of their resource", () => {
    const ledger = buildLedger(['null_resource.assoc["a"]', "null_resource.assoc"], config);
    expect(ledger.map((e) => e.disposition)).toStrictEqual(["removed", "removed"]);
  });

  it("the committed list is the exact one: no wildcard lines", () => {
    expect(() => parseStateList("aws_connect_queue.queues[*]\n")).toThrow(/not a state address/);
  });
});

describe("retired addresses", () => {
  it("are unique", () => {
    const froms = RETIRED_ADDRESSES.map((r) => r.from);
    expect(froms.filter((f, i) => froms.indexOf(f) !== i)).toStrictEqual([]);
  });
});
