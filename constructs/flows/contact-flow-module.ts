import { ConnectContactFlowModule } from "@cdktf/provider-aws/lib/connect-contact-flow-module";
import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { keepAddress } from "../core/addresses";
import { flowResourceFields, validateNameAndType, type FlowSourceProps } from "./contact-flow";
import { renderAndValidate } from "./flow-content";
import { formatFinding } from "./validator";

/** A module's template must carry top-level Settings (InputParameters, OutputParameters, Transitions). */
export type ContactFlowModuleProps = FlowSourceProps;

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
      props.actionParameters,
    );

    this.resource = new ConnectContactFlowModule(this, "Resource", flowResourceFields(props, content));
    if (props.address !== undefined) keepAddress(this.resource, props.address);
    for (const w of warnings) Annotations.of(this).addWarning(`${props.template}: ${formatFinding(w)}`);

    this.content = content;
    this.arn = this.resource.arn;
    this.contactFlowModuleId = this.resource.contactFlowModuleId;
  }
}
