import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The page template shipped in the repo (ours, no third-party code). */
export const CCP_PAGE_TEMPLATE = join(__dirname, "..", "..", "ccp_site", "index.html");

/** Key of the amazon-connect-streams file beside the page. */
export const CONNECT_STREAMS_KEY = "connect-streams-min.js";

/** What the page needs to embed the CCP. */
export interface CcpPageSettings {
  /** Instance access URL, e.g. `https://my-alias.my.connect.aws`; may be a Terraform token. */
  readonly accessUrl: string;
  /** Region of the Connect instance. */
  readonly region: string;
}

/**
 * Render the CCP page. Settings go into a JSON data block (escaped so no value can close the
 * script element); the template itself must not contain `${` or `%{`, which Terraform would
 * evaluate when the page is written as an S3 object's content.
 */
export function renderCcpPage(
  settings: CcpPageSettings,
  template: string = readFileSync(CCP_PAGE_TEMPLATE, "utf8"),
): string {
  const templateSequence = /[$%]\{/.exec(template);
  if (templateSequence) {
    throw new Error(
      `CCP page template contains "${templateSequence[0]}" at offset ${templateSequence.index}: Terraform would interpolate it; rewrite that part of the page`,
    );
  }
  for (const placeholder of ["{{SETTINGS_JSON}}", "{{STREAMS_PATH}}"]) {
    if (!template.includes(placeholder))
      throw new Error(`CCP page template lacks the placeholder ${placeholder}`);
  }
  const ccpUrl = `${settings.accessUrl.replace(/\/+$/, "")}/ccp-v2/`;
  const json = JSON.stringify({ ccpUrl, region: settings.region })
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
  return template.replace("{{SETTINGS_JSON}}", json).replace("{{STREAMS_PATH}}", CONNECT_STREAMS_KEY);
}
