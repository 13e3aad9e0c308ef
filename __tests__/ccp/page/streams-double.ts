import type { Streams } from "../../../ccp_site/src/workspace";

/**
 * A stand-in for amazon-connect-streams: the same calls the page makes, with handles for a test to
 * sign an agent in, change their state and ring, connect, refresh and end contacts. The browser test
 * serves it (bundled) in place of the library; the unit tests use it directly.
 */
export interface StreamsDouble {
  /** What the page gets as the global `connect`. */
  readonly streams: Streams;
  /** Every initCCP call, in order. */
  readonly initCalls: Array<{ container: HTMLElement; options: connect.InitCCPOptions }>;
  signIn(name: string, state: string): void;
  changeState(state: string): void;
  ackTimeout(): void;
  ring(attributes: Record<string, string>, type?: string): ContactHandle;
}

export interface ContactHandle {
  connect(): void;
  refresh(attributes: Record<string, string>): void;
  end(): void;
}

type Listener<T> = (value: T) => void;

export function createStreamsDouble(): StreamsDouble {
  const agentListeners: Array<Listener<connect.Agent>> = [];
  const contactListeners: Array<Listener<connect.Contact>> = [];
  const stateListeners: Array<Listener<connect.AgentStateChange>> = [];
  const busListeners = new Map<string, Array<() => void>>();
  const initCalls: StreamsDouble["initCalls"] = [];
  const subscription = { unsubscribe: () => undefined } as unknown as connect.Subscription;
  let agentState = "Offline";

  const agent = {
    getName: () => "test agent",
    getState: () => ({ name: agentState, type: "not_routable" }),
    onStateChange: (listener: Listener<connect.AgentStateChange>) => {
      stateListeners.push(listener);
      return subscription;
    },
  } as unknown as connect.Agent;

  const streams = {
    EventType: { ACK_TIMEOUT: "ack_timeout" },
    core: {
      initCCP(container: HTMLElement, options: connect.InitCCPOptions) {
        initCalls.push({ container, options });
        // As the library does: the CCP is an iframe of the instance, which the page's CSP must allow.
        if (typeof document !== "undefined") {
          const frame = document.createElement("iframe");
          frame.src = options.ccpUrl;
          frame.title = "Contact control panel";
          container.append(frame);
        }
      },
      getEventBus: () => ({
        subscribe(event: string, listener: () => void) {
          busListeners.set(event, [...(busListeners.get(event) ?? []), listener]);
          return subscription;
        },
      }),
    },
    agent(listener: Listener<connect.Agent>) {
      agentListeners.push(listener);
      return subscription;
    },
    contact(listener: Listener<connect.Contact>) {
      contactListeners.push(listener);
      return subscription;
    },
  } as unknown as Streams;

  return {
    streams,
    initCalls,
    signIn(_name, state) {
      agentState = state;
      for (const listener of agentListeners) listener(agent);
    },
    changeState(state) {
      const oldState = agentState;
      agentState = state;
      for (const listener of stateListeners) listener({ agent, oldState, newState: state });
    },
    ackTimeout() {
      for (const listener of busListeners.get("ack_timeout") ?? []) listener();
    },
    ring(attributes, type = "voice") {
      let current = attributes;
      const on = {
        connected: [] as Array<Listener<connect.Contact>>,
        refresh: [] as Array<Listener<connect.Contact>>,
        ended: [] as Array<Listener<connect.Contact>>,
      };
      const contact = {
        getContactId: () => "contact-1",
        getType: () => type,
        getAttributes: () =>
          Object.fromEntries(Object.entries(current).map(([name, value]) => [name, { name, value }])),
        onConnected: (l: Listener<connect.Contact>) => (on.connected.push(l), subscription),
        onRefresh: (l: Listener<connect.Contact>) => (on.refresh.push(l), subscription),
        onEnded: (l: Listener<connect.Contact>) => (on.ended.push(l), subscription),
      } as unknown as connect.Contact;
      for (const listener of contactListeners) listener(contact);
      return {
        connect: () => on.connected.forEach((l) => l(contact)),
        refresh(next) {
          current = next;
          on.refresh.forEach((l) => l(contact));
        },
        end: () => on.ended.forEach((l) => l(contact)),
      };
    },
  };
}
