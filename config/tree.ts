import type { z } from "zod";

/**
 * The config schema read as a tree of settings, for what zod does not do by itself: refuse an
 * unknown key at any depth with the nearest known one, merge layers with the schema's defaults,
 * and list every setting (tests prove each one does something).
 */

type Def = { readonly type: string; readonly [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that change presence or defaults, not shape. */
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** A schema without its wrappers, and the default the outermost one supplies. */
export interface Unwrapped {
  readonly schema: z.ZodType;
  readonly def: Def;
  readonly defaultValue: unknown;
}

export function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (defaultValue === undefined && (def.type === "default" || def.type === "prefault")) {
      defaultValue = def.defaultValue;
    }
    if (WRAPPERS.has(def.type)) current = def.innerType as z.ZodType;
    else if (def.type === "pipe") {
      const input = def.in as z.ZodType;
      current = defOf(input).type === "transform" ? (def.out as z.ZodType) : input;
    } else return { schema: current, def, defaultValue };
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const shapeOf = (def: Def): Record<string, z.ZodType> | undefined =>
  def.type === "object" ? (def.shape as Record<string, z.ZodType>) : undefined;

/** Keys a record allows by name (an enum key such as weekdays); undefined when any key is allowed. */
function recordKeys(def: Def): string[] | undefined {
  const key = unwrap(def.keyType as z.ZodType).def;
  return key.type === "enum" ? Object.values(key.entries as Record<string, string>) : undefined;
}

/** The object option of a union an input value belongs to: by discriminator, else the closest fit. */
function unionOption(def: Def, value: unknown): z.ZodType | undefined {
  const options = (def.options as z.ZodType[]).filter((o) => shapeOf(unwrap(o).def));
  if (!isPlainObject(value)) return undefined;
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined) {
    return options.find((o) => {
      const field = shapeOf(unwrap(o).def)?.[discriminator];
      const literal = field && unwrap(field).def;
      return literal?.type === "literal" && (literal.values as unknown[]).includes(value[discriminator]);
    });
  }
  const unknownCount = (o: z.ZodType) =>
    Object.keys(value).filter((k) => !(k in (shapeOf(unwrap(o).def) ?? {}))).length;
  return [...options].sort((a, b) => unknownCount(a) - unknownCount(b))[0];
}

/** Edit distance (insert, delete, substitute, swap neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length)]);
  for (let j = 0; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[s.length][t.length];
}

/** "did you mean X?" for a close known key, else the list of known keys. */
export function nearestKeyHint(key: string, known: readonly string[]): string {
  const ranked = known
    .map((k) => ({ k, distance: editDistance(key, k) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  if (best && best.distance <= Math.max(2, Math.floor(Math.max(key.length, best.k.length) / 2))) {
    return `did you mean ${best.k}?`;
  }
  return known.length > 0 ? `expected one of ${known.join(", ")}` : "this section takes no settings";
}

/** A problem found by walking input against the schema, zod-style: path plus message. */
export interface SettingIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Settings that were removed, by schema path (`*` for any map key): the message says what
 * replaced them, instead of a guess at the nearest key.
 */
export const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  "audit.kmsDeletionWindowDays":
    "removed: security.kmsDeletionWindowDays sets the deletion window of every key of the stack, the trail's included",
};

/** Every key of the input that no schema object or named map knows, at any depth. */
export function unknownSettings(
  schema: z.ZodType,
  input: unknown,
  path: readonly PropertyKey[] = [],
  schemaPath: readonly string[] = [],
): SettingIssue[] {
  const { def } = unwrap(schema);
  if (def.type === "array" && Array.isArray(input)) {
    return input.flatMap((item, i) =>
      unknownSettings(def.element as z.ZodType, item, [...path, i], [...schemaPath, "[]"]),
    );
  }
  if (!isPlainObject(input)) return [];
  if (def.type === "union") {
    const option = unionOption(def, input);
    return option ? unknownSettings(option, input, path, schemaPath) : [];
  }
  const issues: SettingIssue[] = [];
  const shape = shapeOf(def);
  if (shape) {
    for (const [key, value] of Object.entries(input)) {
      const at = [...schemaPath, key];
      if (key in shape) issues.push(...unknownSettings(shape[key], value, [...path, key], at));
      else {
        const retired = RETIRED_SETTINGS[at.join(".")];
        issues.push({
          path: [...path, key],
          message: retired ?? `unknown setting; ${nearestKeyHint(key, Object.keys(shape))}`,
        });
      }
    }
  } else if (def.type === "record") {
    const named = recordKeys(def);
    for (const [key, value] of Object.entries(input)) {
      if (named && !named.includes(key)) {
        issues.push({ path: [...path, key], message: `unknown key; ${nearestKeyHint(key, named)}` });
      } else {
        issues.push(
          ...unknownSettings(def.valueType as z.ZodType, value, [...path, key], [...schemaPath, "*"]),
        );
      }
    }
  }
  return issues;
}

/**
 * One config layer over another (environment over defaults, override over environment):
 * objects merge key by key, maps of named things (queues, routing profiles, agents, tags,
 * business-hour days) merge by name and `null` removes a named entry, lists and values replace.
 * Where the lower layer has no value the schema's default is merged into, so a partial object
 * (`audit.lifecycle.glacierAfterDays`) keeps the default's other fields (its 7-year expiry).
 * A union member whose discriminator changes (`backend.type`) is replaced, not merged.
 */
export function mergeSettings(schema: z.ZodType | undefined, base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (schema === undefined) return override;
  const { def, defaultValue } = unwrap(schema);
  const lower = base === undefined ? defaultValue : base;
  if (!isPlainObject(override)) return override;
  if (def.type === "union") {
    const option = unionOption(def, override);
    const discriminator = def.discriminator as string | undefined;
    const sameMember =
      isPlainObject(lower) &&
      (discriminator === undefined ||
        override[discriminator] === undefined ||
        override[discriminator] === lower[discriminator]);
    return mergeSettings(option ?? unionOption(def, lower), sameMember ? lower : undefined, override);
  }
  const shape = shapeOf(def);
  const isRecord = def.type === "record";
  if (!shape && !isRecord) return override;
  const merged: Record<string, unknown> = isPlainObject(lower) ? { ...lower } : {};
  for (const [key, value] of Object.entries(override)) {
    if (isRecord && value === null) {
      delete merged[key];
      continue;
    }
    const child = shape ? shape[key] : (def.valueType as z.ZodType);
    merged[key] = mergeSettings(child, merged[key], value);
  }
  return merged;
}

/** One setting: a value an environment can set, at a schema path (`*` any map key, `[]` any list item). */
export interface SettingLeaf {
  readonly path: string;
  readonly schema: Unwrapped;
}

/** Every setting of the schema, depth first, in declaration order. Rejection-only fields (`never`) are none. */
export function settingLeaves(schema: z.ZodType, path: readonly string[] = []): SettingLeaf[] {
  const unwrapped = unwrap(schema);
  const { def } = unwrapped;
  const shape = shapeOf(def);
  if (def.type === "never") return [];
  if (shape) return Object.entries(shape).flatMap(([key, child]) => settingLeaves(child, [...path, key]));
  if (def.type === "union") {
    const options = (def.options as z.ZodType[]).map((o) => shapeOf(unwrap(o).def));
    if (options.every((o) => o !== undefined)) {
      const seen = new Map<string, SettingLeaf>();
      for (const leaf of (def.options as z.ZodType[]).flatMap((o) => settingLeaves(o, path))) {
        if (!seen.has(leaf.path)) seen.set(leaf.path, leaf);
      }
      return [...seen.values()];
    }
  }
  const nested = (child: z.ZodType, segment: string) => {
    const inner = unwrap(child).def;
    return shapeOf(inner) || inner.type === "union" ? settingLeaves(child, [...path, segment]) : undefined;
  };
  if (def.type === "record") {
    const leaves = nested(def.valueType as z.ZodType, "*");
    if (leaves) return leaves;
  }
  if (def.type === "array") {
    const leaves = nested(def.element as z.ZodType, "[]");
    if (leaves) return leaves;
  }
  return [{ path: path.join("."), schema: unwrapped }];
}

/** Schema paths of every object that takes named settings (where an unknown key can hide). */
export function settingObjects(schema: z.ZodType, path: readonly string[] = []): string[] {
  const { def } = unwrap(schema);
  const shape = shapeOf(def);
  const here = path.join(".");
  if (shape) {
    return [here, ...Object.entries(shape).flatMap(([key, child]) => settingObjects(child, [...path, key]))];
  }
  if (def.type === "union") {
    return [...new Set((def.options as z.ZodType[]).flatMap((o) => settingObjects(o, path)))];
  }
  if (def.type === "record") {
    return [
      ...(recordKeys(def) ? [here] : []),
      ...settingObjects(def.valueType as z.ZodType, [...path, "*"]),
    ];
  }
  if (def.type === "array") return settingObjects(def.element as z.ZodType, [...path, "[]"]);
  return [];
}

/**
 * The value at a dotted path of an unparsed layer, the schema's defaults filled in on the way,
 * then parsed by the schema at that path when it is valid (so it compares with a parsed config).
 */
export function settingValue(schema: z.ZodType, input: unknown, path: string): unknown {
  let node: z.ZodType | undefined = schema;
  let value = input;
  for (const key of path.split(".")) {
    if (node === undefined) return undefined;
    const { def, defaultValue } = unwrap(node);
    if (value === undefined) value = defaultValue;
    const option = def.type === "union" ? unionOption(def, value) : undefined;
    const shape = shapeOf(option ? unwrap(option).def : def);
    node = shape?.[key] ?? (def.type === "record" ? (def.valueType as z.ZodType) : undefined);
    value = isPlainObject(value) ? value[key] : undefined;
  }
  if (node === undefined) return value;
  if (value === undefined) value = unwrap(node).defaultValue;
  const parsed = node.safeParse(value);
  return parsed.success ? parsed.data : value;
}
