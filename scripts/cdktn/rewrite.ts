import { posix } from "node:path";

/** Each cdktf package and the exact cdktn release that replaces it, in the same dependency section. */
export const PACKAGE_SWAPS: ReadonlyArray<{
  readonly from: string;
  readonly to: string;
  readonly version: string;
}> = [
  { from: "cdktf", to: "cdktn", version: "0.24.0" },
  { from: "@cdktf/provider-aws", to: "@cdktn/provider-aws", version: "25.7.0" },
  { from: "@cdktf/hcl2json", to: "@cdktn/hcl2json", version: "0.24.0" },
];

/** cdktn 0.24 accepts constructs >=10.6.0 <10.8.0. */
export const CONSTRUCTS_FOR_CDKTN = "10.7.0";

/** Packages with no place after the switch: the CLI is not run, null comes from our binding. */
const DROPPED = ["cdktf-cli", "@cdktf/provider-null"];

/** Where the null provider binding lives, relative to the project root. */
export const NULL_BINDING = "scripts/cdktn/null-binding";

type Section = Record<string, string>;

export function toCdktnPackageJson(text: string): string {
  const pkg = JSON.parse(text) as { dependencies?: Section; devDependencies?: Section };
  const swap = (section: Section = {}): Section => {
    const swapped: Section = {};
    for (const [name, version] of Object.entries(section)) {
      if (DROPPED.includes(name)) continue;
      const replacement = PACKAGE_SWAPS.find((s) => s.from === name);
      if (replacement) swapped[replacement.to] = replacement.version;
      else swapped[name] = name === "constructs" ? CONSTRUCTS_FOR_CDKTN : version;
    }
    return swapped;
  };
  return `${JSON.stringify({ ...pkg, dependencies: swap(pkg.dependencies), devDependencies: swap(pkg.devDependencies) }, null, 2)}\n`;
}

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)(["'])([^"']+)\2/g;

/**
 * One source file as it reads on cdktn: cdktf package imports renamed, null provider imports
 * pointed at our binding. `file` is the path relative to the project root (posix).
 */
export function toCdktnSource(text: string, file: string): string {
  return text.replace(SPECIFIER, (whole, lead: string, quote: string, specifier: string) => {
    const renamed = renameSpecifier(specifier, file);
    return renamed === specifier ? whole : `${lead}${quote}${renamed}${quote}`;
  });
}

function renameSpecifier(specifier: string, file: string): string {
  const swap = PACKAGE_SWAPS.find((s) => specifier === s.from || specifier.startsWith(`${s.from}/`));
  if (swap) return `${swap.to}${specifier.slice(swap.from.length)}`;
  if (specifier.startsWith("@cdktf/provider-null")) {
    if (!/^@cdktf\/provider-null\/lib\/(provider|resource)$/.test(specifier)) {
      throw new Error(
        `${file}: imports ${specifier}; the null binding (${NULL_BINDING}.ts) has only the provider and null_resource`,
      );
    }
    const relative = posix.relative(posix.dirname(file), NULL_BINDING);
    return relative.startsWith(".") ? relative : `./${relative}`;
  }
  if (specifier === "cdktf-cli" || specifier.startsWith("@cdktf/")) {
    throw new Error(
      `${file}: imports ${specifier}, which has no cdktn counterpart in scripts/cdktn/rewrite.ts`,
    );
  }
  return specifier;
}
