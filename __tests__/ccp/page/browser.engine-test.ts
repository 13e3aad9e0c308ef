import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Testing } from "cdktf";
import { build } from "esbuild";
import puppeteer, { type Browser, type HTTPRequest, type Page } from "puppeteer-core";
import { CcpSite } from "../../../constructs/ccp";
import { AddressedStack } from "../../../constructs/core/addresses";
import { Platform } from "../../../constructs/platform/platform";
import { buildCcpSite, type CcpBuildResult } from "../../../scripts/build-ccp-site";
import { devConfig, resource, type TfJson } from "../../datalake/synth";
import { keptBuildDir } from "../../support/kept-build-dir";
import { CUSTOMER } from "./fixtures";

/**
 * The built page in headless Chromium, served with the synthesized security headers, with the
 * Streams library swapped for a test double (streams-double.ts) that emits agent and contact
 * events, and a CRM API answering per customer id. One test loads the real bundled library.
 */

const REPO = resolve(__dirname, "../../..");
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => path !== undefined && path !== "" && existsSync(path),
);
const SITE = "https://ccp.test";
const CONNECT = "https://connect-comprehensive.my.connect.aws";
const CRM = "https://crm.test";
const TOKEN = "test-agent-token";
/** Where the screenshot of a fake contact goes; docs/ccp-workspace.png is a copy of it. */
const SCREENSHOT = process.env.CCP_SCREENSHOT ?? join(REPO, "dist", "ccp-workspace.png");

if (!CHROMIUM) {
  console.warn(
    "CCP browser test SKIPPED: no Chromium at /usr/bin/chromium. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.",
  );
}
const describeInBrowser = CHROMIUM ? describe : describe.skip;
// A browser on a shared 2-core machine can take seconds to start a page; the default 5 s is tight.
jest.setTimeout(30_000);

interface Site {
  readonly html: string;
  readonly headers: Record<string, string>;
  readonly files: Map<string, { body: Buffer; contentType: string }>;
  readonly built: CcpBuildResult;
}

/** Synthesize the CCP site as main.ts does and read back the page and the headers CloudFront adds. */
async function synthesizeSite(): Promise<Site> {
  const built = await buildCcpSite({ root: REPO, outDir: keptBuildDir("ccp-browser") });
  const stack = new AddressedStack(Testing.app(), "test");
  const platform = new Platform(stack, "platform", {
    region: "eu-west-2",
    tags: {},
    backend: { type: "local" },
    stackName: "test",
  });
  new CcpSite(stack, "ccp", {
    namePrefix: "connect-comprehensive",
    config: devConfig({ ccp: { crmApiUrl: CRM } }).ccp,
    assets: built.assets,
    accessUrl: CONNECT,
    region: "eu-west-2",
    connectInstanceArn: "arn:aws:connect:eu-west-2:111122223333:instance/abc",
    usEast1Provider: platform.awsUsEast1,
    awsccProvider: platform.awscc,
  });
  const json = JSON.parse(Testing.synth(stack, true)) as TfJson;
  const policy = resource(
    json,
    "aws_cloudfront_response_headers_policy",
    "ccp_security_headers_policy",
  ).security_headers_config;
  const hsts = policy.strict_transport_security;
  const headers = {
    "content-security-policy": policy.content_security_policy.content_security_policy,
    "strict-transport-security": `max-age=${hsts.access_control_max_age_sec}${hsts.include_subdomains ? "; includeSubDomains" : ""}`,
    "x-content-type-options": "nosniff",
    "x-frame-options": policy.frame_options.frame_option,
    "referrer-policy": policy.referrer_policy.referrer_policy,
  };
  const files = new Map<string, { body: Buffer; contentType: string }>();
  for (const name of ["connect_streams", "ccp_app", "ccp_styles"]) {
    const object = resource(json, "aws_s3_object", name);
    const asset = Object.values(built.assets).find((a) => a.key === object.key);
    if (!asset) throw new Error(`no built file for ${object.key}`);
    files.set(`/${object.key}`, { body: readFileSync(asset.path), contentType: object.content_type });
  }
  return { html: resource(json, "aws_s3_object", "index_html").content, headers, files, built };
}

