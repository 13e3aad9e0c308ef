import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./launch-synth";

/** A source with one type error, as tsc reports it at src/keys.ts(1,14). */
export const BAD_TTL = 'export const KEY_TTL_MS: number = "five minutes";\n';

/** A small project with the root's compiler settings: one source file, its own tsbuildinfo. */
export function project(source: string): { dir: string; cacheDir: string; write(text: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "type-gate-"));
  mkdirSync(join(dir, "src"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, types: [], lib: ["ES2022"], skipLibCheck: true },
      include: ["src/**/*.ts"],
    }),
  );
  const write = (text: string) => writeFileSync(join(dir, "src", "keys.ts"), text);
  write(source);
  return { dir, cacheDir: join(dir, ".typecheck-cache"), write };
}
