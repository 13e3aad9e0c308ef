/** Where the CRM API is and how the page authenticates to it. */
export interface CrmSettings {
  /** Base URL of the CRM HTTP API, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com`. */
  readonly apiUrl: string;
  /** sessionStorage key holding the agent's bearer token from the identity provider. */
  readonly tokenStorageKey: string;
}

/** What synth writes into the page's JSON settings block (constructs/ccp/render-page.ts). */
export interface PageSettings {
  /** `https://<alias>.my.connect.aws/ccp-v2/`. */
  readonly ccpUrl: string;
  readonly region: string;
  /** Contact attribute the flows set to the identified customer's id. */
  readonly customerIdAttribute: string;
  /** Absent when ccp.crmApiUrl is not configured: the panel says so instead of calling anything. */
  readonly crm?: CrmSettings;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new Error(`page settings: ${name} must be a non-empty string`);
  }
  return value;
}

/** Parse the settings block; a broken page should say what is wrong, not fail later on undefined. */
export function parseSettings(json: string): PageSettings {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const crm = raw.crm as Record<string, unknown> | undefined;
  return {
    ccpUrl: requireString(raw.ccpUrl, "ccpUrl"),
    region: requireString(raw.region, "region"),
    customerIdAttribute: requireString(raw.customerIdAttribute, "customerIdAttribute"),
    crm:
      crm === undefined
        ? undefined
        : {
            apiUrl: requireString(crm.apiUrl, "crm.apiUrl").replace(/\/+$/, ""),
            tokenStorageKey: requireString(crm.tokenStorageKey, "crm.tokenStorageKey"),
          },
  };
}
