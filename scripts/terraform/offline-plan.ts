/**
 * Real `terraform validate` and `terraform plan -refresh=false` of a synthesized stack, offline:
 * the offline view of the stack (offline-view.ts) in a folder of its own, the AWS provider from the
 * plugin mirror, the STS stub on loopback (stopped at the end, whatever happens), and optionally a
 * state to plan against. Returns Terraform's plan JSON and the judged report.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { INTENDED_REPLACEMENTS } from "../../constructs/migration/intended-replacements";
import { STATEFUL_TYPES } from "../../constructs/migration/force-new";
import { providerSchemaSummary, type Engine, Workspace } from "./engine";
import { offlineView, providerOf, type TerraformConfig } from "./offline-view";
import { judgePlan, type JudgeOptions, type PlanJson, type PlanReport } from "./plan-report";
import { isStateV4, showToState, withoutUnplannable, type ShowJson, type StateV4 } from "./state-input";
import { startStsStub } from "./sts-stub";

/** The account of the committed original state and of every stand-in ARN. */
export const DEFAULT_ACCOUNT_ID = "123456789012";

export interface OfflinePlanOptions {
  readonly engine: Engine;
  /** The synthesized cdk.tf.json, parsed. */
  readonly stack: TerraformConfig;
  /** Folder of cdk.tf.json: its `assets/` are linked into the plan folder. */
  readonly stackDir: string;
  /** Folder the plan works in (created; its configuration and state are replaced). */
  readonly workDir: string;
  /** Where the provider schema summary is cached. */
  readonly cacheDir: string;
  readonly state?: StateV4 | ShowJson;
  /** Account the STS stub answers with. @default the state's, else 123456789012 */
  readonly accountId?: string;
  readonly progress?: (line: string) => void;
  /** Run `terraform validate` before the plan. @default true */
  readonly validate?: boolean;
}

export interface OfflinePlanResult {
  readonly report: PlanReport;
  readonly plan: PlanJson;
  readonly notes: PlanNotes;
  readonly accountId: string;
  readonly workDir: string;
}

/** The account a state belongs to: its caller identity, else the first account in an ARN. */
export function accountOfState(state: StateV4): string | undefined {
  for (const r of state.resources) {
    if (r.type === "aws_caller_identity") {
      const id = r.instances[0]?.attributes.account_id;
      if (typeof id === "string") return id;
    }
  }
  const arn = /"arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(JSON.stringify(state.resources));
  return arn?.[1];
}

/** The first account the stack's default aws provider is pinned to (`allowed_account_ids`), if any. */
export function pinnedAccountOf(stack: TerraformConfig): string | undefined {
  const ids = stack.provider?.aws?.find((p) => p.alias === undefined)?.allowed_account_ids;
  return Array.isArray(ids) && typeof ids[0] === "string" ? ids[0] : undefined;
}