async function bundleDouble(): Promise<Buffer> {
  const result = await build({
    entryPoints: [join(__dirname, "streams-double-browser.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return Buffer.from(result.outputFiles[0]!.contents);
}

/** The CRM API: one customer id per answer the panel must handle. */
function crmAnswer(customerId: string): { status: number; body: string } {
  if (customerId === CUSTOMER.customerId) return { status: 200, body: JSON.stringify(CUSTOMER) };
  const status = Number(customerId.replace(/^C-/, ""));
  return { status: Number.isInteger(status) ? status : 404, body: '{"message":"no"}' };
}

interface Opened {
  readonly page: Page;
  readonly crmRequests: Array<{ url: string; authorization: string | undefined }>;
  readonly unexpected: string[];
}

describeInBrowser("CCP page in headless Chromium", () => {
  let browser: Browser;
  let site: Site;
  let double: Buffer;

  beforeAll(async () => {
    [site, double] = await Promise.all([synthesizeSite(), bundleDouble()]);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root in CI containers: Chromium's sandbox needs user namespaces we may not have.
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: { library?: "double" | "real"; token?: string } = {}): Promise<Opened> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 760 });
    const crmRequests: Opened["crmRequests"] = [];
    const unexpected: string[] = [];
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      const url = new URL(request.url());
      const cors = {
        "access-control-allow-origin": SITE,
        "access-control-allow-headers": "authorization, accept",
      };
      if (url.origin === SITE) {
        if (url.pathname === "/") {
          return void request.respond({
            status: 200,
            contentType: "text/html; charset=utf-8",
            headers: site.headers,
            body: site.html,
          });
        }
        const file = site.files.get(url.pathname);
        if (file) {
          const isLibrary = url.pathname === `/${site.built.assets.streams.key}`;
          const body = isLibrary && options.library !== "real" ? double : file.body;
          return void request.respond({
            status: 200,
            contentType: file.contentType,
            headers: site.headers,
            body,
          });
        }
      }
      if (url.origin === CONNECT && url.pathname.startsWith("/ccp-v2")) {
        return void request.respond({
          status: 200,
          contentType: "text/html",
          body: "<title>CCP</title><p>Amazon Connect CCP (test stand-in)</p>",
        });
      }
      if (url.origin === CRM && url.pathname === "/customer") {
        if (request.method() === "OPTIONS") return void request.respond({ status: 204, headers: cors });
        crmRequests.push({ url: url.href, authorization: request.headers().authorization });
        const id = url.searchParams.get("customerId") ?? "";
        if (id === "C-down") return void request.abort("connectionrefused");
        const answer = crmAnswer(id);
        return void request.respond({ ...answer, contentType: "application/json", headers: cors });
      }
      unexpected.push(`${request.method()} ${request.url()}`);
      return void request.abort();
    });
    await page.evaluateOnNewDocument((token: string | undefined) => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      if (token && location.origin === "https://ccp.test") sessionStorage.setItem("crm_access_token", token);
    }, options.token);
    await page.goto(`${SITE}/`, { waitUntil: "load" });
    return { page, crmRequests, unexpected };
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? "");
  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const drive = (page: Page, script: string) =>
    page.evaluate(`(() => { const d = window.streamsDouble; ${script} })()`);
  const customerState = async (page: Page, state: string) => {
    await page.waitForSelector(`#customer-state[data-state="${state}"]`, { timeout: 5000 });
    return text(page, "#customer-state");
  };

  it("runs the real bundled amazon-connect-streams under the CSP and frames the instance's CCP", async () => {
    const { page, unexpected } = await open({ library: "real" });
    const frame = await page.waitForSelector("#ccp iframe", { timeout: 10_000 });
    const src = await frame!.evaluate((f) => (f as HTMLIFrameElement).src);
    expect(src.startsWith(`${CONNECT}/ccp-v2/`)).toBe(true);
    expect(
      await page.evaluate(
        () => typeof (window as unknown as { connect?: typeof connect }).connect?.core?.initCCP,
      ),
    ).toBe("function");
    expect(await violations(page)).toEqual([]);
    expect(unexpected).toEqual([]);
    await page.close();
  });

  it("initialises the CCP with the configured URL and shows the agent's state as it changes", async () => {
    const { page } = await open({ token: TOKEN });
    const init = await page.evaluate(() => {
      const d = (
        window as unknown as {
          streamsDouble: { initCalls: Array<{ container: HTMLElement; options: unknown }> };
        }
      ).streamsDouble;
      return d.initCalls.map((c) => ({ container: c.container.id, options: c.options }));
    });
    expect(init).toEqual([
      {
        container: "ccp",
        options: {
          ccpUrl: `${CONNECT}/ccp-v2/`,
          region: "eu-west-2",
          loginPopup: true,
          loginPopupAutoClose: true,
          softphone: { allowFramedSoftphone: true },
        },
      },
    ]);
    expect(await text(page, "#status")).toBe("signing in");
    await drive(page, 'd.signIn("alex", "Available")');
    expect(await text(page, "#status")).toBe("Available");
    await drive(page, 'd.changeState("Break")');
    expect(await text(page, "#status")).toBe("Break");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("renders attributes as text, fills the customer panel with masked numbers only", async () => {
    const { page, crmRequests, unexpected } = await open({ token: TOKEN });
    const hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
    await drive(page, 'd.signIn("alex", "Available")');
    await drive(
      page,
      `window.contact = d.ring({ customerId: "C-100", intent: "ReportFraud", note: ${JSON.stringify(hostile)} }); window.contact.connect();`,
    );
    expect(await customerState(page, "found")).toBe("");
    const rows = await page.$$eval("#attributes tr", (trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent)),
    );
    expect(rows).toEqual([
      ["customerId", "C-100"],
      ["intent", "ReportFraud"],
      ["note", hostile],
    ]);
    expect(await page.$$("#attributes script, #attributes img")).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    const summary = await page.$$eval("#customer-summary dd", (dds) => dds.map((d) => d.textContent));
    expect(summary).toEqual(
      expect.arrayContaining([
        "Ms J. Doe",
        "Premier",
        "Current account •••• 4821 (active)",
        "Visa debit •••• 1234 (blocked)",
      ]),
    );
    expect(crmRequests).toEqual([
      { url: `${CRM}/customer?customerId=C-100&contactId=contact-1`, authorization: `Bearer ${TOKEN}` },
    ]);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/\d{8,}/);
    expect(await violations(page)).toEqual([]);
    expect(unexpected).toEqual([]);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT as `${string}.png` });

    await drive(page, "window.contact.end()");
    expect(await customerState(page, "idle")).toBe("No active contact.");
    expect(await text(page, "#attributes")).toBe("No active contact");
    await page.close();
  });

  it("tells the agent why there is no customer: no id, not authorized, not found, API down, signed out", async () => {
    const { page } = await open({ token: TOKEN });
    const connectContact = (attributes: Record<string, string>) =>
      drive(page, `d.ring(${JSON.stringify(attributes)}).connect();`);

    await connectContact({ intent: "CheckBalance" });
    expect(await customerState(page, "no-customer-id")).toMatch(/No customer id on this contact/);
    await connectContact({ customerId: "C-403" });
    expect(await customerState(page, "not-authorized")).toBe("You are not authorized to view this customer.");
    await connectContact({ customerId: "C-404" });
    expect(await customerState(page, "not-found")).toMatch(/No customer record/);
    await connectContact({ customerId: "C-503" });
    expect(await customerState(page, "unavailable")).toBe(
      "Customer lookup is unavailable: the service answered 503. Verify the caller as usual.",
    );
    await connectContact({ customerId: "C-down" });
    expect(await customerState(page, "unavailable")).toMatch(/cannot reach the service/);
    expect(await violations(page)).toEqual([]);
    await page.close();

    const signedOut = await open();
    await drive(signedOut.page, 'd.ring({ customerId: "C-100" }).connect();');
    expect(await customerState(signedOut.page, "signed-out")).toMatch(/Sign in to the customer lookup/);
    expect(signedOut.crmRequests).toEqual([]);
    await signedOut.page.close();
  });

  it("enforces the CSP: another site's frame and injected inline script are blocked", async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.src = "https://evil.test/";
      document.body.append(frame);
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
    });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length >= 2,
      {
        timeout: 5000,
      },
    );
    const seen = await violations(page);
    expect(seen).toEqual(expect.arrayContaining(["frame-src https://evil.test", "script-src-elem inline"]));
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
    await page.close();
  });
});
