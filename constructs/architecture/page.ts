import type { ArchitectureGraph, Component, DataPath } from "./graph";

/**
 * docs/architecture.md from the architecture graph: an overview of the services and the paths
 * between them, one diagram per area with every component and its labelled paths (a 50-box
 * picture is unreadable at its default size), and the KMS keys with what each encrypts.
 */

/** Areas, in order, by the services that start them; other components join the area that sends to them. */
const AREAS: ReadonlyArray<{ readonly title: string; readonly roots: readonly string[] }> = [
  { title: "Calls and chats", roots: ["Amazon Connect", "Lex V2 bot", "Bedrock guardrail"] },
  { title: "Agent desktop and companion API", roots: ["CloudFront", "WAF", "API Gateway"] },
  {
    title: "Contact data and the data lake",
    roots: [
      "Kinesis",
      "Firehose",
      "Glue Data Catalog",
      "CloudWatch metric stream",
      "CloudWatch Logs",
      "EventBridge rule",
    ],
  },
  { title: "Audit and alerting", roots: ["CloudTrail", "CloudWatch"] },
];

const HEADER = [
  "---",
  "config:",
  "  flowchart:",
  "    curve: linear",
  "    nodeSpacing: 24",
  "    rankSpacing: 40",
  "    wrappingWidth: 130",
  "---",
];

/**
 * The prefix most names share (`connect-comprehensive-`): said once above the pictures and left
 * out of the boxes, where it doubled their width.
 */
export function commonPrefix(names: readonly string[]): string {
  const candidates = new Map<string, number>();
  for (const name of names) {
    const parts = name.split("-");
    for (let n = 1; n < parts.length; n++) {
      const prefix = `${parts.slice(0, n).join("-")}-`;
      candidates.set(prefix, (candidates.get(prefix) ?? 0) + 1);
    }
  }
  const shared = [...candidates].filter(([, count]) => count * 2 >= names.length);
  return shared.sort(([a], [b]) => b.length - a.length)[0]?.[0] ?? "";
}

const nodeId = (id: string) => `n_${id.replace(/\W/g, "_")}`;
const serviceId = (service: string) => `s_${service.replace(/\W/g, "_")}`;
const quote = (text: string) => text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");

/** Area index of every component: roots by service, then along the paths from assigned components. */
function areasOf(graph: ArchitectureGraph): Map<string, number> {
  const area = new Map<string, number>();
  for (const c of graph.components.values()) {
    const i = AREAS.findIndex((a) => a.roots.includes(c.service));
    if (i >= 0) area.set(c.id, i);
  }
  // Area by area, so a component shared by two (a table) joins the first area that uses it.
  for (let i = 0; i < AREAS.length; i++) {
    for (let changed = true; changed;) {
      changed = false;
      for (const p of graph.paths) {
        if (area.get(p.from) === i && !area.has(p.to)) {
          area.set(p.to, i);
          changed = true;
        }
      }
    }
  }
  // Anything no path reaches (a key, say) sits with the last area.
  for (const c of graph.components.values()) if (!area.has(c.id)) area.set(c.id, AREAS.length - 1);
  return area;
}

function overview(graph: ArchitectureGraph): string[] {
  const services = [...new Set([...graph.components.values()].map((c) => c.service))].filter(
    (s) => s !== "KMS",
  );
  const count = (s: string) => [...graph.components.values()].filter((c) => c.service === s).length;
  const edges = new Set<string>();
  for (const p of graph.paths) {
    const [a, b] = [graph.components.get(p.from)?.service, graph.components.get(p.to)?.service];
    if (a && b && a !== b) edges.add(`  ${serviceId(a)} --> ${serviceId(b)}`);
  }
  return [
    "```mermaid",
    // No labels here, so the default curves (smoother than the straight segments of the sections).
    "flowchart LR",
    ...services.map((s) => `  ${serviceId(s)}["${quote(s)}${count(s) > 1 ? ` ×${count(s)}` : ""}"]`),
    ...[...edges].sort(),
    "```",
  ];
}

/** Arrows one area diagram draws before its senders are split over several diagrams. */
const MAX_PATHS = 10;

/** The area's senders in groups of at most MAX_PATHS outgoing arrows (a sender with more stands alone). */
function senderGroups(graph: ArchitectureGraph, area: Map<string, number>, index: number): string[][] {
  const senders = [...graph.components.values()]
    .filter((c) => area.get(c.id) === index && graph.paths.some((p) => p.from === c.id))
    .map((c) => c.id);
  const groups: string[][] = [];
  let load = Infinity;
  for (const id of senders) {
    const n = graph.paths.filter((p) => p.from === id).length;
    if (load + n > MAX_PATHS) {
      groups.push([]);
      load = 0;
    }
    groups[groups.length - 1]!.push(id);
    load += n;
  }
  return groups;
}

