import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { declaredFlowType } from "../../constructs/flows/flow-type";
import type { FlowType } from "../../constructs/flows/types";
import { validateFlowText } from "../../constructs/flows/validator";
import { ACTIONS } from "../../constructs/flows/validator/actions";

const CORPUS = join(__dirname, "corpus");
const sources = readFileSync(join(CORPUS, "SOURCES.md"), "utf8");
/** File → where it comes from and the flow type it was deployed as, from the table in SOURCES.md. */
const rows = new Map(
  [...sources.matchAll(/^\| (\S+\.json) \| ([A-Z_]+) \| (\S+) \| (\S+) \| (\S+) \|$/gm)].map((m) => [
    m[1]!,
    { deployedAs: m[2]! as FlowType, repository: m[3]!, path: m[4]!, commit: m[5]! },
  ]),
);
/** Errors a publisher's placeholder causes (e.g. "ENTER LAMBDA HERE"), as `file rule path`. */
const placeholders = [...sources.matchAll(/^\| (\S+\.json) \| ([a-z-]+) \| (\S+) \|$/gm)].map(
  (m) => `${m[1]} ${m[2]} ${m[3]}`,
);
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".json"))
  .sort();

/** Errors of a file as `file rule path`, for comparing with the placeholders table. */
function errorsOf(file: string, flowType: FlowType): string[] {
  const text = readFileSync(join(CORPUS, file), "utf8");
  return validateFlowText(text, { flowType })
    .filter((f) => f.severity === "error")
    .map((f) => `${file} ${f.rule} ${f.path}`);
}
const expectedErrors = (file: string) => placeholders.filter((p) => p.startsWith(`${file} `));

function inferred(file: string): FlowType | string {
  const resolved = declaredFlowType(JSON.parse(readFileSync(join(CORPUS, file), "utf8")) as unknown, file);
  return "error" in resolved ? resolved.error : resolved.type;
}

/** Two flow types with the same restrictions for every catalogued action judge a flow alike. */
const sameRules = (a: FlowType, b: FlowType) =>
  Object.values(ACTIONS).every(
    (spec) => spec.flowTypes === undefined || spec.flowTypes.includes(a) === spec.flowTypes.includes(b),
  );

describe("real exports Connect accepted", () => {
  it("every corpus file has its repository, path, commit and deployed type in SOURCES.md", () => {
    expect([...rows.keys()].sort()).toStrictEqual(files);
    for (const [file, row] of rows) {
      expect({ file, repository: /^[\w.-]+\/[\w.-]+$/.test(row.repository) }).toStrictEqual({
        file,
        repository: true,
      });
      expect({ file, commit: /^[0-9a-f]{40}$/.test(row.commit) }).toStrictEqual({ file, commit: true });
      expect(row.path).toMatch(/\.json$/);
    }
  });

  it.each(files)(
    "%s validates as the type it was deployed as, with only its placeholders' errors",
    (file) => {
      expect(errorsOf(file, rows.get(file)!.deployedAs)).toStrictEqual(expectedErrors(file));
    },
  );

  it.each(files)("%s validates as the type the CLI infers, with only its placeholders' errors", (file) => {
    const type = inferred(file);
    expect(errorsOf(file, type as FlowType)).toStrictEqual(expectedErrors(file));
  });

  it("inference without Metadata.type lands on the deployed type or one with the same rules", () => {
    const judged = files.map((file) => {
      const type = inferred(file) as FlowType;
      const deployedAs = rows.get(file)!.deployedAs;
      return { file, deployedAs, inferredAlike: sameRules(type, deployedAs) };
    });
    expect(judged.filter((j) => !j.inferredAlike).map((j) => j.file)).toStrictEqual([
      // A queue transfer flow whose actions all fit an inbound flow, with no Metadata.type or telling name.
      "sample_secure_input_with_agent.json",
    ]);
    // Hold and whisper exports are no longer judged as queue or other whisper flows.
    expect(Object.fromEntries(files.map((f) => [f, inferred(f)]))).toMatchObject({
      "default_agent_hold.json": "AGENT_HOLD",
      "default_customer_hold.json": "CUSTOMER_HOLD",
      "default_customer_whisper.json": "CUSTOMER_WHISPER",
      "default_queue_transfer.json": "QUEUE_TRANSFER",
      "acme_customer_whisper_AUTO.json": "CUSTOMER_WHISPER",
      "acme_queue_transfer_AUTO.json": "QUEUE_TRANSFER",
      "default_agent_transfer.json": "AGENT_TRANSFER",
      "default_agent_whisper.json": "AGENT_WHISPER",
      "default_customer_queue.json": "CUSTOMER_QUEUE",
      "default_outbound.json": "OUTBOUND_WHISPER",
      "sample_interruptible_queue_flow_with_callback.json": "CUSTOMER_QUEUE",
    });
    expect(["CUSTOMER_HOLD", "AGENT_HOLD"]).toContain(inferred("acme_hold_AUTO.json"));
  });

  it("the placeholders table names only corpus files", () => {
    expect(placeholders.map((p) => p.split(" ")[0]).filter((f) => !files.includes(f!))).toStrictEqual([]);
  });
});
