import { basename, join } from "node:path";
import {
  coverage,
  loadFlowSet,
  loadScenario,
  runScenario,
  runScenarioFile,
  scenarioFiles,
  totals,
  type FlowSet,
  type Scenario,
  type SimFlow,
} from "../../constructs/flows/simulator";

import { FLOWS_SIMULATE_CLI, simulateScenarios } from "../../scripts/support/flows-simulate-cli";
import { runCaptured } from "../support/run-cli";

/**
 * The journeys in contact_flows/scenarios, walked through the shipped templates as the stack
 * wires them. Each must meet its expectations; together they must reach every action and keep
 * branch coverage at or above the measured floor.
 */

const flows = loadFlowSet();
const files = scenarioFiles();
const results = files.map((file) => ({ file: basename(file), result: runScenarioFile(flows, file) }));

/**
 * Branch floor, measured 2026-12-02 with 102 scenarios: 91.9 %. What is left (listed by
 * `npm run flows:simulate -- --coverage`) is mostly failure exits of prompts and attribute writes
 * and the plain next step of blocks whose failure another scenario already takes.
 */
const BRANCH_FLOOR = 0.91;

describe("flow scenarios", () => {
  it.each(results.map((r) => [r.file, r.result] as const))("%s meets its expectations", (_file, result) => {
    if (result.problems.length > 0) throw new Error(result.report);
  });

  it("cover voice and chat journeys the issue names", () => {
    const names = results.map((r) => r.file).join(" ");
    for (const journey of [
      "voice-happy-path",
      "chat-happy-path",
      "after-hours",
      "pin-lockout",
      "companion-approved",
      "companion-declined",
      "fraud-urgent",
      "lex-failure",
      "lambda-error",
      "queue-at-capacity",
      "callback",
      "survey",
      "chat-after-hours",
      "chat-lex-failure",
      "chat-queue-at-capacity",
      "chat-signed-in-customer-id",
      "lost-card-urgent",
      "fraud-no-agent-callback",
      "after-hours-fraud-full",
      // Issue 14: every voice Lex block honours the code hook's hand-over.
      "voice-bot-handover",
      "voice-bot-handover-locked-out",
      "voice-bot-handover-identity-mismatch",
      "voice-bot-no-handover",
      "bedrock-locked-out-handover",
      "bedrock-locked-out-error-branch",
      "bedrock-identity-mismatch",
      "bedrock-gateway-handover",
      // Issue 24: menus ask again (bounded) and then offer a callback or an advisor; every
      // ending of the authentication module is a security event.
      "voice-after-hours-wrong-key",
      "voice-after-hours-wrong-keys-callback",
      "voice-after-hours-menu-error",
      "chat-still-there-advisor",
      "bedrock-sales-not-understood",
      "voice-pin-never-locked",
      "voice-pin-timeouts",
      "voice-not-identified",
      "voice-pin-check-and-record-fail",
    ])
      expect(names).toContain(journey);
  });

  it("together reach every action of every flow and module, and enough branches", () => {
    const runs = results.flatMap((r) => (r.result.run === undefined ? [] : [r.result.run]));
    const report = coverage(flows, runs);
    expect(
      report.filter((c) => c.missedActions.length > 0).map((c) => `${c.flow}: ${c.missedActions.join(", ")}`),
    ).toStrictEqual([]);
    expect(report.map((c) => c.flow).sort()).toStrictEqual([...flows.keys()].sort());
    expect(totals(report).branches).toBeGreaterThanOrEqual(BRANCH_FLOOR);
  });
});

/** The flow set with one action's transitions replaced. */
function withTransition(set: FlowSet, flow: string, id: string, next: string): FlowSet {
  const original = set.get(flow)!;
  const actions = original.actions.map((a) =>
    a.Identifier === id ? { ...a, Transitions: { ...a.Transitions, NextAction: next } } : a,
  );
  const changed: SimFlow = { ...original, actions, byId: new Map(actions.map((a) => [a.Identifier, a])) };
  return new Map([...set, [flow, changed]]);
}

