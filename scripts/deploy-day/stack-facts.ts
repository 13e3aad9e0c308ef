/**
 * What deploy day needs to know about the stack, read from the synthesized JSON (cdk.tf.json): the
 * names the config decided (flows, bots, alarms, topics, secrets, functions, the API, the CCP
 * site), never written down twice. References Terraform resolves at apply time are followed to the
 * resource they name; the account id, known only to the credentials, is filled in by `resolveName`.
 */
import { StackView, type StackResource } from "../../constructs/rules/stack-view";
import type { StackJson } from "../../constructs/rules/types";

/** `${aws_x.name.attr}` → `aws_x.name`; undefined for anything else. */
export function referencedAddress(value: unknown): string | undefined {
  const match = typeof value === "string" ? /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[^}]+\}$/.exec(value) : null;
  return match?.[1];
}

/**
 * A name with the caller's account and region put in (`…-access-logs-${data.aws_caller_identity
 * .current.account_id}`). Undefined while any other reference remains: only apply knows it.
 */
export function resolveName(value: unknown, account: string, region: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const resolved = value
    .replaceAll("${data.aws_caller_identity.current.account_id}", account)
    .replace(/\$\{data\.aws_region\.current\.(name|region)\}/g, region);
  return resolved.includes("${") ? undefined : resolved;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []);

export interface FlowFact {
  readonly address: string;
  readonly name: string;
  /** CONTACT_FLOW, CUSTOMER_QUEUE… (modules: MODULE). */
  readonly type: string;
  /** The rendered flow language, parsed (`${…}` references left as text). */
  readonly content: { StartAction?: string; Actions?: Array<Record<string, unknown>> } | undefined;
}

export interface IntentFact {
  readonly name: string;
  readonly utterances: readonly string[];
  /** A dialog or fulfilment code hook answers this intent. */
  readonly codeHook: boolean;
}

export interface BotFact {
  readonly address: string;
  readonly name: string;
  readonly aliasName: string;
  readonly locales: ReadonlyArray<{ readonly localeId: string; readonly intents: readonly IntentFact[] }>;
}

export interface TopicFact {
  readonly address: string;
  readonly name: string;
  /** E-mail endpoints the stack subscribes. */
  readonly emails: readonly string[];
}

/** Typed reads over the synthesized stack. */
export class StackFacts {
  private readonly view: StackView;

  constructor(readonly json: StackJson) {
    this.view = new StackView(json, { production: false });
  }

  private named(type: string): Array<StackResource & { readonly name: string }> {
    return this.view.ofType(type);
  }

  private bodyOf(address: string | undefined): Readonly<Record<string, unknown>> | undefined {
    return address ? this.view.get(address)?.body : undefined;
  }

  flows(): FlowFact[] {
    const parse = (content: unknown) => {
      try {
        return typeof content === "string" ? (JSON.parse(content) as FlowFact["content"]) : undefined;
      } catch {
        return undefined;
      }
    };
    return [
      ...this.named("aws_connect_contact_flow").map((r) => ({
        address: r.address,
        name: String(r.body.name),
        type: String(r.body.type ?? "CONTACT_FLOW"),
        content: parse(r.body.content),
      })),
      ...this.named("aws_connect_contact_flow_module").map((r) => ({
        address: r.address,
        name: String(r.body.name),
        type: "MODULE",
        content: parse(r.body.content),
      })),
    ];
  }

  flow(address: string): FlowFact | undefined {
    return this.flows().find((f) => f.address === address);
  }

  /** Each claimed number's output name (its E.164 in `terraform output`) and the flow it must reach. */
  numberRoutes(): Array<{ number: string; output: string | undefined; flowName: string }> {
    const outputs = Object.entries((this.json.output ?? {}) as Record<string, { value?: unknown }>);
    return this.named("aws_connect_phone_number_contact_flow_association").map((a) => {
      const number = referencedAddress(a.body.phone_number_id) ?? "(unknown number)";
      const flow = this.bodyOf(referencedAddress(a.body.contact_flow_id));
      const output = outputs.find(([, o]) => referencedAddress(o.value) === number)?.[0];
      return { number, output, flowName: String(flow?.name ?? a.body.contact_flow_id) };
    });
  }

  bots(): BotFact[] {
    const botOf = (value: unknown) => referencedAddress(value);
    const locales = this.named("aws_lexv2models_bot_locale");
    const intents = this.named("aws_lexv2models_intent");
    const enabled = (hook: unknown) => list(hook).some((h) => (h as { enabled?: unknown }).enabled === true);
    return this.named("aws_lexv2models_bot").map((bot) => {
      const alias = this.named("awscc_lex_bot_alias").find((a) => botOf(a.body.bot_id) === bot.address);
      const hooked = new Set(
        list(alias?.body.bot_alias_locale_settings)
          .filter(
            (s) =>
              (s as { bot_alias_locale_setting?: { code_hook_specification?: unknown } })
                .bot_alias_locale_setting?.code_hook_specification,
          )
          .map((s) => String((s as { locale_id: unknown }).locale_id)),
      );
      return {
        address: bot.address,
        name: String(bot.body.name),
        aliasName: String(alias?.body.bot_alias_name ?? ""),
        locales: locales
          .filter((l) => botOf(l.body.bot_id) === bot.address)
          .map((l) => {
            const localeId = String(l.body.locale_id);
            return {
              localeId,
              intents: intents
                .filter((i) => {
                  const localeRef = referencedAddress(i.body.locale_id);
                  return (
                    botOf(i.body.bot_id) === bot.address &&
                    (localeRef === l.address || i.body.locale_id === localeId)
                  );
                })
                .map((i) => ({
                  name: String(i.body.name),
                  utterances: list(i.body.sample_utterance).map((u) =>
                    String((u as { utterance: unknown }).utterance),
                  ),
                  codeHook:
                    hooked.has(localeId) &&
                    (enabled(i.body.dialog_code_hook) || enabled(i.body.fulfillment_code_hook)),
                })),
            };
          }),
      };
    });
  }

