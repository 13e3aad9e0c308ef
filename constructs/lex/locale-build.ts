import { Resource as NullResource } from "@cdktf/provider-null/lib/resource";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { LOCALE_BUILD_SCRIPT } from "./locale-build-script";

export interface LocaleBuildProps {
  /** Id of the bot whose DRAFT locale is built. */
  readonly botId: string;
  /** Locale id, e.g. en_GB. */
  readonly localeId: string;
  /** Region of the bot (the CLI call is explicit about it). */
  readonly region: string;
  /** Hash of the locale's definition: a new value rebuilds. */
  readonly contentHash: string;
  /** Turn FallbackIntent's dialog code hook on. */
  readonly fallbackDialogCodeHook: boolean;
  /** Turn FallbackIntent's fulfillment code hook on. */
  readonly fallbackFulfillmentCodeHook: boolean;
  /** Seconds to wait for the build before failing the apply. @default 600 */
  readonly timeoutSeconds?: number;
  /** Resources of the locale that must exist before the build (locale, slot types, intents, slots). */
  readonly dependsOn: ITerraformDependable[];
}

/** Terraform reads `${` and `%{` in strings as templates; the script's own must stay literal. */
export function escapeTerraformTemplate(text: string): string {
  // Function replacers: in a replacement string "$$" would collapse to "$".
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/**
 * Builds one DRAFT locale. hashicorp/aws has no BuildBotLocale resource and
 * aws_lexv2models_bot_version does not build (CreateBotVersion needs Built locales), so this
 * null_resource runs the AWS CLI. Its triggers are the bot, locale and content hash: it reruns
 * exactly when what Lex must build changed.
 */
export class LocaleBuild extends Construct {
  public readonly resource: NullResource;

  constructor(scope: Construct, id: string, props: LocaleBuildProps) {
    super(scope, id);
    const timeoutSeconds = props.timeoutSeconds ?? 600;
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 60 || timeoutSeconds > 3600) {
      throw new Error(
        `${this.node.path}: timeoutSeconds ${timeoutSeconds} must be a whole number of seconds from 60 to 3600`,
      );
    }

    this.resource = new NullResource(this, "resource", {
      triggers: {
        bot_id: props.botId,
        locale_id: props.localeId,
        content_sha256: props.contentHash,
        fallback_hooks: `${props.fallbackDialogCodeHook}/${props.fallbackFulfillmentCodeHook}`,
      },
      dependsOn: props.dependsOn,
      provisioners: [
        {
          type: "local-exec",
          interpreter: ["/bin/sh", "-c"],
          command: escapeTerraformTemplate(LOCALE_BUILD_SCRIPT),
          environment: {
            BOT_ID: props.botId,
            LOCALE_ID: props.localeId,
            AWS_REGION: props.region,
            TIMEOUT_SECONDS: String(timeoutSeconds),
            FALLBACK_DIALOG_HOOK: String(props.fallbackDialogCodeHook),
            FALLBACK_FULFILLMENT_HOOK: String(props.fallbackFulfillmentCodeHook),
          },
        },
      ],
    });
  }
}
