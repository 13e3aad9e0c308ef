import { parse as parseHcl } from "@cdktf/hcl2json";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { buildCache } from "../../scripts/support/build-cache.cjs";

/**
 * HashiCorp's parse of the HCL text (hcl2json, Go in WebAssembly: 1-3 s a stack), kept while the
 * text and the installed parser are unchanged: the same text parses the same. CONNECT_BUILD_CACHE=off
 * parses every time.
 */
export async function parsedByHashiCorp(env: string, hcl: string): Promise<Record<string, any>> {
  const cache = buildCache<Record<string, any>>(
    resolve(__dirname, "../../node_modules/.cache/connect-tests", `hcl2json-${env}.json`),
    { parser: "@cdktf/hcl2json", hcl: createHash("sha256").update(hcl).digest("hex") },
  );
  const cached = cache.read(() => true);
  if (cached !== undefined) return cached;
  const parsed = (await parseHcl("cdk.tf", hcl)) as Record<string, any>;
  cache.write([], parsed);
  return parsed;
}
