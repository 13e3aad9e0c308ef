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
  actionParameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
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
  if (actionParameters !== undefined && Object.keys(actionParameters).length > 0)
    content = withActionParameters(`${constructPath}: ${file}`, content, actionParameters);
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

/** Merges parameters into the named actions; an id the flow lacks is an error, not a no-op. */
function withActionParameters(
  where: string,
  content: string,
  additions: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string {
  const flow = JSON.parse(content) as { Actions?: Array<{ Identifier?: string; Parameters?: object }> };
  for (const [identifier, parameters] of Object.entries(additions)) {
    const action = flow.Actions?.find((a) => a.Identifier === identifier);
    if (action === undefined) throw new Error(`${where}: no action "${identifier}" to add parameters to`);
    action.Parameters = { ...action.Parameters, ...parameters };
  }
  return JSON.stringify(flow, null, 2);
}
