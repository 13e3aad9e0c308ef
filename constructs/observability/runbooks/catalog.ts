/**
 * What only people know about each alarm: what it means for callers, what usually causes it,
 * and where to look first. Everything a stack decides (names, thresholds, topics, subscribers,
 * log group names, the log lines a metric filter counts) comes from the synthesized JSON instead
 * (stack-facts.ts, derived-checks.ts). Each entry names the alarms it explains; a test fails when
 * an alarm has no entry or an entry names an alarm the stack no longer has.
 */

/** Connect's own flow-log group (`/aws/connect/<instance alias>`): not a resource of the stack. */
export const CONNECT_FLOW_LOGS = "connect:flow-logs";

export interface LogCheck {
  readonly title: string;
  /** Log group resource names (`lex_fallback_lambda_log_group`), or CONNECT_FLOW_LOGS. */
  readonly logGroups: readonly string[];
  /** Logs Insights commands, in order (`fields …`, `filter …`); rendered joined by pipes. */
  readonly commands: readonly string[];
}

export interface RunbookEntry {
  /** Alarm resource names this entry explains, exactly. */
  readonly alarms?: readonly string[];
  /**
   * Per-queue alarm families: `queue_size` covers `queue_size` (the primary queue, the original's
   * address) and every `queue_size_<queue>`.
   */
  readonly families?: readonly string[];
  readonly meaning: string;
  readonly causes: readonly string[];
  /** First steps that are not a log query (consoles, CLI, who to call). */
  readonly steps: readonly string[];
  readonly queries: readonly LogCheck[];
}

const LEX_FALLBACK = ["lex_fallback_lambda_log_group"];

const failedTurns: LogCheck = {
  title: "Failed turns by intent and error",
  logGroups: LEX_FALLBACK,
  commands: [
    "fields @timestamp, intent, error.name, error.message",
    'filter message = "turn failed"',
    "stats count(*) as turns by intent, error.name",
    "sort turns desc",
  ],
};

const modelFailures: LogCheck = {
  title: "Why the model gave no answer",
  logGroups: LEX_FALLBACK,
  commands: [
    "fields @timestamp, error.name, error.message",
    'filter message = "llm fallback unavailable"',
    "stats count(*) as failures by error.name, error.message",
    "sort failures desc",
  ],
};

const queueTraffic: LogCheck = {
  title: "Which flows and blocks contacts went through (Connect flow logs)",
  logGroups: [CONNECT_FLOW_LOGS],
  commands: [
    "fields @timestamp, ContactFlowName, ContactFlowModuleType",
    "stats count(*) as blocks by ContactFlowName, ContactFlowModuleType",
    "sort blocks desc",
    "limit 50",
  ],
};

const contactRecordBatches: LogCheck = {
  title: "Contact records counted per batch (handled and abandoned come from these)",
  logGroups: ["contact_metrics_lambda_log_group"],
  commands: [
    "fields @timestamp, records, malformed, unwritable, alreadyCounted",
    'filter message = "batch processed"',
    "sort @timestamp desc",
    "limit 20",
  ],
};

const queueSteps = [
  "Open the dashboard (named above) and the Connect real-time metrics for the queue: agents online, available, on contact, contacts in queue.",
  "Check the routing profiles that serve the queue have agents signed in now, and the queue's hours of operation match the staffing rota.",
  "If the rise followed a deploy, compare the routing in docs/flows/queue_routing_flow.md with the previous commit's.",
];

