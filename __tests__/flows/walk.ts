import { encryptLikeConnect } from "../lambda/support/connect-encryption";

/**
 * Walks one contact through a rendered flow the way Amazon Connect runs it, for the blocks the
 * voice flows use, so tests can check journeys (not just shapes) against the real Lambda.
 *
 * A storing prompt with InputEncryption stores what Connect would: the digits encrypted with the
 * block's Key under its EncryptionKeyId (AWS Encryption SDK). Only Equals conditions are modelled, and an unknown JSONPath or block type throws: a test
 * must fail loudly rather than walk a branch Connect would not take.
 */

/** Keyed input for one GetParticipantInput prompt: digits, or what happened instead. */
export type Keyed = string | typeof NO_INPUT | { readonly error: string };

/**
 * Caller keyed nothing. A storing prompt then takes its success branch with the value
 * "Timeout" (Store customer input docs); a menu prompt takes InputTimeLimitExceeded.
 */
export const NO_INPUT = Symbol("no input");

export type FlowResponse = Readonly<Record<string, string>>;

export interface WalkOptions {
  /** Answers per GetParticipantInput Identifier, used in order; running out is an error. */
  readonly keyed?: Readonly<Record<string, readonly Keyed[]>>;
  /** The Lambda behind every InvokeLambdaFunction block, given the ContactFlowEvent. */
  readonly invoke?: (event: Record<string, unknown>) => Promise<FlowResponse>;
  /** Contact attributes when the flow starts. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** `$.StoredCustomerInput` left by an earlier flow of the same contact. */
  readonly storedInput?: string;
  /** Caller's number (`$.CustomerEndpoint.Address`). */
  readonly callerNumber?: string;
}

