/**
 * POSIX sh run by the locale build step (null_resource local-exec). Inputs come only from
 * environment variables set by Terraform (no interpolation into the script text), so a bot or
 * locale id can never be executed as shell. Requires the AWS CLI v2 with credentials for the
 * target account; prints ids and statuses only.
 *
 * Steps: wait until the locale is not busy → set FallbackIntent's code hooks →
 * BuildBotLocale → poll DescribeBotLocale until Built, failing on Failed or after the deadline.
 * `ReadyExpressTesting` is not accepted: CreateBotVersion needs a fully Built locale.
 */
export const LOCALE_BUILD_SCRIPT = `set -eu
: "\${BOT_ID:?}" "\${LOCALE_ID:?}" "\${AWS_REGION:?}" "\${TIMEOUT_SECONDS:?}" \\
  "\${FALLBACK_DIALOG_HOOK:?}" "\${FALLBACK_FULFILLMENT_HOOK:?}"
command -v aws >/dev/null 2>&1 || { echo "lex build: the AWS CLI v2 is required on the machine running terraform apply" >&2; exit 1; }
deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
status() {
  aws lexv2-models describe-bot-locale --bot-id "$BOT_ID" --bot-version DRAFT --locale-id "$LOCALE_ID" \\
    --region "$AWS_REGION" --query botLocaleStatus --output text
}
wait_until() {
  while :; do
    current=$(status)
    case " $1 " in *" $current "*) return 0 ;; esac
    if [ "$current" = "Failed" ] && [ "$2" = "build" ]; then
      echo "lex build: $BOT_ID/$LOCALE_ID failed:" >&2
      aws lexv2-models describe-bot-locale --bot-id "$BOT_ID" --bot-version DRAFT --locale-id "$LOCALE_ID" \\
        --region "$AWS_REGION" --query failureReasons --output text >&2
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "lex build: $BOT_ID/$LOCALE_ID still $current after \${TIMEOUT_SECONDS}s (waiting for: $1)" >&2
      exit 1
    fi
    sleep 10
  done
}
wait_until "NotBuilt Built Failed ReadyExpressTesting" idle
# FallbackIntent (id FALLBCKINT) is created by Lex with the locale; set its hooks every run.
aws lexv2-models update-intent --bot-id "$BOT_ID" --bot-version DRAFT --locale-id "$LOCALE_ID" \\
  --intent-id FALLBCKINT --intent-name FallbackIntent --parent-intent-signature AMAZON.FallbackIntent \\
  --dialog-code-hook "enabled=$FALLBACK_DIALOG_HOOK" --fulfillment-code-hook "enabled=$FALLBACK_FULFILLMENT_HOOK" \\
  --region "$AWS_REGION" --query intentId --output text >/dev/null
aws lexv2-models build-bot-locale --bot-id "$BOT_ID" --bot-version DRAFT --locale-id "$LOCALE_ID" \\
  --region "$AWS_REGION" --query botLocaleStatus --output text >/dev/null
wait_until "Built" build
echo "lex build: $BOT_ID/$LOCALE_ID Built"
`;
