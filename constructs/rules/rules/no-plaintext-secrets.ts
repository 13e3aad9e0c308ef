import type { StackJson } from "../types";
import { defineRule, type RuleFinding } from "../types";

/** Values that are credentials whatever argument holds them. */
const SECRET_VALUES: ReadonlyArray<[RegExp, string]> = [
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, "an AWS access key id"],
  [/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/, "a private key"],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, "a GitHub token"],
  [/\bsk_live_[A-Za-z0-9]{20,}/, "a live payment API key"],
];

/** Argument or variable names whose literal value would be a credential. */
const SECRET_NAME = /(password|passwd|secret|secret_string|token|api_?key|private_?key|client_?secret)$/i;

/** Literal values that are not credentials: references, ARNs, empty strings. */
const harmless = (value: string): boolean =>
  value === "" || value.includes("${") || value.startsWith("arn:") || /^(true|false)$/.test(value);

function scan(
  value: unknown,
  name: string,
  found: (what: string, where: string) => void,
  path: string,
): void {
  if (typeof value === "string") {
    for (const [pattern, what] of SECRET_VALUES) if (pattern.test(value)) found(what, path);
    if (SECRET_NAME.test(name) && !harmless(value)) found(`a literal value for "${name}"`, path);
  } else if (Array.isArray(value)) value.forEach((v, i) => scan(v, name, found, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) scan(v, key === "//" ? "" : key, found, `${path}.${key}`);
  }
}

/** Where a path of the JSON belongs: a resource address, or the top-level block. */
function addressOf(json: StackJson, top: string, rest: string[]): string {
  if (top === "resource" && rest.length >= 2) return `${rest[0]}.${rest[1]}`;
  if (top === "data" && rest.length >= 2) return `data.${rest[0]}.${rest[1]}`;
  return [top, ...rest.slice(0, 1)].join(".") || JSON.stringify(Object.keys(json));
}

export const rule = defineRule({
  id: "no-plaintext-secrets",
  meta: {
    description:
      "No credential appears in the synthesized JSON (state and plans would store it in clear): secrets come from Secrets Manager",
    fix: "put the value in Secrets Manager and pass the secret's ARN",
  },
  check: (stack) => {
    const findings: RuleFinding[] = [];
    for (const [top, block] of Object.entries(stack.json)) {
      if (top === "//") continue;
      scan(
        block,
        "",
        (what, where) => {
          const parts = where.split(".").filter(Boolean);
          const address = addressOf(stack.json, top, parts);
          const argument = parts.slice(top === "resource" || top === "data" ? 2 : 1).join(".");
          findings.push({ address, message: `${argument || top} holds ${what}` });
        },
        "",
      );
    }
    return findings;
  },
});
