import {
  TerraformMetaArguments,
  TerraformResource,
  booleanToTerraform,
  listMapper,
  stringToTerraform,
} from "cdktf";
import { Construct } from "constructs";
import { awsccHclAttributes, awsccResourceConfig } from "./resource";

export interface LexBotAliasLambdaCodeHook {
  /** ARN of the Lambda (use the `live` alias ARN, not $LATEST). */
  readonly lambdaArn: string;
  /** Lex code hook interface version; Lex V2 accepts "1.0". */
  readonly codeHookInterfaceVersion: string;
}

export interface LexBotAliasLocaleSetting {
  readonly enabled: boolean;
  readonly codeHookSpecification?: { readonly lambdaCodeHook: LexBotAliasLambdaCodeHook };
}

export interface LexBotAliasLocaleSettingsItem {
  /** Locale id such as en_GB. */
  readonly localeId: string;
  readonly botAliasLocaleSetting: LexBotAliasLocaleSetting;
}

export interface LexBotAliasTextLogSetting {
  readonly enabled: boolean;
  readonly destination: {
    readonly cloudwatch: { readonly cloudwatchLogGroupArn: string; readonly logPrefix: string };
  };
}

export interface LexBotAliasAudioLogSetting {
  readonly enabled: boolean;
  readonly destination: {
    readonly s3Bucket: {
      readonly s3BucketArn: string;
      readonly logPrefix: string;
      readonly kmsKeyArn?: string;
    };
  };
}

export interface LexBotAliasConversationLogSettings {
  readonly textLogSettings?: LexBotAliasTextLogSetting[];
  readonly audioLogSettings?: LexBotAliasAudioLogSetting[];
}

export interface LexBotAliasTag {
  readonly key: string;
  readonly value: string;
}

export interface LexBotAliasConfig extends TerraformMetaArguments {
  /** Id of the Lex V2 bot. */
  readonly botId: string;
  /** Alias name, unique per bot. */
  readonly botAliasName: string;
  /** Bot version the alias points at. @default "DRAFT" (Lex's own default) */
  readonly botVersion?: string;
  readonly description?: string;
  readonly botAliasLocaleSettings?: LexBotAliasLocaleSettingsItem[];
  readonly conversationLogSettings?: LexBotAliasConversationLogSettings;
  readonly sentimentAnalysisSettings?: { readonly detectSentiment: boolean };
  readonly botAliasTags?: LexBotAliasTag[];
}

function lambdaCodeHookToTerraform(hook: LexBotAliasLambdaCodeHook): Record<string, unknown> {
  return {
    lambda_arn: stringToTerraform(hook.lambdaArn),
    code_hook_interface_version: stringToTerraform(hook.codeHookInterfaceVersion),
  };
}

function localeSettingsItemToTerraform(item: LexBotAliasLocaleSettingsItem): Record<string, unknown> {
  const setting = item.botAliasLocaleSetting;
  return {
    locale_id: stringToTerraform(item.localeId),
    bot_alias_locale_setting: {
      enabled: booleanToTerraform(setting.enabled),
      code_hook_specification: setting.codeHookSpecification
        ? { lambda_code_hook: lambdaCodeHookToTerraform(setting.codeHookSpecification.lambdaCodeHook) }
        : undefined,
    },
  };
}

function textLogToTerraform(log: LexBotAliasTextLogSetting): Record<string, unknown> {
  return {
    enabled: booleanToTerraform(log.enabled),
    destination: {
      cloudwatch: {
        cloudwatch_log_group_arn: stringToTerraform(log.destination.cloudwatch.cloudwatchLogGroupArn),
        log_prefix: stringToTerraform(log.destination.cloudwatch.logPrefix),
      },
    },
  };
}

function audioLogToTerraform(log: LexBotAliasAudioLogSetting): Record<string, unknown> {
  const bucket = log.destination.s3Bucket;
  return {
    enabled: booleanToTerraform(log.enabled),
    destination: {
      s3_bucket: {
        s3_bucket_arn: stringToTerraform(bucket.s3BucketArn),
        log_prefix: stringToTerraform(bucket.logPrefix),
        kms_key_arn: stringToTerraform(bucket.kmsKeyArn),
      },
    },
  };
}

function conversationLogsToTerraform(
  settings?: LexBotAliasConversationLogSettings,
): Record<string, unknown> | undefined {
  if (!settings) return undefined;
  return {
    text_log_settings: listMapper(textLogToTerraform, false)(settings.textLogSettings),
    audio_log_settings: listMapper(audioLogToTerraform, false)(settings.audioLogSettings),
  };
}

function tagToTerraform(tag: LexBotAliasTag): Record<string, unknown> {
  return { key: stringToTerraform(tag.key), value: stringToTerraform(tag.value) };
}

/** awscc_lex_bot_alias (AWS::Lex::BotAlias): the hashicorp/aws provider has no Lex V2 alias resource. */
export class LexBotAlias extends TerraformResource {
  public static readonly tfResourceType = "awscc_lex_bot_alias";

  private readonly config: LexBotAliasConfig;

  constructor(scope: Construct, id: string, config: LexBotAliasConfig) {
    super(scope, id, awsccResourceConfig("awscc_lex_bot_alias", config));
    this.config = config;
  }

  public get botIdInput(): string {
    return this.config.botId;
  }
  public get botAliasNameInput(): string {
    return this.config.botAliasName;
  }
  public get botVersionInput(): string | undefined {
    return this.config.botVersion;
  }
  public get botAliasLocaleSettingsInput(): LexBotAliasLocaleSettingsItem[] | undefined {
    return this.config.botAliasLocaleSettings;
  }

  /** Computed: the alias ARN (what Connect and flows reference). */
  public get arn(): string {
    return this.getStringAttribute("arn");
  }
  /** Computed: the alias id Lex generates. */
  public get botAliasId(): string {
    return this.getStringAttribute("bot_alias_id");
  }
  public get botAliasStatus(): string {
    return this.getStringAttribute("bot_alias_status");
  }
  public get botId(): string {
    return this.getStringAttribute("bot_id");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      bot_id: stringToTerraform(c.botId),
      bot_alias_name: stringToTerraform(c.botAliasName),
      bot_version: stringToTerraform(c.botVersion),
      description: stringToTerraform(c.description),
      bot_alias_locale_settings: listMapper(localeSettingsItemToTerraform, false)(c.botAliasLocaleSettings),
      conversation_log_settings: conversationLogsToTerraform(c.conversationLogSettings),
      sentiment_analysis_settings: c.sentimentAnalysisSettings
        ? { detect_sentiment: booleanToTerraform(c.sentimentAnalysisSettings.detectSentiment) }
        : undefined,
      bot_alias_tags: listMapper(tagToTerraform, false)(c.botAliasTags),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return awsccHclAttributes(this.synthesizeAttributes());
  }
}
