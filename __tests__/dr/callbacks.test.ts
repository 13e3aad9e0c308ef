import { byAddress, drJson } from "./stack";

const REPLICA = "eu-central-1";
const FUNCTION = "connect-comprehensive-callback-status";

interface Statement {
  Sid: string;
  Action: string[];
  Resource: string[];
  Principal?: { Service: string | string[] };
  Condition?: unknown;
}
const statements = (policy: unknown): Statement[] =>
  (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;

/**
 * The replica Region's callbacks consumer (docs/disaster-recovery.md): Connect sends a contact's
 * events only to EventBridge in the Region handling it, so callbacks requested on the replica's
 * calls need a consumer there, or their records stay PENDING.
 */
describe("disaster recovery: the callbacks consumer in the replica Region", () => {
  const resources = byAddress(drJson());
  const get = (address: string) => {
    const body = resources.get(address);
    if (body === undefined) throw new Error(`no ${address} in the DR stack`);
    return body;
  };

  it("takes the replica instance's callback contact events, in the replica Region", () => {
    const rule = get("aws_cloudwatch_event_rule.dr_callback_status_rule");
    expect(rule.region).toBe(REPLICA);
    expect(JSON.parse(String(rule.event_pattern))).toMatchObject({
      source: ["aws.connect"],
      detail: {
        instanceArn: [
          `arn:\${data.aws_partition.current.partition}:connect:${REPLICA}:\${data.aws_caller_identity.current.account_id}:instance/\${aws_connect_instance.connect_instance_instance.id}`,
        ],
        initiationMethod: ["CALLBACK"],
      },
    });
    // The primary's rule keeps its own instance: each Region consumes only the contacts it handles.
    expect(
      JSON.parse(String(get("aws_cloudwatch_event_rule.callback_status_rule").event_pattern)).detail
        .instanceArn,
    ).toStrictEqual(["${aws_connect_instance.connect_instance_instance.arn}"]);
    expect(get("aws_cloudwatch_event_target.dr_callback_status_target")).toMatchObject({
      arn: "${aws_lambda_alias.dr_callback_status_lambda_alias.arn}",
      dead_letter_config: { arn: "${aws_sqs_queue.dr_callback_status_dead_letter.arn}" },
      region: REPLICA,
    });
  });

  it("runs the primary's callback_status bundle under the same function name, on the replica table and key", () => {
    const primary = get("aws_lambda_function.callback_status_lambda_function");
    const replica = get("aws_lambda_function.dr_callback_status_lambda_function");
    expect(replica).toMatchObject({
      function_name: FUNCTION,
      source_code_hash: primary.source_code_hash,
      kms_key_arn: "${aws_kms_key.dr_kms_key_key.arn}",
      region: REPLICA,
    });
    expect((replica.environment as { variables: Record<string, string> }).variables).toMatchObject({
      CALLBACK_TABLE_NAME: '${element(split("/", aws_dynamodb_table_replica.dr_callbacks_replica.arn), 1)}',
      CALLBACK_METRICS_NAMESPACE: (primary.environment as { variables: Record<string, string> }).variables
        .CALLBACK_METRICS_NAMESPACE,
    });
    expect(get("aws_sqs_queue.dr_callback_status_dead_letter")).toMatchObject({
      kms_master_key_id: "${aws_kms_key.dr_kms_key_key.arn}",
      region: REPLICA,
    });
  });

  it("gives its execution role a name of its own (IAM is global), allowed only the replica table, queue and key", () => {
    expect(get("aws_iam_role.callback_status_lambda_role").name).toBe(`${FUNCTION}-role`);
    expect(get("aws_iam_role.dr_callback_status_lambda_role").name).toBe(`${FUNCTION}-role-${REPLICA}`);
    const granted = Object.fromEntries(
      statements(get("aws_iam_role_policy.dr_callback_status_lambda_policy").policy).map((s) => [
        s.Sid,
        [s.Action, s.Resource],
      ]),
    );
    expect(granted).toMatchObject({
      CallbackStatus: [
        ["dynamodb:Query", "dynamodb:UpdateItem"],
        ["${aws_dynamodb_table_replica.dr_callbacks_replica.arn}"],
      ],
      DeadLetterFailedEvents: [["sqs:SendMessage"], ["${aws_sqs_queue.dr_callback_status_dead_letter.arn}"]],
      EncryptDeadLetters: [["kms:GenerateDataKey", "kms:Decrypt"], ["${aws_kms_key.dr_kms_key_key.arn}"]],
      DecryptEnvironment: [["kms:Decrypt"], ["${aws_kms_key.dr_kms_key_key.arn}"]],
    });
  });

  it("lets EventBridge send to the encrypted dead-letter queue under the replica key, as the primary key does", () => {
    const sender = (address: string) =>
      statements(get(address).policy).find((s) => s.Sid === "SendToEncryptedQueues");
    expect(sender("aws_kms_key.dr_kms_key_key")).toStrictEqual(sender("aws_kms_key.connect_kms_key_key"));
    expect(sender("aws_kms_key.dr_kms_key_key")?.Principal).toStrictEqual({
      Service: ["events.amazonaws.com"],
    });
  });

  it("alarms on its dead letters to the replica's alarm topic, linking the primary's runbook page", () => {
    const alarm = get("aws_cloudwatch_metric_alarm.dr_callback_status_dead_letter_depth");
    expect(alarm).toMatchObject({
      region: REPLICA,
      alarm_actions: ["${aws_sns_topic.dr_alerts_alarms_topic.arn}"],
      dimensions: { QueueName: "${aws_sqs_queue.dr_callback_status_dead_letter.name}" },
    });
    expect(alarm.alarm_description).toMatch(
      /^eu-central-1 \(DR replica\): Callback contact events .* Runbook: docs\/runbooks\/callback_status_dead_letter_depth\.md$/,
    );
  });

  it("graphs the replica's function on the replica dashboard", () => {
    const body = String(get("aws_cloudwatch_dashboard.dr_observability_dashboard").dashboard_body);
    expect(body).toContain(FUNCTION);
  });
});
