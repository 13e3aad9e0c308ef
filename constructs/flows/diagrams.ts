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

function edgeLabel(branch: string): string {
  if (branch === "next") return "";
  if (branch.startsWith("Equals ")) return `= ${branch.slice(7)}`;
  if (/^[A-Z][a-z]+[A-Z]/.test(branch) && !branch.includes(" "))
    return branch === "queued" ? "queued" : `error: ${branch}`;
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

export function flowDiagram(flow: SimFlow, flows: FlowSet): string {
  const node = new Map(flow.actions.map((a, i) => [a.Identifier, `a${i}`]));
  const lines = ["flowchart TD", `  start(("Start")) --> ${node.get(flow.startAction) ?? "missing"}`];
  for (const a of flow.actions) {
    const id = node.get(a.Identifier) ?? "";
    const label = escape(`${a.Identifier} · ${a.Type}`) + "<br/>" + escape(describeAction(a));
    const [open, close] = TERMINAL.has(a.Type)
      ? ["([", "])"]
      : HANDOFF.has(a.Type)
        ? ["[[", "]]"]
        : ["[", "]"];
    lines.push(`  ${id}${open}"${label}"${close}`);
  }
  for (const a of flow.actions) {
    // Edges to the same target merge into one arrow with every label.
    const byTarget = new Map<string, string[]>();
    for (const branch of branchesOf(a)) {
      if (branch === "queued" || branch === "transferred") continue; // the contact leaves the flow
      const target = targetOf(a, branch);
      if (target === undefined) continue;
      byTarget.set(target, [...(byTarget.get(target) ?? []), edgeLabel(branch)]);
    }
    for (const [target, labels] of byTarget) {
      // A plain next step merged with error branches reads "ok, error: ...".
      const text =
        labels.length > 1 ? labels.map((l) => (l === "" ? "ok" : l)).join(", ") : (labels[0] ?? "");
      const to = node.get(target) ?? `missing_${target.replace(/\W/g, "_")}`;
      lines.push(`  ${node.get(a.Identifier) ?? ""} -->${text === "" ? "" : `|"${escape(text)}"|`} ${to}`);
    }
  }
  for (const a of flow.actions) {
    for (const link of linksOf(a)) {
      if (flows.has(link.target)) lines.push(`  click ${node.get(a.Identifier) ?? ""} "./${link.target}.md"`);
    }
  }
  lines.push(
    "  classDef ending fill:#fde2e2,stroke:#b42318",
    "  classDef handoff fill:#e0f2fe,stroke:#0369a1",
  );
  const endings = flow.actions.filter((a) => TERMINAL.has(a.Type)).map((a) => node.get(a.Identifier));
  const handoffs = flow.actions.filter((a) => HANDOFF.has(a.Type)).map((a) => node.get(a.Identifier));
  if (endings.length > 0) lines.push(`  class ${endings.join(",")} ending`);
  if (handoffs.length > 0) lines.push(`  class ${handoffs.join(",")} handoff`);

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
    "callback). Unlabelled arrows are the normal next step; `error: …` arrows are failure branches.",
    "",
    "```mermaid",
    ...lines,
    "```",
    "",
  ].join("\n");
}

const linkTo = (name: string, flows: FlowSet): string => (flows.has(name) ? `[${name}](${name}.md)` : name);

export function indexPage(flows: FlowSet): string {
  const lines = ["flowchart LR"];
  const id = (name: string) => name.replace(/\W/g, "_");
  for (const f of flows.values()) {
    const shape = f.type === "MODULE" ? [`[["`, `"]]`] : [`["`, `"]`];
    lines.push(`  ${id(f.name)}${shape[0]}${f.name}<br/>${f.type}${shape[1]}`);
  }
  const queues = new Set<string>();
  for (const f of flows.values()) {
    for (const a of f.actions) {
      for (const l of linksOf(a)) lines.push(`  ${id(f.name)} -->|${l.how}| ${id(l.target)}`);
      if (
        a.Type === "UpdateContactTargetQueue" ||
        (a.Type === "CreateCallbackContact" && a.Parameters["QueueId"] !== undefined)
      ) {
        const queue = ref(a.Parameters["QueueId"]);
        queues.add(queue);
        lines.push(
          `  ${id(f.name)} -.->|${a.Type === "CreateCallbackContact" ? "callback" : "queue"}| q_${id(queue)}`,
        );
      }
    }
  }
  for (const q of queues) lines.push(`  q_${id(q)}[("${q}")]`);
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
    "Which flow transfers to, invokes or hooks which (solid), and which queues it targets (dotted).",
    "",
    "```mermaid",
    ...dedup,
    "```",
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
