import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  readStateInput,
  showToState,
  stateAddress,
  withoutUnplannable,
  type ShowJson,
} from "../../scripts/terraform/state-input";
import { accountOfState, pinnedAccountOf } from "../../scripts/terraform/offline-plan";

/** `terraform show -json` of a state (JSON output format: values.root_module, child_modules). */
const show: ShowJson = {
  format_version: "1.0",
  values: {
    root_module: {
      resources: [
        {
          address: "aws_sns_topic.alerts",
          mode: "managed",
          type: "aws_sns_topic",
          name: "alerts",
          provider_name: "registry.terraform.io/hashicorp/aws",
          schema_version: 0,
          values: { arn: "arn:aws:sns:eu-west-2:210987654321:alerts", name: "alerts" },
        },
        {
          address: "null_resource.build",
          mode: "managed",
          type: "null_resource",
          name: "build",
          provider_name: "registry.terraform.io/hashicorp/null",
          values: { id: "1" },
        },
      ],
      child_modules: [
        {
          resources: [
            {
              address: "module.s3.aws_s3_bucket_versioning.this[0]",
              mode: "managed",
              type: "aws_s3_bucket_versioning",
              name: "this",
              index: 0,
              provider_name: "registry.terraform.io/hashicorp/aws",
              values: { bucket: "b" },
            },
          ],
        },
      ],
    },
  },
} as unknown as ShowJson;

describe("state to plan against", () => {
  const state = showToState(show, { aws_s3_bucket_versioning: 2 }, "1.11.4");

  it("turns terraform show -json into a version 4 state: modules, instance keys, schema versions", () => {
    expect(state.version).toBe(4);
    expect(state.resources.map(stateAddress)).toStrictEqual([
      "aws_sns_topic.alerts",
      "null_resource.build",
      "module.s3.aws_s3_bucket_versioning.this",
    ]);
    const versioning = state.resources[2]!;
    expect(versioning).toMatchObject({
      module: "module.s3",
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ index_key: 0, schema_version: 2, attributes: { bucket: "b" } }],
    });
  });

  it("is deterministic: the same input gives the same lineage", () => {
    expect(showToState(show, {}, "1.11.4").lineage).toBe(state.lineage);
    expect(state.lineage).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("takes out what the offline engine cannot plan, saying what and why", () => {
    const { state: planned, setAside } = withoutUnplannable(state, (r) =>
      r.type.startsWith("null_") ? "hashicorp/null has no offline binary" : undefined,
    );
    expect(planned.resources.map(stateAddress)).not.toContain("null_resource.build");
    expect(setAside).toStrictEqual([
      { address: "state null_resource.build", why: "hashicorp/null has no offline binary" },
    ]);
  });

  it("reads the stub's account off the state, so bucket names with the account id stay the same", () => {
    expect(accountOfState(state)).toBe("210987654321");
  });

  it("with no state, answers as the account the stack's default aws provider is pinned to", () => {
    const provider = (aws: Array<Record<string, unknown>>) => ({ provider: { aws } });
    expect(
      pinnedAccountOf(
        provider([
          { alias: "us_east_1", allowed_account_ids: ["999999999999"] },
          { region: "eu-west-2", allowed_account_ids: ["111122223333", "444455556666"] },
        ]),
      ),
    ).toBe("111122223333");
    expect(pinnedAccountOf(provider([{ region: "eu-west-2" }]))).toBeUndefined();
  });

  describe("reading the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "state-input-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };

    it.each([
      ["empty.json", "", /empty.json is empty: expected a state file or terraform show -json output$/],
      [
        "truncated.json",
        '{"version": 4, "resources": [',
        /truncated.json: not valid JSON .*is the file complete\?$/,
      ],
      ["old.json", '{"version": 3}', /old.json: state format version 3/],
      [
        "other.json",
        '{"hello": 1}',
        /other.json: neither a state file \(version 4\) nor terraform show -json output$/,
      ],
    ])("names the file and the problem: %s", (name, text, message) => {
      expect(() => readStateInput(file(name, text))).toThrow(message);
    });

    it("names a missing file", () => {
      expect(() => readStateInput(join(dir, "missing.json"))).toThrow(/missing.json: cannot read: ENOENT/);
    });
  });
});
