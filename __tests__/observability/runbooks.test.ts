import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Aspects, Testing } from "cdktf";
import { AddressedStack } from "../../constructs/core/addresses";
import { RunbookLinks, splitRunbookLink } from "../../constructs/observability/runbook-links";
import {
  insightsFilterOf,
  insightsProblems,
  runbookPages,
  stackFacts,
} from "../../constructs/observability/runbooks";
import { RUNBOOKS_CLI, RUNBOOKS_DIR, runbooks } from "../../scripts/support/runbooks-cli";
import { parseCli } from "../../scripts/support/cli-args";
import { synthStack, type TerraformJson } from "../support/synth";
import { drJson, GROUP_ARN } from "../dr/stack";

const REPO = join(__dirname, "..", "..");
const stacks = ["dev", "prod"].map((env) => ({ env, json: synthStack(env).json }));
const alarmsOf = (json: TerraformJson) =>
  Object.entries(json.resource?.aws_cloudwatch_metric_alarm ?? {}) as Array<
    [string, Record<string, unknown>]
  >;

async function check(inputs: Parameters<typeof runbooks>[2]): Promise<{ status: number; stdout: string }> {
  let stdout = "";
  const sink = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stdout += t) };
  const status = await runbooks(parseCli(RUNBOOKS_CLI, ["--check"]), sink, inputs);
  return { status, stdout };
}

/** A copy of the stack JSON without one alarm, or with one more. */
function withAlarms(json: TerraformJson, edit: (alarms: Record<string, Record<string, unknown>>) => void) {
  const copy = structuredClone(json);
  edit(copy.resource!.aws_cloudwatch_metric_alarm!);
  return copy;
}

describe("runbooks (docs/runbooks)", () => {
  it.each(["dev", "prod"])(
    "every alarm of %s names its runbook page in its description, and the page is committed",
    (env) => {
      const alarms = alarmsOf(synthStack(env).json);
      expect(alarms.length).toBeGreaterThan(30);
      for (const [address, alarm] of alarms) {
        const { text, runbook } = splitRunbookLink(String(alarm["alarm_description"]));
        expect({ address, runbook }).toStrictEqual({ address, runbook: `docs/runbooks/${address}.md` });
        expect(text.length).toBeGreaterThan(20);
        expect(existsSync(join(REPO, runbook!))).toBe(true);
      }
    },
  );

  it("the committed pages are the ones the synthesized stacks give (npm run runbooks -- --check)", async () => {
    const result = await check({ stacks });
    expect(result).toStrictEqual({
      status: 0,
      stdout: `docs/runbooks: all 34 page(s) match the alarms of the synthesized dev and prod stacks\n`,
    });
  });

  it("--check names a hand-edited page and a page whose alarm is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "runbooks-"));
    cpSync(RUNBOOKS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "queue_size.md"), "# edited by hand\n");
    writeFileSync(join(dir, "retired_alarm.md"), "# gone\n");
    const { status, stdout } = await check({ stacks, dir });
    expect(status).toBe(1);
    expect(stdout).toContain("/queue_size.md\n");
    expect(stdout).toMatch(/no longer generated: .*\/retired_alarm\.md\n/);
    expect(stdout).toContain("2 of 34 page(s) out of date");
  });

  it("fails when an alarm has no runbook entry, naming the alarm", () => {
    const [dev, prod] = stacks;
    const json = withAlarms(dev!.json, (alarms) => {
      alarms["brand_new_alarm"] = {
        ...alarms["queue_size"],
        alarm_name: "connect-comprehensive-brand-new",
        alarm_description: "A new alarm nobody wrote a page for",
      };
    });
    expect(() => runbookPages([stackFacts("dev", json), stackFacts("prod", prod!.json)])).toThrow(
      "no runbook entry for alarm brand_new_alarm: add one to constructs/observability/runbooks/catalog.ts",
    );
  });

  it("fails when a runbook entry names an alarm neither environment has any more", () => {
    const [dev, prod] = stacks.map((s) =>
      withAlarms(s.json, (alarms) => delete alarms["bedrock_api_errors"]),
    );
    expect(() => runbookPages([stackFacts("dev", dev!), stackFacts("prod", prod!)])).toThrow(
      /the runbook catalog names bedrock_api_errors, which no environment has/,
    );
  });

  it("queries the log groups each environment really has, for the log lines the alarm counts", () => {
    const pages = runbookPages(stacks.map((s) => stackFacts(s.env, s.json)));
    const prod = stacks[1]!.json.resource!;
    const lexFallbackGroup = String(prod.aws_cloudwatch_log_group!.lex_fallback_lambda_log_group!["name"]);
    const filter = prod.aws_cloudwatch_log_metric_filter!.lex_fallback_fraud_alert_undelivered!;
    const page = pages.get("fraud_alert_undelivered.md")!;
    expect(page).toContain(`--log-group-names '${lexFallbackGroup}'`);
    expect(page).toContain(`| filter ${insightsFilterOf(String(filter["pattern"]))}\n`);
    expect(page).toContain('filter message = "FRAUD_ALERT_UNDELIVERED"');
    // Both topics and prod's subscribers, from the stack.
    expect(page).toContain(
      "| prod | pages `connect-comprehensive-fraud-alerts` → email: fraud-operations@bank.example; `connect-comprehensive-alarms` → email: contact-centre-oncall@bank.example",
    );
    // Connect's flow logs are named after each environment's instance alias.
    const queue = pages.get("queue_size_fraud_queue.md")!;
    for (const { json } of stacks) {
      const alias = String(Object.values(json.resource!.aws_connect_instance!)[0]!["instance_alias"]);
      expect(queue).toContain(`'/aws/connect/${alias}'`);
    }
    // A Lambda alarm reads the function's own log group and its failed invocations.
    expect(pages.get("api_crm_route_errors.md")).toContain(
      'filter type = "platform.report" and record.status != "success"',
    );
  });

  it("every query of every page is well-formed Logs Insights", () => {
    const pages = runbookPages(stacks.map((s) => stackFacts(s.env, s.json)));
    const queries = [...pages.values()].flatMap((page) =>
      [...page.matchAll(/--query-string '([^']+)'/g)].map((m) => m[1]!),
    );
    expect(queries.length).toBeGreaterThan(40);
    for (const query of queries)
      expect({ query, problems: insightsProblems(query) }).toStrictEqual({ query, problems: [] });
  });
});