describe("the simulator", () => {
  const happy = loadScenario(join(__dirname, "../../contact_flows/scenarios/voice-happy-path.yaml"));

  it("fails a scenario when a transition is rewired, and shows the path it took", () => {
    // category-accounts skipping authentication straight to routing.
    const broken = withTransition(flows, "voice_ivr_flow", "category-accounts", "to-routing");
    const result = runScenario(broken, happy);
    expect(result.problems).toContain("step 2 was never used: the contact did not wait for it");
    expect(result.problems).toContain('attribute AuthResult is unset, expected "Authenticated"');
    expect(result.report).toMatch(/voice_ivr_flow \/ category-accounts \[UpdateContactAttributes\] -> next/);
    expect(result.report).toMatch(/queue_routing_flow \/ transfer \[TransferContactToQueue\] -> queued/);
  });

  it("names a transition to a missing action with the path so far", () => {
    const broken = withTransition(flows, "voice_ivr_flow", "category-accounts", "authentcate");
    const result = runScenario(broken, happy);
    expect(result.problems).toStrictEqual(['voice_ivr_flow has no action "authentcate"']);
    expect(result.report).toContain("path so far:");
    expect(result.report).toContain(
      "voice_ivr_flow / speech-menu [ConnectParticipantWithLexBot] -> Equals CheckBalance  (step 1)",
    );
  });

  const base: Scenario = { ...happy, steps: [], expect: {}, faults: {}, attributes: {}, atCapacity: [] };
  it.each<[string, Partial<Scenario>, string]>([
    [
      "a Lambda answer where the caller must speak",
      { steps: [{ lambda: { status: "Verified" } }] },
      "step 1 is lambda, but voice_ivr_flow/speech-menu (ConnectParticipantWithLexBot) waits for lex or noInput or error",
    ],
    [
      "a step meant for another block",
      { steps: [{ at: "dtmf-menu", lex: { intent: "CheckBalance" } }] },
      "step 1 is for dtmf-menu, but the contact is at voice_ivr_flow/speech-menu (ConnectParticipantWithLexBot)",
    ],
    [
      "two keys for a one-key menu",
      { steps: [{ noInput: true }, { dtmf: "12" }] },
      'step 2: voice_ivr_flow/dtmf-menu (GetParticipantInput) is a menu and takes one key, got "12"',
    ],
    [
      "no step left",
      { steps: [] },
      "voice_ivr_flow/speech-menu (ConnectParticipantWithLexBot) waits for lex or noInput or error, but the scenario has no step 1",
    ],
    [
      "staffing not stated",
      { staffed: {}, steps: [{ lex: { intent: "ReportFraud" } }] },
      "the scenario does not say how many agents staff FraudQueue (add staffed.FraudQueue or staffed.default)",
    ],
  ])("refuses to guess: %s", (_name, change, message) => {
    expect(runScenario(flows, { ...base, ...change }).problems).toStrictEqual([message]);
  });

  it("reports a fault on a block the contact never ran", () => {
    const result = runScenario(flows, {
      ...base,
      steps: [{ lex: { intent: "ReportFraud" } }],
      faults: { "auth_module_flow/get-pin": "NoMatchingError" },
    });
    expect(result.problems).toStrictEqual([
      "fault on auth_module_flow/get-pin was never applied: the contact did not run that block",
    ]);
  });

  it("leaves a Lex block by the error a lex answer names, with $.Lex read from that answer", () => {
    const answer = {
      intent: "CheckBalance",
      sessionAttributes: { escalate: "true", transferReason: "AuthLocked", priority: "High" },
    };
    const viaError = runScenario(flows, {
      ...base,
      steps: [{ lex: { ...answer, error: "NoMatchingError" } }],
    });
    expect(viaError.problems).toStrictEqual([]);
    expect(viaError.run?.path.find((s) => s.id === "speech-menu")).toMatchObject({
      branch: "NoMatchingError",
      step: 1,
    });
    expect(viaError.run?.attributes).toMatchObject({ Reason: "AuthLocked", Priority: "Urgent" });
    // Without the error the same answer takes the intent's branch (the authentication module).
    const byIntent = runScenario(flows, { ...base, steps: [{ lex: answer }] });
    expect(byIntent.problems[0]).toMatch(/auth_module_flow\/get-customer-number .* waits for dtmf/);
    // An error branch the block does not have is named, not guessed.
    const missing = runScenario(flows, {
      ...base,
      steps: [{ lex: { ...answer, error: "QueueAtCapacity" } }],
    });
    expect(missing.problems).toStrictEqual([
      "voice_ivr_flow/speech-menu (ConnectParticipantWithLexBot) needs its QueueAtCapacity branch, but has none",
    ]);
  });

  it("reports steps the contact never waited for", () => {
    const result = runScenario(flows, {
      ...base,
      steps: [{ lex: { intent: "ReportFraud" } }, { dtmf: "1" }],
    });
    expect(result.problems).toStrictEqual(["step 2 was never used: the contact did not wait for it"]);
  });

  it("rejects a scenario file with an unknown field, naming it", () => {
    expect(() => loadScenario(join(__dirname, "scenario-fixtures/typo.yaml"))).toThrow(
      /typo.yaml is not a valid scenario:\n.*expct/s,
    );
  });
});

describe("npm run flows:simulate", () => {
  it("prints outcome, path and coverage, and exits 1 when a scenario fails", async () => {
    const ROOT = join(__dirname, "..", "..");
    const run = (args: string[]) => runCaptured(FLOWS_SIMULATE_CLI, simulateScenarios, args, ROOT);
    const ok = await run(["contact_flows/scenarios/voice-pin-lockout.yaml", "--coverage", "--paths"]);
    const failing = await run(["__tests__/flows/scenario-fixtures/wrong-queue.yaml"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      "three wrong PINs lock the customer out and end the call (even when the lockout record fails): ok (disconnected)",
    );
    expect(ok.stdout).toMatch(/auth_module_flow \/ get-pin \[GetParticipantInput\] -> next {2}\(step 8\)/);
    expect(ok.stdout).toMatch(
      new RegExp(`auth_module_flow +actions \\d+/${flows.get("auth_module_flow")!.actions.length}`),
    );
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("queue is FraudQueue, expected AccountQueue");
    expect(failing.stdout).toContain("voice_ivr_flow / category-fraud [UpdateContactAttributes] -> next");
  });
});
