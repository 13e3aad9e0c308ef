import "./workspace.css";
import { parseSettings } from "./settings";
import { domView } from "./view";
import { startWorkspace, type Streams } from "./workspace";

/** How long the customer panel waits for the CRM API. */
const CRM_TIMEOUT_MS = 5000;

const settingsBlock = document.getElementById("ccp-settings");
if (!settingsBlock?.textContent) throw new Error("agent workspace: the page has no #ccp-settings block");
const settings = parseSettings(settingsBlock.textContent);
const container = document.getElementById("ccp");
if (!container) throw new Error("agent workspace: the page has no #ccp element");

// The library is a separate file loaded before this one and sets the global `connect`.
const streams = (globalThis as { connect?: Streams }).connect;

startWorkspace(streams, container, settings, domView(document), {
  fetch: globalThis.fetch.bind(globalThis),
  token: () => {
    const key = settings.crm?.tokenStorageKey;
    return key === undefined ? undefined : (sessionStorage.getItem(key) ?? undefined);
  },
  timeoutMs: CRM_TIMEOUT_MS,
});
