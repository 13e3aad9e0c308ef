import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ContactFlow } from "./contact-flow";
import { ContactFlowModule } from "./contact-flow-module";

/** Queues the flows route to (keys of the stack's queue map). */
export const FLOW_QUEUE_NAMES = [
  "GeneralAgentQueue",
  "AccountQueue",
  "LendingQueue",
  "OnboardingQueue",
  "FraudQueue",
] as const;
export type FlowQueueName = (typeof FLOW_QUEUE_NAMES)[number];

/** The queue ARNs the flows need out of a queue map; names any missing queue. */
export function flowQueueArns(arns: Readonly<Record<string, string>>): Record<FlowQueueName, string> {
  const missing = FLOW_QUEUE_NAMES.filter((name) => arns[name] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `ContactFlows: connect.queues must define ${missing.join(", ")}: the contact flows route calls to them`,
    );
  }
  return Object.fromEntries(FLOW_QUEUE_NAMES.map((name) => [name, arns[name]])) as Record<
    FlowQueueName,
    string
  >;
}

/** Lex V2 bot alias ARNs the flows talk to. */
export interface FlowBotAliases {
  /** Gateway bot (intent triage, Bedrock fallback). */
  readonly gateway: string;
  /** Banking specialist bot. */
  readonly banking: string;
  /** Sales specialist bot. */
  readonly sales: string;
}

/** Lambda ARNs the flows invoke (each must be associated with the instance). */
export interface FlowLambdas {
  /** Authentication: companion push, PIN check, security events. */
  readonly auth: string;
  /** Records callback requests. */
  readonly callback: string;
}

/** Customer-facing prompt text. */
export interface FlowPrompts {
  /** First thing a voice caller hears (mention recording here). */
  readonly welcome: string;
  /** Played when the hours check says closed. */
  readonly afterHours: string;
  /** Repeated while the caller waits in queue. */
  readonly hold: string;
}

/** Polly voice used for text-to-speech. */
export interface FlowVoice {
  /** Polly voice id. @default "Amy" */
  readonly name?: string;
  /** Polly engine. @default "Neural" */
  readonly engine?: "Standard" | "Neural" | "Generative";
}

/** The auth module's PIN capture block (GetParticipantInput, StoreInput True, CustomValidation). */
export const AUTH_PIN_CAPTURE = "get-pin";

export interface ContactFlowsProps {
  /** Amazon Connect instance id. */
  readonly instanceId: string;
  /** Queue ARNs by queue name. */
  readonly queueArns: Readonly<Record<FlowQueueName, string>>;
  /** Hours of operation id checked by the entry flows. */
  readonly hoursOfOperationId: string;
  /** Lex V2 bot alias ARNs. */
  readonly botAliasArns: FlowBotAliases;
  /** Lambda function ARNs. */
  readonly lambdaArns: FlowLambdas;
  /** LEX_BOT integration associations; every flow that talks to a bot depends on them. @default [] */
  readonly lexDependsOn?: readonly ITerraformDependable[];
  /** Lambda associations/permissions; every flow that invokes a Lambda depends on them. @default [] */
  readonly lambdaDependsOn?: readonly ITerraformDependable[];
  /** Brand used in the default welcome prompt. @default "Example Bank" */
  readonly brandName?: string;
  /** Prompt text overrides. @default - prompts naming `brandName` */
  readonly prompts?: Partial<FlowPrompts>;
  /** Text-to-speech voice. @default { name: "Amy", engine: "Neural" } */
  readonly voice?: FlowVoice;
  /** Seconds the IVR menu waits for a key (1-180). @default 8 */
  readonly dtmfTimeoutSeconds?: number;
  /** Most digits the authentication module collects for the customer number (1-20). @default 12 */
  readonly customerNumberMaxDigits?: number;
  /**
   * Share of inbound callers (0-100) the phone numbers send to the new voice entry flow; the rest
   * reach the original stack's entry flow, kept at its original address. 0 is the emergency
   * rollback, 100 the end state (the numbers then point straight at the flow, no router).
   * @default 100
   */
  readonly canaryPercent?: number;
  /**
   * Contact Lens language (xx-XX, a language Contact Lens analyses) for voice and chat analytics.
   * @default "en-GB"
   */
  readonly analyticsLanguage?: string;
  /**
   * Encrypted PIN entry: the auth module's PIN capture (`get-pin`) encrypts with this certificate
   * under the key id uploaded to the instance; the Lambda decrypts it.
   * @default - plain capture, with flow logging off around it
   */
  readonly pinEncryption?: { readonly keyId: string; readonly certificatePem: string };
  /** Tags for every flow. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Every contact flow of the contact centre. Addresses match the original HCL names
 * (`aws_connect_contact_flow.voice_entry`, ...); new flows use the guide's names.
 *
 * The guide had the IVR and the authentication flow reference each other (a Terraform cycle).
 * Here authentication is a flow module: the IVR invokes it with InvokeFlowModule, the module
 * records `$.Attributes.AuthResult` and ends with EndFlowModuleExecution, and the IVR branches
 * on that attribute. Nothing references the IVR back.
 */
export class ContactFlows extends Construct {
  public readonly survey: ContactFlow;
  public readonly customerQueue: ContactFlow;
  public readonly callback: ContactFlow;
  public readonly agentTransfer: ContactFlow;
  public readonly queueRouting: ContactFlow;
  public readonly authModule: ContactFlowModule;
  public readonly voiceIvr: ContactFlow;
  public readonly afterHours: ContactFlow;
  public readonly voiceEntry: ContactFlow;
  /** The original stack's voice entry flow (`aws_connect_contact_flow.voice_entry`), kept for the canary. */
  public readonly originalVoiceEntry: ContactFlow;
  /** Splits callers between the two entry flows; only while canaryPercent is between 1 and 99. */
  public readonly canaryRouter: ContactFlow | undefined;
  /** The flow the phone numbers route to: router, new entry (100) or original entry (0). */
  public readonly inboundVoice: ContactFlow;
  public readonly chatEntry: ContactFlow;
  public readonly bedrockPrimary: ContactFlow;
  public readonly callbackTask: ContactFlow;
  public readonly queueTransfer: ContactFlow;

