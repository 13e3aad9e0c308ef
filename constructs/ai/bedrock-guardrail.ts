import { BedrockGuardrail } from "@cdktf/provider-aws/lib/bedrock-guardrail";
import { BedrockGuardrailVersion } from "@cdktf/provider-aws/lib/bedrock-guardrail-version";
import { createHash } from "node:crypto";
import { Construct } from "constructs";
import { keepAddress, movedFrom, RemovedFromState } from "../core/addresses";

export interface BankingGuardrailProps {
  /** Guardrail name; the original is `<project>-guardrail`. */
  readonly name: string;
  /**
   * Region of the Converse calls. Guardrails are regional: one applied to a Converse call must live
   * where the call runs (config `bedrockRegion`), whatever the stack's main region.
   */
  readonly region: string;
  /**
   * Region of the original `module.bedrock_guardrail` (the original stack's provider region).
   * The guardrail is carried over only when `region` is the same; otherwise a new one is created
   * and the old one forgotten: a moved block across regions would hide a replacement.
   */
  readonly originalRegion: string;
  /** Customer-managed key, only when it lives in `region` (KMS keys do not cross regions). @default - AWS owned key */
  readonly kmsKeyArn?: string;
}

const HARMFUL_CONTENT = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"] as const;

/** Card numbers, PINs and account identifiers never leave the model, even by accident. */
const BLOCKED_PII = [
  "CREDIT_DEBIT_CARD_NUMBER",
  "CREDIT_DEBIT_CARD_CVV",
  "CREDIT_DEBIT_CARD_EXPIRY",
  "PIN",
  "PASSWORD",
  "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
  "UK_NATIONAL_INSURANCE_NUMBER",
  "US_BANK_ACCOUNT_NUMBER",
  "US_BANK_ROUTING_NUMBER",
] as const;
const ANONYMIZED_PII = ["EMAIL", "PHONE", "NAME", "ADDRESS"] as const;

/**
 * The Bedrock guardrail every LLM fallback answer goes through: harmful-content filters, prompt-attack
 * detection, no investment advice (a regulated activity), and PII blocked or masked.
 * Keeps the original `module.bedrock_guardrail` resources by moved blocks when it runs in their
 * region; elsewhere it is a new guardrail, and the old one is forgotten (constructs/migration/
 * intended-replacements.ts). A version is published whenever the policy changes (its description
 * carries a hash of the policy).
 */
export class BankingGuardrail extends Construct {
  public readonly guardrail: BedrockGuardrail;
  public readonly version: BedrockGuardrailVersion;
  public readonly arn: string;
  public readonly id: string;
  public readonly versionNumber: string;

  constructor(scope: Construct, id: string, props: BankingGuardrailProps) {
    super(scope, id);
    if (!/^[0-9a-zA-Z-_]{1,50}$/.test(props.name)) {
      throw new Error(
        `BankingGuardrail at ${this.node.path}: name "${props.name}" must be 1-50 letters, digits, - or _`,
      );
    }

    const policy = {
      contentPolicyConfig: [
        {
          filtersConfig: [
            ...HARMFUL_CONTENT.map((type) => ({ type, inputStrength: "HIGH", outputStrength: "HIGH" })),
            // Prompt attacks are an input-only filter: Bedrock rejects any output strength but NONE.
            { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" },
          ],
        },
      ],
      topicPolicyConfig: [
        {
          topicsConfig: [
            {
              name: "InvestmentAdvice",
              type: "DENY",
              definition:
                "Recommendations on specific investments, securities, crypto-assets or market timing.",
              examples: ["Which shares should I buy?", "Is Bitcoin a good investment?"],
            },
          ],
        },
      ],
      sensitiveInformationPolicyConfig: [
        {
          piiEntitiesConfig: [
            ...BLOCKED_PII.map((type) => ({ type, action: "BLOCK" })),
            ...ANONYMIZED_PII.map((type) => ({ type, action: "ANONYMIZE" })),
          ],
        },
      ],
    };

    this.guardrail = new BedrockGuardrail(this, "guardrail", {
      name: props.name,
      region: props.region,
      description: "Limits the contact centre's LLM fallback to what the bank may say",
      blockedInputMessaging: "Sorry, I can't help with that here. I can put you through to a colleague.",
      blockedOutputsMessaging: "Sorry, I can't help with that here. I can put you through to a colleague.",
      kmsKeyArn: props.kmsKeyArn,
      ...policy,
    });
    keepAddress(this.guardrail, "bedrock_guardrail");

    const policyHash = createHash("sha256").update(JSON.stringify(policy)).digest("hex").slice(0, 12);
    this.version = new BedrockGuardrailVersion(this, "version", {
      guardrailArn: this.guardrail.guardrailArn,
      region: props.region,
      // A new description publishes a new version; the hash ties it to the policy above.
      description: `policy ${policyHash}`,
      // Old versions may still be referenced by a running Lambda alias during rollout.
      skipDestroy: true,
      lifecycle: { createBeforeDestroy: true },
    });
    keepAddress(this.version, "bedrock_guardrail_version");
    this.carryOver(props.region === props.originalRegion, props.region);

    this.arn = this.guardrail.guardrailArn;
    this.id = this.guardrail.guardrailId;
    this.versionNumber = this.version.version;
  }

  private carryOver(sameRegion: boolean, region: string): void {
    const old = "module.bedrock_guardrail";
    if (sameRegion) {
      movedFrom(this.guardrail, `${old}.aws_bedrock_guardrail.this`);
      movedFrom(this.version, `${old}.aws_bedrock_guardrail_version.this`);
      return;
    }
    const reason = `Replaced by a guardrail in ${region}, where Converse runs (a guardrail applies only in its own region). Forgotten, not destroyed: the retired bedrock_mcp function still uses it; delete it after the cutover.`;
    new RemovedFromState(this, "removed_guardrail", { from: `${old}.aws_bedrock_guardrail.this`, reason });
    new RemovedFromState(this, "removed_version", {
      from: `${old}.aws_bedrock_guardrail_version.this`,
      reason,
    });
  }
}