  /** The Connect instance's alias (`connect.instanceAlias`, else `<project>-<environment>`). */
  instanceAlias(): string | undefined {
    return str(this.named("aws_connect_instance")[0]?.body.instance_alias);
  }

  alarmNames(): string[] {
    return this.named("aws_cloudwatch_metric_alarm").map((a) => String(a.body.alarm_name));
  }

  topics(): TopicFact[] {
    const subscriptions = this.named("aws_sns_topic_subscription");
    return this.named("aws_sns_topic").map((t) => ({
      address: t.address,
      name: String(t.body.name),
      emails: subscriptions
        .filter((s) => referencedAddress(s.body.topic_arn) === t.address && s.body.protocol === "email")
        .flatMap((s) =>
          s.body.for_each ? Object.keys(s.body.for_each as object) : [String(s.body.endpoint)],
        ),
    }));
  }

  /** The topic every alarm notifies (the first alarm action's topic). */
  alarmTopic(): TopicFact | undefined {
    const counts = new Map<string, number>();
    for (const alarm of this.named("aws_cloudwatch_metric_alarm"))
      for (const action of list(alarm.body.alarm_actions)) {
        const address = referencedAddress(action);
        if (address?.startsWith("aws_sns_topic.")) counts.set(address, (counts.get(address) ?? 0) + 1);
      }
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return top ? this.topics().find((t) => t.address === top[0]) : undefined;
  }

  secrets(): Array<{ address: string; name: string }> {
    return this.named("aws_secretsmanager_secret").map((s) => ({
      address: s.address,
      name: String(s.body.name),
    }));
  }

  functions(): Array<{ address: string; name: string; reservedConcurrency: number }> {
    return this.named("aws_lambda_function").map((f) => ({
      address: f.address,
      name: String(f.body.function_name),
      reservedConcurrency:
        typeof f.body.reserved_concurrent_executions === "number" ? f.body.reserved_concurrent_executions : 0,
    }));
  }

  /** The HTTP API: its name, route keys, and the stage path ('' for $default). */
  api(): { name: string; routes: string[]; stagePath: string } | undefined {
    const [api] = this.named("aws_apigatewayv2_api");
    if (!api) return undefined;
    const stage = this.named("aws_apigatewayv2_stage").find(
      (s) => referencedAddress(s.body.api_id) === api.address,
    );
    const stageName = str(stage?.body.name) ?? "$default";
    return {
      name: String(api.body.name),
      routes: this.named("aws_apigatewayv2_route")
        .filter((r) => referencedAddress(r.body.api_id) === api.address)
        .map((r) => String(r.body.route_key)),
      stagePath: stageName === "$default" ? "" : `/${stageName}`,
    };
  }

  /**
   * The API's failover domain (config `dr.api`): the host name both Regions' custom domains serve,
   * undefined without one.
   */
  apiDomain(): string | undefined {
    return str(this.named("aws_apigatewayv2_domain_name")[0]?.body.domain_name);
  }

  /** The CCP distribution: custom host names, comment, and its response-headers policy. */
  ccpSite():
    | {
        aliases: string[];
        comment: string;
        headersPolicyName: string | undefined;
        headers: Record<string, unknown>;
      }
    | undefined {
    const [site] = this.named("aws_cloudfront_distribution");
    if (!site) return undefined;
    const behaviour = list(site.body.default_cache_behavior)[0] as Record<string, unknown> | undefined;
    const policy = this.bodyOf(referencedAddress(behaviour?.response_headers_policy_id));
    return {
      aliases: list(site.body.aliases).map(String),
      comment: String(site.body.comment ?? ""),
      headersPolicyName: str(policy?.name),
      headers: (list(policy?.security_headers_config)[0] ?? {}) as Record<string, unknown>,
    };
  }

  /** Where CloudFront's access logs are delivered: the bucket's name (unresolved) and prefix. */
  ccpLogDestination(): { bucket: string; prefix: string } | undefined {
    for (const d of this.named("aws_cloudwatch_log_delivery_destination")) {
      const arn = str(
        (list(d.body.delivery_destination_configuration)[0] as { destination_resource_arn?: unknown })
          ?.destination_resource_arn,
      );
      const match = arn ? /^\$\{(aws_s3_bucket\.[A-Za-z0-9_-]+)\.arn\}\/?(.*)$/.exec(arn) : null;
      const bucket = str(this.bodyOf(match?.[1])?.bucket);
      if (match && bucket) return { bucket, prefix: match[2] ?? "" };
    }
    return undefined;
  }

  /** The Bedrock guardrail's name, when the stack has one. */
  guardrailName(): string | undefined {
    return str(this.named("aws_bedrock_guardrail")[0]?.body.name);
  }
}