async function timed<T>(progress: (line: string) => void, what: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  progress(`${what}…`);
  const result = await work();
  progress(`${what}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** What the offline plan could not plan as shipped, and the calls it refused. */
export type PlanNotes = Pick<JudgeOptions, "setAside" | "mapped" | "refusedCalls">;

/** Terraform's plan of `stack`, judged by this project's list of stateful types and intended changes. */
export function judgeStackPlan(plan: PlanJson, stack: TerraformConfig, notes: PlanNotes = {}): PlanReport {
  return judgePlan(plan, {
    statefulTypes: STATEFUL_TYPES,
    intended: INTENDED_REPLACEMENTS,
    removed: removedOnPurpose(stack),
    ...notes,
  });
}

/** The stack's `removed` blocks that destroy, with their reasons (cdktf writes them under "//"). */
function removedOnPurpose(stack: TerraformConfig): Array<{ from: string; reason: string }> {
  return (stack.removed ?? []).flatMap((block) => {
    const lifecycle = block.lifecycle as { destroy?: boolean } | undefined;
    if (lifecycle?.destroy !== true || typeof block.from !== "string") return [];
    const reason = (block["//"] as { reason?: string } | undefined)?.reason;
    return [{ from: block.from, reason: reason ?? "a removed block destroys it (lifecycle.destroy = true)" }];
  });
}

export async function planOffline(options: OfflinePlanOptions): Promise<OfflinePlanResult> {
  const progress = options.progress ?? (() => undefined);
  const { engine } = options;
  const schema = await timed(progress, `reading the schema of hashicorp/aws ${engine.awsVersion}`, () =>
    providerSchemaSummary(engine, options.cacheDir),
  );
  const knownTypes = {
    resources: new Set(Object.keys(schema.resources)),
    dataSources: new Set(Object.keys(schema.dataSources)),
  };

  let state: StateV4 | undefined;
  const stateSetAside = [];
  if (options.state) {
    const v4 = isStateV4(options.state)
      ? options.state
      : showToState(options.state, schema.resources, engine.terraformVersion);
    const filtered = withoutUnplannable(v4, (r) => {
      const provider = providerOf(r.type);
      if (provider !== "aws") return `hashicorp/${provider} has no offline binary in the plugin mirror`;
      const known = r.mode === "data" ? knownTypes.dataSources : knownTypes.resources;
      return known.has(r.type) ? undefined : `not in hashicorp/aws ${engine.awsVersion}`;
    });
    state = filtered.state;
    stateSetAside.push(...filtered.setAside);
  }
  // A state is of its account (and a pinned stack refuses any other: terraform says so); without
  // one, the stub answers as the account the stack is pinned to.
  const accountId =
    options.accountId ??
    (state && accountOfState(state)) ??
    pinnedAccountOf(options.stack) ??
    DEFAULT_ACCOUNT_ID;

  const stub = await startStsStub(accountId);
  try {
    const view = offlineView(options.stack, {
      awsVersion: engine.awsVersion,
      knownTypes,
      stsEndpoint: stub.url,
      accountId,
    });
    const dir = resolve(options.workDir);
    mkdirSync(dir, { recursive: true });
    for (const stale of ["tfplan", "terraform.tfstate", "terraform.tfstate.backup"]) {
      rmSync(join(dir, stale), { force: true });
    }
    writeFileSync(join(dir, "main.tf.json"), `${JSON.stringify(view.config, null, 2)}\n`);
    const assets = join(resolve(options.stackDir), "assets");
    rmSync(join(dir, "assets"), { force: true, recursive: true });
    if (existsSync(assets)) symlinkSync(assets, join(dir, "assets"));
    if (state) writeFileSync(join(dir, "terraform.tfstate"), `${JSON.stringify(state, null, 2)}\n`);

    const workspace = new Workspace(engine, dir, stub);
    await timed(progress, `terraform init (hashicorp/aws ${engine.awsVersion} from ${engine.mirror})`, () =>
      workspace.init(),
    );
    if (options.validate ?? true) {
      await timed(progress, "terraform validate", () => workspace.terraform(["validate", "-no-color"]));
    }
    const resources = Object.values(view.config.resource ?? {}).reduce(
      (n, r) => n + Object.keys(r).length,
      0,
    );
    const planText = await timed(
      progress,
      `terraform plan -refresh=false (${resources} resources${state ? `, against a state of ${state.resources.length}` : ""})`,
      () => workspace.planJson(),
    );
    writeFileSync(join(dir, "plan.json"), planText);
    const plan = JSON.parse(planText) as PlanJson;
    const notes: PlanNotes = {
      setAside: [...view.setAside, ...stateSetAside],
      mapped: view.mapped,
      refusedCalls: [...stub.refused],
    };
    return { report: judgeStackPlan(plan, options.stack, notes), plan, notes, accountId, workDir: dir };
  } finally {
    await stub.close();
  }
}
