import * as z from "zod/mini";

/**
 * The one customer identity. Every Lambda reduces an id it is given (a contact attribute, a token
 * claim, a query parameter) to its canonical form before the id keys anything: PIN lockout, rate
 * limits, companion approvals, CRM lookups, audit records and logs. The bank reads ids as numbers,
 * so `012345` and `12345` are one customer and must share one lockout.
 *
 * Pure (no I/O); shared source, bundled into each Lambda by esbuild.
 */
export interface CustomerIdFormat {
  /** Characters a canonical id may hold, as the body of a regex character class (`0-9`, `A-Z0-9-`). */
  readonly characters: string;
  /** Shortest canonical id. */
  readonly minLength: number;
  /** Longest canonical id. */
  readonly maxLength: number;
  /** Drop leading zeros (`000123` → `123`), as a bank that reads ids as numbers does. */
  readonly stripLeadingZeros: boolean;
  /** Fold letters to one case, for ids that ignore case; `preserve` keeps them as given. */
  readonly letterCase: "upper" | "lower" | "preserve";
}

/** The bank's ids: digits, read as a number. The config default (config/schema/security.ts). */
export const DEFAULT_CUSTOMER_ID_FORMAT: CustomerIdFormat = {
  characters: "0-9",
  minLength: 1,
  maxLength: 16,
  stripLeadingZeros: true,
  letterCase: "upper",
};

/** Name of the environment variable the constructs pass the format in (JSON). */
export const CUSTOMER_ID_FORMAT_ENV = "CUSTOMER_ID_FORMAT";

/**
 * Characters no id may contain, whatever the configured class: each could change the meaning of a
 * URL path or query the id is put into, or hide in a log line.
 */
const NEVER_ALLOWED = [".", "/", "\\", "%", "?", "#", "&", "=", "+", ":", ";", " ", "\t", "\n", "\r", "\0"];

/**
 * A class body of letters, digits, `_` and `-` only (`0-9`, `A-Z0-9-`): no `]`, `\\` or `^`, which
 * could turn the body into another regex (`0-9]|.*[` would admit anything starting with a digit).
 */
const CLASS_BODY = /^[A-Za-z0-9_-]{1,100}$/;

/** Why a format cannot be used, one sentence each; empty when it can. */
export function customerIdFormatProblems(format: CustomerIdFormat): string[] {
  const problems: string[] = [];
  let allowed: RegExp | undefined;
  if (!CLASS_BODY.test(format.characters)) {
    problems.push(
      `characters "${format.characters}" may hold only letters, digits, "_" and "-" (ranges such as 0-9 or A-Z)`,
    );
  } else {
    try {
      allowed = new RegExp(`^[${format.characters}]$`);
    } catch {
      problems.push(`characters "${format.characters}" is not a character class (a range runs backwards?)`);
    }
  }
  if (allowed !== undefined) {
    const leaks = NEVER_ALLOWED.filter((c) => allowed.test(c)).map((c) => JSON.stringify(c));
    if (leaks.length > 0)
      problems.push(
        `characters "${format.characters}" allows ${leaks.join(", ")}: ids must not hold path, query or space characters`,
      );
  }
  const { minLength: min, maxLength: max } = format;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 64 || min > max)
    problems.push(
      `minLength ${min} and maxLength ${max} must be whole numbers with 1 <= minLength <= maxLength <= 64`,
    );
  return problems;
}

const formatSchema = z.object({
  characters: z.string(),
  minLength: z.number(),
  maxLength: z.number(),
  stripLeadingZeros: z.boolean(),
  letterCase: z.enum(["upper", "lower", "preserve"]),
});

/**
 * The format the construct put in the environment. Never throws: a missing or unusable value gives
 * the bank's default (digits), which refuses rather than admits an id it cannot be sure of.
 */
export function customerIdFormatFromEnv(value: string | undefined): CustomerIdFormat {
  if (value === undefined || value === "") return DEFAULT_CUSTOMER_ID_FORMAT;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return DEFAULT_CUSTOMER_ID_FORMAT;
  }
  const parsed = formatSchema.safeParse(raw);
  if (!parsed.success || customerIdFormatProblems(parsed.data).length > 0) return DEFAULT_CUSTOMER_ID_FORMAT;
  return parsed.data;
}

/** The environment value for a format: the inverse of customerIdFormatFromEnv. */
export function customerIdFormatToEnv(format: CustomerIdFormat): string {
  const { characters, minLength, maxLength, stripLeadingZeros, letterCase } = format;
  return JSON.stringify({ characters, minLength, maxLength, stripLeadingZeros, letterCase });
}

const patterns = new Map<string, RegExp>();

function patternOf(format: CustomerIdFormat): RegExp {
  const key = `${format.characters}\u0000${format.minLength}\u0000${format.maxLength}`;
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    pattern = new RegExp(`^[${format.characters}]{${format.minLength},${format.maxLength}}$`);
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The canonical id, or undefined when `raw` is not a customer id in this format: trimmed, letters
 * folded, leading zeros dropped (one zero stays: `000` is `0`), then held to the allowed characters
 * and length. `.` and `..` are never ids, whatever the format says.
 */
export function canonicalCustomerId(raw: unknown, format: CustomerIdFormat): string | undefined {
  if (typeof raw !== "string") return undefined;
  let id = raw.trim();
  if (format.letterCase === "upper") id = id.toUpperCase();
  else if (format.letterCase === "lower") id = id.toLowerCase();
  if (format.stripLeadingZeros) id = id.replace(/^0+(?=.)/, "");
  if (id === "." || id === ".." || !patternOf(format).test(id)) return undefined;
  return id;
}

/** What a valid id looks like, for an error message: `1-16 characters from [0-9]`. */
export function describeCustomerIdFormat(format: CustomerIdFormat): string {
  const length =
    format.minLength === format.maxLength ? `${format.minLength}` : `${format.minLength}-${format.maxLength}`;
  return `${length} characters from [${format.characters}]`;
}
