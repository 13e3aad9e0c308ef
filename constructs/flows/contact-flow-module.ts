import { ConnectContactFlowModule } from "@cdktf/provider-aws/lib/connect-contact-flow-module";
import { Annotations, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { validateNameAndType } from "./contact-flow";
import { renderAndValidate } from "./flow-content";
import type { FlowTemplateVariables } from "./types";
import { formatFinding, type Severity } from "./validator";

export interface ContactFlowModuleProps {
  /** Amazon Connect instance id. */
  readonly instanceId: string;
  /** Module name in Connect (unique per instance). */
  readonly name: string;
  /** Template file name under `contact_flows/`, or an absolute path; must carry top-level Settings. */
  readonly template: string;
  /** Values for the template's `${name}` placeholders (cdktf tokens allowed). @default {} */
  readonly variables?: FlowTemplateVariables;
  /** Description shown in the console. @default - none */
  readonly description?: string;
  /** Resource tags (provider default tags still apply). @default - none */
  readonly tags?: Readonly<Record<string, string>>;
  /** Exact Terraform name to keep. @default - derived from the construct path */
  readonly address?: string;
  /** Resources the module needs at create time (e.g. Lambda associations). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Per-rule severity overrides for the flow validator. @default - registry severities */
  readonly severities?: Readonly<Record<string, Severity>>;
}

/** An `aws_connect_contact_flow_module` rendered from a template and validated as a MODULE at construction. */
export class ContactFlowModule extends Construct {
  public readonly resource: ConnectContactFlowModule;
  /** Rendered content (may still contain cdktf tokens). */
  public readonly content: string;
  public readonly arn: string;
  public readonly contactFlowModuleId: string;

  constructor(scope: Construct, id: string, props: ContactFlowModuleProps) {
    super(scope, id);
    validateNameAndType(this.node.path, props.name);

    const { content, warnings } = renderAndValidate(
      this.node.path,
      props.template,
      props.variables ?? {},
      "MODULE",
      props.severities,
    );

    this.resource = new ConnectContactFlowModule(this, "Resource", {
      instanceId: props.instanceId,
      name: props.name,
      content,
      ...(props.description === undefined ? {} : { description: props.description }),
      ...(props.tags === undefined ? {} : { tags: { ...props.tags } }),
      ...(props.dependsOn === undefined ? {} : { dependsOn: [...props.dependsOn] }),
    });
    if (props.address !== undefined) keepAddress(this.resource, props.address);
    for (const w of warnings) Annotations.of(this).addWarning(`${props.template}: ${formatFinding(w)}`);

    this.content = content;
    this.arn = this.resource.arn;
    this.contactFlowModuleId = this.resource.contactFlowModuleId;
  }
}
