import { declaredFlowType } from "./flow-type";
import { renderFlowTemplate, resolveTemplatePath, displayPath } from "./render";
import type { FlowTemplateVariables, FlowType } from "./types";
import { formatFinding, validateFlowText, type Finding, type Severity } from "./validator";

/** Rendered, validated flow content and the warnings worth surfacing. */
export interface FlowContent {
  readonly content: string;
  readonly warnings: readonly Finding[];
}

/**
 * Render a template and validate it as `flowType`. Every error is collected into one exception
 * naming the construct, the template file, each action Identifier and rule, so synth stops with
 * one readable message instead of a create-time InvalidContactFlowException.
 */
export function renderAndValidate(
  constructPath: string,
  template: string,
  variables: FlowTemplateVariables,
  flowType: FlowType,
  severities: Readonly<Record<string, Severity>> | undefined,
): FlowContent {
  const file = displayPath(resolveTemplatePath(template));
  let content: string;
  try {
    content = renderFlowTemplate(template, variables);
  } catch (error: unknown) {
    throw new Error(`${constructPath}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const declared = declaredFlowType(JSON.parse(content) as unknown);
  if ("error" in declared) throw new Error(`${constructPath}: ${file}: ${declared.error}`);
  if (declared.declared && declared.type !== flowType) {
    throw new Error(
      `${constructPath}: ${file} declares Metadata.type for ${declared.type} but is deployed as ${flowType}; fix the type prop or the template's Metadata.type`,
    );
  }
  const findings = validateFlowText(content, { flowType, ...(severities ? { severities } : {}) });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      `${constructPath}: ${file} is not a valid ${flowType} flow:\n${errors.map((f) => `  ${formatFinding(f)}`).join("\n")}`,
    );
  }
  return { content, warnings: findings.filter((f) => f.severity === "warning") };
}