export interface WalkStep {
  readonly id: string;
  readonly type: string;
  /** Flow logging when the block ran (UpdateFlowLoggingBehavior); contact flows start logged. */
  readonly logging: "Enabled" | "Disabled";
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface Invocation {
  readonly parameters: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, string>>;
  readonly response: FlowResponse;
}

export interface Walk {
  readonly steps: readonly WalkStep[];
  readonly ids: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly invocations: readonly Invocation[];
  /** Set by UpdateContactCallbackNumber. */
  readonly callbackNumber: string | undefined;
}

interface Action {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters?: Record<string, unknown>;
  readonly Transitions: {
    readonly NextAction?: string;
    readonly Errors?: readonly { readonly ErrorType: string; readonly NextAction: string }[];
    readonly Conditions?: readonly {
      readonly NextAction: string;
      readonly Condition: { readonly Operator: string; readonly Operands: readonly string[] };
    }[];
  };
}

/** Blocks that end (or hand off) this flow's part of the contact. */
const TERMINAL = new Set([
  "DisconnectParticipant",
  "EndFlowExecution",
  "EndFlowModuleExecution",
  "TransferToFlow",
  "TransferContactToQueue",
]);
/** Blocks whose only outcome here is their NextAction. */
const PASS_THROUGH = new Set([
  "MessageParticipant",
  "CreateCallbackContact",
  "UpdateContactTargetQueue",
  "UpdateContactEventHooks",
  "UpdateContactTextToSpeechVoice",
  "UpdateContactRecordingBehavior",
]);
export const CONTACT_ID = "7d2f9a4e-1b3c-4d5e-8f60-718293a4b5c6";
const DIALABLE = /^\+?\d{7,15}$/;
const MAX_STEPS = 200;

export async function walkFlow(content: string, options: WalkOptions = {}): Promise<Walk> {
  const flow = JSON.parse(content) as { StartAction: string; Actions: Action[] };
  const byId = new Map(flow.Actions.map((a) => [a.Identifier, a]));
  const keyed = new Map(Object.entries(options.keyed ?? {}).map(([id, list]) => [id, [...list]]));
  const attributes: Record<string, string> = { ...options.attributes };
  const loops = new Map<string, number>();
  const steps: WalkStep[] = [];
  const invocations: Invocation[] = [];
  let external: FlowResponse = {};
  let stored = options.storedInput;
  let logging: WalkStep["logging"] = "Enabled";
  let callbackNumber: string | undefined;

  const resolve = (value: unknown): string => {
    if (typeof value !== "string" || !value.startsWith("$.")) return String(value);
    const [root = "", key = ""] = value.slice(2).split(/\.(.*)/s);
    if (root === "StoredCustomerInput" && key === "") return stored ?? "";
    if (root === "Attributes") return attributes[key] ?? "";
    if (root === "External") return external[key] ?? "";
    if (value === "$.CustomerEndpoint.Address") return options.callerNumber ?? "";
    throw new Error(`walkFlow: JSONPath ${value} is not modelled`);
  };
  const onError = (action: Action, type: string): string => {
    const target = action.Transitions.Errors?.find((e) => e.ErrorType === type)?.NextAction;
    if (target === undefined) throw new Error(`walkFlow: ${action.Identifier} has no ${type} branch`);
    return target;
  };
  const onEquals = (action: Action, value: string): string | undefined =>
    action.Transitions.Conditions?.find(
      (c) => c.Condition.Operator === "Equals" && c.Condition.Operands[0] === value,
    )?.NextAction;
  const next = (action: Action): string => {
    const target = action.Transitions.NextAction;
    if (target === undefined) throw new Error(`walkFlow: ${action.Identifier} has no NextAction`);
    return target;
  };

  let id: string | undefined = flow.StartAction;
  while (id !== undefined) {
    if (steps.length >= MAX_STEPS) throw new Error(`walkFlow: over ${MAX_STEPS} steps, last ${id}`);
    const action = byId.get(id);
    if (action === undefined) throw new Error(`walkFlow: no action ${id}`);
    const p = action.Parameters ?? {};
    steps.push({ id, type: action.Type, logging, parameters: p });
    if (TERMINAL.has(action.Type)) break;

    switch (action.Type) {
      case "UpdateFlowLoggingBehavior":
        logging = p["FlowLoggingBehavior"] === "Disabled" ? "Disabled" : "Enabled";
        id = next(action);
        break;
      case "UpdateContactAttributes":
        for (const [k, v] of Object.entries(p["Attributes"] as Record<string, unknown>))
          attributes[k] = resolve(v);
        id = next(action);
        break;
      case "UpdateContactCallbackNumber": {
        const number = resolve(p["CallbackNumber"]);
        if (!DIALABLE.test(number)) id = onError(action, "InvalidCallbackNumber");
        else {
          callbackNumber = number;
          id = next(action);
        }
        break;
      }
      case "GetParticipantInput": {
        const answer: Keyed | undefined = keyed.get(id)?.shift();
        if (answer === undefined) throw new Error(`walkFlow: no keyed input left for ${id}`);
        const stores = p["StoreInput"] === "True";
        if (typeof answer === "object") id = onError(action, answer.error);
        else if (answer === NO_INPUT && !stores) id = onError(action, "InputTimeLimitExceeded");
        else if (stores) {
          const encryption = p["InputEncryption"] as { EncryptionKeyId: string; Key: string } | undefined;
          stored =
            answer === NO_INPUT
              ? "Timeout"
              : encryption
                ? await encryptLikeConnect(answer, encryption.EncryptionKeyId, encryption.Key)
                : answer;
          id = next(action);
        } else id = onEquals(action, answer as string) ?? onError(action, "NoMatchingCondition");
        break;
      }
      case "InvokeLambdaFunction": {
        if (options.invoke === undefined) throw new Error(`walkFlow: ${id} invokes a Lambda; pass invoke`);
        const parameters = Object.fromEntries(
          Object.entries((p["LambdaInvocationAttributes"] ?? {}) as Record<string, unknown>).map(([k, v]) => [
            k,
            resolve(v),
          ]),
        );
        const response = await options.invoke(contactEvent(parameters, attributes, options.callerNumber));
        invocations.push({ parameters, attributes: { ...attributes }, response });
        external = response;
        id = next(action);
        break;
      }
      case "Compare":
        id = onEquals(action, resolve(p["ComparisonValue"])) ?? onError(action, "NoMatchingCondition");
        break;
      case "Loop": {
        const count = (loops.get(id) ?? 0) + 1;
        loops.set(id, count);
        id = onEquals(action, count <= Number(p["LoopCount"]) ? "ContinueLooping" : "DoneLooping");
        break;
      }
      default:
        if (!PASS_THROUGH.has(action.Type))
          throw new Error(`walkFlow: block type ${action.Type} is not modelled`);
        id = next(action);
    }
  }
  return { steps, ids: steps.map((s) => s.id), attributes, invocations, callbackNumber };
}

/** The event InvokeLambdaFunction sends (platform-facts §2), with this walk's state. */
function contactEvent(
  parameters: Record<string, string>,
  attributes: Record<string, string>,
  callerNumber: string | undefined,
): Record<string, unknown> {
  return {
    Name: "ContactFlowEvent",
    Details: {
      ContactData: {
        ContactId: CONTACT_ID,
        InitialContactId: CONTACT_ID,
        Channel: "VOICE",
        Attributes: { ...attributes },
        CustomerEndpoint: callerNumber ? { Address: callerNumber, Type: "TELEPHONE_NUMBER" } : null,
        Queue: null,
      },
      Parameters: parameters,
    },
  };
}
