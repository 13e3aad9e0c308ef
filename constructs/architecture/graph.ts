import { pick, StackView } from "../rules/stack-view";
import type { StackJson } from "../rules/types";

/**
 * The AWS pieces of the synthesized stack and the data paths between them, read from the
 * resources and their references in cdk.tf.json (nothing hand-drawn): each resource of a service
 * type is a component; its sub-resources (a bot's intents, a bucket's policy, a flow of the
 * instance) lend it their references; link resources (an event source mapping, a storage config,
 * a subscription filter) join the two components they name, in the direction the data goes.
 */

export interface Component {
  /** Terraform address, or `logs` / `alarms` for the aggregated CloudWatch components. */
  readonly id: string;
  readonly service: string;
  readonly name: string;
}

export interface DataPath {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface ArchitectureGraph {
  readonly components: ReadonlyMap<string, Component>;
  readonly paths: readonly DataPath[];
  /** KMS key id → the components whose data it encrypts. */
  readonly encryption: ReadonlyMap<string, readonly string[]>;
}

/** Resource types drawn as components: service, and the attribute holding a readable name. */
const SERVICES: Readonly<Record<string, { service: string; name: string }>> = {
  aws_connect_instance: { service: "Amazon Connect", name: "instance_alias" },
  aws_lexv2models_bot: { service: "Lex V2 bot", name: "name" },
  aws_lambda_function: { service: "Lambda", name: "function_name" },
  aws_dynamodb_table: { service: "DynamoDB", name: "name" },
  aws_apigatewayv2_api: { service: "API Gateway", name: "name" },
  aws_cloudfront_distribution: { service: "CloudFront", name: "comment" },
  aws_wafv2_web_acl: { service: "WAF", name: "name" },
  aws_s3_bucket: { service: "S3", name: "bucket" },
  aws_kinesis_stream: { service: "Kinesis", name: "name" },
  aws_kinesis_firehose_delivery_stream: { service: "Firehose", name: "name" },
  aws_glue_catalog_database: { service: "Glue Data Catalog", name: "name" },
  aws_cloudtrail: { service: "CloudTrail", name: "name" },
  aws_kms_key: { service: "KMS", name: "description" },
  aws_sns_topic: { service: "SNS", name: "name" },
  aws_sqs_queue: { service: "SQS", name: "name" },
  aws_secretsmanager_secret: { service: "Secrets Manager", name: "name" },
  aws_bedrock_guardrail: { service: "Bedrock guardrail", name: "name" },
  aws_cloudwatch_event_rule: { service: "EventBridge rule", name: "name" },
  aws_cloudwatch_metric_stream: { service: "CloudWatch metric stream", name: "name" },
};

/** Many resources, one component each: every log group is "CloudWatch Logs", every alarm "alarms". */
const AGGREGATED: Readonly<Record<string, Component>> = {
  aws_cloudwatch_log_group: { id: "logs", service: "CloudWatch Logs", name: "log groups" },
  aws_cloudwatch_metric_alarm: { id: "alarms", service: "CloudWatch", name: "alarms" },
};

/** Sub-resource type (or prefix ending in _) → the attribute naming the component it belongs to. */
const OWNER: ReadonlyArray<readonly [string, string]> = [
  ["aws_connect_", "instance_id"],
  ["awscc_connect_approved_origin", "instance_id"],
  ["aws_lexv2models_", "bot_id"],
  ["awscc_lex_bot_alias", "bot_id"],
  ["aws_lambda_alias", "function_name"],
  ["aws_lambda_permission", "function_name"],
  ["aws_glue_catalog_table", "database_name"],
  ["aws_s3_", "bucket"],
  ["aws_apigatewayv2_", "api_id"],
  ["aws_sns_topic_policy", "arn"],
  ["aws_sqs_queue_policy", "queue_url"],
  ["aws_bedrock_guardrail_version", "guardrail_arn"],
  ["aws_cloudwatch_log_delivery_source", "resource_arn"],
  ["aws_cloudwatch_log_delivery_destination", "delivery_destination_configuration"],
  ["aws_cloudwatch_log_stream", "log_group_name"],
];

/** Resources that join two components: [from attribute, to attribute], in the data's direction. */
const LINKS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  aws_lambda_event_source_mapping: [["event_source_arn", "function_name"]],
  aws_cloudwatch_event_target: [
    ["rule", "arn"],
    ["rule", "dead_letter_config"],
  ],
  aws_cloudwatch_log_subscription_filter: [["log_group_name", "destination_arn"]],
  aws_cloudwatch_log_delivery: [["delivery_source_name", "delivery_destination_arn"]],
  aws_connect_lambda_function_association: [["instance_id", "function_arn"]],
  awscc_connect_integration_association: [["instance_id", "integration_arn"]],
  aws_apigatewayv2_integration: [["api_id", "integration_uri"]],
  aws_lambda_function_event_invoke_config: [["function_name", "destination_config"]],
  aws_connect_instance_storage_config: [["instance_id", "storage_config"]],
  aws_wafv2_web_acl_logging_configuration: [["resource_arn", "log_destination_configs"]],
};

