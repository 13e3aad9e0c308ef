import { posix } from "node:path";

/** Exact cdktn releases the check moves to; constructs stays within cdktn's peer range (<10.8). */
export const CDKTN_PACKAGES: Readonly<Record<string, string>> = {
  cdktn: "0.24.0",
  "@cdktn/provider-aws": "25.7.0",
  constructs: "10.7.0",
};

/** Packages with no place after the switch: the CLI is not run, null comes from our binding. */
const DROPPED = ["cdktf", "cdktf-cli", "@cdktf/provider-aws", "@cdktf/provider-null"];

/** Where the null provider binding lives, relative to the project root. */
export const NULL_BINDING = "scripts/cdktn/null-binding";

export function toCdktnPackageJson(text: string): string {
  const pkg = JSON.parse(text) as Record<string, Record<string, string> | unknown>;
  const dependencies = { ...(pkg.dependencies as Record<string, string>) };
  const devDependencies = { ...(pkg.devDependencies as Record<string, string>) };
  for (const name of DROPPED) {
    delete dependencies[name];
    delete devDependencies[name];
  }
  delete devDependencies.constructs;
  Object.assign(dependencies, CDKTN_PACKAGES);
  return `${JSON.stringify({ ...pkg, dependencies, devDependencies }, null, 2)}\n`;
}

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)(["'])([^"']+)\2/g;

/**
 * One source file as it reads on cdktn: framework and aws provider imports renamed, null provider
 * imports pointed at our binding. `file` is the path relative to the project root (posix).
 */
export function toCdktnSource(text: string, file: string): string {
  return text.replace(SPECIFIER, (whole, lead: string, quote: string, specifier: string) => {
    const renamed = renameSpecifier(specifier, file);
    return renamed === specifier ? whole : `${lead}${quote}${renamed}${quote}`;
  });
}

function renameSpecifier(specifier: string, file: string): string {
  if (specifier === "cdktf" || specifier.startsWith("cdktf/"))
    return `cdktn${specifier.slice("cdktf".length)}`;
  if (specifier.startsWith("@cdktf/provider-aws"))
    return `@cdktn/provider-aws${specifier.slice("@cdktf/provider-aws".length)}`;
  if (specifier.startsWith("@cdktf/provider-null")) {
    if (!/^@cdktf\/provider-null\/lib\/(provider|resource)$/.test(specifier)) {
      throw new Error(
        `${file}: imports ${specifier}; the null binding (${NULL_BINDING}.ts) has only the provider and null_resource`,
      );
    }
    const relative = posix.relative(posix.dirname(file), NULL_BINDING);
    return relative.startsWith(".") ? relative : `./${relative}`;
  }
  return specifier;
}
