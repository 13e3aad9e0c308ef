import { Lexv2ModelsBotLocale } from "@cdktf/provider-aws/lib/lexv2models-bot-locale";
import { Lexv2ModelsIntent } from "@cdktf/provider-aws/lib/lexv2models-intent";
import { Lexv2ModelsSlot } from "@cdktf/provider-aws/lib/lexv2models-slot";
import { Lexv2ModelsSlotType } from "@cdktf/provider-aws/lib/lexv2models-slot-type";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { applyAddress } from "./address";
import type { IntentDefinition, LocaleDefinition, SlotDefinition, SlotTypeDefinition } from "./types";

const DRAFT = "DRAFT";

export interface BotLocaleProps {
  /** Id of the bot the locale belongs to. */
  readonly botId: string;
  /** What to create (validated by the checks before this construct runs). */
  readonly definition: LocaleDefinition;
}

/**
 * One DRAFT locale with its custom slot types, intents and slots. The built-in FallbackIntent is
 * not created here (Lex creates it with the locale); LocaleBuild sets its code hooks.
 */
export class BotLocale extends Construct {
  public readonly locale: Lexv2ModelsBotLocale;
  public readonly intents: Readonly<Record<string, Lexv2ModelsIntent>>;
  /** Everything the locale build must wait for. */
  public readonly resources: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: BotLocaleProps) {
    super(scope, id);
    const def = props.definition;

    this.locale = applyAddress(
      new Lexv2ModelsBotLocale(this, "Locale", {
        botId: props.botId,
        botVersion: DRAFT,
        localeId: def.localeId,
        nLuIntentConfidenceThreshold: def.nluConfidenceThreshold,
        voiceSettings: [{ voiceId: def.voiceId, engine: def.voiceEngine ?? "neural" }],
      }),
      def.address,
    );

    const slotTypes = new Map<string, Lexv2ModelsSlotType>();
    for (const type of def.slotTypes ?? []) slotTypes.set(type.name, this.slotType(props.botId, type));

    const intents: Record<string, Lexv2ModelsIntent> = {};
    const slots: Lexv2ModelsSlot[] = [];
    for (const intent of def.intents) {
      if (intent.builtIn !== undefined) continue;
      const resource = this.intent(props.botId, intent);
      intents[intent.name] = resource;
      for (const slot of intent.slots ?? [])
        slots.push(this.slot(props.botId, intent, resource, slot, slotTypes));
    }
    this.intents = intents;
    this.resources = [this.locale, ...slotTypes.values(), ...Object.values(intents), ...slots];
  }

  private slotType(botId: string, type: SlotTypeDefinition): Lexv2ModelsSlotType {
    const values = Object.entries(type.values ?? {}).map(([value, synonyms]) => ({
      sampleValue: [{ value }],
      synonyms: synonyms.map((synonym) => ({ value: synonym })),
    }));
    return new Lexv2ModelsSlotType(this, `SlotType_${type.name}`, {
      botId,
      botVersion: DRAFT,
      localeId: this.locale.localeId,
      name: type.name,
      description: type.description,
      // A pattern extends AMAZON.AlphaNumeric (the only type with a regex filter).
      parentSlotTypeSignature: type.pattern === undefined ? undefined : "AMAZON.AlphaNumeric",
      slotTypeValues: values.length > 0 ? values : undefined,
      valueSelectionSetting: [
        type.pattern === undefined
          ? { resolutionStrategy: "TopResolution" }
          : { resolutionStrategy: "OriginalValue", regexFilter: [{ pattern: type.pattern }] },
      ],
    });
  }

  private intent(botId: string, intent: IntentDefinition): Lexv2ModelsIntent {
    const hasSlots = (intent.slots ?? []).length > 0;
    return applyAddress(
      new Lexv2ModelsIntent(this, `Intent_${intent.name}`, {
        botId,
        botVersion: DRAFT,
        localeId: this.locale.localeId,
        name: intent.name,
        description: intent.description,
        sampleUtterance: intent.utterances.map((utterance) => ({ utterance })),
        dialogCodeHook: [{ enabled: intent.dialogCodeHook ?? false }],
        fulfillmentCodeHook: [{ enabled: intent.fulfillmentCodeHook ?? false }],
        // Slot priorities would need slot ids inside the intent: a dependency cycle in the provider
        // (issues #36863, #39948). Lex appends each slot on CreateSlot; leave that list to Lex.
        lifecycle: hasSlots ? { ignoreChanges: ["slot_priority"] } : undefined,
      }),
      intent.address,
    );
  }

  private slot(
    botId: string,
    intent: IntentDefinition,
    intentResource: Lexv2ModelsIntent,
    slot: SlotDefinition,
    slotTypes: ReadonlyMap<string, Lexv2ModelsSlotType>,
  ): Lexv2ModelsSlot {
    const prompt = slot.prompt;
    return new Lexv2ModelsSlot(this, `Slot_${intent.name}_${slot.name}`, {
      botId,
      botVersion: DRAFT,
      localeId: this.locale.localeId,
      intentId: intentResource.intentId,
      name: slot.name,
      description: slot.description,
      slotTypeId: slotTypes.get(slot.type)?.slotTypeId ?? slot.type,
      valueElicitationSetting: [
        {
          slotConstraint: slot.required ? "Required" : "Optional",
          promptSpecification:
            prompt === undefined
              ? undefined
              : [
                  {
                    maxRetries: 2,
                    allowInterrupt: true,
                    messageGroup: [{ message: [{ plainTextMessage: [{ value: prompt }] }] }],
                  },
                ],
        },
      ],
      obfuscationSetting:
        slot.obfuscate === true ? [{ obfuscationSettingType: "DefaultObfuscation" }] : undefined,
    });
  }
}
