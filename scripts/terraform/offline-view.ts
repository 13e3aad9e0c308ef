/**
 * The synthesized stack as the offline engine can plan it: terraform with only the AWS provider
 * release of the local plugin mirror (5.100 here) and no network. What `cdktf deploy` ships is never
 * changed; this is a copy for `npm run plan`, and every difference from the shipped JSON is listed
 * in `setAside` / `mapped` so the report says exactly what was not planned as shipped.
 *
 * The view, kept deliberately small (each case is tested in __tests__/terraform/offline-view.test.ts):
 * - resources of providers with no offline binary (awscc, null) are set aside; references to them
 *   become stand-in values and `depends_on` entries to them are dropped, `moved`/`removed` blocks
 *   that name them are dropped;
 * - resource and data types the mirror's provider does not know (6.x-only types such as
 *   aws_connect_phone_number_contact_flow_association) are set aside the same way;
 * - aws 6's per-resource `region` argument becomes a provider alias in that region (5.x's way of
 *   saying the same thing), so such a resource is still planned where it lives;
 * - aws 6's `data.aws_region.<name>.region` reads 5.x's `.name`;
 * - providers get static fake keys, the provider's skip_* flags and an STS endpoint on the loopback
 *   stub; the backend block is dropped (the plan works on a local state in its own folder).
 */

export type Block = Record<string, unknown>;

export interface TerraformConfig {
  terraform?: Block;
  provider?: Record<string, Block[]>;
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  output?: Record<string, Block>;
  moved?: Block[];
  removed?: Block[];
  import?: Block[];
  [key: string]: unknown;
}

export interface SetAside {
  /** `type.name`, `data.type.name`, or `moved`/`removed` with the addresses it names. */
  readonly address: string;
  readonly why: string;
}

export interface Mapped {
  readonly what: string;
  readonly how: string;
}

export interface OfflineViewOptions {
  /** The provider release in the plugin mirror (`5.100.0`). */
  readonly awsVersion: string;
  /** Resource and data source types the mirror's provider knows (from its schema). */
  readonly knownTypes: { readonly resources: ReadonlySet<string>; readonly dataSources: ReadonlySet<string> };
  /** The loopback STS stub: `http://127.0.0.1:<port>`. */
  readonly stsEndpoint: string;
  /** Account the stub answers with; stand-in ARNs use it too. */
  readonly accountId: string;
}

export interface OfflineView {
  readonly config: TerraformConfig;
  readonly setAside: readonly SetAside[];
  readonly mapped: readonly Mapped[];
  /** Address of each set-aside object → the ARN-shaped stand-in its references get. */
  readonly standIns: ReadonlyMap<string, string>;
  /** Address of each object planned through a region alias → its `aws.offline_region_*` provider. */
  readonly regionProviders: ReadonlyMap<string, string>;
}

/**
 * Provider settings that would reach a real account, profile or role: the offline plan drops them.
 * The account pins stay: the stub answers with an account, and the provider checks it.
 */
const CREDENTIAL_SETTINGS = [
  "access_key",
  "secret_key",
  "token",
  "profile",
  "shared_config_files",
  "shared_credentials_files",
  "assume_role",
  "assume_role_with_web_identity",
  "endpoints",
];

const OFFLINE_PROVIDER_SETTINGS = {
  access_key: "offline-plan",
  secret_key: "offline-plan",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: "true",
  skip_region_validation: true,
  // A refused call (the stub answers only STS) must fail at once, not after 25 backed-off retries.
  max_retries: 1,
};

/** `aws_x` → `aws`, `null_resource` → `null`: the provider a type belongs to (Terraform's rule). */
export function providerOf(type: string): string {
  return type.split("_")[0]!;
}

