import * as z from "zod/mini";

/**
 * Edge validation of the Lex V2 code-hook event. Every field is tolerant (`z.catch`) so one bad
 * field degrades to a default instead of failing the whole turn; unknown fields are kept.
 * zod/mini: the classic API costs ~30 ms more module init for the same checks.
 */

/** Lex keeps the text input to 1,024 characters; anything longer did not come from Lex. */
export const MAX_TRANSCRIPT = 1024;

/** An optional field that becomes undefined when it has the wrong type. */
const maybe = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

const slotValue = z.looseObject({
  originalValue: maybe(z.string()),
  interpretedValue: maybe(z.string()),
  resolvedValues: maybe(z.array(z.string())),
});

const slot = z.looseObject({
  shape: maybe(z.string()),
  value: maybe(slotValue),
});

const slots = z.catch(z.record(z.string(), z.catch(z.nullable(slot), null)), {});

const intent = z.looseObject({
  name: z.string().check(z.minLength(1)),
  slots: z.optional(slots),
  state: maybe(z.string()),
  confirmationState: maybe(z.enum(["Confirmed", "Denied", "None"])),
});

/** Current docs send a number; 2023 docs sent `{ score }`. Both become a number. */
const confidence = maybe(
  z.union([
    z.number(),
    z.pipe(
      z.looseObject({ score: z.number() }),
      z.transform((c) => c.score),
    ),
  ]),
);

const interpretation = z.looseObject({
  intent: maybe(intent),
  nluConfidence: confidence,
  interpretationSource: maybe(z.string()),
});

/** Session attributes must be a flat string map; other values are dropped (and counted). */
const attributes = z.pipe(
  z.catch(z.record(z.string(), z.unknown()), {}),
  z.transform((raw) => {
    const clean: Record<string, string> = {};
    let dropped = 0;
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === "string") clean[key] = value;
      else dropped += 1;
    }
    return { clean, dropped };
  }),
);

export const lexEventSchema = z.looseObject({
  messageVersion: maybe(z.string()),
  invocationSource: z.catch(z.enum(["DialogCodeHook", "FulfillmentCodeHook"]), "FulfillmentCodeHook"),
  inputMode: z.catch(z.enum(["DTMF", "Speech", "Text"]), "Text"),
  sessionId: z.catch(z.string().check(z.minLength(1), z.maxLength(256)), ""),
  inputTranscript: z.pipe(
    z.catch(z.string(), ""),
    z.transform((t) => t.slice(0, MAX_TRANSCRIPT)),
  ),
  bot: maybe(z.looseObject({ localeId: maybe(z.string()), name: maybe(z.string()) })),
  interpretations: z.catch(z.array(z.catch(interpretation, {})), []),
  requestAttributes: z.optional(attributes),
  sessionState: z.catch(
    z.looseObject({
      sessionAttributes: z.optional(attributes),
      intent: maybe(intent),
      originatingRequestId: maybe(z.string()),
    }),
    {},
  ),
});

export type RawLexEvent = z.output<typeof lexEventSchema>;
export type LexSlot = z.output<typeof slot>;
export type LexSlots = Record<string, LexSlot | null>;
export type LexIntent = z.output<typeof intent>;
export type InputMode = RawLexEvent["inputMode"];
export type InvocationSource = RawLexEvent["invocationSource"];
