import { join } from "node:path";
import { bundleLambda } from "../../../scripts/build-lambda";
import { coldTurn } from "../../../scripts/support/cold-turn";
import { keptBuildDir } from "../../support/kept-build-dir";
import { lexEvent } from "../support/events";
import {
  lambdaEnv,
  startDynamo,
  startServices,
  type FakeServices,
  type LocalDynamo,
} from "../support/local-aws";

/**
 * The built bundle in a fresh process, as a cold container runs it: the first sensitive turn
 * (PIN check with the bank, attempt reservation and reset in DynamoDB, then the balance) must
 * succeed even on a loaded machine, because SDK loading and client creation happen before any
 * per-try timeout starts and a timed-out try is retried.
 */
let dynamo: LocalDynamo;
let services: FakeServices;
let jsPath: string;

beforeAll(async () => {
  [dynamo, services, { jsPath }] = await Promise.all([
    startDynamo(["authState", "securityEvents"]),
    startServices(),
    bundleLambda({
      entry: join(__dirname, "../../../lambda/lex_fallback/index.ts"),
      outDir: keptBuildDir("cold-start"),
      name: "lex_fallback",
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo?.close(), services?.close()]);
});

it("answers the first sensitive turn of a fresh process from DynamoDB and the bank", async () => {
  const event = lexEvent("CheckBalance", {
    slots: { AccountType: "current", Pin: "4321" },
    attributes: { customerId: "c-123" },
    inputMode: "DTMF",
  });
  const cold = await coldTurn(jsPath, event, lambdaEnv(dynamo, services));
  expect(cold.response.sessionState.dialogAction.type).toBe("Close");
  expect(cold.response.messages[0].content).toContain("£1,024.50");
  expect(services.pinChecks.get("c-123")).toBe(1);
  expect(cold.firstTurnMs).toBeGreaterThan(cold.initMs);
}, 30_000);