export function offlineView(stack: TerraformConfig, options: OfflineViewOptions): OfflineView {
  const config = structuredClone(stack);
  const setAside: SetAside[] = [];
  const mapped: Mapped[] = [];
  const region = awsRegion(config);

  // 1. What cannot be planned here: whole resources, then every mention of them.
  const standIns = new Map<string, string>();
  const reasonFor = (kind: "resource" | "data", type: string): string | undefined => {
    const provider = providerOf(type);
    if (provider !== "aws") {
      const pin = stack.terraform?.required_providers as Record<string, Block> | undefined;
      const version = pin?.[provider]?.version;
      return `hashicorp/${provider}${typeof version === "string" ? ` ${version}` : ""} has no offline binary in the plugin mirror`;
    }
    const known = kind === "resource" ? options.knownTypes.resources : options.knownTypes.dataSources;
    return known.has(type) ? undefined : `not in hashicorp/aws ${options.awsVersion} (a 6.x type)`;
  };
  for (const kind of ["resource", "data"] as const) {
    const section = config[kind];
    for (const type of Object.keys(section ?? {})) {
      const why = reasonFor(kind, type);
      if (!why) continue;
      for (const name of Object.keys(section![type]!)) {
        const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        setAside.push({ address, why });
        standIns.set(address, standInPrefix(type, name, region, options.accountId));
      }
      delete section![type];
    }
  }
  if (standIns.size > 0) replaceReferences(config, standIns);
  for (const kind of ["moved", "removed"] as const) {
    const blocks = config[kind];
    if (!blocks) continue;
    config[kind] = blocks.filter((block) => {
      const named = [block.from, block.to].filter((a): a is string => typeof a === "string");
      const why = named.map((a) => reasonFor(a.startsWith("data.") ? "data" : "resource", typeOfAddress(a)));
      const first = why.find((w) => w !== undefined);
      if (first) setAside.push({ address: `${kind} ${named.join(" → ")}`, why: first });
      return first === undefined;
    });
    if (config[kind]!.length === 0) delete config[kind];
  }

  // 2. aws 6 → 5: region per resource, aws_region's attribute name.
  const regionProviders = mapPerResourceRegion(config, mapped);
  if (
    replaceInStrings(config, /\bdata\.aws_region\.([A-Za-z0-9_-]+)\.region\b/g, "data.aws_region.$1.name")
  ) {
    mapped.push({ what: "data.aws_region.*.region", how: "read as .name (its 5.x attribute)" });
  }

  // 3. Offline providers and pins; no backend.
  const awsProviders = config.provider?.aws ?? [];
  for (const provider of awsProviders) {
    for (const key of CREDENTIAL_SETTINGS) delete provider[key];
    Object.assign(provider, OFFLINE_PROVIDER_SETTINGS, { endpoints: [{ sts: options.stsEndpoint }] });
    // A pinned provider (allowed/forbidden_account_ids, kept) asks the stub which account it is in
    // and refuses one it may not act in, as it would refuse real credentials.
    if (provider.allowed_account_ids || provider.forbidden_account_ids) {
      provider.skip_requesting_account_id = false;
    }
  }
  config.provider = { aws: awsProviders };
  const terraform = { ...(config.terraform ?? {}) };
  if (terraform.backend) {
    mapped.push({
      what: `backend ${Object.keys(terraform.backend as Block).join(", ")}`,
      how: "dropped: the plan reads the given state from its own folder",
    });
    delete terraform.backend;
  }
  terraform.required_providers = { aws: { source: "hashicorp/aws", version: options.awsVersion } };
  config.terraform = terraform;
  return { config, setAside, mapped, standIns, regionProviders };
}

function awsRegion(config: TerraformConfig): string {
  const main = config.provider?.aws?.find((p) => p.alias === undefined);
  return typeof main?.region === "string" ? main.region : "eu-west-2";
}

/** `module.m.aws_x.y[0]` / `data.aws_x.y` → `aws_x`. */
export function typeOfAddress(address: string): string {
  const parts = address.replace(/\[[^\]]*\]/g, "").split(".");
  return parts[parts.length - 2]!;
}

function standInPrefix(type: string, name: string, region: string, account: string): string {
  const service = type.split("_")[1] ?? "unknown";
  return `arn:aws:${service}:${region}:${account}:offline-stand-in/${type}/${name}`;
}

/** Stand-in for one attribute of a set-aside object: ARN-shaped for `arn`, plain otherwise. */
function standInValue(prefix: string, attribute: string | undefined): string {
  if (attribute === undefined || attribute === "arn") return prefix;
  return `${prefix.split(":offline-stand-in/")[1]!.replace("/", ".")}.${attribute}.offline-stand-in`;
}

