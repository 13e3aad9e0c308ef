import type { Run } from "./engine";
import type { Expectations } from "./scenario";

/** `flow/Identifier` or a whole `flow` matches a path step. */
function hits(target: string, step: { flow: string; id: string }): boolean {
  return target.includes("/") ? target === `${step.flow}/${step.id}` : target === step.flow;
}

/** Every expectation the run does not meet, as one sentence each (empty: all met). */
export function unmetExpectations(expect: Expectations, run: Run): string[] {
  const problems: string[] = [];
  const { outcome } = run;
  if (expect.outcome !== undefined && expect.outcome !== outcome.kind)
    problems.push(`outcome is ${outcome.kind}, expected ${expect.outcome}`);
  if (expect.queue !== undefined) {
    const queue = outcome.kind === "queue" || outcome.kind === "callback" ? outcome.queue : undefined;
    if (queue !== expect.queue) problems.push(`queue is ${queue ?? "none"}, expected ${expect.queue}`);
  }
  if (expect.priority !== undefined) {
    const priority = outcome.kind === "queue" ? outcome.priority : undefined;
    if (priority !== expect.priority)
      problems.push(`priority is ${priority ?? "unset"}, expected ${expect.priority}`);
  }
  for (const [name, value] of Object.entries(expect.attributes ?? {})) {
    const actual = run.attributes[name];
    if (actual !== value)
      problems.push(
        `attribute ${name} is ${actual === undefined ? "unset" : JSON.stringify(actual)}, expected ${JSON.stringify(value)}`,
      );
  }
  for (const text of expect.prompts ?? []) {
    if (!run.prompts.some((p) => p.includes(text)))
      problems.push(`no prompt contains ${JSON.stringify(text)}`);
  }
  for (const text of expect.notPrompts ?? []) {
    const played = run.prompts.find((p) => p.includes(text));
    if (played !== undefined)
      problems.push(`a prompt contains ${JSON.stringify(text)}: ${JSON.stringify(played)}`);
  }
  for (const target of expect.reaches ?? []) {
    if (!run.path.some((s) => hits(target, s))) problems.push(`never reaches ${target}`);
  }
  for (const target of expect.never ?? []) {
    const at = run.path.findIndex((s) => hits(target, s));
    if (at >= 0) problems.push(`reaches ${target} at block ${at + 1}, expected never`);
  }
  for (const [target, count] of Object.entries(expect.visits ?? {})) {
    const actual = run.path.filter((s) => hits(target, s)).length;
    if (actual !== count) problems.push(`${target} is visited ${actual} time(s), expected ${count}`);
  }
  if (expect.tasks !== undefined && run.tasks.join(", ") !== expect.tasks.join(", "))
    problems.push(`tasks created: [${run.tasks.join(", ")}], expected [${expect.tasks.join(", ")}]`);
  for (const [target, wanted] of Object.entries(expect.lexSessionAttributes ?? {})) {
    const sent = run.lexRequests.filter((r) => r.at === target);
    if (sent.length === 0) problems.push(`no Lex request from ${target}`);
    for (const [name, value] of Object.entries(wanted)) {
      const wrong = sent.find((r) => r.sessionAttributes[name] !== value);
      if (wrong !== undefined)
        problems.push(
          `${target} sent Lex ${name} = ${JSON.stringify(wrong.sessionAttributes[name] ?? null)}, expected ${JSON.stringify(value)}`,
        );
    }
  }
  if (expect.lambdaOperations !== undefined) {
    const actual = run.lambdaOperations.join(", ");
    if (actual !== expect.lambdaOperations.join(", "))
      problems.push(`Lambda operations are [${actual}], expected [${expect.lambdaOperations.join(", ")}]`);
  }
  if (expect.lambdaCalls !== undefined) problems.push(...unmetLambdaCalls(expect.lambdaCalls, run));
  return problems;
}

/** Each expected call against the call at the same position; one sentence per difference. */
function unmetLambdaCalls(expected: readonly Readonly<Record<string, string>>[], run: Run): string[] {
  const problems: string[] = [];
  if (run.lambdaCalls.length !== expected.length)
    problems.push(`${run.lambdaCalls.length} Lambda call(s), expected ${expected.length}`);
  expected.forEach((wanted, i) => {
    const sent = run.lambdaCalls[i] ?? {};
    for (const [name, value] of Object.entries(wanted)) {
      if (sent[name] !== value)
        problems.push(
          `Lambda call ${i + 1} sent ${name} = ${JSON.stringify(sent[name] ?? null)}, expected ${JSON.stringify(value)}`,
        );
    }
  });
  return problems;
}
