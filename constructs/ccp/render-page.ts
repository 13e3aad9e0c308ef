import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CrmSettings, PageSettings } from "../../ccp_site/src/settings";
import type { CcpSiteAssets } from "./assets";

/** The page template shipped in the repo. */
export const CCP_PAGE_TEMPLATE = join(__dirname, "..", "..", "ccp_site", "index.html");

/** What the page needs to embed the CCP and look up customers. */
export interface CcpPageSettings {
  /** Instance access URL, e.g. `https://my-alias.my.connect.aws`; may be a Terraform token. */
  readonly accessUrl: string;
  /** Region of the Connect instance. */
  readonly region: string;
  /** Contact attribute holding the identified customer's id. */
  readonly customerIdAttribute: string;
  /** CRM API for the customer panel. @default - none: the panel says lookup is not configured */
  readonly crm?: CrmSettings;
}

const PLACEHOLDERS = ["{{SETTINGS_JSON}}", "{{STREAMS_PATH}}", "{{APP_PATH}}", "{{STYLES_PATH}}"] as const;

/** `{{NAME}}` → attribute-safe value; keys are ours (`[A-Za-z0-9.-]`), checked anyway. */
function assetPath(key: string): string {
  if (!/^[\w.-]+$/.test(key))
    throw new Error(`CCP asset key "${key}" has characters a URL path cannot hold as is`);
  return key;
}

/**
 * Render the CCP page. Settings go into a JSON data block (escaped so no value can close the
 * script element); the template itself must not contain `${` or `%{`, which Terraform would
 * evaluate when the page is written as an S3 object's content.
 */
export function renderCcpPage(
  settings: CcpPageSettings,
  assets: Pick<CcpSiteAssets, "streams" | "app" | "styles">,
  template: string = readFileSync(CCP_PAGE_TEMPLATE, "utf8"),
): string {
  const templateSequence = /[$%]\{/.exec(template);
  if (templateSequence) {
    throw new Error(
      `CCP page template contains "${templateSequence[0]}" at offset ${templateSequence.index}: Terraform would interpolate it; rewrite that part of the page`,
    );
  }
  for (const placeholder of PLACEHOLDERS) {
    if (!template.includes(placeholder))
      throw new Error(`CCP page template lacks the placeholder ${placeholder}`);
  }
  const pageSettings: PageSettings = {
    ccpUrl: `${settings.accessUrl.replace(/\/+$/, "")}/ccp-v2/`,
    region: settings.region,
    customerIdAttribute: settings.customerIdAttribute,
    ...(settings.crm ? { crm: settings.crm } : {}),
  };
  const json = JSON.stringify(pageSettings)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
  return template
    .replace("{{SETTINGS_JSON}}", json)
    .replace("{{STREAMS_PATH}}", assetPath(assets.streams.key))
    .replace("{{APP_PATH}}", assetPath(assets.app.key))
    .replace("{{STYLES_PATH}}", assetPath(assets.styles.key));
}
