import type { Applied } from "../../lambda/callback_status/callback-store";
import { readContactEvent } from "../../lambda/callback_status/contact-event";
import { handlerFor, type Outcome } from "../../lambda/callback_status/index";
import {
  CALLBACK_STATES,
  predecessors,
  transitionFor,
  type Transition,
} from "../../lambda/callback_status/lifecycle";
import {
  CALLBACK_CONTACT_ID,
  callbackEvent,
  REQUEST_CONTACT_ID,
  type CallbackEventKind,
} from "./support/callback-events";

const NOW = new Date("2026-11-25T12:00:00Z");

function mapped(event: unknown) {
  const read = readContactEvent(event);
  if (!read.ok) throw new Error(read.reason);
  return transitionFor(read.event, NOW);
}

describe("reading a contact event", () => {
  it("reads the fields the lifecycle needs from the documented shape, nothing of the customer", () => {
    const read = readContactEvent(callbackEvent("answered"));
    expect(read).toStrictEqual({
      ok: true,
      event: {
        eventType: "DISCONNECTED",
        contactId: CALLBACK_CONTACT_ID,
        initiationMethod: "CALLBACK",
        previousContactId: REQUEST_CONTACT_ID,
        initialContactId: REQUEST_CONTACT_ID,
        connectedToAgentAt: "2026-11-25T10:21:13.000Z",
        connectedToSystemAt: "2026-11-25T10:21:31.000Z",
        disconnectedAt: "2026-11-25T10:26:39.000Z",
        disconnectReason: undefined,
        time: "2026-11-25T10:26:40Z",
      },
    });
  });

  it("treats the epoch Connect fills unset timestamps with as unset", () => {
    const event = callbackEvent("answered");
    event.detail.connectedToSystemTimestamp = "1970-01-01T00:00:00.001Z";
    const read = readContactEvent(event);
    expect(read.ok && read.event.connectedToSystemAt).toBeUndefined();
  });

  it.each([
    ["a string", "CUSTOMER_DISCONNECT", "CUSTOMER_DISCONNECT"],
    ["an object", { code: "EXPIRED" }, "EXPIRED"],
    ["not a code", "+447700900123", undefined],
  ])("keeps a disconnect reason given as %s only when it is a code", (_, value, expected) => {
    const event = callbackEvent("expired");
    event.detail.disconnectReason = value;
    const read = readContactEvent(event);
    expect(read.ok && read.event.disconnectReason).toBe(expected);
  });

  it.each([
    [null, "no detail object"],
    [{ detail: {} }, "detail.eventType missing"],
    [{ detail: { eventType: "QUEUED" } }, "detail.contactId missing"],
    [{ detail: { eventType: "QUEUED", contactId: "c" } }, "detail.initiationMethod missing"],
  ])("says why %p cannot be read", (event, reason) => {
    expect(readContactEvent(event)).toStrictEqual({ ok: false, reason });
  });
});

describe("the lifecycle", () => {
  it("only ever moves up: each state's predecessors rank below it, and the endings tie", () => {
    expect(predecessors("PENDING")).toStrictEqual([]);
    expect(predecessors("CREATED")).toStrictEqual(["PENDING"]);
    expect(predecessors("DIALLED")).toStrictEqual(["PENDING", "CREATED", "QUEUED"]);
    expect(predecessors("FAILED")).toStrictEqual(["PENDING", "CREATED", "QUEUED", "DIALLED"]);
    expect(predecessors("EXPIRED")).toStrictEqual(predecessors("FAILED"));
    expect(predecessors("DONE")).toStrictEqual([
      "PENDING",
      "CREATED",
      "QUEUED",
      "DIALLED",
      "EXPIRED",
      "FAILED",
    ]);
    for (const state of CALLBACK_STATES) expect(predecessors(state)).not.toContain(state);
  });

  it.each<[CallbackEventKind, string, string]>([
    ["initiated", "CREATED", "2026-11-25T10:14:02Z"],
    ["queued", "QUEUED", "2026-11-25T10:14:07Z"],
    ["connected", "DIALLED", "2026-11-25T10:21:14Z"],
    ["answered", "DONE", "2026-11-25T10:26:40Z"],
    ["completed", "DONE", "2026-11-25T10:27:10Z"],
    ["unanswered", "FAILED", "2026-11-25T10:26:40Z"],
    ["expired", "EXPIRED", "2026-11-25T10:26:40Z"],
  ])("maps %s to %s for the requesting contact's record", (kind, to, at) => {
    const mapping = mapped(callbackEvent(kind));
    expect(mapping.kind === "transition" && mapping.transition).toMatchObject({
      requestIds: [REQUEST_CONTACT_ID],
      to,
      callbackContactId: CALLBACK_CONTACT_ID,
      at,
    });
  });

  it("tries the previous contact first, then the initial one, never the callback contact itself", () => {
    const event = callbackEvent("queued");
    event.detail.previousContactId = "earlier-callback-leg";
    const mapping = mapped(event);
    expect(mapping.kind === "transition" && mapping.transition.requestIds).toStrictEqual([
      "earlier-callback-leg",
      REQUEST_CONTACT_ID,
    ]);
    event.detail.previousContactId = CALLBACK_CONTACT_ID;
    event.detail.initialContactId = CALLBACK_CONTACT_ID;
    expect(mapped(event)).toStrictEqual({ kind: "ignored", reason: "no previous or initial contact id" });
  });

  it("takes the handler's clock when the envelope has no time", () => {
    const event = callbackEvent("queued");
    delete event.time;
    const mapping = mapped(event);
    expect(mapping.kind === "transition" && mapping.transition.at).toBe(NOW.toISOString());
  });

  it.each([
    ["another initiation method", { initiationMethod: "INBOUND" }, "initiationMethod INBOUND"],
    [
      "a customer-first callback leg",
      { initiationMethod: "CALLBACK_CUSTOMER_FIRST_DIALED" },
      "initiationMethod CALLBACK_CUSTOMER_FIRST_DIALED",
    ],
    [
      "an event outside the lifecycle",
      { eventType: "CONTACT_DATA_UPDATED" },
      "eventType CONTACT_DATA_UPDATED",
    ],
  ])("ignores %s", (_, change, reason) => {
    const event = callbackEvent("queued");
    Object.assign(event.detail, change);
    expect(mapped(event)).toStrictEqual({ kind: "ignored", reason });
  });
});

