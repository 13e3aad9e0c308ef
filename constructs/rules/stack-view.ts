import type { RuleContext, StackJson } from "./types";

/** One resource of the synthesized stack. */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  /** Terraform address, `type.name`. */
  readonly address: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** An IAM or resource policy statement with its list-or-string fields made lists. */
export interface Statement {
  readonly sid: string | undefined;
  readonly effect: "Allow" | "Deny";
  /** `"*"` or principal type → identifiers. */
  readonly principal: "*" | Readonly<Record<string, readonly string[]>> | undefined;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly condition: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

const REFERENCE = /\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)(?:\.[^}]*)?\}/g;

/** Read-only view of a synthesized stack with the lookups rules share. */
export class StackView {
  public readonly production: boolean;
  private readonly byAddress = new Map<string, StackResource>();

  constructor(
    public readonly json: StackJson,
    context: RuleContext,
  ) {
    this.production = context.production;
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const address = `${type}.${name}`;
        this.byAddress.set(address, { type, name, address, body });
      }
    }
  }

  /** Every resource (not data sources). */
  public all(): StackResource[] {
    return [...this.byAddress.values()];
  }

  public ofType(type: string): StackResource[] {
    return this.all().filter((r) => r.type === type);
  }

  public get(address: string): StackResource | undefined {
    return this.byAddress.get(address);
  }

  /**
   * Statements of a policy argument: inline JSON, or a `${data.aws_iam_policy_document.x.json}`
   * reference, read from the data source's statement blocks. Undefined when neither.
   */
  public policy(value: unknown): Statement[] | undefined {
    const inline = policyStatements(value);
    if (inline) return inline;
    const [ref] = referencesIn(value);
    if (typeof value !== "string" || !ref?.startsWith("data.aws_iam_policy_document.")) return undefined;
    const name = ref.split(".")[2];
    const doc = this.json.data?.aws_iam_policy_document?.[name];
    return doc ? documentStatements(doc) : undefined;
  }

  /**
   * The Region a resource lives in: its own `region` (hashicorp/aws 6), else its provider
   * configuration's (`provider = aws.us_east_1`, else the default one). Undefined when neither says.
   */
  public regionOf(resource: StackResource): string | undefined {
    if (typeof resource.body.region === "string") return resource.body.region;
    const ref =
      typeof resource.body.provider === "string" ? resource.body.provider : resource.type.split("_")[0]!;
    const [name, alias] = ref.replace(/^\$\{(.*)\}$/, "$1").split(".");
    const providers = (this.json.provider as Record<string, Array<Record<string, unknown>>> | undefined)?.[
      name!
    ];
    const region = providers?.find((p) => p.alias === alias)?.region;
    return typeof region === "string" ? region : undefined;
  }

  /** Resources of `type` whose `path` value refers to `address` (e.g. public access blocks of a bucket). */
  public referring(type: string, path: string, address: string): StackResource[] {
    return this.ofType(type).filter((r) => referencesIn(pick(r.body, path)).includes(address));
  }
}

/**
 * How many instances a resource block creates: `count`, or the size of a literal `for_each`;
 * undefined when Terraform only knows at plan time.
 */
export function instanceCount(resource: StackResource): number | undefined {
  const { count, for_each: forEach } = resource.body;
  if (typeof count === "number") return count;
  if (Array.isArray(forEach)) return forEach.length;
  if (forEach !== null && typeof forEach === "object") return Object.keys(forEach).length;
  return count === undefined && forEach === undefined ? 1 : undefined;
}

/** Addresses (`type.name`, or `data.type.name`) a value refers to through `${…}` interpolations. */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      for (const match of v.matchAll(REFERENCE)) {
        const [, first, second] = match;
        if (first === "data") {
          const rest = v.slice((match.index ?? 0) + 7).match(/^([a-z0-9_]+)\.([A-Za-z0-9_-]+)/);
          if (rest) found.add(`data.${rest[1]}.${rest[2]}`);
        } else found.add(`${first}.${second}`);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...found];
}

/** The value at a dotted path (`rule.0.apply_server_side_encryption_by_default.kms_master_key_id`). */
export function pick(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    // Terraform JSON writes single nested blocks as an object or a one-element list.
    if (Array.isArray(current) && !/^\d+$/.test(key)) current = current[0];
    current = (current as Record<string, unknown>)?.[key];
  }
  return current;
}

/** Values at `path` in every element of a list of blocks (or the single block). */
export function pickAll(value: unknown, listPath: string, path: string): unknown[] {
  const list = pick(value, listPath);
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.map((item) => pick(item, path));
}

const asList = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);

/** Statements of a policy given as a JSON string; undefined when it is not JSON (e.g. a data source's `json`). */
export function policyStatements(policy: unknown): Statement[] | undefined {
  if (typeof policy !== "string") return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return undefined;
  }
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const list = (Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : []) as Array<
    Record<string, unknown>
  >;
  return list.map((s): Statement => {
    const principal = s.Principal;
    return {
      sid: typeof s.Sid === "string" ? s.Sid : undefined,
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      principal:
        principal === "*"
          ? "*"
          : principal && typeof principal === "object"
            ? Object.fromEntries(Object.entries(principal).map(([k, v]) => [k, asList(v)]))
            : undefined,
      actions: asList(s.Action),
      notActions: asList(s.NotAction),
      resources: asList(s.Resource),
      condition: Object.fromEntries(
        Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>).map(([test, vars]) => [
          test,
          Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, asList(v)])),
        ]),
      ),
    };
  });
}

/** Whether an IAM action pattern (`kms:GenerateDataKey*`, `kms:*`, `*`) covers `action`. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
  return regex.test(action);
}

/** The condition values of `key` under any operator, or undefined when no operator names it. */
export function conditionValues(statement: Statement, key: string): string[] | undefined {
  let found: string[] | undefined;
  for (const vars of Object.values(statement.condition)) {
    for (const [name, values] of Object.entries(vars)) {
      if (name.toLowerCase() === key.toLowerCase()) found = [...(found ?? []), ...values];
    }
  }
  return found;
}

/** Statements of a `data.aws_iam_policy_document` body (HCL-style blocks). */
function documentStatements(doc: Readonly<Record<string, unknown>>): Statement[] {
  const blocks = (doc.statement ?? []) as Array<Record<string, unknown>>;
  return blocks.map((b): Statement => {
    const principals = (b.principals ?? []) as Array<{ type: string; identifiers: string[] }>;
    const condition: Record<string, Record<string, string[]>> = {};
    for (const c of (b.condition ?? []) as Array<{ test: string; variable: string; values: string[] }>) {
      condition[c.test] = { ...condition[c.test], [c.variable]: asList(c.values) };
    }
    return {
      sid: typeof b.sid === "string" ? b.sid : undefined,
      effect: b.effect === "Deny" ? "Deny" : "Allow",
      principal:
        principals.length === 0
          ? undefined
          : principals.some((p) => p.type === "*")
            ? "*"
            : Object.fromEntries(principals.map((p) => [p.type, asList(p.identifiers)])),
      actions: asList(b.actions),
      notActions: asList(b.not_actions),
      resources: asList(b.resources),
      condition,
    };
  });
}
