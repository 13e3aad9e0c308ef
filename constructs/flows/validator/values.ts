/** Helpers for judging flow values that may be static, JSONPath or a Terraform/cdktf reference. */

/** A value filled in at run time (JSONPath such as `$.Attributes.x`) or at apply (`${...}` token). */
export function isDynamic(value: unknown): boolean {
  return typeof value === "string" && (value.startsWith("$.") || value.includes("${"));
}

/** A Terraform/cdktf reference still unresolved at synth. */
export function isTerraformReference(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

export function isJsonPath(value: unknown): boolean {
  return typeof value === "string" && value.startsWith("$.");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Read a dotted parameter path (`DTMFConfiguration.InterdigitTimeLimitSeconds`). */
export function getPath(root: Readonly<Record<string, unknown>>, dotted: string): unknown {
  let current: unknown = root;
  for (const key of dotted.split(".")) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

export function hasPath(root: Readonly<Record<string, unknown>>, dotted: string): boolean {
  return getPath(root, dotted) !== undefined;
}

/** A number or a numeric string (the console writes "5"); undefined otherwise. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Console-style boolean strings. */
export function isTrueString(value: unknown): boolean {
  return value === "True" || value === "true" || value === true;
}
