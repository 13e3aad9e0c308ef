import type { FlowType } from "../../types";
import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { actionsById, located, reachableFrom } from "../model";

/** Actions after which this flow stops running on success (the contact leaves the flow). */
const EXITS = new Set([
  "TransferToFlow",
  "TransferContactToQueue",
  "DequeueContactAndTransferToQueue",
  "TransferParticipantToThirdParty",
]);
/** Queue and hold flows loop until an agent answers; an endless loop is their normal shape. */
const LOOPING_FLOW_TYPES: readonly FlowType[] = ["CUSTOMER_QUEUE", "CUSTOMER_HOLD", "AGENT_HOLD"];

export const rule = defineRule({
  id: "no-path-to-end",
  meta: {
    description:
      "From every reachable action some path leads to a terminal or transfer action (no closed loops), except in queue and hold flows.",
    messages: {
      trapped: 'No path from "{{id}}" reaches an ending or transfer action; the contact would loop forever',
    },
  },
  check({ flow, actions, flowType, report }) {
    if (LOOPING_FLOW_TYPES.includes(flowType)) return;
    const byId = actionsById(actions);
    const start = flow["StartAction"];
    if (typeof start !== "string" || !byId.has(start)) return;
    // Backwards search from every ending action over reversed edges.
    const incoming = new Map<string, string[]>();
    for (const a of actions) {
      for (const edge of a.edges) {
        if (a.identifier === undefined || typeof edge.target !== "string") continue;
        incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), a.identifier]);
      }
    }
    const canEnd = new Set<string>();
    const queue: string[] = [];
    for (const a of actions) {
      const spec = specFor(a.type);
      const ends =
        spec === undefined ||
        spec.terminal === true ||
        spec.nextActionOptional === true ||
        EXITS.has(a.type ?? "");
      if (ends && a.identifier !== undefined) {
        canEnd.add(a.identifier);
        queue.push(a.identifier);
      }
    }
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const from of incoming.get(id) ?? []) {
        if (!canEnd.has(from)) {
          canEnd.add(from);
          queue.push(from);
        }
      }
    }
    const reachable = reachableFrom(start, byId);
    for (const a of actions) {
      if (a.identifier !== undefined && reachable.has(a.identifier) && !canEnd.has(a.identifier)) {
        report({ messageId: "trapped", data: { id: a.identifier }, ...located(a) });
      }
    }
  },
});
