// Hand-written bindings for hashicorp/null, shaped like the code `cdktf get` generates, for the
// cdktn check: there is no @cdktn/provider-null, so `npm run check:cdktn` points the project's
// null imports here. The project itself keeps @cdktf/provider-null; a test synthesizes both and
// requires identical JSON, so this file cannot drift from the package it stands in for.
import {
  TerraformProvider,
  TerraformResource,
  hashMapper,
  hashMapperHcl,
  stringToHclTerraform,
  stringToTerraform,
  type TerraformMetaArguments,
} from "cdktf";
import type { Construct } from "constructs";

/** The provider release @cdktf/provider-null 11.0.1 was generated from. */
const NULL_PROVIDER = {
  providerName: "null",
  providerVersion: "3.2.4",
  providerVersionConstraint: "~> 3.0",
};

export interface NullProviderConfig {
  /** Alias when more than one null provider is configured. @default - none */
  readonly alias?: string;
}

export class NullProvider extends TerraformProvider {
  public static readonly tfResourceType = "null";

  private readonly _alias?: string;

  constructor(scope: Construct, id: string, config: NullProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: "null",
      terraformGeneratorMetadata: NULL_PROVIDER,
      terraformProviderSource: "null",
    });
    this._alias = config.alias;
  }

  public override get alias(): string | undefined {
    return this._alias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { alias: stringToTerraform(this._alias) };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return withValues({
      alias: {
        value: stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    });
  }
}

export interface ResourceConfig extends TerraformMetaArguments {
  /** Values whose change replaces the resource (and so re-runs its provisioners). */
  readonly triggers?: Record<string, string>;
}

/** `null_resource`. */
export class Resource extends TerraformResource {
  public static readonly tfResourceType = "null_resource";

  private readonly _triggers?: Record<string, string>;

  constructor(scope: Construct, id: string, config: ResourceConfig = {}) {
    super(scope, id, {
      terraformResourceType: "null_resource",
      terraformGeneratorMetadata: NULL_PROVIDER,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this._triggers = config.triggers;
  }

  public get id(): string {
    return this.getStringAttribute("id");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { triggers: hashMapper(stringToTerraform)(this._triggers) };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return withValues({
      triggers: {
        value: hashMapperHcl(stringToHclTerraform)(this._triggers),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
    });
  }
}

/** Drops attributes without a value, as generated bindings do before rendering HCL. */
interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

function withValues(attributes: Record<string, HclAttribute>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).filter(([, attribute]) => attribute.value !== undefined),
  );
}
