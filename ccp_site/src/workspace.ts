import { lookupCustomer, prepareLookup, type LookupDeps } from "./customer-lookup";
import type { PageSettings } from "./settings";
import type { WorkspaceView } from "./view";

/** The slice of amazon-connect-streams the workspace uses, typed by the library's own declarations. */
export type Streams = Pick<typeof connect, "core" | "agent" | "contact" | "EventType">;

function attributeValues(contact: connect.Contact): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(contact.getAttributes())) {
    if (attribute) values[key] = attribute.value;
  }
  return values;
}

/**
 * Embed the CCP and keep the panel in step with the agent and their contact. `streams` is
 * undefined when the library failed to load (blocked, or not deployed).
 */
export function startWorkspace(
  streams: Streams | undefined,
  container: HTMLElement,
  settings: PageSettings,
  view: WorkspaceView,
  lookup: LookupDeps,
): void {
  view.attributes(undefined);
  view.customer({ state: "idle" });
  if (streams === undefined) {
    view.status("unavailable");
    view.notice(
      "The Amazon Connect Streams library did not load. Reload the page; if this persists, contact support.",
    );
    return;
  }

  streams.core.initCCP(container, {
    ccpUrl: settings.ccpUrl,
    region: settings.region,
    loginPopup: true,
    loginPopupAutoClose: true,
    softphone: { allowFramedSoftphone: true },
  });
  streams.core.getEventBus().subscribe(streams.EventType.ACK_TIMEOUT, () => {
    view.notice(
      "The contact control panel did not answer. Allow third-party cookies for the Connect domain and sign in again.",
    );
  });

  streams.agent((agent) => {
    view.notice("");
    view.status(agent.getState().name);
    agent.onStateChange((change) => view.status(change.newState));
  });

  // Each contact gets a number; a lookup answering after its contact ended (or another began) is dropped.
  let current = 0;
  streams.contact((contact) => {
    const generation = ++current;
    view.attributes(attributeValues(contact));
    contact.onRefresh((c) => {
      if (generation === current) view.attributes(attributeValues(c));
    });
    contact.onConnected(async (c) => {
      const customerId = c.getAttributes()[settings.customerIdAttribute]?.value;
      if (generation !== current) return;
      const prepared = prepareLookup(settings.crm, customerId, lookup.token(), c.getContactId());
      if ("blocked" in prepared) return view.customer(prepared.blocked);
      view.customer({ state: "loading", customerId: prepared.request.customerId });
      const result = await lookupCustomer(prepared.request, lookup);
      if (generation === current) view.customer(result);
    });
    contact.onEnded(() => {
      if (generation !== current) return;
      current++;
      view.attributes(undefined);
      view.customer({ state: "idle" });
    });
  });
}
