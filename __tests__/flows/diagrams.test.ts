import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_PART_ACTIONS, partition, readingOrder } from "../../constructs/flows/diagram-parts";
import { describeAction, diagramPages, flowDiagram } from "../../constructs/flows/diagrams";
import { loadFlowSet, type SimFlow } from "../../constructs/flows/simulator";

const DOCS = join(__dirname, "..", "..", "docs", "flows");
const flows = loadFlowSet();
const pages = diagramPages(flows);

describe("flow diagrams (docs/flows)", () => {
  it("has a page for every flow and module plus the index, and nothing else", () => {
    const committed = readdirSync(DOCS)
      .filter((f) => f.endsWith(".md"))
      .sort();
    expect(committed).toStrictEqual([...pages.keys()].sort());
    expect(pages.size).toBe(flows.size + 1);
  });

  it.each([...pages.keys()])(
    "%s is current (run `npm run flows:graph` after changing a template)",
    (file) => {
      expect(readFileSync(join(DOCS, file), "utf8")).toBe(pages.get(file));
    },
  );

  it("draws every action and every way out of it, and links transfers to their pages", () => {
    const ivr = flows.get("voice_ivr_flow")!;
    const page = pages.get("voice_ivr_flow.md")!;
    for (const a of ivr.actions) expect(page).toContain(`${a.Identifier} · ${a.Type}`);
    // Inside a part the outcome labels its arrow; an arrow to another part ends in a flag saying
    // which outcome leaves, to which block, in which part.
    expect(page).toContain('-->|"= CheckBalance / = TransactionHistory / = InternalTransfer"|');
    expect(page).toContain("= ReportFraud → category-fraud · part 2");
    expect(page).toContain('click a9 "./auth_module_flow.md"');
    expect(page).toContain("[queue_routing_flow](queue_routing_flow.md) (transfer, from `to-routing`)");
  });

  it("marks the start, the endings and the hand-offs", () => {
    const page = pages.get("auth_module_flow.md")!;
    expect(page).toMatch(/start\(\("Start"\)\) --> a0\n/);
    expect(page).toMatch(/a\d+\(\["end · EndFlowModuleExecution<br\/>Return to the calling flow"\]\)/);
    expect(page).toContain(
      "- Reached from:\n  - [voice_ivr_flow](voice_ivr_flow.md) (module, at `authenticate`)",
    );
  });

  it("the index draws the call graph between flows and modules, and lists each queue's flows", () => {
    const index = pages.get("README.md")!;
    expect(index).toContain("voice_entry_flow -->|transfer| voice_ivr_flow");
    expect(index).toContain("voice_ivr_flow -->|module| auth_module_flow");
    expect(index).toContain("agent_transfer_flow -->|CustomerQueue hook| customer_queue_flow");
    expect(index).toMatch(
      /^\| LendingQueue \| \[queue_routing_flow\]\(queue_routing_flow\.md\) \(queue\) \|$/m,
    );
  });

  it("draws a flow of more than MAX_PART_ACTIONS blocks in parts: each block once, arrows between parts as flags", () => {
    const auth = flows.get("auth_module_flow")!;
    const page = pages.get("auth_module_flow.md")!;
    const blocks = page.split("### Part ").slice(1);
    expect(blocks.length).toBeGreaterThan(1);
    const drawn = blocks.map((b) => [...b.matchAll(/^ {2}(a\d+)(?:\[|\(\[|\[\[)"/gm)].map((m) => m[1]));
    for (const part of drawn) expect(part.length).toBeLessThanOrEqual(MAX_PART_ACTIONS);
    expect(drawn.flat().sort()).toStrictEqual(auth.actions.map((_, i) => `a${i}`).sort());
    // pin-result's four outcomes all continue in another part: one flag, a line per outcome.
    expect(page).toContain(
      'out_a23["= Verified → pin-logging-on · part 5<br/>= Invalid → pin-wrong · part 5<br/>= LockedOut → lockout-logging-on · part 5<br/>= Error / no match → error-logging-on · part 5"]',
    );
    expect(page).toMatch(/in_a24>"from parts? [\d, ]+"\] -\.-> a24/);
  });

  it("keeps small flows in one diagram", () => {
    const page = pages.get("survey_flow.md")!;
    expect(flows.get("survey_flow")!.actions.length).toBeLessThanOrEqual(MAX_PART_ACTIONS);
    expect(page).not.toContain("### Part");
    expect(page.match(/```mermaid/g)).toHaveLength(1);
  });

  it("keeps labels inside Mermaid's quotes whatever the prompt text says", () => {
    const flow: SimFlow = {
      ...flows.get("survey_flow")!,
      actions: [
        {
          Identifier: "say",
          Type: "MessageParticipant",
          Parameters: { Text: 'Press "1" [now] (or #) | <b>x</b>' },
          Transitions: {},
        },
      ],
    };
    const text = flowDiagram({ ...flow, startAction: "say", byId: new Map() }, flows);
    expect(describeAction(flow.actions[0]!)).toBe('Say: Press "1" [now] (or #) | x');
    expect(text).toContain(
      'a0["say · MessageParticipant<br/>Say: Press #34;1#34; #91;now#93; #40;or #35;#41; #124; x"]',
    );
  });
});

describe("cutting a diagram into parts", () => {
  it("cuts where the fewest arrows cross, within the size limits", () => {
    // A chain of 12 with a loop back to the start; a skip inside each half (3 → 5, 6 → 8) makes
    // the cut between 5 and 6 the only one crossed by two arrows instead of three.
    const chain = Array.from({ length: 11 }, (_, i) => ({ from: i, to: i + 1 }));
    const edges = [...chain, { from: 11, to: 0 }, { from: 3, to: 5 }, { from: 6, to: 8 }];
    expect(partition(12, edges)).toStrictEqual([
      { start: 0, end: 6 },
      { start: 6, end: 12 },
    ]);
    expect(partition(MAX_PART_ACTIONS, edges)).toStrictEqual([{ start: 0, end: MAX_PART_ACTIONS }]);
  });

  it("reads depth first from the start so a branch stays together; unreachable blocks last", () => {
    const edges = [
      { from: 0, to: 1 },
      { from: 0, to: 3 },
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ];
    expect(readingOrder(6, 0, edges)).toStrictEqual([0, 1, 2, 3, 4, 5]);
    expect(readingOrder(6, 3, edges)).toStrictEqual([3, 4, 0, 1, 2, 5]);
  });
});