  constructor(scope: Construct, id: string, props: ContactFlowsProps) {
    super(scope, id);
    const dtmfTimeout = props.dtmfTimeoutSeconds ?? 8;
    if (!Number.isInteger(dtmfTimeout) || dtmfTimeout < 1 || dtmfTimeout > 180) {
      throw new Error(
        `${this.node.path}: dtmfTimeoutSeconds ${dtmfTimeout} is outside 1-180; pass a whole number of seconds such as 8`,
      );
    }
    const customerDigits = props.customerNumberMaxDigits ?? 12;
    if (!Number.isInteger(customerDigits) || customerDigits < 1 || customerDigits > 20) {
      throw new Error(
        `${this.node.path}: customerNumberMaxDigits ${customerDigits} is outside 1-20 (the bounds of CustomValidation.MaximumLength); pass the length of your customer numbers, such as 12`,
      );
    }
    const canaryPercent = props.canaryPercent ?? 100;
    if (!Number.isInteger(canaryPercent) || canaryPercent < 0 || canaryPercent > 100) {
      throw new Error(
        `${this.node.path}: canaryPercent ${canaryPercent} is outside 0-100; pass the whole percentage of callers for the new voice entry flow (0 rolls back, 100 completes the cutover)`,
      );
    }
    const analyticsLanguage = props.analyticsLanguage ?? "en-GB";
    if (!/^[a-z]{2}-[A-Z]{2}$/.test(analyticsLanguage)) {
      throw new Error(
        `${this.node.path}: analyticsLanguage "${analyticsLanguage}" is not a language code like en-GB (xx-XX)`,
      );
    }
    for (const [key, text] of Object.entries(props.prompts ?? {})) {
      if (text.trim().length === 0)
        throw new Error(
          `${this.node.path}: prompts.${key} is empty; omit it to use the default or pass the text to speak`,
        );
    }

    const brand = props.brandName ?? "Example Bank";
    const prompts: FlowPrompts = {
      welcome: `Thank you for calling ${brand}. Calls are recorded for quality and training.`,
      afterHours: `Thank you for calling ${brand}. Our advisors are available Monday to Friday, 8am to 8pm.`,
      hold: "Thank you for waiting. Your call is important to us and an advisor will answer as soon as possible.",
      ...props.prompts,
    };
    const voice = { name: props.voice?.name ?? "Amy", engine: props.voice?.engine ?? "Neural" };
    const q = props.queueArns;
    const lex = props.lexDependsOn ?? [];
    const lambda = props.lambdaDependsOn ?? [];
    const common = {
      instanceId: props.instanceId,
      ...(props.tags === undefined ? {} : { tags: props.tags }),
    };

    this.survey = new ContactFlow(this, "Survey", {
      ...common,
      name: "PostCallSurveyFlow",
      address: "survey",
      description: "Post-call survey run by the CustomerRemaining event hook",
      template: "survey_flow.json.tftpl",
    });
    this.customerQueue = new ContactFlow(this, "CustomerQueue", {
      ...common,
      name: "CustomerQueueFlow",
      address: "customer_queue",
      type: "CUSTOMER_QUEUE",
      description: "Hold messages while the caller waits in queue",
      template: "customer_queue_flow.json.tftpl",
      variables: { hold_message: prompts.hold },
    });
    this.callback = new ContactFlow(this, "Callback", {
      ...common,
      name: "CallbackFlow",
      address: "callback",
      description: "Queue a callback on the caller's or a keyed-in number",
      template: "callback_flow.json.tftpl",
      variables: {
        // Callbacks wait in the general queue, except fraud ones: only fraud specialists take those.
        callback_queue_arn: q.GeneralAgentQueue,
        fraud_queue_arn: q.FraudQueue,
        callback_lambda_arn: props.lambdaArns.callback,
      },
      dependsOn: lambda,
    });
    this.agentTransfer = new ContactFlow(this, "AgentTransfer", {
      ...common,
      name: "AgentTransferFlow",
      address: "agent_transfer",
      description: "Caller asked for an advisor",
      template: "agent_transfer_flow.json.tftpl",
      variables: { general_queue_arn: q.GeneralAgentQueue, customer_queue_flow_arn: this.customerQueue.arn },
    });
    this.queueRouting = new ContactFlow(this, "QueueRouting", {
      ...common,
      name: "QueueRoutingFlow",
      address: "queue_routing",
      description: "Route by Category to the right queue, callback when nobody can answer",
      template: "queue_routing_flow.json.tftpl",
      variables: {
        account_queue_arn: q.AccountQueue,
        lending_queue_arn: q.LendingQueue,
        onboarding_queue_arn: q.OnboardingQueue,
        fraud_queue_arn: q.FraudQueue,
        general_queue_arn: q.GeneralAgentQueue,
        customer_queue_flow_arn: this.customerQueue.arn,
        callback_flow_arn: this.callback.arn,
      },
    });
    this.authModule = new ContactFlowModule(this, "AuthModule", {
      ...common,
      name: "AuthenticationModule",
      address: "auth_module",
      description:
        "Customer number, then companion-app push or PIN (3 tries, then lockout); sets $.Attributes.AuthResult",
      template: "auth_module_flow.json.tftpl",
      variables: {
        auth_lambda_arn: props.lambdaArns.auth,
        customer_number_max_digits: String(customerDigits),
      },
      ...(props.pinEncryption
        ? {
            actionParameters: {
              [AUTH_PIN_CAPTURE]: {
                InputEncryption: {
                  EncryptionKeyId: props.pinEncryption.keyId,
                  Key: props.pinEncryption.certificatePem.trim(),
                },
              },
            },
          }
        : {}),
      dependsOn: lambda,
    });
    this.voiceIvr = new ContactFlow(this, "VoiceIvr", {
      ...common,
      name: "VoiceIVRFlow",
      address: "voice_ivr",
      description: "Main menu: Lex V2 speech with DTMF fallback",
      template: "voice_ivr_flow.json.tftpl",
      variables: {
        gateway_bot_alias_arn: props.botAliasArns.gateway,
        auth_module_id: this.authModule.contactFlowModuleId,
        queue_routing_flow_arn: this.queueRouting.arn,
        agent_transfer_flow_arn: this.agentTransfer.arn,
        survey_flow_arn: this.survey.arn,
        dtmf_timeout_seconds: String(dtmfTimeout),
      },
      dependsOn: lex,
    });
    this.afterHours = new ContactFlow(this, "AfterHours", {
      ...common,
      name: "AfterHoursFlow",
      address: "after_hours",
      description: "Closed hours: fraud line or callback",
      template: "after_hours_flow.json.tftpl",
      variables: {
        after_hours_message: prompts.afterHours,
        fraud_queue_arn: q.FraudQueue,
        callback_flow_arn: this.callback.arn,
      },
    });
    // The original address keeps the original's behaviour until the cutover completes; the new
    // entry flow is a new flow, so a rollback is a percentage, not a revert of content.
    this.originalVoiceEntry = new ContactFlow(this, "OriginalVoiceEntry", {
      ...common,
      name: "VoiceEntryFlow",
      address: "voice_entry",
      description: "Voice entry point",
      template: "legacy_voice_entry_flow.json.tftpl",
      variables: { general_queue_arn: q.GeneralAgentQueue },
    });
    this.voiceEntry = new ContactFlow(this, "VoiceEntry", {
      ...common,
      name: "VoiceEntryFlowV2",
      address: "voice_entry_v2",
      description: "Voice entry point: recording notice, hours check, IVR",
      template: "voice_entry_flow.json.tftpl",
      variables: {
        welcome_message: prompts.welcome,
        tts_voice: voice.name,
        tts_engine: voice.engine,
        hours_of_operation_id: props.hoursOfOperationId,
        voice_ivr_flow_arn: this.voiceIvr.arn,
        after_hours_flow_arn: this.afterHours.arn,
        analytics_language: analyticsLanguage,
      },
    });
    this.canaryRouter =
      canaryPercent === 0 || canaryPercent === 100
        ? undefined
        : new ContactFlow(this, "VoiceCanaryRouter", {
            ...common,
            name: "VoiceCanaryRouterFlow",
            address: "voice_canary_router",
            description: `Canary cutover: ${canaryPercent} % of callers to the new voice entry flow`,
            template: "voice_canary_router_flow.json.tftpl",
            variables: {
              // Connect draws 1-100 per contact; NumberLessThan percent+1 takes exactly percent of them.
              canary_threshold: String(canaryPercent + 1),
              new_entry_flow_arn: this.voiceEntry.arn,
              original_entry_flow_arn: this.originalVoiceEntry.arn,
            },
          });
    this.inboundVoice =
      this.canaryRouter ?? (canaryPercent === 0 ? this.originalVoiceEntry : this.voiceEntry);
    this.callbackTask = new ContactFlow(this, "CallbackTask", {
      ...common,
      name: "CallbackTaskFlow",
      address: "callback_task",
      description: "Follow-up task created by the chat entry flow after hours",
      template: "callback_task_flow.json.tftpl",
      variables: { callback_queue_arn: q.GeneralAgentQueue },
    });
    this.chatEntry = new ContactFlow(this, "ChatEntry", {
      ...common,
      name: "ChatEntryFlow",
      address: "chat_entry",
      description: "Chat entry point: hours check, gateway bot, advisor on request",
      template: "chat_entry_flow.json.tftpl",
      variables: {
        hours_of_operation_id: props.hoursOfOperationId,
        gateway_bot_alias_arn: props.botAliasArns.gateway,
        agent_transfer_flow_arn: this.agentTransfer.arn,
        callback_task_flow_arn: this.callbackTask.arn,
        fraud_queue_arn: q.FraudQueue,
        analytics_language: analyticsLanguage,
      },
      dependsOn: lex,
    });
    this.bedrockPrimary = new ContactFlow(this, "BedrockPrimary", {
      ...common,
      name: "BedrockPrimaryFlow",
      address: "bedrock_primary",
      description: "AI-first routing across the gateway, banking and sales bots",
      template: "bedrock_primary_flow.json.tftpl",
      variables: {
        gateway_bot_alias_arn: props.botAliasArns.gateway,
        banking_bot_alias_arn: props.botAliasArns.banking,
        sales_bot_alias_arn: props.botAliasArns.sales,
        general_queue_arn: q.GeneralAgentQueue,
        fraud_queue_arn: q.FraudQueue,
        // The code hook's hand-overs take the same routing as the IVR: queue by Category, priority.
        queue_routing_flow_arn: this.queueRouting.arn,
      },
      dependsOn: lex,
    });
    this.queueTransfer = new ContactFlow(this, "QueueTransfer", {
      ...common,
      name: "QueueTransferFlow",
      address: "queue_transfer",
      type: "QUEUE_TRANSFER",
      description: "Quick-connect transfer into the queue the quick connect chose",
      template: "queue_transfer_flow.json.tftpl",
    });
  }
}
