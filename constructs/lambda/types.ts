import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** Lambda runtimes this construct supports (the bundle targets Node 20, which both run). */
export type NodejsRuntime = "nodejs20.x" | "nodejs22.x";

/** Retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** One IAM statement of the function's inline policy. */
export interface LambdaPolicyStatement {
  /** Statement id, letters and digits only. */
  readonly sid: string;
  readonly actions: readonly string[];
  /** Exact ARNs. `*` is refused unless `wildcardReason` says why the API needs it. */
  readonly resources: readonly string[];
  /** Why a `*` resource is unavoidable (e.g. "xray:PutTraceSegments has no resource type"). */
  readonly wildcardReason?: string;
  /** IAM condition block, as AWS documents it. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** A built deployment package. */
export interface LambdaZip {
  /** Path of the zip on the synth machine. */
  readonly path: string;
  /** base64 SHA-256 of the zip (bundleLambda's `sha256Base64`). */
  readonly sha256Base64: string;
}

/** A prebuilt zip as a deployment package (tests, and anyone shipping a zip built elsewhere). */
export function zipFromFile(path: string): LambdaZip {
  return { path, sha256Base64: createHash("sha256").update(readFileSync(path)).digest("base64") };
}
