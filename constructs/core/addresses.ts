import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { Construct, Node } from "constructs";
import {
  formatHcl,
  renderTerraformBlock,
  repairQuotedStrings,
  replaceTerraformBlock,
  unquoteReferences,
} from "./hcl";

/**
 * One mechanism for Terraform addresses (see README "Resource addresses").
 *
 * - Every element gets a readable, hash-free logical id from its construct path
 *   (`AddressedStack.allocateLogicalId`).
 * - Resources that exist in the original HCL stack pin the exact name they had there with
 *   `keepAddress`, so `terraform state list` shows the same address after migration.
 * - Resources that lived inside an HCL module (`module.kms_key.aws_kms_key.this`) or under a
 *   `for_each` key get a `moved` block from the old address with `movedFrom`.
 * - Resources dropped on purpose get a `removed` block (`RemovedFromState`) with a reason.
 */

const TERRAFORM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Pin a resource (or data source) to an exact Terraform name, e.g. `voice_entry`. */
export function keepAddress<T extends TerraformElement>(element: T, name: string): T {
  if (!TERRAFORM_NAME.test(name)) {
    throw new Error(
      `keepAddress: "${name}" at ${element.node.path} is not a valid Terraform name (letters, digits, _ and -, not starting with a digit)`,
    );
  }
  element.overrideLogicalId(name);
  // cdktf caches the id on first reference; an override after that is silently ignored.
  if (element.friendlyUniqueId !== name) {
    throw new Error(
      `keepAddress: ${element.node.path} was already referenced as "${element.friendlyUniqueId}"; call keepAddress("${name}") right after creating it`,
    );
  }
  return element;
}

/**
 * Declare that `resource` was known to the original state as `oldAddress`
 * (e.g. `module.kms_key.aws_kms_key.this` or `aws_connect_queue.queues["GeneralAgentQueue"]`).
 * Terraform then renames the state entry instead of destroying and recreating the object.
 *
 * Emitted by our own element rather than cdktf's `moveFromId`: any cdktf move makes synth run
 * `terraform version` (a >= 1.5 check), which breaks the offline, terraform-free synth.
 * The JSON is the same plain `moved` block.
 */
export function movedFrom<T extends TerraformResource>(resource: T, oldAddress: string): T {
  if (!oldAddress.includes(`${resource.terraformResourceType}.`)) {
    throw new Error(
      `movedFrom: "${oldAddress}" is not a ${resource.terraformResourceType} address (at ${resource.node.path})`,
    );
  }
  new MovedBlock(resource, `moved_from_${resource.node.children.length}`, { from: oldAddress, to: resource });
  return resource;
}

interface MovedBlockProps {
  readonly from: string;
  readonly to: TerraformResource;
}

/** A Terraform `moved` block (Terraform >= 1.1) from an old address to a resource of this stack. */
class MovedBlock extends TerraformElement {
  private readonly from: string;
  private readonly to: TerraformResource;

  constructor(scope: Construct, id: string, props: MovedBlockProps) {
    super(scope, id, "moved");
    this.from = props.from;
    this.to = props.to;
  }

  private get target(): string {
    return `${this.to.terraformResourceType}.${this.to.friendlyUniqueId}`;
  }

  public override toTerraform(): Record<string, unknown> {
    return { moved: [{ from: this.from, to: this.target }] };
  }

  /** Native syntax; cdktf renders nothing for custom elements (AddressedStack appends this). */
  public toHcl(): string {
    return `moved {\n  from = ${this.from}\n  to = ${this.target}\n}`;
  }
}

/** Props of a `removed` block. */
export interface RemovedFromStateProps {
  /** Address in the original state, e.g. `null_resource.lex_bot_association`. */
  readonly from: string;
  /** Why the object is no longer managed; kept beside the block in the synthesized JSON. */
  readonly reason: string;
  /**
   * Whether Terraform should destroy the real object. Default false: forget it, keep it running.
   * @default false
   */
  readonly destroy?: boolean;
}

