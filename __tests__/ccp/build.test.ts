import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCcpSite } from "../../scripts/build-ccp-site";

const REPO = resolve(__dirname, "../..");

/** A copy of the repo's site sources elsewhere on disk, sharing node_modules, that a test may edit. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), "ccp-build-"));
  cpSync(join(REPO, "ccp_site"), join(root, "ccp_site"), { recursive: true });
  cpSync(join(REPO, "tsconfig.json"), join(root, "tsconfig.json"));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  return root;
}

describe("buildCcpSite", () => {
  const root = checkout();
  let first: Awaited<ReturnType<typeof buildCcpSite>>;

  beforeAll(async () => {
    first = await buildCcpSite({ root, outDir: join(root, "dist") });
  });

  it("bundles the page and amazon-connect-streams from npm under content-hashed names", () => {
    expect(first.cached).toBe(false);
    expect(first.assets.app.key).toMatch(/^ccp-[A-Z0-9]{8}\.js$/);
    expect(first.assets.styles.key).toMatch(/^ccp-[A-Z0-9]{8}\.css$/);
    expect(first.assets.streams.key).toMatch(/^connect-streams-[A-Z0-9]{8}\.js$/);
    const library = readFileSync(first.assets.streams.path, "utf8");
    // The release's own code, minified, with its licence notices kept.
    expect(library).toContain("initCCP");
    expect(library.length).toBeGreaterThan(300_000);
    expect(library).toMatch(/License|SPDX/i);
  });

  it("gives the same bytes and names from another checkout (repo path not baked in)", async () => {
    const again = await buildCcpSite({ outDir: mkdtempSync(join(tmpdir(), "ccp-out-")), root: REPO });
    for (const part of ["app", "styles", "streams"] as const) {
      expect(again.assets[part].key).toBe(first.assets[part].key);
      expect(again.assets[part].md5).toBe(first.assets[part].md5);
    }
  });

  it("reuses the output while no input changed and rebuilds when a source does", async () => {
    const cached = await buildCcpSite({ root, outDir: join(root, "dist") });
    expect(cached).toEqual({ assets: first.assets, cached: true });

    const view = join(root, "ccp_site", "src", "view.ts");
    writeFileSync(
      view,
      readFileSync(view, "utf8").replace("Looking up the customer", "Finding the customer"),
    );
    const rebuilt = await buildCcpSite({ root, outDir: join(root, "dist") });
    expect(rebuilt.cached).toBe(false);
    expect(rebuilt.assets.app.key).not.toBe(first.assets.app.key);
    expect(readFileSync(rebuilt.assets.app.path, "utf8")).toContain("Finding the customer");
    // The library did not change, so its name (and CloudFront's cached copy) stays.
    expect(rebuilt.assets.streams.key).toBe(first.assets.streams.key);
  });

  it("serves a team's pinned streams file byte for byte (ccp.connectStreamsFile)", async () => {
    const pinned = join(root, "connect-streams-min.js");
    writeFileSync(pinned, "window.connect = { pinned: true };\n");
    const built = await buildCcpSite({ root, outDir: join(root, "dist-pinned"), streamsFile: pinned });
    expect(readFileSync(built.assets.streams.path, "utf8")).toBe("window.connect = { pinned: true };\n");
    expect(built.assets.streams.key).toMatch(/^connect-streams-[0-9A-F]{8}\.js$/);
  });

  it("names a missing streams file and the fix", async () => {
    await expect(
      buildCcpSite({ root, outDir: join(root, "dist-x"), streamsFile: "no/such/file.js" }),
    ).rejects.toThrow(
      /ccp.connectStreamsFile "no\/such\/file.js" does not exist .*leave it unset to use the npm package/,
    );
  });
});
