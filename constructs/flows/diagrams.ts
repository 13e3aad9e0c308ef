import { MAX_PART_ACTIONS, partition, readingOrder, type Part } from "./diagram-parts";
import { branchesOf, type FlowSet, type SimAction, type SimFlow } from "./simulator";

/**
 * Mermaid diagrams of the rendered flows for the people who own call journeys: one page per flow
 * or module (actions labelled by type and a short human text, every transition, condition and
 * error as a labelled edge, entry and endings marked, transfers and modules linked) and an index
 * with the call graph. Pure: FlowSet in, file name → Markdown out (scripts/flows-graph.ts writes).
 */

const MAX_TEXT = 60;
const TERMINAL = new Set(["DisconnectParticipant", "EndFlowExecution", "EndFlowModuleExecution"]);
const HANDOFF = new Set([
  "TransferToFlow",
  "TransferContactToQueue",
  "InvokeFlowModule",
  "CreateCallbackContact",
  "CreateTask",
]);

function short(value: unknown): string {
  const text = String(value ?? "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** Text inside a Mermaid label: quotes and brackets would end it. */
function escape(text: string): string {
  return text.replace(/[#"[\]{}()<>|]/g, (c) => `#${c.charCodeAt(0)};`);
}

const ref = (value: unknown): string =>
  String(value ?? "").replace(/^(queue|flow|module|lambda|bot|hours):/, "");

/** What the block does, in a few words. */
export function describeAction(a: SimAction): string {
  const p = a.Parameters;
  const entries = (v: unknown) => Object.entries((v ?? {}) as Record<string, unknown>);
  switch (a.Type) {
    case "MessageParticipant":
      return `Say: ${short(p["Text"] ?? p["SSML"] ?? p["PromptId"])}`;
    case "MessageParticipantIteratively":
      return `Loop hold messages every ${String(p["InterruptFrequencySeconds"] ?? "?")} s`;
    case "GetParticipantInput":
      return `${p["StoreInput"] === "True" ? "Store keyed digits" : "Keypad menu"}: ${short(p["Text"] ?? p["SSML"])}`;
    case "ConnectParticipantWithLexBot":
      return `Lex ${ref((p["LexV2Bot"] as Record<string, unknown> | undefined)?.["AliasArn"])}: ${short(p["Text"])}`;
    case "InvokeLambdaFunction": {
      const op = (p["LambdaInvocationAttributes"] as Record<string, unknown> | undefined)?.["operation"];
      return `Lambda ${ref(p["LambdaFunctionARN"])}${op === undefined ? "" : ` ${String(op)}`}`;
    }
    case "UpdateContactAttributes":
      return `Set ${short(
        entries(p["Attributes"])
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(", "),
      )}`;
    case "UpdateContactTargetQueue":
      return `Target queue ${ref(p["QueueId"] ?? p["AgentId"])}`;
    case "TransferContactToQueue":
      return "Transfer to the target queue";
    case "TransferToFlow":
      return `Transfer to ${ref(p["ContactFlowId"])}`;
    case "InvokeFlowModule":
      return `Run module ${ref(p["FlowModuleId"])}`;
    case "CheckHoursOfOperation":
      return `Open now? (${p["HoursOfOperationId"] === undefined ? "queue's hours" : ref(p["HoursOfOperationId"])})`;
    case "CheckMetricData":
      return `${String(p["MetricType"])} in ${p["QueueId"] === undefined ? "target queue" : ref(p["QueueId"])}`;
    case "Compare":
      return `Check ${String(p["ComparisonValue"])}`;
    case "Loop":
      return `Repeat up to ${String(p["LoopCount"])} times`;
    case "UpdateFlowLoggingBehavior":
      return `Flow logging ${String(p["FlowLoggingBehavior"])}`;
    case "UpdateContactEventHooks":
      return entries(p["EventHooks"])
        .map(([k, v]) => `On ${k} run ${ref(v)}`)
        .join(", ");
    case "UpdateContactCallbackNumber":
      return `Callback number from ${String(p["CallbackNumber"])}`;
    case "CreateCallbackContact":
      return `Create callback in ${p["QueueId"] === undefined ? "target queue" : ref(p["QueueId"])}`;
    case "CreateTask":
      return `Create task "${String(p["Name"])}" on ${ref(p["ContactFlowId"])}`;
    case "UpdateContactRoutingBehavior":
      return p["QueuePriority"] === undefined
        ? "Change routing"
        : `Queue priority ${String(p["QueuePriority"])}`;
    case "UpdateContactTextToSpeechVoice":
      return `Voice ${String(p["TextToSpeechVoice"])} (${String(p["TextToSpeechEngine"] ?? "default")})`;
    case "UpdateContactRecordingBehavior":
      return p["AnalyticsBehavior"] === undefined
        ? "Set call recording"
        : "Set call recording and Contact Lens";
    case "UpdateContactRecordingAndAnalyticsBehavior":
      return "Set recording and Contact Lens";
    case "DisconnectParticipant":
      return "Hang up / end chat";
    case "EndFlowModuleExecution":
      return "Return to the calling flow";
    case "EndFlowExecution":
      return "End flow";
    default:
      return a.Type;
  }
}

/** Flows and modules this action hands the contact to, with how. */
export function linksOf(a: SimAction): { target: string; how: string }[] {
  const p = a.Parameters;
  if (a.Type === "TransferToFlow") return [{ target: ref(p["ContactFlowId"]), how: "transfer" }];
  if (a.Type === "InvokeFlowModule") return [{ target: ref(p["FlowModuleId"]), how: "module" }];
  if (a.Type === "CreateTask") return [{ target: ref(p["ContactFlowId"]), how: "task" }];
  if (a.Type === "UpdateContactEventHooks")
    return Object.entries((p["EventHooks"] ?? {}) as Record<string, unknown>).map(([k, v]) => ({
      target: ref(v),
      how: `${k} hook`,
    }));
  return [];
}

/** Connect's catch-all error types, said as a caller's outcome in a few letters. */
const ERROR_LABEL: Readonly<Record<string, string>> = {
  NoMatchingError: "error",
  NoMatchingCondition: "no match",
  InputTimeLimitExceeded: "timeout",
};

function edgeLabel(branch: string): string {
  if (branch === "next") return "";
  if (branch.startsWith("Equals ")) return `= ${branch.slice(7)}`;
  if (/^[A-Z][a-z]+[A-Z]/.test(branch) && !branch.includes(" "))
    return branch === "queued" ? "queued" : (ERROR_LABEL[branch] ?? `error: ${branch}`);
  return branch;
}

function targetOf(a: SimAction, branch: string): string | undefined {
  const t = a.Transitions;
  if (branch === "next" || branch === "queued" || branch === "transferred") return t.NextAction;
  const condition = t.Conditions?.find(
    (c) => `${c.Condition.Operator} ${c.Condition.Operands.join(",")}` === branch,
  );
  if (condition !== undefined) return condition.NextAction;
  return t.Errors?.find((e) => e.ErrorType === branch)?.NextAction;
}

/** One arrow of the diagram: every branch from one block to one target, labelled together. */
interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

function arrowsOf(a: SimAction): Arrow[] {
  // Edges to the same target merge into one arrow with every label.
  const byTarget = new Map<string, string[]>();
  for (const branch of branchesOf(a)) {
    if (branch === "queued" || branch === "transferred") continue; // the contact leaves the flow
    const target = targetOf(a, branch);
    if (target === undefined) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), edgeLabel(branch)]);
  }
  // A plain next step merged with error branches reads "ok / error".
  return [...byTarget].map(([to, labels]) => ({
    from: a.Identifier,
    to,
    label: labels.length > 1 ? labels.map((l) => (l === "" ? "ok" : l)).join(" / ") : (labels[0] ?? ""),
  }));
}

/**
 * Mermaid settings every diagram carries: straight segments between layout points. The default
 * spline cuts corners through the labels of neighbouring arrows (issue 23: "= Invalid" drawn
 * over the "= LockedOut" arrow of the auth module's pin-result).
 */
export const MERMAID_HEADER = [
  "---",
  "config:",
  "  flowchart:",
  "    curve: linear",
  "    nodeSpacing: 24",
  "    rankSpacing: 40",
  "    wrappingWidth: 130",
  "---",
];

/** How a flow is drawn: its blocks in reading order, cut into parts. */
interface Layout {
  readonly order: readonly SimAction[];
  readonly parts: readonly Part[];
  /** Part index of a block; -1 for an identifier that is not a block of the flow. */
  readonly partOf: (identifier: string) => number;
}

function layoutOf(flow: SimFlow): Layout {
  const index = new Map(flow.actions.map((a, i) => [a.Identifier, i]));
  const edges = flow.actions.flatMap(arrowsOf).flatMap((arrow) => {
    const [from, to] = [index.get(arrow.from), index.get(arrow.to)];
    return from === undefined || to === undefined ? [] : [{ from, to }];
  });
  const order = readingOrder(flow.actions.length, index.get(flow.startAction) ?? -1, edges);
  const position = new Map(order.map((i, pos) => [i, pos]));
  const parts = partition(
    order.length,
    edges.map((e) => ({ from: position.get(e.from) ?? 0, to: position.get(e.to) ?? 0 })),
  );
  const partOf = (identifier: string): number => {
    const pos = position.get(index.get(identifier) ?? -1);
    return pos === undefined ? -1 : parts.findIndex((q) => pos >= q.start && pos < q.end);
  };
  return { order: order.map((i) => flow.actions[i]!), parts, partOf };
}

function partDiagram(flow: SimFlow, flows: FlowSet, layout: Layout, p: number): string[] {
  const { order, parts, partOf } = layout;
  const { start, end } = parts[p]!;
  const node = new Map(flow.actions.map((a, i) => [a.Identifier, `a${i}`]));
  const mine = order.slice(start, end);
  const arrows = flow.actions.flatMap(arrowsOf);
  const lines = [...MERMAID_HEADER, "flowchart TD"];
  if (partOf(flow.startAction) === p)
    lines.push(`  start(("Start")) --> ${node.get(flow.startAction) ?? "missing"}`);
  // Arrows from other parts enter through one marker per block: "from part 1, 3".
  const entries = new Map<string, Set<number>>();
  for (const arrow of arrows) {
    const [fromPart, toPart] = [partOf(arrow.from), partOf(arrow.to)];
    if (toPart === p && fromPart !== p)
      entries.set(arrow.to, (entries.get(arrow.to) ?? new Set()).add(fromPart + 1));
  }
  for (const [target, from] of entries) {
    const list = [...from].sort((x, y) => x - y);
    lines.push(
      `  in_${node.get(target) ?? ""}>"from part${list.length > 1 ? "s" : ""} ${list.join(", ")}"] -.-> ${node.get(target) ?? ""}`,
    );
  }
  for (const a of mine) {
    const id = node.get(a.Identifier) ?? "";
    const label = escape(`${a.Identifier} · ${a.Type}`) + "<br/>" + escape(describeAction(a));
    const [open, close] = TERMINAL.has(a.Type)
      ? ["([", "])"]
      : HANDOFF.has(a.Type)
        ? ["[[", "]]"]
        : ["[", "]"];
    lines.push(`  ${id}${open}"${label}"${close}`);
  }
  // Arrows to other parts end in a flag beside their block (one flag shared across blocks would
  // pull long arrows across the drawing); a block's several such arrows share one flag, a line
  // each, instead of fanning out.
  const exits: string[] = [];
  for (const a of mine) {
    const from = node.get(a.Identifier) ?? "";
    const own = arrows.filter((x) => x.from === a.Identifier);
    const away = own.filter((x) => ![p, -1].includes(partOf(x.to)));
    for (const arrow of own.filter((x) => !away.includes(x))) {
      const to = node.get(arrow.to) ?? `missing_${arrow.to.replace(/\W/g, "_")}`;
      lines.push(`  ${from} -->${arrow.label === "" ? "" : `|"${escape(arrow.label)}"|`} ${to}`);
    }
    if (away.length === 0) continue;
    const flag = `out_${from}`;
    const where = (x: Arrow) => `${escape(x.to)} · part ${partOf(x.to) + 1}`;
    exits.push(flag);
    // The flag says which outcomes leave and where to: a long label on a short arrow crowds the
    // arrows around it.
    const rows = away.map((x) => `${x.label === "" ? "" : `${escape(x.label)} → `}${where(x)}`);
    lines.push(`  ${flag}["${rows.join("<br/>")}"]`, `  ${from} --> ${flag}`);
  }
  for (const a of mine) {
    for (const link of linksOf(a)) {
      if (flows.has(link.target)) lines.push(`  click ${node.get(a.Identifier) ?? ""} "./${link.target}.md"`);
    }
  }
  lines.push(
    "  classDef ending fill:#fde2e2,stroke:#b42318",
    "  classDef handoff fill:#e0f2fe,stroke:#0369a1",
    "  classDef jump fill:#f4f4f5,stroke:#71717a,stroke-dasharray:4 3",
  );
  const endings = mine.filter((a) => TERMINAL.has(a.Type)).map((a) => node.get(a.Identifier));
  const handoffs = mine.filter((a) => HANDOFF.has(a.Type)).map((a) => node.get(a.Identifier));
  const jumps = [...[...entries.keys()].map((t) => `in_${node.get(t) ?? ""}`), ...exits];
  if (endings.length > 0) lines.push(`  class ${endings.join(",")} ending`);
  if (handoffs.length > 0) lines.push(`  class ${handoffs.join(",")} handoff`);
  if (jumps.length > 0) lines.push(`  class ${jumps.join(",")} jump`);
  return ["```mermaid", ...lines, "```"];
}

export function flowDiagram(flow: SimFlow, flows: FlowSet): string {
  const layout = layoutOf(flow);
  const { order, parts } = layout;
  const drawings =
    parts.length === 1
      ? partDiagram(flow, flows, layout, 0)
      : [
          `Drawn in ${parts.length} parts of at most ${MAX_PART_ACTIONS} blocks, so each reads at its default size. Grey`,
          "flags are arrows to and from another part: `name · part N` continues there.",
          ...parts.flatMap((part, p) => [
            "",
            `### Part ${p + 1} of ${parts.length}: \`${order[part.start]?.Identifier ?? ""}\` …`,
            "",
            ...partDiagram(flow, flows, layout, p),
          ]),
        ];

  const links = flow.actions.flatMap((a) => linksOf(a).map((l) => ({ ...l, from: a.Identifier })));
  const callers = [...flows.values()].flatMap((f) =>
    f.actions.flatMap((a) =>
      linksOf(a)
        .filter((l) => l.target === flow.name)
        .map((l) => ({ flow: f.name, how: l.how, from: a.Identifier })),
    ),
  );
  return [
    `# ${flow.name}`,
    "",
    `Generated by \`npm run flows:graph\` from \`contact_flows/${flow.template}\` as the stack renders it; do not edit.`,
    "",
    `- Type: ${flow.type}`,
    `- What it does: ${flow.description || "(no description)"}`,
    `- Actions: ${flow.actions.length}; starts at \`${flow.startAction}\``,
    ...(links.length > 0
      ? [
          "- Hands the contact to:",
          ...links.map((l) => `  - ${linkTo(l.target, flows)} (${l.how}, from \`${l.from}\`)`),
        ]
      : []),
    ...(callers.length > 0
      ? [
          "- Reached from:",
          ...callers.map((c) => `  - ${linkTo(c.flow, flows)} (${c.how}, at \`${c.from}\`)`),
        ]
      : []),
    "",
    "Rounded red boxes end the contact's time in this flow; blue boxes hand it on (queue, flow, module,",
    "callback). Unlabelled arrows are the normal next step; the others say which outcome takes them:",
    "`= value` a condition, `error` any error, `no match` no condition matched, `timeout` no input,",
    "`error: Type` a specific error, `ok / error` both.",
    "",
    ...drawings,
    "",
  ].join("\n");
}

const linkTo = (name: string, flows: FlowSet): string => (flows.has(name) ? `[${name}](${name}.md)` : name);

export function indexPage(flows: FlowSet): string {
  const lines = ["flowchart TD"];
  const id = (name: string) => name.replace(/\W/g, "_");
  for (const f of flows.values()) {
    const shape = f.type === "MODULE" ? [`[["`, `"]]`] : [`["`, `"]`];
    lines.push(`  ${id(f.name)}${shape[0]}${f.name}<br/>${f.type}${shape[1]}`);
  }
  // Queues are a table, not nodes: twenty dotted arrows into five queues crossed every other arrow.
  const queues = new Map<string, Set<string>>();
  for (const f of flows.values()) {
    for (const a of f.actions) {
      for (const l of linksOf(a)) lines.push(`  ${id(f.name)} -->|${l.how}| ${id(l.target)}`);
      if (
        a.Type === "UpdateContactTargetQueue" ||
        (a.Type === "CreateCallbackContact" && a.Parameters["QueueId"] !== undefined)
      ) {
        const queue = ref(a.Parameters["QueueId"]);
        const how = a.Type === "CreateCallbackContact" ? "callback" : "queue";
        queues.set(queue, (queues.get(queue) ?? new Set()).add(`[${f.name}](${f.name}.md) (${how})`));
      }
    }
  }
  for (const f of flows.values()) lines.push(`  click ${id(f.name)} "./${f.name}.md"`);
  const dedup = [...new Set(lines)];
  const rows = [...flows.values()].map(
    (f) =>
      `| [${f.name}](${f.name}.md) | ${f.type} | ${f.actions.length} | ${f.description.replace(/\|/g, "\\|")} |`,
  );
  return [
    "# Contact flows",
    "",
    "Generated by `npm run flows:graph` from the rendered templates in `contact_flows/`; do not edit.",
    "A test fails when these pages are stale: run `npm run flows:graph` after changing a template.",
    "",
    "| Flow | Type | Actions | What it does |",
    "|---|---|---|---|",
    ...rows,
    "",
    "## Call graph",
    "",
    "Which flow transfers to, invokes or hooks which.",
    "",
    "```mermaid",
    ...MERMAID_HEADER,
    ...dedup,
    "```",
    "",
    "## Queues",
    "",
    "Which flows put contacts in each queue (target queue, or a callback created in it).",
    "",
    "| Queue | Targeted by |",
    "|---|---|",
    ...[...queues]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queue, by]) => `| ${queue} | ${[...by].join(", ")} |`),
    "",
  ].join("\n");
}

/** Every page: `README.md` plus `<flow>.md` per flow and module. */
export function diagramPages(flows: FlowSet): Map<string, string> {
  const pages = new Map<string, string>([["README.md", indexPage(flows)]]);
  for (const f of [...flows.values()].sort((a, b) => a.name.localeCompare(b.name)))
    pages.set(`${f.name}.md`, flowDiagram(f, flows));
  return pages;
}
