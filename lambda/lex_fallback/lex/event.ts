import * as z from "zod";

/**
 * Edge validation of the Lex V2 code-hook event. Every field is tolerant (`.catch`) so one bad
 * field degrades to a default instead of failing the whole turn; unknown fields are kept.
 */

/** Lex keeps the text input to 1,024 characters; anything longer did not come from Lex. */
export const MAX_TRANSCRIPT = 1024;

const slotValue = z.looseObject({
  originalValue: z.string().optional().catch(undefined),
  interpretedValue: z.string().optional().catch(undefined),
  resolvedValues: z.array(z.string()).optional().catch(undefined),
});

const slot = z.looseObject({
  shape: z.string().optional().catch(undefined),
  value: slotValue.optional().catch(undefined),
});

const slots = z.record(z.string(), slot.nullable().catch(null)).catch({});

const intent = z.looseObject({
  name: z.string().min(1),
  slots: slots.optional(),
  state: z.string().optional().catch(undefined),
  confirmationState: z.enum(["Confirmed", "Denied", "None"]).optional().catch(undefined),
});

/** Current docs send a number; 2023 docs sent `{ score }`. Both become a number. */
const confidence = z
  .union([z.number(), z.looseObject({ score: z.number() }).transform((c) => c.score)])
  .optional()
  .catch(undefined);

const interpretation = z.looseObject({
  intent: intent.optional().catch(undefined),
  nluConfidence: confidence,
  interpretationSource: z.string().optional().catch(undefined),
});

/** Session attributes must be a flat string map; other values are dropped (and counted). */
const attributes = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((raw) => {
    const clean: Record<string, string> = {};
    let dropped = 0;
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === "string") clean[key] = value;
      else dropped += 1;
    }
    return { clean, dropped };
  });

export const lexEventSchema = z.looseObject({
  messageVersion: z.string().optional().catch(undefined),
  invocationSource: z.enum(["DialogCodeHook", "FulfillmentCodeHook"]).catch("FulfillmentCodeHook"),
  inputMode: z.enum(["DTMF", "Speech", "Text"]).catch("Text"),
  sessionId: z.string().min(1).max(256).catch(""),
  inputTranscript: z
    .string()
    .catch("")
    .transform((t) => t.slice(0, MAX_TRANSCRIPT)),
  bot: z
    .looseObject({
      localeId: z.string().optional().catch(undefined),
      name: z.string().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  interpretations: z.array(interpretation.catch({})).catch([]),
  requestAttributes: attributes.optional(),
  sessionState: z
    .looseObject({
      sessionAttributes: attributes.optional(),
      intent: intent.optional().catch(undefined),
      originatingRequestId: z.string().optional().catch(undefined),
    })
    .catch({}),
});

export type RawLexEvent = z.output<typeof lexEventSchema>;
export type LexSlot = z.output<typeof slot>;
export type LexSlots = Record<string, LexSlot | null>;
export type LexIntent = z.output<typeof intent>;
export type InputMode = RawLexEvent["inputMode"];
export type InvocationSource = RawLexEvent["invocationSource"];
