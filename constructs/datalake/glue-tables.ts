/** One Glue column: Hive type syntax, as Athena reads it. */
export interface GlueColumn {
  readonly name: string;
  readonly type: string;
}

/** A JSON table over one prefix of a bucket. */
export interface GlueTableDefinition {
  /** Table name (Athena: lower-case, digits, _). */
  readonly name: string;
  /** Which bucket the table reads: the data lake, or Connect's own storage bucket (Contact Lens output). */
  readonly bucket: "datalake" | "connectStorage";
  /** Key prefix under the bucket, ending with "/". */
  readonly prefix: string;
  readonly columns: readonly GlueColumn[];
}

const hierarchyLevel = "struct<ARN:string,GroupName:string>";
const ctrAgent =
  "struct<ARN:string,AfterContactWorkDuration:int,AfterContactWorkStartTimestamp:string," +
  "AfterContactWorkEndTimestamp:string,AgentInteractionDuration:int,ConnectedToAgentTimestamp:string," +
  "CustomerHoldDuration:int,HierarchyGroups:struct<" +
  [1, 2, 3, 4, 5].map((level) => `Level${level}:${hierarchyLevel}`).join(",") +
  ">,LongestHoldDuration:int,NumberOfHolds:int,RoutingProfile:struct<ARN:string,Name:string>,Username:string>";
const agentSnapshot =
  "struct<AgentStatus:struct<ARN:string,Name:string,StartTimestamp:string>," +
  "Configuration:struct<AgentHierarchyGroups:string,FirstName:string,LastName:string," +
  "RoutingProfile:struct<ARN:string,DefaultOutboundQueue:struct<ARN:string,Name:string>," +
  "InboundQueues:array<struct<ARN:string,Name:string>>,Name:string>,Username:string>," +
  "Contacts:array<struct<Channel:string,ConnectedToAgentTimestamp:string,ContactId:string," +
  "InitialContactId:string,InitiationMethod:string,Queue:struct<ARN:string,Name:string,Timestamp:string>," +
  "State:string,StateStartTimestamp:string>>>";

const strings = (...names: string[]): GlueColumn[] => names.map((name) => ({ name, type: "string" }));

/**
 * The data lake's tables, in the original module's order: the order is the `count` index each had in
 * state (module.glue_datalake.aws_glue_catalog_table.this[i]), so do not reorder. Prefixes for the
 * Firehose-fed tables come from config; these are the record shapes Connect, EventBridge and the
 * AI-reporting producer (lex_fallback) write.
 */
export function glueTables(prefixes: {
  readonly ctr: string;
  readonly agentEvents: string;
  readonly lifecycleEvents: string;
  readonly aiReporting: string;
}): GlueTableDefinition[] {
  return [
    {
      name: "ctrs",
      bucket: "datalake",
      prefix: prefixes.ctr,
      columns: [
        { name: "ContactId", type: "string" },
        { name: "Agent", type: ctrAgent },
        {
          name: "Queue",
          type: "struct<ARN:string,DequeueTimestamp:string,Duration:int,EnqueueTimestamp:string,Name:string>",
        },
        ...strings(
          "DisconnectReason",
          "Channel",
          "InitiationMethod",
          "InitiationTimestamp",
          "DisconnectTimestamp",
          "ConnectedToSystemTimestamp",
          "TransferCompletedTimestamp",
        ),
      ],
    },
    {
      name: "agent_events",
      bucket: "datalake",
      prefix: prefixes.agentEvents,
      columns: [
        { name: "AgentARN", type: "string" },
        { name: "CurrentAgentSnapshot", type: agentSnapshot },
        ...strings("EventTimestamp", "EventType"),
      ],
    },
    {
      name: "lifecycle_events",
      bucket: "datalake",
      prefix: prefixes.lifecycleEvents,
      columns: [
        ...strings("id", "detail-type", "source", "time"),
        {
          name: "detail",
          type:
            "struct<contactId:string,initiationMethod:string,channel:string," +
            "queueInfo:struct<queueArn:string,queueType:string,enqueueTimestamp:string>," +
            "agentInfo:struct<agentArn:string,connectedToAgentTimestamp:string>>",
        },
      ],
    },
    {
      name: "ai_insights",
      bucket: "datalake",
      prefix: prefixes.aiReporting,
      // What lex_fallback writes per turn (lambda/lex_fallback/insights/record.ts, held equal by a
      // test). The original's user_query and model_response columns are gone: no transcript in the lake.
      columns: [
        ...strings("record_id", "timestamp", "contact_id", "intent"),
        { name: "confidence", type: "double" },
        { name: "bedrock_used", type: "boolean" },
        { name: "guardrail_action", type: "string" },
        { name: "handover", type: "boolean" },
        { name: "handover_reason", type: "string" },
        { name: "latency_ms", type: "int" },
      ],
    },
    {
      // One JSON file per analysed contact under Analysis/Voice/... or Analysis/Chat/... (redacted
      // copies under .../Redacted/), shaped as Connect's documented output file: the contact id
      // sits in CustomerMetadata, durations are in milliseconds, sentiment is keyed by role.
      name: "contact_lens_analysis",
      bucket: "connectStorage",
      prefix: "Analysis/",
      columns: [
        ...strings("Version", "AccountId", "Channel", "JobStatus", "LanguageCode"),
        { name: "ContentMetadata", type: "struct<Output:string>" },
        { name: "CustomerMetadata", type: "struct<ContactId:string,InstanceId:string,InputS3Uri:string>" },
        { name: "Participants", type: "array<struct<ParticipantId:string,ParticipantRole:string>>" },
        { name: "Categories", type: "struct<MatchedCategories:array<string>>" },
        {
          name: "ConversationCharacteristics",
          type:
            "struct<TotalConversationDurationMillis:int," +
            "Sentiment:struct<OverallSentiment:struct<AGENT:double,CUSTOMER:double>>," +
            "Interruptions:struct<TotalCount:int,TotalTimeMillis:int>," +
            "NonTalkTime:struct<TotalTimeMillis:int>>",
        },
      ],
    },
  ];
}