describe("runbooks of prod with DR on (the replica Region's alarms)", () => {
  const withDr = drJson({ trafficDistributionGroupArn: GROUP_ARN });
  const replicaAlarms = alarmsOf(withDr).filter(([, a]) => a["region"] === "eu-central-1");
  const primary = new Map(alarmsOf(withDr).filter(([, a]) => a["region"] === undefined));
  let generated: Map<string, string> | undefined;
  const pages = () =>
    (generated ??= runbookPages([stackFacts("dev", stacks[0]!.json), stackFacts("prod", withDr)]));

  it("every replica alarm links its primary counterpart's committed page, saying it is the replica", () => {
    expect(replicaAlarms.length).toBeGreaterThan(20);
    for (const [address, alarm] of replicaAlarms) {
      const { text, runbook } = splitRunbookLink(String(alarm["alarm_description"]));
      const page = runbook!.replace(/^docs\/runbooks\/(.*)\.md$/, "$1");
      const counterpart = primary.get(page);
      expect({ address, page, counterpart: counterpart !== undefined }).toStrictEqual({
        address,
        page,
        counterpart: true,
      });
      expect(existsSync(join(REPO, runbook!))).toBe(true);
      const primaryText = splitRunbookLink(String(counterpart!["alarm_description"])).text;
      expect(text).toBe(`eu-central-1 (DR replica): ${primaryText}`);
    }
  });

  it("adds no page: the same files as committed, each replica alarm a row for Frankfurt on its page", () => {
    const generated = pages();
    expect([...generated.keys()].sort()).toStrictEqual(
      readdirSync(RUNBOOKS_DIR)
        .filter((f) => f.endsWith(".md"))
        .sort(),
    );
    const queueSize = generated.get("queue_size.md")!;
    expect(queueSize).toContain(
      "| prod eu-central-1 (DR replica) | alarm `connect-comprehensive-eu-central-1-queue-size-high` |",
    );
    expect(queueSize).toContain(
      "| prod eu-central-1 (DR replica) | region eu-central-1, dashboard `connect-comprehensive-eu-central-1-monitoring` |",
    );
    expect(queueSize).toContain("`connect-comprehensive-alarms` → email: contact-centre-oncall@bank.example");
    // Connect logs the replica instance's flows under its own alias, which the stack does not know.
    expect(queueSize).toContain("Not in prod eu-central-1 (DR replica): the replica instance logs its flows");
  });

  it("runs each check against the replica Region where it has the log group, and says where it has none", () => {
    const generated = pages();
    const lambdaErrors = generated.get("lambda_errors.md")!;
    expect(lambdaErrors).toContain(
      "# prod eu-central-1 (DR replica)\nid=$(aws logs start-query --region eu-central-1",
    );
    expect(lambdaErrors).toMatch(
      /--region eu-central-1 \\\n\s+--log-group-names '\/aws\/lambda\/connect-comprehensive-lex-fallback'/,
    );
    // The fraud alert's metric filter exists in both Regions: one section, run in each.
    const undelivered = generated.get("fraud_alert_undelivered.md")!;
    expect(undelivered.match(/### \d+\. The log lines this alarm counts/g)).toHaveLength(1);
    expect(undelivered).toContain("--region eu-central-1");
    // The replica counts its own contact records: the abandonment page queries its counter in Frankfurt.
    expect(generated.get("queue_abandonment_rate.md")).toMatch(
      /# prod eu-central-1 \(DR replica\)\nid=\$\(aws logs start-query --region eu-central-1 \\\n\s+--log-group-names '\/aws\/lambda\/connect-comprehensive-ctr-metrics'/,
    );
    expect(generated.get("api_server_errors.md")).toContain(
      "| prod eu-central-1 (DR replica) | not in the replica Region",
    );
  });
});

describe("Logs Insights syntax check", () => {
  it.each([
    ['fields @timestamp, message | filter level = "ERROR" | sort @timestamp desc | limit 50', []],
    ["fields @timestamp | filter status like /^5/ | stats count(*) as n by routeKey, bin(5m)", []],
    ['fields a | filter error.name in ["TimeoutError", "AbortError"]', []],
    ['fields a filter level = "ERROR"', ['missing | before "filter" in: fields a filter level = "ERROR"']],
    ["fields a | where b = 1", ['"where" is not a Logs Insights command (in: where b = 1)']],
    ['fields a | filter b = "x', ['unclosed " in: fields a | filter b = "x']],
    ["fields a | limit fifty", ['limit takes a number, not "fifty"']],
    ["fields a | stats a by b", ["stats needs an aggregate function: stats a by b"]],
    ["fields a | filter ispresent(b", ["unbalanced parentheses in: filter ispresent(b"]],
    ["fields a | sort a upward", ['sort takes fields with asc or desc, not "a upward"']],
  ] as const)("%s", (query, problems) => {
    expect(insightsProblems(query)).toStrictEqual(problems);
  });

  it("turns a metric filter's JSON pattern into a filter clause, and refuses what it cannot", () => {
    expect(insightsFilterOf('{ $.message = "ACCESS_AUDIT_UNWRITTEN" }')).toBe(
      'message = "ACCESS_AUDIT_UNWRITTEN"',
    );
    expect(insightsFilterOf('{ $.level = "ERROR" && $.code != 5 }')).toBe('level = "ERROR" and code != 5');
    expect(() => insightsFilterOf("[ip, user, ...]")).toThrow(
      "metric filter pattern [ip, user, ...] is not a JSON pattern",
    );
    expect(() => insightsFilterOf("{ $.latency > 5 }")).toThrow(/only \{ \$\.field = "value" \} terms/);
  });
});

describe("RunbookLinks", () => {
  function synth(descriptions: Array<string | undefined>): string[] {
    const stack = new AddressedStack(Testing.app(), "test");
    descriptions.forEach(
      (alarmDescription, i) =>
        new CloudwatchMetricAlarm(stack, `alarm_${i}`, {
          alarmName: `a${i}`,
          comparisonOperator: "GreaterThanThreshold",
          evaluationPeriods: 1,
          ...(alarmDescription === undefined ? {} : { alarmDescription }),
        }),
    );
    // Added twice: the link is still added once.
    Aspects.of(stack).add(new RunbookLinks());
    Aspects.of(stack).add(new RunbookLinks());
    const json = JSON.parse(Testing.synth(stack)) as TerraformJson;
    return alarmsOf(json).map(([, a]) => String(a["alarm_description"]));
  }

  it("ends every alarm's description with its page, once, by the alarm's address", () => {
    expect(synth(["Queue too long", undefined])).toStrictEqual([
      "Queue too long Runbook: docs/runbooks/alarm_0.md",
      "Runbook: docs/runbooks/alarm_1.md",
    ]);
  });
});

describe("runbooks of prod with DR and the API's failover domain (config dr.api)", () => {
  const withApi = drJson({
    trafficDistributionGroupArn: GROUP_ARN,
    api: { domainName: "api.contact.bank.example", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
  });
  const pages = runbookPages([stackFacts("dev", stacks[0]!.json), stackFacts("prod", withApi)]);

  it("adds no page, and gives the API's pages a Frankfurt row whose checks run there", () => {
    expect([...pages.keys()].sort()).toStrictEqual(
      readdirSync(RUNBOOKS_DIR)
        .filter((f) => f.endsWith(".md"))
        .sort(),
    );
    const serverErrors = pages.get("api_server_errors.md")!;
    expect(serverErrors).toContain(
      "| prod eu-central-1 (DR replica) | region eu-central-1, dashboard `connect-comprehensive-eu-central-1-monitoring` |",
    );
    expect(serverErrors).not.toContain("| prod eu-central-1 (DR replica) | not in the replica Region");
    expect(serverErrors).toMatch(
      /# prod eu-central-1 \(DR replica\)\nid=\$\(aws logs start-query --region eu-central-1 \\\n\s+--log-group-names '\/aws\/apigateway\/connect-comprehensive-auth-api'/,
    );
  });
});