/** References read against the data's direction: the referenced component sends to the referrer. */
const INBOUND: ReadonlyArray<readonly [string, string]> = [
  ["aws_kinesis_firehose_delivery_stream", "kinesis_source_configuration"],
  ["aws_cloudwatch_event_rule", "event_pattern"],
];

/** Never data paths: permissions and policies, the dashboard, key aliases, provisioning steps. */
const IGNORED =
  /^(aws_iam_|aws_lambda_permission$|aws_[a-z0-9_]+_policy$|aws_cloudwatch_dashboard$|aws_cloudwatch_contributor_insight_rule$|aws_cloudwatch_log_metric_filter$|aws_kms_alias$|null_resource$|aws_sns_topic_subscription$|aws_cloudfront_origin_access_control$)/;

/** Types whose other references are not data paths: only these attributes are. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  // An alarm reads metrics of many components; it only sends to its topics.
  aws_cloudwatch_metric_alarm: ["alarm_actions"],
  // The trail records object events of several buckets; it writes to one.
  aws_cloudtrail: ["s3_bucket_name", "kms_key_id"],
};

/** The path's label when the attribute (or link type) says more than the target's service. */
const LABEL: Readonly<Record<string, string>> = {
  origin: "serves from",
  target_bucket: "access logs",
  redrive_policy: "dead letters",
  dead_letter_config: "dead letters",
  destination_config: "failures",
  aws_cloudwatch_log_delivery: "access logs",
  aws_cloudwatch_log_subscription_filter: "archives",
  aws_lambda_event_source_mapping: "triggers",
  aws_wafv2_web_acl_logging_configuration: "logs",
  CONTACT_TRACE_RECORDS: "contact records",
  AGENT_EVENTS: "agent events",
  CALL_RECORDINGS: "call recordings",
  CHAT_TRANSCRIPTS: "chat transcripts",
};

/** Addresses a value names anywhere inside it (`${element(split("/", aws_x.y.arn), 1)}` too). */
function addressesIn(view: StackView, value: unknown): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  return [...text.matchAll(/\b((?:aws|awscc)_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g)]
    .map((m) => `${m[1]}.${m[2]}`)
    .filter((address, i, all) => view.get(address) !== undefined && all.indexOf(address) === i);
}

/** What a path to a component of this service does, said from the sender's side. */
const VERB: Readonly<Record<string, string>> = {
  DynamoDB: "reads, writes",
  SNS: "publishes",
  SQS: "sends",
  "Secrets Manager": "reads secret",
  Kinesis: "puts records",
  Firehose: "streams",
  S3: "writes",
  "Glue Data Catalog": "schema",
  Lambda: "invokes",
  "Lex V2 bot": "converses",
  "Bedrock guardrail": "guarded by",
  WAF: "filtered by",
  "API Gateway": "calls",
  "CloudWatch Logs": "logs",
  "Amazon Connect": "events",
  "EventBridge rule": "events",
};