describe("the handler", () => {
  function run(applied: Applied) {
    const applies: Transition[] = [];
    const lines: string[] = [];
    const logs: unknown[] = [];
    const handler = handlerFor({
      store: { apply: async (t) => (applies.push(t), applied) },
      namespace: "It/ContactRecords",
      logger: { info: (...a: unknown[]) => logs.push(a), warn: (...a: unknown[]) => logs.push(a) },
      writeMetric: (line) => lines.push(line),
      now: () => NOW,
    });
    return { handler, applies, lines, logs };
  }

  it("applies the move and counts its outcome as one EMF line, logging ids only", async () => {
    const { handler, applies, lines, logs } = run({ outcome: "advanced", requestId: REQUEST_CONTACT_ID });
    expect(await handler(callbackEvent("connected"))).toBe<Outcome>("advanced");
    expect(applies.map((t) => t.to)).toStrictEqual(["DIALLED"]);
    expect(lines.map((l) => JSON.parse(l))).toStrictEqual([
      {
        _aws: {
          Timestamp: NOW.getTime(),
          CloudWatchMetrics: [
            {
              Namespace: "It/ContactRecords",
              Dimensions: [["Outcome"]],
              Metrics: [{ Name: "CallbackStatusEvents", Unit: "Count" }],
            },
          ],
        },
        Outcome: "advanced",
        CallbackStatusEvents: 1,
      },
    ]);
    expect(JSON.stringify(logs)).toContain(REQUEST_CONTACT_ID);
    expect(JSON.stringify(logs)).not.toMatch(/\+?\d{10,}/);
  });

  it("counts an event for a contact without a record as unmatched", async () => {
    const { handler, lines } = run({ outcome: "unmatched" });
    expect(await handler(callbackEvent("queued"))).toBe<Outcome>("unmatched");
    expect(JSON.parse(lines[0]!).Outcome).toBe("unmatched");
  });

  it("counts unusable events as ignored without touching the table", async () => {
    const { handler, applies, lines } = run({ outcome: "advanced", requestId: "x" });
    const inbound = callbackEvent("queued");
    inbound.detail.initiationMethod = "INBOUND";
    expect(await handler(inbound)).toBe<Outcome>("ignored");
    expect(await handler({ detail: null })).toBe<Outcome>("ignored");
    expect(applies).toStrictEqual([]);
    expect(lines.map((l) => JSON.parse(l).Outcome)).toStrictEqual(["ignored", "ignored"]);
  });

  it("lets a store failure escape, so Lambda retries the event and then dead-letters it", async () => {
    const lines: string[] = [];
    const handler = handlerFor({
      store: { apply: async () => Promise.reject(new Error("ProvisionedThroughputExceededException")) },
      namespace: "n",
      logger: { info: () => undefined, warn: () => undefined },
      writeMetric: (line) => lines.push(line),
      now: () => NOW,
    });
    await expect(handler(callbackEvent("queued"))).rejects.toThrow("ProvisionedThroughputExceededException");
    expect(lines).toStrictEqual([]);
  });
});
