/**
 * What may differ between this project's synthesized JSON and the same app synthesized on CDK
 * Terrain: the framework version in the metadata and the aws provider pin (cdktn's provider package
 * is generated from a newer hashicorp/aws and names its source in full; "aws" and "hashicorp/aws"
 * are the same provider address). Anything else is a change a user would see in a plan.
 */
export const ALLOWED_DIFFERENCES: readonly string[] = [
  "//.metadata.version",
  "terraform.required_providers.aws.version",
  "terraform.required_providers.aws.source",
];

export interface JsonDifference {
  /** Dotted path into the document; array items as `[i]`. */
  readonly path: string;
  readonly left: unknown;
  readonly right: unknown;
}

/** Every leaf where the two documents differ, in document order. Absent and undefined are equal. */
export function diffJson(left: unknown, right: unknown, path = ""): JsonDifference[] {
  if (Object.is(left, right)) return [];
  if (Array.isArray(left) && Array.isArray(right)) {
    const length = Math.max(left.length, right.length);
    return Array.from({ length }, (_, i) => diffJson(left[i], right[i], `${path}[${i}]`)).flat();
  }
  if (isObject(left) && isObject(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) => diffJson(left[key], right[key], path ? `${path}.${key}` : key));
  }
  return [{ path, left, right }];
}

/** The differences outside {@link ALLOWED_DIFFERENCES}: empty means the exit is clean. */
export function unexpectedDifferences(
  cdktf: unknown,
  cdktn: unknown,
  allowed: readonly string[] = ALLOWED_DIFFERENCES,
): JsonDifference[] {
  return diffJson(cdktf, cdktn).filter((difference) => !allowed.includes(difference.path));
}

export function formatDifference({ path, left, right }: JsonDifference): string {
  return `  ${path}: cdktf ${show(left)} → cdktn ${show(right)}`;
}

function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
