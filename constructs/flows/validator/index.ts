import { parseJson } from "../json-position";
import { buildActionViews } from "./model";
import { REGISTRY } from "./registry";
import { rule as flowStructure } from "./rules/flow-structure";
import type { Finding, Report, Severity, ValidateOptions } from "./types";
import { isObject } from "./values";

export type { Finding, Severity, ValidateOptions } from "./types";
export { REGISTRY, RULE_IDS } from "./registry";

function format(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    data?.[key] !== undefined ? String(data[key]) : whole,
  );
}

function severityOf(ruleId: string, options: ValidateOptions): Severity {
  const override = options.severities?.[ruleId];
  if (override !== undefined) return override;
  return REGISTRY.find((e) => e.rule.id === ruleId)?.severity ?? "error";
}

function toFinding(
  ruleId: string,
  messages: Readonly<Record<string, string>>,
  report: Report,
  options: ValidateOptions,
): Finding[] {
  const severity = severityOf(ruleId, options);
  if (severity === "off") return [];
  const template = messages[report.messageId];
  if (template === undefined)
    throw new Error(`Rule ${ruleId} reported unknown message id "${report.messageId}"`);
  return [
    {
      rule: ruleId,
      severity,
      messageId: report.messageId,
      message: format(template, report.data),
      path: report.path,
      ...(report.action === undefined ? {} : { action: report.action }),
    },
  ];
}

/** Run every registered rule over parsed flow content. */
export function validateFlow(
  content: unknown,
  options: ValidateOptions,
  contentLength = JSON.stringify(content ?? null).length,
): Finding[] {
  if (!isObject(content)) {
    return toFinding(
      flowStructure.id,
      flowStructure.meta.messages,
      { messageId: "notObject", path: "" },
      options,
    );
  }
  const actions = buildActionViews(content);
  const findings: Finding[] = [];
  for (const { rule } of REGISTRY) {
    if (severityOf(rule.id, options) === "off") continue;
    rule.check({
      flow: content,
      actions,
      flowType: options.flowType,
      contentLength,
      report: (r) => findings.push(...toFinding(rule.id, rule.meta.messages, r, options)),
    });
  }
  return findings;
}

/** Parse and validate flow JSON text; invalid JSON is a flow-structure finding with line and column. */
export function validateFlowText(text: string, options: ValidateOptions): Finding[] {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return toFinding(
      flowStructure.id,
      flowStructure.meta.messages,
      {
        messageId: "invalidJson",
        data: { line: parsed.line, column: parsed.column, detail: parsed.message },
        path: "",
      },
      options,
    );
  }
  return validateFlow(parsed.value, options, text.length);
}

/** One line per finding: `error Actions[2].Parameters.LoopCount (retry-pin) [numeric-limits] ...`. */
export function formatFinding(f: Finding): string {
  const where = f.path === "" ? "(flow)" : f.path;
  const action = f.action === undefined ? "" : ` (${f.action})`;
  return `${f.severity} ${where}${action} [${f.rule}] ${f.message}`;
}
