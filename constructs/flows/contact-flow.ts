import { ConnectContactFlow } from "@cdktf/provider-aws/lib/connect-contact-flow";
import { Annotations, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { renderAndValidate } from "./flow-content";
import { FLOW_TYPES, type ContactFlowType, type FlowTemplateVariables } from "./types";
import { formatFinding, type Severity } from "./validator";

/** Longest flow name Connect accepts. */
export const MAX_FLOW_NAME = 127;

/** What flows and flow modules are made from: a template, its values, and where it goes. */
export interface FlowSourceProps {
  /** Amazon Connect instance id. */
  readonly instanceId: string;
  /** Name in Connect (unique per instance). */
  readonly name: string;
  /** Template file name under `contact_flows/`, or an absolute path. */
  readonly template: string;
  /** Values for the template's `${name}` placeholders (cdktf tokens allowed). @default {} */
  readonly variables?: FlowTemplateVariables;
  /** Description shown in the console. @default - none */
  readonly description?: string;
  /** Resource tags (provider default tags still apply). @default - none */
  readonly tags?: Readonly<Record<string, string>>;
  /** Exact Terraform name to keep (e.g. "voice_entry" from the original HCL). @default - derived from the construct path */
  readonly address?: string;
  /** Resources needed at create time, e.g. LEX_BOT or Lambda associations. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Per-rule severity overrides for the flow validator. @default - registry severities */
  readonly severities?: Readonly<Record<string, Severity>>;
  /**
   * Parameters added to named actions after rendering and before validation, for values a
   * template cannot hold as a string placeholder (e.g. a whole InputEncryption object).
   * @default - none
   */
  readonly actionParameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface ContactFlowProps extends FlowSourceProps {
  /** Flow type; must match the template's `Metadata.type` when it declares one. @default "CONTACT_FLOW" */
  readonly type?: ContactFlowType;
}

/** Resource attributes flows and modules share. */
export function flowResourceFields(props: FlowSourceProps, content: string) {
  return {
    instanceId: props.instanceId,
    name: props.name,
    content,
    ...(props.description === undefined ? {} : { description: props.description }),
    ...(props.tags === undefined ? {} : { tags: { ...props.tags } }),
    ...(props.dependsOn === undefined ? {} : { dependsOn: [...props.dependsOn] }),
  };
}

/** An `aws_connect_contact_flow` whose content is rendered from a template and validated at construction. */
export class ContactFlow extends Construct {
  public readonly resource: ConnectContactFlow;
  /** Rendered content (may still contain cdktf tokens). */
  public readonly content: string;
  public readonly arn: string;
  public readonly flowId: string;

  constructor(scope: Construct, id: string, props: ContactFlowProps) {
    super(scope, id);
    validateNameAndType(this.node.path, props.name, props.type);

    const type = props.type ?? "CONTACT_FLOW";
    const { content, warnings } = renderAndValidate(
      this.node.path,
      props.template,
      props.variables ?? {},
      type,
      props.severities,
      props.actionParameters,
    );

    this.resource = new ConnectContactFlow(this, "Resource", { ...flowResourceFields(props, content), type });
    if (props.address !== undefined) keepAddress(this.resource, props.address);
    for (const w of warnings) Annotations.of(this).addWarning(`${props.template}: ${formatFinding(w)}`);

    this.content = content;
    this.arn = this.resource.arn;
    this.flowId = this.resource.contactFlowId;
  }
}

/** Shared prop checks for flows and modules. */
export function validateNameAndType(path: string, name: string, type?: string): void {
  if (name.trim().length === 0 || name.length > MAX_FLOW_NAME) {
    throw new Error(
      `${path}: flow name "${name}" must be 1-${MAX_FLOW_NAME} characters; pass a short unique name`,
    );
  }
  if (type !== undefined && (type === "MODULE" || !(FLOW_TYPES as readonly string[]).includes(type))) {
    throw new Error(
      `${path}: type "${type}" is not a contact flow type; use one of ${FLOW_TYPES.filter((t) => t !== "MODULE").join(", ")} (modules use ContactFlowModule)`,
    );
  }
}