function ownerAttribute(type: string): string | undefined {
  return OWNER.find(([prefix]) => (prefix.endsWith("_") ? type.startsWith(prefix) : type === prefix))?.[1];
}

export function architectureGraph(json: StackJson): ArchitectureGraph {
  const view = new StackView(json, { production: false });
  const components = new Map<string, Component>();
  const componentOf = new Map<string, string>();
  for (const r of view.all()) {
    const spec = SERVICES[r.type];
    const aggregated = AGGREGATED[r.type];
    if (aggregated) {
      components.set(aggregated.id, aggregated);
      componentOf.set(r.address, aggregated.id);
    } else if (spec) {
      const raw = String(pick(r.body, spec.name) ?? r.name);
      // Names with the account id in them (`…-${data.aws_caller_identity.current.account_id}`).
      const name = raw.replace(/\$\{[^}]+\}/g, "<account>");
      components.set(r.address, { id: r.address, service: spec.service, name });
      componentOf.set(r.address, r.address);
    }
  }
  /** The component a resource is or belongs to, following owner attributes (bounded: no cycles). */
  const resolve = (address: string, depth = 0): string | undefined => {
    const known = componentOf.get(address);
    if (known !== undefined || depth > 4) return known;
    const resource = view.get(address);
    const attribute = resource ? ownerAttribute(resource.type) : undefined;
    const owner = attribute ? addressesIn(view, pick(resource!.body, attribute))[0] : undefined;
    return owner ? resolve(owner, depth + 1) : undefined;
  };
  const targets = (value: unknown) =>
    addressesIn(view, value).flatMap((ref) => {
      const c = resolve(ref);
      return c === undefined ? [] : [c];
    });

  // from → to → labels; a specific label (link kind, attribute) wins over the target's verb.
  const labels = new Map<string, { specific: Set<string>; generic: string }>();
  const encryption = new Map<string, string[]>();
  const add = (from: string, to: string, via: string) => {
    if (from === to) return;
    const target = components.get(to);
    if (!target) return;
    if (target.service === "KMS") {
      encryption.set(to, [...new Set([...(encryption.get(to) ?? []), from])]);
      return;
    }
    // Every function and bot logs: said once in the page, not drawn as twenty arrows.
    if (target.id === "logs") return;
    const key = `${from}\u0000${to}`;
    const entry = labels.get(key) ?? { specific: new Set<string>(), generic: VERB[target.service] ?? "uses" };
    const source = components.get(from)?.service;
    const specific = source === "Glue Data Catalog" ? "catalogs" : LABEL[via];
    if (specific !== undefined) entry.specific.add(specific);
    labels.set(key, entry);
  };
  for (const r of view.all()) {
    if (IGNORED.test(r.type)) continue;
    const links = LINKS[r.type];
    if (links) {
      // Connect's storage configs say what they carry: CONTACT_TRACE_RECORDS → "contact trace records".
      const kind =
        r.type === "aws_connect_instance_storage_config" ? String(r.body["resource_type"]) : r.type;
      for (const [fromAttr, toAttr] of links)
        for (const from of targets(pick(r.body, fromAttr)))
          for (const to of targets(pick(r.body, toAttr)))
            add(from, to, LABEL[toAttr] !== undefined ? toAttr : kind);
      continue;
    }
    const owner = resolve(r.address);
    if (owner === undefined) continue;
    const inbound = INBOUND.filter(([type]) => type === r.type).map(([, attr]) => attr);
    const only = ONLY[r.type];
    for (const [key, value] of Object.entries(r.body)) {
      if (key === "depends_on" || (only && !only.includes(key))) continue;
      for (const other of targets(value)) {
        if (inbound.includes(key)) add(other, owner, key);
        else add(owner, other, key);
      }
    }
  }
  const paths = [...labels].map(([key, { specific, generic }]) => {
    const [from = "", to = ""] = key.split("\u0000");
    return { from, to, label: specific.size > 0 ? [...specific].join(", ") : generic };
  });
  return { components, paths, encryption };
}
