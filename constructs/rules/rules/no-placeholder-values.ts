import { defineRule, type RuleFinding } from "../types";

/**
 * Names and numbers that exist only to stand in for real ones: reserved domains (RFC 2606 and
 * RFC 6761) and the account ids the AWS documentation uses in examples. Production config needs
 * values for alarm and fraud subscribers, the CCP host name and certificate; a stand-in left there
 * deploys alarms that alert nobody and a site no agent can open.
 */
const PLACEHOLDERS: ReadonlyArray<[RegExp, string]> = [
  [/[a-z0-9-]\.(example|invalid|test|localhost)(?![a-z0-9-])/i, "a reserved domain"],
  [/(^|[^a-z0-9-])example\.(com|net|org)(?![a-z0-9-])/i, "a reserved domain"],
  [/(^|\D)(111122223333|123456789012)(\D|$)/, "an AWS documentation account id"],
];

function scan(value: unknown, path: string, found: (what: string, where: string) => void): void {
  if (typeof value === "string") {
    for (const [pattern, what] of PLACEHOLDERS) if (pattern.test(value)) found(what, path);
  } else if (Array.isArray(value)) value.forEach((item, i) => scan(item, `${path}[${i}]`, found));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value))
      if (key !== "//") scan(item, path ? `${path}.${key}` : key, found);
}

export const rule = defineRule({
  id: "no-placeholder-values",
  meta: {
    description:
      "In production no argument holds a stand-in value (reserved domain, documentation account id): subscribers, host names and certificates must be the bank's",
    fix: "set the real value in config/environments/prod.ts or the CONNECT_CONFIG_FILE used to deploy",
  },
  check: (stack) => {
    if (!stack.production) return [];
    const findings: RuleFinding[] = [];
    for (const { address, body } of stack.all()) {
      scan(body, "", (what, where) => findings.push({ address, message: `${where} holds ${what}` }));
    }
    return findings;
  },
});