function areaDiagram(
  graph: ArchitectureGraph,
  area: Map<string, number>,
  index: number,
  senders: readonly string[],
  prefix: string,
): string[] {
  const outgoing = graph.paths.filter((p) => senders.includes(p.from));
  const inside = new Set([...senders, ...outgoing.map((p) => p.to)].filter((id) => area.get(id) === index));
  const incoming = graph.paths.filter((p) => inside.has(p.to) && area.get(p.from) !== index);
  const drawn = [...outgoing, ...incoming];
  const others = new Set(drawn.flatMap((p) => [p.from, p.to]).filter((id) => !inside.has(id)));
  // Each box says what the arrows into it carry, and the arrows carry no labels: a fan of ten
  // labelled arrows from the code hook put each label across its neighbours' lines.
  const into = (id: string): string[] => {
    const arrows = drawn.filter((p) => p.to === id);
    const words = [...new Set(arrows.map((p) => p.label))];
    if (words.length <= 1) return words.map((w) => `⟵ ${quote(w)}`);
    return arrows.map(
      (p) => `⟵ ${quote(p.label)} (${quote(graph.components.get(p.from)?.service ?? p.from)})`,
    );
  };
  const short = (name: string) =>
    prefix !== "" && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  const label = (c: Component) =>
    [
      quote(c.service),
      quote(short(c.name)),
      ...into(c.id),
      ...(others.has(c.id) ? [`(${quote(AREAS[area.get(c.id) ?? 0]?.title ?? "")})`] : []),
    ].join("<br/>");
  const line = (p: DataPath, dotted: boolean) =>
    `  ${nodeId(p.from)} ${dotted ? "-.->" : "-->"} ${nodeId(p.to)}`;
  return [
    "```mermaid",
    ...HEADER,
    "flowchart LR",
    ...[...inside, ...others].map((id) => `  ${nodeId(id)}["${label(graph.components.get(id)!)}"]`),
    ...outgoing.map((p) => line(p, false)),
    ...incoming.map((p) => line(p, true)),
    "  classDef elsewhere fill:#f4f4f5,stroke:#71717a,stroke-dasharray:4 3",
    ...(others.size > 0 ? [`  class ${[...others].map(nodeId).join(",")} elsewhere`] : []),
    "```",
  ];
}

/** Log deliveries every bucket and the CDN make to one bucket: a sentence, not twenty arrows. */
const isAccessLog = (p: DataPath) => p.label === "access logs";

export function architecturePage(full: ArchitectureGraph, env: string): string {
  const graph = { ...full, paths: full.paths.filter((p) => !isAccessLog(p)) };
  const accessLogs = full.paths.filter(isAccessLog);
  const logTargets = [...new Set(accessLogs.map((p) => p.to))];
  const area = areasOf(graph);
  const prefix = commonPrefix([...graph.components.values()].map((c) => c.name));
  const keys = [...graph.encryption].map(([key, users]) => {
    const names = (service: string) =>
      users
        .map((u) => graph.components.get(u))
        .filter((c): c is Component => c?.service === service)
        .map((c) => c.name);
    const services = [...new Set(users.map((u) => graph.components.get(u)?.service ?? u))];
    const text = services.map((s) => `${s} (${names(s).join(", ") || "all"})`).join("; ");
    return `| ${graph.components.get(key)?.name ?? key} | ${text} |`;
  });
  return [
    "# Architecture",
    "",
    `Generated by \`npm run architecture\` from the synthesized ${env} stack (\`cdk.tf.json\`): every`,
    "box is a resource of the stack, every arrow a reference between resources that carries data",
    "(an event source mapping, a storage config, an environment variable naming a table, a",
    "subscription filter, ...), drawn in the direction the data goes; do not edit. A test fails when",
    "this page is stale: run `npm run architecture` after changing the stack.",
    "",
    "Every Lambda function, Lex bot, the API stage and the WAF also write to CloudWatch Logs (not",
    "drawn); permissions (IAM, key and resource policies) are not data paths and are left out.",
    ...(prefix === "" ? [] : ["", `Names in the boxes leave out the prefix they share, \`${prefix}\`.`]),
    "",
    "## Services",
    "",
    "Which services send data to which (×N: N resources of that service).",
    "",
    ...overview(graph),
    "",
    ...AREAS.flatMap((a, i) => [
      `## ${a.title}`,
      "",
      "Grey dashed boxes belong to another section; dotted arrows come in from there. `⟵ …` in a",
      "box says what the arrows into it carry.",
      "",
      ...senderGroups(graph, area, i).flatMap((group) => [...areaDiagram(graph, area, i, group, prefix), ""]),
    ]),
    ...logTargets.flatMap((target) => [
      `Access logs: ${accessLogs
        .filter((p) => p.to === target)
        .map((p) => `${full.components.get(p.from)?.service} ${full.components.get(p.from)?.name}`)
        .join(", ")} deliver their access logs to S3 bucket ${full.components.get(target)?.name}.`,
      "",
    ]),
    "## Encryption",
    "",
    "| KMS key | Encrypts |",
    "|---|---|",
    ...keys,
    "",
  ].join("\n");
}
