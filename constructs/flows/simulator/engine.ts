import type { FlowSet, SimAction, SimFlow } from "./flow-set";
import { conditionLabel, DIALABLE, matches, NEXT } from "./branches";
import type { Scenario, Step } from "./scenario";

export { branchesOf } from "./branches";

/**
 * Walks a scenario through the flow set offline, block by block, the way Connect runs it: it
 * follows transitions, conditions and errors, enters modules and transferred flows and keeps
 * contact attributes. Whatever the flows wait for (caller input, a Lambda's answer) comes from
 * the scenario's steps in order; a missing, unused or mismatched step is an error naming it.
 */

/** One block run: where, what, and which branch it left by. */
export interface PathStep {
  readonly flow: string;
  readonly id: string;
  readonly type: string;
  /** `next`, `Equals 1` (a condition) or an ErrorType. */
  readonly branch: string;
  /** 1-based scenario step the block consumed. */
  readonly step?: number;
}

export interface LexRequest {
  readonly at: string;
  readonly sessionAttributes: Readonly<Record<string, string>>;
}

/** Stands in for $.ContactId and $.InitialContactId: the walk has one contact. */
export const SIMULATED_CONTACT_ID = "simulated-contact";

export type Outcome =
  | { readonly kind: "queue"; readonly queue: string; readonly priority?: number }
  | { readonly kind: "callback"; readonly queue: string }
  | { readonly kind: "disconnect" }
  | { readonly kind: "end" }
  /** The scenario's stopAt block was reached (e.g. a caller still waiting in queue). */
  | { readonly kind: "stopped"; readonly at: string };

export interface Run {
  readonly path: readonly PathStep[];
  readonly outcome: Outcome;
  readonly attributes: Readonly<Record<string, string>>;
  /** Texts played or sent, in order. */
  readonly prompts: readonly string[];
  /** `operation` of each Lambda call, in order. */
  readonly lambdaOperations: readonly string[];
  /** What each Lambda call sent (LambdaInvocationAttributes, resolved), in order. */
  readonly lambdaCalls: readonly Readonly<Record<string, string>>[];
  /** Tasks created (CreateTask), in order: the flow each task runs. */
  readonly tasks: readonly string[];
  /** Session attributes each Lex block sent the bot, in order (`flow/Identifier`). */
  readonly lexRequests: readonly LexRequest[];
  /** Scenario faults whose block never ran (`flow/Identifier`). */
  readonly unusedFaults: readonly string[];
}

/** A walk that could not continue; carries the path so far. */
export class SimulationError extends Error {
  constructor(
    message: string,
    readonly path: readonly PathStep[],
  ) {
    super(message);
    this.name = "SimulationError";
  }
}

const MAX_BLOCKS = 500;

interface Frame {
  readonly flow: SimFlow;
  /** Where to continue in the caller when this (module) frame ends. */
  readonly returnTo?: { readonly frame: Frame; readonly next: string };
}

