import type { CustomerLookup } from "../../../ccp_site/src/customer-lookup";
import { parseSettings, type PageSettings } from "../../../ccp_site/src/settings";
import type { WorkspaceView } from "../../../ccp_site/src/view";
import { startWorkspace } from "../../../ccp_site/src/workspace";
import { CUSTOMER } from "./fixtures";
import { createStreamsDouble } from "./streams-double";

const SETTINGS: PageSettings = {
  ccpUrl: "https://bank.my.connect.aws/ccp-v2/",
  region: "eu-west-2",
  customerIdAttribute: "customerId",
  crm: { apiUrl: "https://crm.example.com", tokenStorageKey: "crm_access_token" },
};

/** Records what the workspace shows, latest value per part of the screen. */
function recorder() {
  const screen = {
    status: "",
    notice: "",
    attributes: undefined as Readonly<Record<string, string>> | undefined,
    customers: [] as CustomerLookup[],
  };
  const view: WorkspaceView = {
    status: (text) => void (screen.status = text),
    notice: (text) => void (screen.notice = text),
    attributes: (values) => void (screen.attributes = values),
    customer: (lookup) => void screen.customers.push(lookup),
  };
  return { screen, view };
}

/** A CRM API that answers when the test says so. */
function deferredFetch() {
  const pending: Array<(response: Response) => void> = [];
  const fetchDouble = (() =>
    new Promise<Response>((resolve) => pending.push(resolve))) as unknown as typeof fetch;
  return { fetch: fetchDouble, answer: (i: number, body: unknown) => pending[i]!(Response.json(body)) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const container = {} as HTMLElement;

describe("startWorkspace", () => {
  it("embeds the CCP of the configured instance with a login popup and framed softphone", () => {
    const double = createStreamsDouble();
    startWorkspace(double.streams, container, SETTINGS, recorder().view, {
      fetch,
      token: () => undefined,
      timeoutMs: 1000,
    });
    expect(double.initCalls).toEqual([
      {
        container,
        options: {
          ccpUrl: "https://bank.my.connect.aws/ccp-v2/",
          region: "eu-west-2",
          loginPopup: true,
          loginPopupAutoClose: true,
          softphone: { allowFramedSoftphone: true },
        },
      },
    ]);
  });

  it("says the library did not load instead of failing silently", () => {
    const { screen, view } = recorder();
    startWorkspace(undefined, container, SETTINGS, view, { fetch, token: () => undefined, timeoutMs: 1 });
    expect(screen.status).toBe("unavailable");
    expect(screen.notice).toMatch(/Streams library did not load/);
  });

  it("follows the agent's state and the CCP's health", () => {
    const double = createStreamsDouble();
    const { screen, view } = recorder();
    startWorkspace(double.streams, container, SETTINGS, view, {
      fetch,
      token: () => undefined,
      timeoutMs: 1,
    });
    double.ackTimeout();
    expect(screen.notice).toMatch(/did not answer/);
    double.signIn("alex", "Available");
    expect(screen).toMatchObject({ status: "Available", notice: "" });
    double.changeState("Break");
    expect(screen.status).toBe("Break");
  });

  it("shows a contact's attributes, looks its customer up on connect and clears both when it ends", async () => {
    const double = createStreamsDouble();
    const { screen, view } = recorder();
    const crm = deferredFetch();
    startWorkspace(double.streams, container, SETTINGS, view, {
      fetch: crm.fetch,
      token: () => "t",
      timeoutMs: 1000,
    });
    const contact = double.ring({ customerId: "C-100", intent: "CheckBalance" });
    expect(screen.attributes).toEqual({ customerId: "C-100", intent: "CheckBalance" });
    contact.refresh({ customerId: "C-100", intent: "ReportFraud" });
    expect(screen.attributes).toEqual({ customerId: "C-100", intent: "ReportFraud" });
    contact.connect();
    crm.answer(0, CUSTOMER);
    await flush();
    expect(screen.customers.slice(-2)).toEqual([
      { state: "loading", customerId: "C-100" },
      { state: "found", customer: CUSTOMER },
    ]);
    contact.end();
    expect(screen.attributes).toBeUndefined();
    expect(screen.customers.at(-1)).toEqual({ state: "idle" });
  });

  it("drops a lookup that answers after its contact ended", async () => {
    const double = createStreamsDouble();
    const { screen, view } = recorder();
    const crm = deferredFetch();
    startWorkspace(double.streams, container, SETTINGS, view, {
      fetch: crm.fetch,
      token: () => "t",
      timeoutMs: 1000,
    });
    const first = double.ring({ customerId: "C-100" });
    first.connect();
    first.end();
    double.ring({});
    crm.answer(0, CUSTOMER);
    await flush();
    expect(screen.customers.some((c) => c.state === "found")).toBe(false);
    expect(screen.customers.at(-1)).toEqual({ state: "idle" });
  });

  it("explains a contact with no customer id and an agent without a token, without calling the API", () => {
    const double = createStreamsDouble();
    const { screen, view } = recorder();
    const unexpected = (() => Promise.reject(new Error("no call expected"))) as unknown as typeof fetch;
    startWorkspace(double.streams, container, SETTINGS, view, {
      fetch: unexpected,
      token: () => undefined,
      timeoutMs: 1,
    });
    double.ring({ intent: "CheckBalance" }).connect();
    expect(screen.customers.at(-1)).toEqual({ state: "no-customer-id" });
    double.ring({ customerId: "C-100" }).connect();
    expect(screen.customers.at(-1)).toEqual({ state: "signed-out" });
  });
});

describe("parseSettings", () => {
  it("reads what synth writes and names a missing field", () => {
    expect(
      parseSettings(
        JSON.stringify({ ...SETTINGS, crm: { ...SETTINGS.crm, apiUrl: "https://crm.example.com/" } }),
      ),
    ).toEqual(SETTINGS);
    expect(() => parseSettings(JSON.stringify({ ...SETTINGS, region: "" }))).toThrow(
      /region must be a non-empty string/,
    );
  });
});
