import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

/** What the caller or a Lambda does when the walk reaches a block that waits for it. */
const stepSchema = z
  .object({
    /** Identifier (or `flow/Identifier`) the step is meant for; checked when given. */
    at: z.string().optional(),
    /** Keys pressed: one key for a menu, digits for a store-input prompt. */
    dtmf: z
      .string()
      .regex(/^[0-9*#]+$/, "dtmf holds keys 0-9 * # only")
      .optional(),
    /** The caller says or keys nothing until the prompt times out. */
    noInput: z.literal(true).optional(),
    /** What the Lex bot returns to the flow. */
    lex: z
      .object({
        intent: z.string().min(1),
        slots: z.record(z.string(), z.string()).optional(),
        sessionAttributes: z.record(z.string(), z.string()).optional(),
        /**
         * The bot answered, but the block leaves by this error branch with `$.Lex.*` set from the
         * answer: which branch Connect takes for an intent the code hook closed as Failed is not
         * documented, so scenarios walk both ways.
         */
        error: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The Lambda's response (a flat string map), or "error" (timeout, throw, bad response). */
    lambda: z.union([z.literal("error"), z.record(z.string(), z.string())]).optional(),
    /** Force an error branch of the waiting block, e.g. NoMatchingError for a Lex failure. */
    error: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => ["dtmf", "noInput", "lex", "lambda", "error"].filter((k) => k in s).length === 1, {
    message: "each step is exactly one of dtmf, noInput, lex, lambda, error",
  });
export type Step = z.infer<typeof stepSchema>;

const expectationSchema = z
  .object({
    /** How the contact leaves the flows. */
    outcome: z.enum(["queue", "callback", "disconnect", "end", "stopped"]).optional(),
    /** Queue name (e.g. FraudQueue) the contact is transferred to. */
    queue: z.string().optional(),
    /** QueuePriority set by UpdateContactRoutingBehavior before the transfer. */
    priority: z.number().int().optional(),
    /** Contact attributes at the end (exact string values). */
    attributes: z.record(z.string(), z.string()).optional(),
    /** Each text must appear in some prompt played or sent. */
    prompts: z.array(z.string()).optional(),
    /** No prompt may contain these. */
    notPrompts: z.array(z.string()).optional(),
    /** `flow/Identifier` or `flow` that must be reached. */
    reaches: z.array(z.string()).optional(),
    /** `flow/Identifier` or `flow` that must never be reached. */
    never: z.array(z.string()).optional(),
    /** Exact number of visits of `flow/Identifier`. */
    visits: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /** Flows of the tasks created (CreateTask), in order: `[]` says none. */
    tasks: z.array(z.string()).optional(),
    /** Session attributes each visit of a Lex block (`flow/Identifier`) sent the bot. */
    lexSessionAttributes: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    /** Operations (LambdaInvocationAttributes.operation) invoked, in order. */
    lambdaOperations: z.array(z.string()).optional(),
    /**
     * What each Lambda call sent, in order, one entry per call: every attribute named must have
     * this value (`{ operation: record_security_event, event: AUTH_NOT_VERIFIED }`); others may differ.
     */
    lambdaCalls: z.array(z.record(z.string(), z.string())).optional(),
  })
  .strict();
export type Expectations = z.infer<typeof expectationSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** Flow the contact starts in (template base name). */
    entry: z.string().min(1),
    channel: z.enum(["VOICE", "CHAT", "TASK"]),
    hours: z.enum(["open", "closed"]),
    /** Agents staffed per queue name; `default` for queues not listed. */
    staffed: z.record(z.string(), z.number().int().nonnegative()),
    /** Queues that are at capacity (Transfer to queue takes QueueAtCapacity). */
    atCapacity: z.array(z.string()).default([]),
    /** Queue the contact already targets (a quick connect or the transferring flow set it). */
    queue: z.string().optional(),
    /** Caller's number (`$.CustomerEndpoint.Address`). */
    caller: z.string().optional(),
    /** Connect's 1-100 draw for DistributeByPercentage (which canary bucket the caller falls in). */
    draw: z.number().int().min(1).max(100).optional(),
    /** Contact attributes when the contact starts. */
    attributes: z.record(z.string(), z.string()).default({}),
    steps: z.array(stepSchema).default([]),
    /**
     * Blocks that fail the first time they run (`flow/Identifier` → ErrorType), e.g. a queue that
     * cannot be set or a prompt that cannot play: how technical-error branches are exercised.
     */
    faults: z.record(z.string(), z.string()).default({}),
    /** Stop the walk when this block is reached for the given time (queue flows loop forever). */
    stopAt: z
      .object({ at: z.string(), visit: z.number().int().positive().default(1) })
      .strict()
      .optional(),
    expect: expectationSchema,
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

/** Parse one scenario file; problems name the file and the field. */
export function loadScenario(file: string): Scenario {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error: unknown) {
    throw new Error(`${basename(file)}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new Error(`${basename(file)} is not a valid scenario:\n${problems.join("\n")}`);
  }
  return result.data;
}
