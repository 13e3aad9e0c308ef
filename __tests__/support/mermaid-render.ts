import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/**
 * Mermaid diagrams rendered by mermaid itself in the headless Chromium of the CCP browser test,
 * measured in the page (__tests__/docs/page/diagram-layout.js).
 */

/** Debian's chromium, as the CCP browser test finds it; undefined when absent. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => path !== undefined && path !== "" && existsSync(path),
);

const MERMAID = require.resolve("mermaid/dist/mermaid.min.js");
const LAYOUT_SCRIPT = join(__dirname, "..", "docs", "page", "diagram-layout.js");

/** What one rendered diagram looks like. */
export interface DiagramLayout {
  /** Natural size of the SVG in px: a Markdown viewer shrinks it to fit its column. */
  readonly width: number;
  readonly height: number;
  /** Edge labels drawn. */
  readonly labels: number;
  /** Each unreadable label, in words. */
  readonly problems: readonly string[];
}

export interface DiagramRenderer {
  render(source: string): Promise<DiagramLayout>;
  close(): Promise<void>;
}

/** The Mermaid sources of every ```mermaid block in a Markdown page, in order. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

/** Starts Chromium with mermaid loaded in a blank page (no network: the page is set, not fetched). */
export async function openDiagramRenderer(executablePath: string): Promise<DiagramRenderer> {
  const browser: Browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // Root in CI containers: Chromium's sandbox needs user namespaces we may not have.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page: Page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ path: MERMAID });
    await page.addScriptTag({ path: LAYOUT_SCRIPT });
    await page.evaluate("window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })");
    return {
      render: (source) =>
        page.evaluate(`window.diagramLayout(${JSON.stringify(source)})`) as Promise<DiagramLayout>,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * openDiagramRenderer behind a record of earlier layouts, keyed by the diagram source and everything
 * that draws it (mermaid, the measuring script, the Chromium binary): the same inputs lay out the
 * same, and Chromium starts only when a diagram changed (~10 s of a warm test run otherwise).
 * CONNECT_BUILD_CACHE=off renders every diagram.
 */
export function openCachedRenderer(executablePath: string): DiagramRenderer {
  const file = join(__dirname, "../../node_modules/.cache/connect-tests/diagram-layouts.json");
  const chromium = statSync(executablePath);
  const drawnBy = createHash("sha256")
    .update(readFileSync(MERMAID))
    .update(readFileSync(LAYOUT_SCRIPT))
    .update(`${executablePath}|${chromium.size}|${chromium.mtimeMs}`)
    .digest("hex");
  const enabled = process.env.CONNECT_BUILD_CACHE !== "off";
  let kept: Record<string, DiagramLayout> = {};
  if (enabled && existsSync(file)) {
    try {
      kept = JSON.parse(readFileSync(file, "utf8")) as Record<string, DiagramLayout>;
    } catch {
      kept = {};
    }
  }
  let renderer: Promise<DiagramRenderer> | undefined;
  let added = false;
  return {
    async render(source) {
      const key = createHash("sha256").update(drawnBy).update(source).digest("hex");
      const hit = enabled ? kept[key] : undefined;
      if (hit) return hit;
      renderer ??= openDiagramRenderer(executablePath);
      const layout = await (await renderer).render(source);
      kept[key] = layout;
      added = true;
      return layout;
    },
    async close() {
      if (added && enabled) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.${process.pid}`, JSON.stringify(kept));
        renameSync(`${file}.${process.pid}`, file);
      }
      if (renderer) await (await renderer).close();
    },
  };
}
