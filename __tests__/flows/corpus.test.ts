import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { declaredFlowType } from "../../constructs/flows/flow-type";
import type { FlowType } from "../../constructs/flows/types";
import { validateFlowText } from "../../constructs/flows/validator";

const CORPUS = join(__dirname, "corpus");
const sources = readFileSync(join(CORPUS, "SOURCES.md"), "utf8");
/** File → flow type it was deployed as, from the table in SOURCES.md. */
const deployedAs = new Map(
  [...sources.matchAll(/^\|\s*(\S+\.json)\s*\|\s*([A-Z_]+)\s*\|$/gm)].map((m) => [m[1]!, m[2]! as FlowType]),
);
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("real exports Connect accepted", () => {
  it("every corpus file has its source and deployed type in SOURCES.md", () => {
    expect([...deployedAs.keys()].sort()).toStrictEqual(files);
  });

  it.each(files)("%s validates without errors as the type it was deployed as", (file) => {
    const text = readFileSync(join(CORPUS, file), "utf8");
    const errors = validateFlowText(text, { flowType: deployedAs.get(file)! }).filter(
      (f) => f.severity === "error",
    );
    expect(errors).toStrictEqual([]);
  });

  it.each(files)("%s validates without errors as the type the CLI infers", (file) => {
    const text = readFileSync(join(CORPUS, file), "utf8");
    const resolved = declaredFlowType(JSON.parse(text) as unknown);
    if ("error" in resolved) throw new Error(resolved.error);
    const errors = validateFlowText(text, { flowType: resolved.type }).filter((f) => f.severity === "error");
    expect(errors).toStrictEqual([]);
  });

  it("inference without Metadata.type lands on the deployed type or one with the same rules", () => {
    const inferred = Object.fromEntries(
      files.map((file) => {
        const resolved = declaredFlowType(JSON.parse(readFileSync(join(CORPUS, file), "utf8")) as unknown);
        return [file, "error" in resolved ? resolved.error : resolved.type];
      }),
    );
    // Queue, transfer and whisper exports are no longer judged as inbound flows.
    expect(inferred).toMatchObject({
      "default_agent_transfer.json": "AGENT_TRANSFER",
      "default_agent_whisper.json": "AGENT_WHISPER",
      "default_customer_queue.json": "CUSTOMER_QUEUE",
      "default_outbound.json": "OUTBOUND_WHISPER",
      "sample_interruptible_queue_flow_with_callback.json": "CUSTOMER_QUEUE",
    });
  });
});
