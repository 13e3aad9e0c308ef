import { createHash } from "node:crypto";
import { RecordingMetrics } from "../support/in-memory-ports";
import type { ServerResponse } from "node:http";
import { handleTurn } from "../../../lambda/lex_fallback/orchestrator";
import { logger } from "../../../lambda/lex_fallback/shared/logger";
import { DEPLOYED_TIMING, createPorts } from "../../../lambda/lex_fallback/adapters";
import { loadConfig } from "../../../lambda/lex_fallback/config";
import { loadEvent } from "../support/events";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * Fraud reports over the real SDK wire protocols (SNS query, SQS JSON) to local stand-ins whose
 * failures each test chooses, with the security events in dynalite: an alert the topic refuses
 * lands on the backup queue, and one neither takes is logged for the alarm; the caller always
 * reaches FraudQueue.
 */
const health = { sns: true, sqs: true };
const published: string[] = [];
const queued: Array<Record<string, any>> = [];
let dynamo: LocalDynamo;
let services: FakeServices;
const saved = { ...process.env };

function fail(response: ServerResponse, type: string) {
  response.writeHead(500, { "content-type": type });
  response.end(
    type.includes("xml")
      ? "<ErrorResponse><Error><Code>InternalError</Code></Error></ErrorResponse>"
      : '{"__type":"InternalError"}',
  );
}

beforeAll(async () => {
  dynamo = await startDynamo(["authState", "securityEvents"]);
  services = await startServices({
    extra: (request, body, response) => {
      if (request.headers["x-amz-target"] === "AmazonSQS.SendMessage") {
        if (!health.sqs) return (fail(response, "application/x-amz-json-1.0"), true);
        const message = JSON.parse(body) as { QueueUrl: string; MessageBody: string };
        queued.push({ queueUrl: message.QueueUrl, ...JSON.parse(message.MessageBody) });
        response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
        response.end(
          JSON.stringify({
            MessageId: `m-${queued.length}`,
            MD5OfMessageBody: createHash("md5").update(message.MessageBody).digest("hex"),
          }),
        );
        return true;
      }
      if (new URLSearchParams(body).get("Action") === "Publish") {
        if (!health.sns) return (fail(response, "text/xml"), true);
        published.push(new URLSearchParams(body).get("Message") ?? "");
        response.writeHead(200, { "content-type": "text/xml" });
        response.end(
          "<PublishResponse><PublishResult><MessageId>p-1</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>",
        );
        return true;
      }
      return false;
    },
  });
  Object.assign(process.env, lambdaEnv(dynamo, services), {
    FRAUD_ALERT_BACKUP_QUEUE_URL: `${services.endpoint}/111122223333/cc-fraud-alert-backup`,
  });
  logger.setLogLevel("SILENT");
});

afterAll(async () => {
  process.env = saved;
  await Promise.all([dynamo?.close(), services?.close()]);
});

beforeEach(() => {
  published.length = 0;
  queued.length = 0;
});

/** A fresh container each time, so one test's open breaker does not decide the next. */
function report() {
  const config = loadConfig(process.env);
  return handleTurn(loadEvent("ReportFraud", "base"), {
    config,
    ports: createPorts(config, DEPLOYED_TIMING, new RecordingMetrics()),
  });
}

it("SNS up: the alert is published and nothing is queued", async () => {
  Object.assign(health, { sns: true, sqs: true });
  const reply = await report();
  expect(reply.sessionState.sessionAttributes?.targetQueue).toBe("FraudQueue");
  expect(JSON.parse(published[0]!)).toMatchObject({ alertType: "FRAUD_REPORTED", customerId: "c-123" });
  expect(queued).toHaveLength(0);
});

it("SNS failing: the alert is kept on the backup queue, with an id to drop a late duplicate", async () => {
  Object.assign(health, { sns: false, sqs: true });
  const errors = jest.spyOn(logger, "error");
  const reply = await report();
  expect(reply.sessionState.sessionAttributes?.targetQueue).toBe("FraudQueue");
  expect(published).toHaveLength(0);
  expect(queued).toMatchObject([
    {
      queueUrl: expect.stringMatching(/cc-fraud-alert-backup$/),
      alertType: "FRAUD_REPORTED",
      customerId: "c-123",
      alertId: expect.stringContaining(":FRAUD_REPORTED"),
    },
  ]);
  expect(errors).not.toHaveBeenCalledWith("FRAUD_ALERT_UNDELIVERED", expect.anything());
  errors.mockRestore();
});

it("SNS and SQS failing: the caller still reaches FraudQueue and the loss is logged for the alarm", async () => {
  Object.assign(health, { sns: false, sqs: false });
  const errors = jest.spyOn(logger, "error");
  const reply = await report();
  expect(reply.sessionState.sessionAttributes).toMatchObject({ escalate: "true", targetQueue: "FraudQueue" });
  expect(errors).toHaveBeenCalledWith(
    "FRAUD_ALERT_UNDELIVERED",
    expect.objectContaining({ alert: expect.objectContaining({ alertType: "FRAUD_REPORTED" }) }),
  );
  errors.mockRestore();
}, 10_000);