/**
 * A Terraform `removed` block (Terraform >= 1.7). cdktf has no class for it; this element adds it
 * through the public `toTerraform` contract so the JSON stays plain Terraform.
 */
export class RemovedFromState extends TerraformElement {
  public readonly from: string;
  public readonly reason: string;
  public readonly destroy: boolean;

  constructor(scope: Construct, id: string, props: RemovedFromStateProps) {
    super(scope, id, "removed");
    if (!/^(module\.[A-Za-z0-9_-]+\.)*(data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(props.from)) {
      throw new Error(
        `RemovedFromState: "${props.from}" at ${this.node.path} must be a resource address without an index (Terraform removes whole resources)`,
      );
    }
    this.from = props.from;
    this.reason = props.reason;
    this.destroy = props.destroy ?? false;
  }

  public override toTerraform(): Record<string, unknown> {
    return {
      removed: [{ from: this.from, lifecycle: { destroy: this.destroy }, "//": { reason: this.reason } }],
    };
  }

  /** Native syntax, the reason as a comment (AddressedStack appends this; cdktf has no renderer). */
  public toHcl(): string {
    return `# ${this.reason.replace(/\s+/g, " ")}\nremoved {\n  from = ${this.from}\n  lifecycle {\n    destroy = ${this.destroy}\n  }\n}`;
  }
}

/** Snake-case a construct id so paths read like HCL names. */
export function toTerraformName(segment: string): string {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
}

/**
 * A stack whose elements get readable logical ids without hash suffixes:
 * the construct path below the stack, snake-cased and joined with `_`
 * (`Security/SecurityEventsTable/Table` → `security_security_events_table_table`).
 * Two elements of one type with one name (allocated or pinned by `keepAddress`) fail synth
 * with both construct paths named.
 */
export class AddressedStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => duplicateAddresses(this) });
  }

  /**
   * `cdktf synth --hcl`: cdktf's rendering plus what it gets wrong or leaves out (constructs/core/hcl.ts):
   * escaped template strings, the whole terraform block, every moved/removed block, fmt layout.
   */
  public override toHclTerraform(): { hcl: string; metadata: Record<string, unknown> } {
    const rendered = super.toHclTerraform() as { hcl: string; metadata: Record<string, unknown> };
    const terraform = (rendered.metadata.terraform ?? {}) as Record<string, unknown>;
    const blocks = this.node
      .findAll()
      .filter(
        (c): c is MovedBlock | RemovedFromState => c instanceof MovedBlock || c instanceof RemovedFromState,
      )
      .map((block) => block.toHcl());
    const hcl = replaceTerraformBlock(
      unquoteReferences(repairQuotedStrings(rendered.hcl, this.toTerraform())),
      renderTerraformBlock(terraform),
    );
    return { ...rendered, hcl: `${formatHcl([hcl.trimEnd(), ...blocks].join("\n\n"))}\n` };
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = element instanceof Node ? element : element.node;
    const segments = node.scopes
      .slice(this.node.scopes.length)
      .map((scope) => toTerraformName(scope.node.id))
      .filter((segment) => segment.length > 0 && segment !== "default" && segment !== "resource");
    const id = segments.join("_") || toTerraformName(node.id);
    return /^[0-9]/.test(id) ? `_${id}` : id;
  }
}

function elementKind(element: TerraformElement): string {
  if (element instanceof TerraformResource) return element.terraformResourceType;
  if (element instanceof TerraformDataSource) return `data.${element.terraformResourceType}`;
  return element.constructor.name;
}

function duplicateAddresses(stack: TerraformStack): string[] {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const child of stack.node.findAll()) {
    if (!(child instanceof TerraformResource || child instanceof TerraformDataSource)) continue;
    const address = `${elementKind(child)}.${child.friendlyUniqueId}`;
    const first = seen.get(address);
    if (first === undefined) seen.set(address, child.node.path);
    else errors.push(`Two elements share the Terraform address ${address}: ${first} and ${child.node.path}`);
  }
  return errors;
}
