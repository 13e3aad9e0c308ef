import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshDirectoryFor, replaceDirectory } from "../../scripts/support/replace-directory";

describe("replaceDirectory (how builds put their output in place)", () => {
  it("swaps a fully written folder in for the old one, or for none, leaving nothing beside it", () => {
    const parent = mkdtempSync(join(tmpdir(), "replace-"));
    const dir = join(parent, "lex_fallback");
    mkdirSync(join(dir, "chunks"), { recursive: true });
    writeFileSync(join(dir, "chunks", "stale-AAAA.mjs"), "old");
    const fresh = freshDirectoryFor(dir);
    writeFileSync(join(fresh, "index.mjs"), "new");
    replaceDirectory(fresh, dir);
    expect(readdirSync(dir)).toStrictEqual(["index.mjs"]);
    expect(readFileSync(join(dir, "index.mjs"), "utf8")).toBe("new");

    const again = freshDirectoryFor(join(parent, "absent"));
    replaceDirectory(again, join(parent, "absent"));
    expect(existsSync(join(parent, "absent"))).toBe(true);
    expect(readdirSync(parent).sort()).toStrictEqual(["absent", "lex_fallback"]);
  });

  it("gives every concurrent build its own folder to write", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "replace-")), "site");
    expect(freshDirectoryFor(dir)).not.toBe(freshDirectoryFor(dir));
  });
});
