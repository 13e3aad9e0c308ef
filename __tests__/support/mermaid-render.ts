import { existsSync } from "node:fs";
import { join } from "node:path";
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