/**
 * Every `${…}` mention of a set-aside object: a whole-string reference becomes the stand-in, a
 * reference inside a longer expression becomes a quoted stand-in; `depends_on` entries go.
 */
/** `type.name` or `type.name.attribute` of a set-aside object, not part of a longer name. */
export function referencePattern(standIns: ReadonlyMap<string, string>, flags = "g"): RegExp {
  const names = [...standIns.keys()].map((a) => a.replace(/[.]/g, "\\."));
  return new RegExp(`(?<![\\w.])(${names.join("|")})(?:\\.([a-z0-9_]+))?(?![\\w])`, flags);
}

/** The quoted stand-in for one reference (`type.name[.attribute]`) to a set-aside object. */
export function standInLiteral(
  standIns: ReadonlyMap<string, string>,
  address: string,
  attribute?: string,
): string {
  return JSON.stringify(standInValue(standIns.get(address)!, attribute));
}

function replaceReferences(config: TerraformConfig, standIns: ReadonlyMap<string, string>): void {
  const ref = referencePattern(standIns);
  const only = new RegExp(`^\\s*${referencePattern(standIns, "").source}\\s*$`);
  const rewrite = (text: string): string =>
    text.replace(/\$\{([^{}]*)\}/g, (whole, expression: string) => {
      const alone = only.exec(expression);
      if (alone) return standInValue(standIns.get(alone[1]!)!, alone[2]);
      const next = expression.replace(ref, (_m, address: string, attribute?: string) =>
        standInLiteral(standIns, address, attribute),
      );
      return next === expression ? whole : `\${${next}}`;
    });
  const visit = (value: unknown, key?: string): unknown => {
    if (typeof value === "string") return rewrite(value);
    if (Array.isArray(value)) {
      const items = key === "depends_on" ? value.filter((v) => !standIns.has(String(v))) : value;
      return items.map((v) => visit(v));
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) (value as Block)[k] = visit(v, k);
    }
    return value;
  };
  for (const section of ["resource", "data", "output", "locals"] as const) visit(config[section]);
}

/** Applies `pattern` → `replacement` to every string of the config; true when anything changed. */
function replaceInStrings(config: TerraformConfig, pattern: RegExp, replacement: string): boolean {
  let changed = false;
  const visit = (value: unknown): unknown => {
    if (typeof value === "string") {
      const next = value.replace(pattern, replacement);
      changed ||= next !== value;
      return next;
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) (value as Block)[k] = visit(v);
    }
    return value;
  };
  for (const section of ["resource", "data", "output", "locals"] as const) visit(config[section]);
  return changed;
}

/** aws 6 `region = "x"` on a resource → `provider = aws.offline_region_x` (same settings, region x). */
function mapPerResourceRegion(config: TerraformConfig, mapped: Mapped[]): Map<string, string> {
  const providers = config.provider?.aws ?? [];
  const moved = new Map<string, string>();
  for (const kind of ["resource", "data"] as const) {
    for (const [type, objects] of Object.entries(config[kind] ?? {})) {
      if (providerOf(type) !== "aws") continue;
      for (const [name, body] of Object.entries(objects)) {
        if (typeof body.region !== "string") continue;
        const base = typeof body.provider === "string" ? body.provider.split(".")[1] : undefined;
        const alias = `offline_region_${body.region.replace(/-/g, "_")}${base ? `_${base}` : ""}`;
        if (!providers.some((p) => p.alias === alias)) {
          const template = providers.find((p) => p.alias === base) ?? {};
          providers.push({ ...structuredClone(template), alias, region: body.region });
        }
        mapped.push({
          what: `${kind === "data" ? "data." : ""}${type}.${name} region = ${body.region}`,
          how: `provider aws.${alias} (5.x has no per-resource region)`,
        });
        delete body.region;
        body.provider = `aws.${alias}`;
        moved.set(`${kind === "data" ? "data." : ""}${type}.${name}`, `aws.${alias}`);
      }
    }
  }
  return moved;
}
