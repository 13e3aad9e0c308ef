import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

const lib = () => import("@aws-sdk/client-bedrock-runtime");
import type { Llm } from "../ports";
import { DependencyError, GuardrailInterventionError } from "../shared/errors";
import { maskDigitRuns } from "../shared/mask";
import { callWith, type RemoteCall } from "../shared/resilience";

/** Limits the model to what the bank can say without knowing who is calling. */
export const SYSTEM_PROMPT = [
  "You are the virtual assistant of a UK retail bank's contact centre, answering one caller question.",
  "Answer in at most two short sentences of plain text suitable for reading aloud.",
  "Only give general information about the bank's products, services, opening hours and how to do things in the app or branch.",
  "Never state or guess balances, transactions, rates for a specific customer, or any personal data.",
  "Never ask for or repeat PINs, passwords, card or account numbers.",
  "Give no financial, legal or tax advice. If the question needs the caller's account or advice, say a colleague can help.",
].join(" ");

/** Longest answer read back, in characters. */
const MAX_ANSWER = 400;

export interface GuardrailSettings {
  readonly id: string;
  readonly version: string;
}

/** Bedrock Converse with the configured guardrail; a guardrail intervention counts as no answer. */
export class BedrockLlm implements Llm {
  constructor(
    private readonly modelId: string,
    private readonly guardrail: GuardrailSettings | undefined,
    private readonly client: () => Promise<BedrockRuntimeClient>,
    private readonly call: RemoteCall,
  ) {}

  /** The client and SDK module, ready before any per-try timeout starts (see callWith). */
  private sdk() {
    return Promise.all([this.client(), lib()]);
  }

  async answer(question: string, localeId: string): Promise<string> {
    // The handler masks already; this adapter is the last point before the text leaves the account.
    const masked = maskDigitRuns(question);
    const out = await callWith(this.call, this.sdk(), ([client, sdk], abortSignal) =>
      client.send(
        new sdk.ConverseCommand({
          modelId: this.modelId,
          system: [{ text: `${SYSTEM_PROMPT} Reply in the language of locale ${localeId}.` }],
          messages: [{ role: "user", content: [{ text: masked }] }],
          inferenceConfig: { maxTokens: 160, temperature: 0.2 },
          ...(this.guardrail
            ? {
                guardrailConfig: {
                  guardrailIdentifier: this.guardrail.id,
                  guardrailVersion: this.guardrail.version,
                },
              }
            : {}),
        }),
        { abortSignal },
      ),
    );
    if (out.stopReason === "guardrail_intervened") throw new GuardrailInterventionError();
    const text = (out.output?.message?.content ?? [])
      .map((block) => ("text" in block && typeof block.text === "string" ? block.text : ""))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (text.length === 0) throw new DependencyError("bedrock", "empty answer", false);
    return text.length <= MAX_ANSWER ? text : `${text.slice(0, text.lastIndexOf(" ", MAX_ANSWER))}.`;
  }
}