export function simulate(flows: FlowSet, scenario: Scenario): Run {
  const path: PathStep[] = [];
  const attributes: Record<string, string> = { ...scenario.attributes };
  const prompts: string[] = [];
  const lambdaOperations: string[] = [];
  const lambdaCalls: Record<string, string>[] = [];
  const lexRequests: LexRequest[] = [];
  const tasks: string[] = [];
  const loops = new Map<string, number>();
  const faultsLeft = new Map(Object.entries(scenario.faults));
  let stepIndex = 0;
  let external: Record<string, string> = {};
  let lex: { intent: string; slots: Record<string, string>; session: Record<string, string> } | undefined;
  let stored: string | undefined;
  let targetQueue: string | undefined = scenario.queue;
  let priority: number | undefined;
  let callbackNumber: string | undefined;
  let callbackQueue: string | undefined;

  const fail = (message: string): never => {
    throw new SimulationError(message, path);
  };
  const flowNamed = (name: string): SimFlow =>
    flows.get(name) ?? fail(`no flow "${name}" (flows: ${[...flows.keys()].join(", ")})`);

  let frame: Frame = { flow: flowNamed(scenario.entry) };
  let id: string = frame.flow.startAction;

  const where = (action: SimAction) => `${frame.flow.name}/${action.Identifier} (${action.Type})`;
  const takeStep = (action: SimAction, kinds: readonly (keyof Step)[]): { step: Step; number: number } => {
    const step = scenario.steps[stepIndex];
    const number = stepIndex + 1;
    if (step === undefined)
      return fail(`${where(action)} waits for ${kinds.join(" or ")}, but the scenario has no step ${number}`);
    const kind = (["dtmf", "noInput", "lex", "lambda", "error"] as const).find((k) => step[k] !== undefined);
    if (kind === undefined || !kinds.includes(kind))
      return fail(
        `step ${number} is ${kind ?? "empty"}, but ${where(action)} waits for ${kinds.join(" or ")}`,
      );
    if (
      step.at !== undefined &&
      step.at !== action.Identifier &&
      step.at !== `${frame.flow.name}/${action.Identifier}`
    )
      return fail(`step ${number} is for ${step.at}, but the contact is at ${where(action)}`);
    stepIndex++;
    return { step, number };
  };
  const resolve = (value: unknown): string => {
    if (typeof value !== "string" || !value.startsWith("$.")) return String(value);
    const [root = "", rest = ""] = value.slice(2).split(/\.(.*)/s);
    if (root === "Attributes") return attributes[rest] ?? "";
    if (root === "External") return external[rest] ?? "";
    if (root === "StoredCustomerInput" && rest === "") return stored ?? "";
    if (value === "$.CustomerEndpoint.Address") return scenario.caller ?? "";
    if (value === "$.Channel") return scenario.channel;
    if (value === "$.ContactId" || value === "$.InitialContactId") return SIMULATED_CONTACT_ID;
    if (root === "Lex") {
      if (rest === "IntentName") return lex?.intent ?? "";
      if (rest.startsWith("Slots.")) return lex?.slots[rest.slice(6)] ?? "";
      if (rest.startsWith("SessionAttributes.")) return lex?.session[rest.slice(18)] ?? "";
    }
    return fail(`JSONPath ${value} is not modelled by the simulator`);
  };
  const onError = (action: SimAction, errorType: string): string =>
    action.Transitions.Errors?.find((e) => e.ErrorType === errorType)?.NextAction ??
    fail(`${where(action)} needs its ${errorType} branch, but has none`);
  const onNext = (action: SimAction): string =>
    action.Transitions.NextAction ?? fail(`${where(action)} has no NextAction`);
  /** First condition that matches `value`, else the fallback error branch. */
  const byCondition = (
    action: SimAction,
    value: string,
    fallback: string,
  ): { next: string; branch: string } => {
    for (const c of action.Transitions.Conditions ?? []) {
      const operand = c.Condition.Operands[0] ?? "";
      if (matches(c.Condition.Operator, operand, value))
        return { next: c.NextAction, branch: conditionLabel(c.Condition) };
    }
    return { next: onError(action, fallback), branch: fallback };
  };
  const staffedIn = (queue: string): number => {
    const count = scenario.staffed[queue] ?? scenario.staffed["default"];
    return (
      count ??
      fail(
        `the scenario does not say how many agents staff ${queue} (add staffed.${queue} or staffed.default)`,
      )
    );
  };
  const finish = (outcome: Outcome): Run => ({
    path,
    outcome,
    attributes,
    prompts,
    lambdaOperations,
    lambdaCalls,
    lexRequests,
    tasks,
    unusedFaults: [...faultsLeft.keys()],
  });

  for (;;) {
    if (path.length >= MAX_BLOCKS) fail(`over ${MAX_BLOCKS} blocks run: the contact is looping`);
    const action = frame.flow.byId.get(id) ?? fail(`${frame.flow.name} has no action "${id}"`);
    const p = action.Parameters;
    let branch = NEXT;
    let consumed: number | undefined;
    let next: string | undefined;
    const key = `${frame.flow.name}/${action.Identifier}`;
    if (scenario.stopAt?.at === key) {
      const visit = path.filter((s) => `${s.flow}/${s.id}` === key).length + 1;
      if (visit === scenario.stopAt.visit) return finish({ kind: "stopped", at: key });
    }
    const record = () =>
      path.push({
        flow: frame.flow.name,
        id: action.Identifier,
        type: action.Type,
        branch,
        ...(consumed ? { step: consumed } : {}),
      });

    // A fault fails the block's first run only, so a retry path can be walked to success.
    const fault = faultsLeft.get(key);
    if (fault !== undefined) {
      faultsLeft.delete(key);
      branch = fault;
      record();
      id = onError(action, fault);
      continue;
    }
    switch (action.Type) {
      case "MessageParticipant":
      case "MessageParticipantIteratively": {
        const texts =
          action.Type === "MessageParticipant"
            ? [p["Text"] ?? p["SSML"]]
            : ((p["Messages"] as Record<string, unknown>[] | undefined) ?? []).map(
                (m) => m["Text"] ?? m["SSML"],
              );
        for (const t of texts) if (t !== undefined) prompts.push(resolve(t));
        if (action.Type === "MessageParticipant") next = onNext(action);
        // The loop runs until InterruptFrequencySeconds elapses: MessagesInterrupted.
        else ({ next, branch } = byCondition(action, "MessagesInterrupted", "NoMatchingError"));
        break;
      }
      case "UpdateFlowLoggingBehavior":
      case "UpdateContactTextToSpeechVoice":
      case "UpdateContactRecordingBehavior":
      case "UpdateContactRecordingAndAnalyticsBehavior":
      case "UpdateContactEventHooks":
      case "UpdateContactData":
      case "TagContact":
        next = onNext(action);
        break;
      case "UpdateContactAttributes":
        for (const [k, v] of Object.entries((p["Attributes"] ?? {}) as Record<string, unknown>))
          attributes[k] = resolve(v);
        next = onNext(action);
        break;
      case "UpdateContactTargetQueue":
        targetQueue = labelOf(resolve(p["QueueId"] ?? p["AgentId"]), "queue");
        next = onNext(action);
        break;
      case "UpdateContactRoutingBehavior":
        if (p["QueuePriority"] !== undefined) priority = Number(resolve(p["QueuePriority"]));
        next = onNext(action);
        break;
      case "UpdateContactCallbackNumber": {
        const number = resolve(p["CallbackNumber"]);
        if (DIALABLE.test(number)) {
          callbackNumber = number;
          next = onNext(action);
        } else {
          branch = "InvalidCallbackNumber";
          next = onError(action, branch);
        }
        break;
      }
      case "CreateCallbackContact":
        if (callbackNumber === undefined)
          fail(`${where(action)} creates a callback, but no callback number was set`);
        callbackQueue = p["QueueId"] !== undefined ? labelOf(resolve(p["QueueId"]), "queue") : targetQueue;
        next = onNext(action);
        break;
      case "CreateTask":
        tasks.push(labelOf(resolve(p["ContactFlowId"]), "flow"));
        next = onNext(action);
        break;
      case "CheckHoursOfOperation":
        ({ next, branch } = byCondition(
          action,
          scenario.hours === "open" ? "True" : "False",
          "NoMatchingError",
        ));
        break;
      case "CheckMetricData": {
        const metric = String(p["MetricType"]);
        if (
          metric !== "NumberOfAgentsStaffed" &&
          metric !== "NumberOfAgentsAvailable" &&
          metric !== "NumberOfAgentsOnline"
        )
          fail(`${where(action)}: metric ${metric} is not modelled`);
        const queue = p["QueueId"] !== undefined ? labelOf(resolve(p["QueueId"]), "queue") : targetQueue;
        if (queue === undefined) fail(`${where(action)} checks the target queue, but none is set`);
        ({ next, branch } = byCondition(action, String(staffedIn(queue ?? "")), "NoMatchingCondition"));
        break;
      }
      case "Compare":
        ({ next, branch } = byCondition(action, resolve(p["ComparisonValue"]), "NoMatchingCondition"));
        break;
      case "DistributeByPercentage": {
        // Connect draws a number from 1 to 100 per contact; the scenario states it.
        const draw =
          scenario.draw ??
          fail(`${where(action)} splits callers by percentage: state the caller's draw (draw: 1-100)`);
        ({ next, branch } = byCondition(action, String(draw), "NoMatchingCondition"));
        break;
      }
      case "Loop": {
        const count = (loops.get(key) ?? 0) + 1;
        const done = count > Number(resolve(p["LoopCount"]));
        loops.set(key, done ? 0 : count);
        ({ next, branch } = byCondition(
          action,
          done ? "DoneLooping" : "ContinueLooping",
          "NoMatchingCondition",
        ));
        break;
      }
      case "GetParticipantInput": {
        const stores = p["StoreInput"] === "True";
        const { step, number } = takeStep(action, ["dtmf", "noInput", "error"]);
        consumed = number;
        const prompt = p["Text"] ?? p["SSML"];
        if (prompt !== undefined) prompts.push(resolve(prompt));
        if (step.error !== undefined) {
          branch = step.error;
          next = onError(action, step.error);
        } else if (scenario.channel !== "VOICE") {
          // Voice only (reference page): other channels take the error branch.
          branch = "NoMatchingError";
          next = onError(action, branch);
        } else if (stores) {
          // A timeout is the success path with "Timeout" (Store customer input).
          stored = step.noInput ? "Timeout" : (step.dtmf ?? "");
          const phone = (p["InputValidation"] as Record<string, unknown> | undefined)?.[
            "PhoneNumberValidation"
          ];
          if (phone !== undefined && stored !== "Timeout" && !DIALABLE.test(stored)) {
            branch = "InvalidPhoneNumber";
            next = onError(action, branch);
          } else next = onNext(action);
        } else if (step.noInput) {
          branch = "InputTimeLimitExceeded";
          next = onError(action, branch);
        } else {
          if ((step.dtmf ?? "").length !== 1)
            fail(`step ${number}: ${where(action)} is a menu and takes one key, got "${step.dtmf ?? ""}"`);
          ({ next, branch } = byCondition(action, step.dtmf ?? "", "NoMatchingCondition"));
        }
        break;
      }
      case "ConnectParticipantWithLexBot": {
        const { step, number } = takeStep(action, ["lex", "noInput", "error"]);
        consumed = number;
        const sent = (p["LexSessionAttributes"] ?? {}) as Record<string, unknown>;
        lexRequests.push({
          at: key,
          sessionAttributes: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, resolve(v)])),
        });
        const text = p["Text"] ?? p["SSML"];
        if (text !== undefined) prompts.push(resolve(text));
        if (step.error !== undefined) {
          branch = step.error;
          next = onError(action, step.error);
        } else if (step.noInput) {
          branch = "InputTimeLimitExceeded";
          next = onError(action, branch);
        } else {
          const answer = step.lex ?? fail(`step ${number} has no lex answer`);
          lex = {
            intent: answer.intent,
            slots: { ...answer.slots },
            session: { ...answer.sessionAttributes },
          };
          if (answer.error !== undefined) {
            branch = answer.error;
            next = onError(action, answer.error);
          } else ({ next, branch } = byCondition(action, answer.intent, "NoMatchingCondition"));
        }
        break;
      }
      case "InvokeLambdaFunction": {
        const { step, number } = takeStep(action, ["lambda", "error"]);
        consumed = number;
        const sent = (p["LambdaInvocationAttributes"] ?? {}) as Record<string, unknown>;
        const operation = sent["operation"];
        lambdaOperations.push(operation === undefined ? String(p["LambdaFunctionARN"]) : resolve(operation));
        lambdaCalls.push(Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, resolve(v)])));
        if (step.lambda === "error" || step.error !== undefined) {
          branch = step.error ?? "NoMatchingError";
          next = onError(action, branch);
        } else {
          external = { ...(step.lambda ?? {}) };
          next = onNext(action);
        }
        break;
      }
      case "InvokeFlowModule": {
        const module = labelOf(resolve(p["FlowModuleId"]), "module");
        record();
        frame = { flow: flowNamed(module), returnTo: { frame, next: onNext(action) } };
        id = frame.flow.startAction;
        continue;
      }
      case "EndFlowModuleExecution": {
        branch = "return";
        record();
        const back = frame.returnTo ?? fail(`${where(action)} ends a module that was not invoked`);
        frame = back.frame;
        id = back.next;
        continue;
      }
      case "TransferToFlow": {
        const target = labelOf(resolve(p["ContactFlowId"]), "flow");
        branch = "transferred";
        record();
        frame = { flow: flowNamed(target) };
        id = frame.flow.startAction;
        continue;
      }
      case "TransferContactToQueue": {
        if (targetQueue === undefined) {
          branch = "NoMatchingError";
          next = onError(action, branch);
        } else if (scenario.atCapacity.includes(targetQueue)) {
          branch = "QueueAtCapacity";
          next = onError(action, branch);
        } else {
          branch = "queued";
          record();
          return finish({
            kind: "queue",
            queue: targetQueue,
            ...(priority === undefined ? {} : { priority }),
          });
        }
        break;
      }
      case "DisconnectParticipant":
      case "EndFlowExecution":
        branch = "end";
        record();
        if (callbackQueue !== undefined) return finish({ kind: "callback", queue: callbackQueue });
        return finish(action.Type === "DisconnectParticipant" ? { kind: "disconnect" } : { kind: "end" });
      default:
        fail(`${where(action)}: block type ${action.Type} is not modelled by the simulator`);
    }
    record();
    id = next ?? fail(`${where(action)} left no next action`);
  }

  function labelOf(value: string, kind: string): string {
    const prefix = `${kind}:`;
    return value.startsWith(prefix)
      ? value.slice(prefix.length)
      : fail(`expected a ${kind} reference, got "${value}"`);
  }
}

/** Every unused step is an error: the scenario expected the contact to wait for it. */
export function unusedSteps(scenario: Scenario, run: Run): number[] {
  const used = new Set(run.path.flatMap((s) => (s.step === undefined ? [] : [s.step])));
  return scenario.steps.map((_, i) => i + 1).filter((n) => !used.has(n));
}

/** The path as people read it: one line per block. */
export function formatPath(path: readonly PathStep[]): string {
  return path
    .map(
      (s, i) =>
        `  ${String(i + 1).padStart(3)}. ${s.flow} / ${s.id} [${s.type}] -> ${s.branch}${s.step ? `  (step ${s.step})` : ""}`,
    )
    .join("\n");
}
