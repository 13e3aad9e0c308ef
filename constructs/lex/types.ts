/**
 * Bot definitions are plain data (constructs/lex/bots/*.ts); the LexBot construct turns one into
 * Terraform resources. Everything here is serialisable so a locale's content can be hashed.
 */

/** Lex V2 locales this stack builds. */
export type LocaleId = "en_GB" | "en_US";

/** Where a resource lived in the original HCL state (see constructs/core/addresses.ts). */
export type StateAddress =
  /** Same address at root: pass the HCL resource name, e.g. `en_us`. */
  | { readonly keep: string }
  /** Lived in a module or under a for_each key: the full old address. */
  | { readonly movedFrom: string };

/** A custom slot type of one locale. */
export interface SlotTypeDefinition {
  /** Slot type name, unique in the locale. */
  readonly name: string;
  /** One-line purpose. */
  readonly description: string;
  /** Enumerated values (value → synonyms). Mutually exclusive with `pattern`. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Regex (Lex subset) for an AMAZON.AlphaNumeric extension, e.g. `[0-9]{4}`. */
  readonly pattern?: string;
}

/** A slot of one intent. */
export interface SlotDefinition {
  /** Slot name; utterances reference it as `{Name}`. */
  readonly name: string;
  /** One-line purpose. */
  readonly description: string;
  /** Built-in type (`AMAZON.Number`) or the name of a custom slot type of the same locale. */
  readonly type: string;
  /** Whether Lex must fill it before fulfilment. */
  readonly required: boolean;
  /** What Lex (or the code hook's ElicitSlot) asks. Required slots must have one. */
  readonly prompt?: string;
  /** Mask the value in conversation logs (PINs, card digits). @default false */
  readonly obfuscate?: boolean;
}

/** An intent of one locale. */
export interface IntentDefinition {
  /** Intent name, unique in the locale; what flows branch on (`$.Lex.IntentName`). */
  readonly name: string;
  /** One-line purpose. */
  readonly description: string;
  /**
   * Built-in parent. Only `AMAZON.FallbackIntent` is supported: Lex creates it with every locale
   * (id FALLBCKINT), so it is configured by the locale build step, not created as a resource.
   * @default - a custom intent
   */
  readonly builtIn?: "AMAZON.FallbackIntent";
  /** Sample utterances; `{Slot}` references a slot of this intent. Empty for the built-in fallback. */
  readonly utterances: readonly string[];
  /** Slots in elicitation order. @default [] */
  readonly slots?: readonly SlotDefinition[];
  /** Invoke the code hook on every turn (slot validation, authentication). @default false */
  readonly dialogCodeHook?: boolean;
  /** Invoke the code hook to fulfil. Without it the intent returns to the Connect flow. @default false */
  readonly fulfillmentCodeHook?: boolean;
  /** Original state address of this intent. @default - new resource */
  readonly address?: StateAddress;
}

/** One language of a bot. */
export interface LocaleDefinition {
  /** Lex locale id. */
  readonly localeId: LocaleId;
  /** Polly voice. */
  readonly voiceId: string;
  /** Polly engine. @default "neural" */
  readonly voiceEngine?: "neural" | "standard";
  /** Below this NLU confidence Lex picks FallbackIntent (0..1). */
  readonly nluConfidenceThreshold: number;
  /** Custom slot types. @default [] */
  readonly slotTypes?: readonly SlotTypeDefinition[];
  /** Intents, including FallbackIntent when it calls the code hook. */
  readonly intents: readonly IntentDefinition[];
  /** Original state address of the locale. @default - new resource */
  readonly address?: StateAddress;
}

/** Original state addresses of the per-bot resources (any may be absent: new resource). */
export interface BotAddresses {
  readonly role?: StateAddress;
  readonly rolePolicy?: StateAddress;
  readonly bot?: StateAddress;
  readonly version?: StateAddress;
  readonly alias?: StateAddress;
  readonly logGroup?: StateAddress;
  readonly lambdaPermission?: StateAddress;
}

/** A whole bot as data. */
export interface BotDefinition {
  /** Short key used in construct ids and resource names (`gateway`, `banking`, `sales`). */
  readonly key: string;
  /** Lex bot name (unique per account and region). */
  readonly name: string;
  /** One-line purpose. */
  readonly description: string;
  /** Locales; every one is built and published in the bot version. */
  readonly locales: readonly LocaleDefinition[];
  /** Original state addresses. @default {} */
  readonly addresses?: BotAddresses;
}

/** The Lambda code hook a bot alias invokes. */
export interface CodeHookTarget {
  /** Function name (for the resource policy). */
  readonly functionName: string;
  /** Alias name, normally `live` (the permission is granted on the alias, not $LATEST). */
  readonly aliasName: string;
  /** Alias ARN (what the bot alias calls). */
  readonly aliasArn: string;
  /** Intents this Lambda serves; intents with a code hook must be among them. */
  readonly handledIntents: readonly string[];
}
