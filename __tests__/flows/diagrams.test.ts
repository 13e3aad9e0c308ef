import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
    expect(page).toContain('-->|"= ReportFraud"|');
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

  it("the index draws the call graph between flows, modules and queues", () => {
    const index = pages.get("README.md")!;
    expect(index).toContain("voice_entry_flow -->|transfer| voice_ivr_flow");
    expect(index).toContain("voice_ivr_flow -->|module| auth_module_flow");
    expect(index).toContain("agent_transfer_flow -->|CustomerQueue hook| customer_queue_flow");
    expect(index).toContain("queue_routing_flow -.->|queue| q_FraudQueue");
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