export const RUNBOOK_CATALOG: readonly RunbookEntry[] = [
  {
    alarms: ["hallucination_rate_high", "hallucination_rate_medium"],
    meaning:
      "The guardrail blocked a large share of the model's answers to general questions. Blocked answers are never spoken: the caller hears a re-prompt or the help text instead, so many of them mean callers are not getting answers.",
    causes: [
      "A change of model or Bedrock region (`lambda.bedrockModelId`, `bedrockRegion`) whose answers the guardrail rejects more often.",
      "A guardrail policy tightened (denied topics, word filters, grounding threshold).",
      "Callers asking about something outside the bank's scope (an outage, a news story), or attempts to make the model say something it should not.",
    ],
    steps: [
      "Open the guardrail's metrics in the Bedrock console in `bedrockRegion`: interventions by policy show which rule blocks.",
      "If a model or guardrail change went out with the last deploy, roll it back (below).",
    ],
    queries: [
      {
        title: "Share of answers blocked, per 5 minutes",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, HallucinationDetectionRate",
          "filter ispresent(HallucinationDetectionRate)",
          "stats avg(HallucinationDetectionRate) as blocked_pct, count(*) as answers by bin(5m)",
        ],
      },
      modelFailures,
    ],
  },
  {
    alarms: ["bedrock_api_errors"],
    meaning:
      "Calls to Bedrock failed (not timeouts, not guardrail blocks). Callers asking general questions get the help text instead of an answer; banking intents are not affected.",
    causes: [
      "Model access not enabled, or the model not offered, in `bedrockRegion` (AccessDeniedException, ValidationException).",
      "Throttling (ThrottlingException): on-demand quota for the model in that region.",
      "The Lambda role lost bedrock:InvokeModel or bedrock:ApplyGuardrail on the model or guardrail ARNs after a change.",
      "A Bedrock service event in the region (AWS Health Dashboard).",
    ],
    steps: [
      "Check the AWS Health Dashboard for Bedrock in `bedrockRegion`.",
      "`aws bedrock get-foundation-model-availability --region <bedrockRegion> --model-id <lambda.bedrockModelId>` says whether access is granted.",
    ],
    queries: [
      modelFailures,
      {
        title: "Bedrock errors per 5 minutes",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, BedrockAPIErrors",
          "filter ispresent(BedrockAPIErrors)",
          "stats sum(BedrockAPIErrors) as errors by bin(5m)",
        ],
      },
    ],
  },
  {
    alarms: ["validation_timeouts"],
    meaning:
      "Model answers took longer than the turn's budget and were abandoned. The caller heard the help text instead of an answer; the Lambda's circuit breaker stops asking the model when too many time out.",
    causes: [
      "Bedrock latency in `bedrockRegion` (service event, cross-region distance, large prompts).",
      "Throttling with retries eating the budget.",
      "A cold Lambda environment reaching Bedrock for the first time (a burst of new containers).",
    ],
    steps: ["Compare the Lambda's Duration (p99) on the dashboard with the time the timeouts started."],
    queries: [
      {
        title: "Timeouts per 5 minutes",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, ValidationTimeouts",
          "filter ispresent(ValidationTimeouts)",
          "stats sum(ValidationTimeouts) as timeouts by bin(5m)",
        ],
      },
      modelFailures,
    ],
  },
  {
    alarms: ["lambda_error_rate", "lambda_errors"],
    meaning:
      "The Lex code hook failed turns. Lex then tells the caller something went wrong, and the flows take their error branch: callers reach an agent without the self-service they asked for, or are cut off.",
    causes: [
      "A bad deploy of the code hook (the errors start with the new version).",
      "A dependency refusing: DynamoDB throttling or access denied, a Secrets Manager value missing, the banking API unreachable.",
      "A Lex or flow change sending an event shape the handler does not expect.",
    ],
    steps: [
      "Check whether the errors began with the last deploy (the function's version on the dashboard).",
      "If they did, roll back (below); the canary rollback takes callers off the new flows at once.",
    ],
    queries: [failedTurns],
  },
  {
    alarms: ["fraud_alert_undelivered"],
    meaning:
      "A caller reported fraud or a lost or stolen card, and the alert reached neither the fraud topic nor its backup queue: nobody has been told. The caller was still transferred to the fraud queue.",
    causes: [
      "The fraud topic refusing publishes (KMS key policy, topic policy) while the backup queue also refuses (same key, queue policy).",
      "The Lambda's role lost sns:Publish or sqs:SendMessage after a change.",
    ],
    steps: [
      "Tell the fraud team now: each FRAUD_ALERT_UNDELIVERED line holds the alert (alert type, severity, masked identifiers) to act on; call the customer back.",
      "Then fix the channel: the last query below says why the topic and the queue refused.",
    ],
    queries: [
      {
        title: "Why the topic and the backup queue refused",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, message, alertType, error.name, error.message",
          'filter message = "fraud alert topic failed" or message = "fraud alert backup queue failed"',
          "sort @timestamp desc",
          "limit 50",
        ],
      },
    ],
  },
  {
    alarms: ["security_event_unwritten"],
    meaning:
      "An authentication or fraud decision could not be written to the security-events table: the audit trail has a gap for that contact. The call itself went on.",
    causes: [
      "DynamoDB throttling or an outage of the security-events table.",
      "The Lambda's role or the table's KMS key policy changed.",
    ],
    steps: [
      "Each SECURITY_EVENT_UNWRITTEN line holds the event that is missing: record it in the audit system by hand before the logs expire.",
    ],
    queries: [
      {
        title: "Why the writes failed",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, error.name, error.message",
          'filter message = "SECURITY_EVENT_UNWRITTEN"',
          "stats count(*) as events by error.name, error.message",
        ],
      },
    ],
  },
  {
    alarms: ["fraud_backup_queue_depth"],
    meaning:
      "Fraud alerts are waiting on the backup queue because the fraud topic refused or stalled: the fraud team has not been told of them. Messages stay 14 days.",
    causes: [
      "The fraud topic refusing publishes (topic or KMS key policy) or timing out.",
      "SNS throttling during a burst of fraud reports.",
    ],
    steps: [
      "Replay each message by hand: receive one (`aws sqs receive-message --queue-url <url> --visibility-timeout 300`), publish its body to the fraud topic (`aws sns publish --topic-arn <fraud topic ARN> --message <body>`), then delete it (`aws sqs delete-message --queue-url <url> --receipt-handle <handle>`). Every receive counts: after 5 a message moves to the dead-letter queue.",
      "`aws sqs get-queue-url --queue-name <queue>` gives the URL (the queue names are below).",
    ],
    queries: [
      {
        title: "Why the topic refused",
        logGroups: LEX_FALLBACK,
        commands: [
          "fields @timestamp, alertType, error.name, error.message",
          'filter message = "fraud alert topic failed"',
          "sort @timestamp desc",
          "limit 50",
        ],
      },
    ],
  },
  {
    alarms: ["fraud_backup_dead_letter_depth"],
    meaning:
      "Fraud alerts were received from the backup queue five times without being deleted: replay failed repeatedly and the fraud team may not have them.",
    causes: ["A replay attempted and abandoned, or a message body the fraud topic refuses."],
    steps: [
      "Hand each message to the fraud team directly (read it with `aws sqs receive-message`), then delete it.",
    ],
    queries: [],
  },
  {
    alarms: ["callback_status_dead_letter_depth"],
    meaning:
      "Connect contact events of callback contacts could not be applied after every retry (up to 24 over 6 hours): some callbacks-table records stopped short of DONE, FAILED or EXPIRED.",
    causes: [
      "The callback-status function failing (throttling or access denied on the callbacks table).",
      "An event shape the function does not understand.",
    ],
    steps: [
      "Find the cause with the query below and fix it first.",
      "Then replay: each message body is the original contact event. Receive one, save its body to event.json, `aws lambda invoke --function-name <callback-status function>:live --cli-binary-format raw-in-base64-out --payload file://event.json out.json`, and delete the message once the record moved on.",
    ],
    queries: [
      {
        title: "Events the function skipped",
        logGroups: ["callback_status_lambda_log_group"],
        commands: [
          "fields @timestamp, reason",
          'filter message = "contact event skipped"',
          "stats count(*) as events by reason",
        ],
      },
    ],
  },
  {
    alarms: ["contact_metrics_iterator_age"],
    meaning:
      "The contact-record counter is behind the contact-record stream: handled and abandoned counts (and so the abandonment alarms) are stale, and records older than the stream's retention will be lost.",
    causes: [
      "The function failing on a batch and retrying it (a poison record is skipped, a failing write retries).",
      "The counted-contacts table throttling.",
      "Not enough concurrency or shards for a traffic peak.",
    ],
    steps: [
      "Check the function's errors and throttles on the dashboard and the stream's GetRecords.IteratorAgeMilliseconds.",
    ],
    queries: [
      {
        title: "Batches retried, and records skipped",
        logGroups: ["contact_metrics_lambda_log_group"],
        commands: [
          "fields @timestamp, message, reason, skipped, error.name",
          'filter message = "counted-contacts write failed; batch retried from this record" or message = "contact record skipped"',
          "sort @timestamp desc",
          "limit 50",
        ],
      },
    ],
  },
  {
    alarms: ["contact_metrics_records_skipped"],
    meaning:
      "The contact-record counter skipped contact records for good: they are never retried, so those contacts are missing from the handled and abandoned counts, and the abandonment rates read low.",
    causes: [
      "`unreadable`: Connect changed the contact-record format, or something other than Connect writes to the contact-record stream.",
      "`unwritable`: the counted-contacts table refused the item itself (a validation error, not throttling: throttling retries the batch and shows as iterator age).",
      "A deploy of lambda/ctr_metrics that reads the records differently.",
    ],
    steps: [
      "The dashboard's Contact-record counter widget shows which reason and since when; if it began with a deploy, roll back (below).",
      "For `unreadable`, read one skipped record from the stream by its sequence number (`aws kinesis get-records`) and compare its fields with the format in lambda/ctr_metrics/contact-record.ts.",
      "Until it is fixed, read abandonment from Connect's historical metrics report rather than the alarms.",
    ],
    queries: [
      {
        title: "Records skipped, by reason",
        logGroups: ["contact_metrics_lambda_log_group"],
        commands: [
          "fields @timestamp, skipped, reason, sequenceNumber, position",
          'filter message = "contact record skipped"',
          "stats count(*) as records by skipped, reason",
          "sort records desc",
        ],
      },
    ],
  },
  {
    alarms: ["api_server_errors", "api_auth_route_errors", "api_crm_route_errors"],
    meaning:
      "The companion-approval and CRM API failed requests. App approvals fail (callers fall back to the PIN or an agent) or agents see no customer summary in the CCP.",
    causes: [
      "A function failing (bad deploy, missing Secrets Manager value, the banking API down for GET /customer).",
      "Functions throttled (reserved concurrency) during a peak.",
      "The authorizer's identity provider unreachable (401s are not 5xx; a 5xx here is the integration).",
    ],
    steps: ["If it started with a deploy, roll back (below)."],
    queries: [],
  },
  {
    alarms: ["api_customer_access_audit_unwritten"],
    meaning:
      "A customer lookup or a companion answer could not be written to the customer-access table. Lookups are then refused (no audit, no data); companion answers stand.",
    causes: ["The customer-access table throttling or refusing (role, KMS key policy)."],
    steps: ["Agents cannot see customer summaries while this lasts: tell the floor manager."],
    queries: [],
  },
  {
    alarms: ["api_customer_access_lookups_per_agent_high"],
    meaning:
      "One agent looked up more customers in 5 minutes than the threshold allows: possible misuse of the agent desktop, or a script using an agent's token.",
    causes: ["Misuse, a compromised agent token, or a CCP page fault repeating lookups."],
    steps: [
      "The Contributor Insights rule named in the description names the agent (its top contributor); the customer-access table lists whom they looked up.",
      "Treat as a security incident until explained: inform the security team before contacting the agent.",
    ],
    queries: [
      {
        title: "Lookups per caller (agent) per 5 minutes",
        logGroups: ["auth_api_gw"],
        commands: [
          "fields @timestamp, caller, routeKey, status",
          'filter routeKey = "GET /customer"',
          "stats count(*) as lookups by caller, bin(5m)",
          "sort lookups desc",
          "limit 20",
        ],
      },
    ],
  },
  {
    families: ["queue_size"],
    meaning:
      "More contacts are waiting in the queue than the threshold, on average over 5 minutes: callers wait longer and more of them hang up.",
    causes: [
      "Fewer agents signed in than the rota expects, or agents stuck in an unavailable state.",
      "A traffic spike (an outage, a campaign, a fraud wave for FraudQueue).",
      "Routing sending contacts to the wrong queue after a flow change.",
    ],
    steps: queueSteps,
    queries: [queueTraffic],
  },
  {
    families: ["queue_wait_time"],
    meaning: "A contact has waited in the queue longer than the threshold (the longest wait, per 5 minutes).",
    causes: [
      "No agent in a routing profile that serves the queue is available.",
      "A routing profile lost the queue, or its priority/delay keeps contacts behind others.",
    ],
    steps: queueSteps,
    queries: [queueTraffic],
  },
  {
    families: ["queue_abandonment_rate"],
    meaning:
      "More callers hang up while queued than the threshold, over 5 minutes, counted from contact records.",
    causes: [
      "Long waits (see the queue's wait-time and size alarms).",
      "Hold messages or music failing, so callers think the line is dead.",
      "Contact records arriving late: check the contact-record counter's iterator-age alarm first.",
    ],
    steps: queueSteps,
    queries: [contactRecordBatches, queueTraffic],
  },
];

/** The catalog entry that explains an alarm; undefined when none does. */
export function entryFor(alarmAddress: string): RunbookEntry | undefined {
  return RUNBOOK_CATALOG.find(
    (e) =>
      (e.alarms ?? []).includes(alarmAddress) ||
      (e.families ?? []).some((f) => alarmAddress === f || alarmAddress.startsWith(`${f}_`)),
  );
}
