import type { ActionView, ConditionEntry, ErrorEntry, TransitionEdge } from "./types";
import { isObject } from "./values";

/** Build the rule-facing view of `Actions`; malformed parts become empty lists (flow-structure reports them). */
export function buildActionViews(flow: Readonly<Record<string, unknown>>): ActionView[] {
  const actions = Array.isArray(flow["Actions"]) ? (flow["Actions"] as unknown[]) : [];
  return actions.map((raw, index) => viewOf(raw, index));
}

function viewOf(raw: unknown, index: number): ActionView {
  const path = `Actions[${index}]`;
  const action = isObject(raw) ? raw : {};
  const transitions = isObject(action["Transitions"]) ? action["Transitions"] : undefined;
  const edges: TransitionEdge[] = [];
  const errors: ErrorEntry[] = [];
  const conditions: ConditionEntry[] = [];
  if (transitions !== undefined) {
    if (transitions["NextAction"] !== undefined) {
      edges.push({
        kind: "NextAction",
        target: transitions["NextAction"],
        path: `${path}.Transitions.NextAction`,
      });
    }
    listOf(transitions["Errors"]).forEach((entry, i) => {
      const at = `${path}.Transitions.Errors[${i}]`;
      const e = isObject(entry) ? entry : {};
      errors.push({ errorType: e["ErrorType"], path: at });
      edges.push({ kind: "Error", target: e["NextAction"], path: `${at}.NextAction` });
    });
    listOf(transitions["Conditions"]).forEach((entry, i) => {
      const at = `${path}.Transitions.Conditions[${i}]`;
      const c = isObject(entry) ? entry : {};
      const condition = isObject(c["Condition"]) ? c["Condition"] : {};
      conditions.push({ operator: condition["Operator"], operands: condition["Operands"], path: at });
      edges.push({ kind: "Condition", target: c["NextAction"], path: `${at}.NextAction` });
    });
  }
  return {
    index,
    path,
    identifier: typeof action["Identifier"] === "string" ? action["Identifier"] : undefined,
    type: typeof action["Type"] === "string" ? action["Type"] : undefined,
    parameters: isObject(action["Parameters"]) ? action["Parameters"] : {},
    hasParameters: Object.prototype.hasOwnProperty.call(action, "Parameters"),
    transitions,
    edges,
    errors,
    conditions,
  };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Identifier → action, first occurrence wins. */
export function actionsById(actions: readonly ActionView[]): Map<string, ActionView> {
  const map = new Map<string, ActionView>();
  for (const a of actions) if (a.identifier !== undefined && !map.has(a.identifier)) map.set(a.identifier, a);
  return map;
}

/** Location fields of a report about action `a` (path plus Identifier when known). */
export function located(a: ActionView, path: string = a.path): { path: string; action?: string } {
  return a.identifier === undefined ? { path } : { path, action: a.identifier };
}

/** Identifiers reachable from `start` over all transition edges (including `start`). */
export function reachableFrom(start: string, byId: ReadonlyMap<string, ActionView>): Set<string> {
  const seen = new Set<string>(byId.has(start) ? [start] : []);
  const queue = [...seen];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of byId.get(id)?.edges ?? []) {
      if (typeof edge.target === "string" && byId.has(edge.target) && !seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen;
}
