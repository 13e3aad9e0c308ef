import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, mermaidBlocks, openCachedRenderer, type DiagramRenderer } from "../support/mermaid-render";

/**
 * Every Mermaid diagram under docs/ rendered by mermaid in headless Chromium, as a reader's
 * Markdown viewer draws it: readable at its default size, no label hidden.
 */

const REPO = join(__dirname, "..", "..");
/**
 * A viewer fits a diagram to its column (about 1000 px on a repository page). Mermaid's text is
 * 16 px: a diagram up to 1600 px wide keeps it at 10 px or more. The auth module's single
 * diagram was 3126 px wide: 5 px text.
 */
const MAX_WIDTH = 1600;

const pages = [
  "docs/architecture.md",
  ...readdirSync(join(REPO, "docs", "flows"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/flows/${f}`),
];
const diagrams = pages.flatMap((page) =>
  mermaidBlocks(readFileSync(join(REPO, page), "utf8")).map((source, i, all) => ({
    name: all.length > 1 ? `${page} #${i + 1}` : page,
    source,
  })),
);

if (!CHROMIUM) {
  console.warn(
    "Diagram rendering test SKIPPED: no Chromium at /usr/bin/chromium. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.",
  );
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;
jest.setTimeout(60_000);

describeInBrowser("docs diagrams rendered by mermaid in headless Chromium", () => {
  let renderer: DiagramRenderer;

  beforeAll(() => {
    renderer = openCachedRenderer(CHROMIUM!);
  });

  afterAll(async () => {
    await renderer?.close();
  });

  it("finds what made the auth module's old diagram unreadable: its width and a hidden branch label", async () => {
    const before = readFileSync(join(__dirname, "fixtures", "auth-module-before.mmd"), "utf8");
    const layout = await renderer.render(before);
    expect(layout.width).toBeGreaterThan(MAX_WIDTH);
    // pin-result's "= LockedOut" arrow (a23 → a28) crosses the "= Invalid" label.
    expect(layout.problems).toContainEqual(
      expect.stringMatching(
        /^the arrow "= LockedOut" \(L_a23_a28_0\) runs \d+ px through label "= Invalid"$/,
      ),
    );
  });

  it("finds labels on top of each other and labels on boxes (the old queue routing and auth diagrams)", async () => {
    const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
    const routing = await renderer.render(fixture("queue-routing-before.mmd"));
    expect(routing.problems).toContain(
      'label "error: NoMatchingError" overlaps label "error: NoMatchingError"',
    );
    const auth = await renderer.render(fixture("auth-module-before.mmd"));
    expect(auth.problems).toContainEqual(
      expect.stringMatching(/^label "= DoneLooping" overlaps box "push-hold/),
    );
  });

  it("finds diagrams in every page it checks", () => {
    expect(diagrams.filter((d) => d.name.startsWith("docs/architecture.md"))).not.toHaveLength(0);
    expect(diagrams.length).toBeGreaterThan(pages.length);
  });

  it.each(diagrams.map((d) => [d.name, d.source] as const))(
    "%s renders, fits a page column and hides no label",
    async (_name, source) => {
      const layout = await renderer.render(source);
      expect({ width: Math.round(layout.width) <= MAX_WIDTH, problems: layout.problems }).toStrictEqual({
        width: true,
        problems: [],
      });
    },
  );
});
