import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A fixture event, cloned so a test can change one field. */
export function loadEvent(intent: string, name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, "..", "events", intent, `${name}.json`), "utf8"));
}

/**
 * Builds a real-shaped Lex V2 event for an intent from a CheckBalance fixture (`base`, or `chat`:
 * Connect Chat's text input), changing what is given.
 */
export function lexEvent(
  intent: string,
  change: {
    slots?: Record<string, string>;
    source?: string;
    confirmation?: string;
    attributes?: Record<string, unknown>;
    confidence?: number;
    inputMode?: string;
    transcript?: string;
    fixture?: "base" | "chat";
  } = {},
): Record<string, any> {
  const event = loadEvent("CheckBalance", change.fixture ?? "base");
  const slots = Object.fromEntries(
    Object.entries(change.slots ?? {}).map(([k, v]) => [
      k,
      { shape: "Scalar", value: { originalValue: v, interpretedValue: v, resolvedValues: [v] } },
    ]),
  );
  const intentBody = {
    name: intent,
    slots,
    state: "InProgress",
    confirmationState: change.confirmation ?? "None",
  };
  event.sessionState.intent = intentBody;
  event.interpretations[0].intent = intentBody;
  if (change.confidence !== undefined) event.interpretations[0].nluConfidence = change.confidence;
  if (change.source) event.invocationSource = change.source;
  if (change.inputMode) event.inputMode = change.inputMode;
  if (change.transcript !== undefined) event.inputTranscript = change.transcript;
  if (change.attributes) event.sessionState.sessionAttributes = change.attributes;
  return event;
}
