import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { architectureGraph, type ArchitectureGraph } from "../../constructs/architecture";
import { commonPrefix } from "../../constructs/architecture/page";
import { ARCHITECTURE_CLI, architecture } from "../../scripts/support/architecture-cli";
import { parseCli } from "../../scripts/support/cli-args";
import { synthStack, type TerraformJson } from "../support/synth";

const prod = synthStack("prod").json;
const graph = architectureGraph(prod);

async function check(
  inputs: Parameters<typeof architecture>[2],
): Promise<{ status: number; stdout: string }> {
  let stdout = "";
  const sink = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stdout += t) };
  const status = await architecture(parseCli(ARCHITECTURE_CLI, ["--check"]), sink, inputs);
  return { status, stdout };
}

/** Paths as `from → to: label`, by Terraform address, for readable expectations. */
const paths = (g: ArchitectureGraph) => g.paths.map((p) => `${p.from} → ${p.to}: ${p.label}`);

describe("architecture picture (docs/architecture.md)", () => {
  it("is current (npm run architecture -- --check)", async () => {
    expect(await check({ json: prod })).toStrictEqual({
      status: 0,
      stdout: "docs: all 1 page(s) match the synthesized prod stack\n",
    });
  });

  it("--check says when the page is stale", async () => {
    const dir = mkdtempSync(join(tmpdir(), "architecture-"));
    writeFileSync(join(dir, "architecture.md"), "# drawn by hand\n");
    const { status, stdout } = await check({ json: prod, dir });
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /stale: .*architecture\.md\n.*1 of 1 page\(s\) out of date with the synthesized prod stack: run npm run architecture\n$/s,
    );
  });

  it("has a box for every service the issue names", () => {
    const services = new Set([...graph.components.values()].map((c) => c.service));
    for (const service of [
      "Amazon Connect",
      "Lex V2 bot",
      "Lambda",
      "DynamoDB",
      "API Gateway",
      "CloudFront",
      "Kinesis",
      "Firehose",
      "S3",
      "Glue Data Catalog",
      "CloudTrail",
      "KMS",
      "SNS",
    ])
      expect(services).toContain(service);
  });

  it("draws the data paths in the direction the data goes", () => {
    expect(paths(graph)).toEqual(
      expect.arrayContaining([
        "aws_connect_instance.connect_instance_instance → aws_kinesis_stream.datalake_kinesis_ctr: contact records",
        "aws_kinesis_stream.datalake_kinesis_ctr → aws_kinesis_firehose_delivery_stream.datalake_firehose_ctr_stream: streams",
        "aws_kinesis_stream.datalake_kinesis_ctr → aws_lambda_function.contact_metrics_lambda_function: triggers",
        "aws_kinesis_firehose_delivery_stream.datalake_firehose_ctr_stream → aws_s3_bucket.datalake_bucket_bucket: writes",
        "aws_connect_instance.connect_instance_instance → aws_lexv2models_bot.lex_banking_bot: converses",
        "aws_lexv2models_bot.lex_banking_bot → aws_lambda_function.lex_fallback_lambda_function: invokes",
        "aws_lambda_function.lex_fallback_lambda_function → aws_dynamodb_table.security_auth_state_table: reads, writes",
        "aws_apigatewayv2_api.auth_api → aws_lambda_function.api_crm_lambda_function: invokes",
        "aws_cloudfront_distribution.ccp_site → aws_s3_bucket.ccp_site: serves from",
        "aws_cloudtrail.main → aws_s3_bucket.audit_bucket_bucket: writes",
        "alarms → aws_sns_topic.alerts_fraud_alerts_topic: publishes",
      ]),
    );
    expect(graph.encryption.get("aws_kms_key.audit_key")).toStrictEqual(["aws_cloudtrail.main"]);
  });

  it("leaves out what is not a data path: permissions, and the metrics an alarm reads", () => {
    // aws_lambda_permission names the API as its source; an alarm's dimensions name functions.
    expect(paths(graph).filter((p) => p.includes("→ aws_apigatewayv2_api.auth_api"))).toStrictEqual([
      "aws_s3_bucket.ccp_site → aws_apigatewayv2_api.auth_api: calls",
    ]);
    expect(graph.paths.filter((p) => p.from === "alarms").map((p) => p.to)).toStrictEqual([
      "aws_sns_topic.alerts_alarms_topic",
      "aws_sns_topic.alerts_fraud_alerts_topic",
    ]);
  });

  it("follows references, not names: a table a function is given appears with its path", () => {
    const json = structuredClone(prod) as TerraformJson;
    const resource = json.resource!;
    resource.aws_dynamodb_table!["ledger"] = { name: "connect-comprehensive-ledger", hash_key: "id" };
    const fn = resource.aws_lambda_function!.api_crm_lambda_function!;
    const environment = fn["environment"] as { variables: Record<string, string> };
    environment.variables["LEDGER_TABLE"] = '${element(split("/", aws_dynamodb_table.ledger.arn), 1)}';
    expect(paths(architectureGraph(json))).toContain(
      "aws_lambda_function.api_crm_lambda_function → aws_dynamodb_table.ledger: reads, writes",
    );
  });

  it("leaves the shared name prefix out of the boxes", () => {
    expect(commonPrefix(["connect-comprehensive-a", "connect-comprehensive-b-c", "other"])).toBe(
      "connect-comprehensive-",
    );
    expect(commonPrefix(["a", "b"])).toBe("");
  });
});
