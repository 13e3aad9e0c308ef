/**
 * A traffic distribution group's distribution as the DR commands show and change it: telephony
 * (inbound calls) and agents as percentages per Region, agent sign-in on or off per Region.
 * UpdateTrafficDistribution takes whole distributions (both Regions, adding up to 100, in steps of
 * 10), so a request states the end result and sending it again changes nothing.
 */
import type {
  GetTrafficDistributionResponse,
  UpdateTrafficDistributionRequest,
} from "@aws-sdk/client-connect";
import { UsageError } from "../support/cli-args";

/** The two Regions of a Global Resiliency pair, primary first. */
export interface RegionPair {
  readonly primary: string;
  readonly replica: string;
}

export interface DistributionView {
  /** Percentage of inbound calls per Region. */
  readonly telephony: Readonly<Record<string, number>>;
  /** Percentage of the group's agents per Region; undefined when the group reports none. */
  readonly agents?: Readonly<Record<string, number>>;
  /** Whether agents may sign in to each Region; undefined when the group reports none. */
  readonly signIn?: Readonly<Record<string, boolean>>;
}

export interface FailoverChoice {
  /** The Region traffic moves to. */
  readonly to: string;
  /** Share of calls (and, with `agents`, of agents) for `to`: 0-100 in steps of 10. */
  readonly percent: number;
  /** Move agents and sign-in with the calls. */
  readonly agents: boolean;
}

const percentages = (list: ReadonlyArray<{ Region?: string; Percentage?: number }> | undefined) =>
  list ? Object.fromEntries(list.map((d) => [d.Region ?? "?", d.Percentage ?? 0])) : undefined;

export function viewOf(response: GetTrafficDistributionResponse): DistributionView {
  const agents = percentages(response.AgentConfig?.Distributions);
  const signIn = response.SignInConfig?.Distributions
    ? Object.fromEntries(
        response.SignInConfig.Distributions.map((d) => [d.Region ?? "?", d.Enabled === true]),
      )
    : undefined;
  return {
    telephony: percentages(response.TelephonyConfig?.Distributions) ?? {},
    ...(agents ? { agents } : {}),
    ...(signIn ? { signIn } : {}),
  };
}

/** `--to` and `--percent` checked against the pair and the API's rules; a UsageError names the flag. */
export function parseChoice(
  pair: RegionPair,
  to: string | undefined,
  percent: string | undefined,
  agents: boolean,
): FailoverChoice {
  if (to === undefined) throw new UsageError(`--to is required: ${pair.primary} or ${pair.replica}`);
  if (to !== pair.primary && to !== pair.replica) {
    throw new UsageError(`--to ${to} is not a Region of this instance: ${pair.primary} or ${pair.replica}`);
  }
  if (percent === undefined)
    throw new UsageError("--percent is required: the share of calls for --to, 0 to 100 in steps of 10");
  const n = Number(percent);
  if (!/^\d+$/.test(percent) || n > 100 || n % 10 !== 0) {
    throw new UsageError(
      `--percent "${percent}" must be 0 to 100 in steps of 10 (UpdateTrafficDistribution moves traffic in 10% steps)`,
    );
  }
  return { to, percent: n, agents };
}

/** The UpdateTrafficDistribution request that gives `choice`; sign-in stays on wherever agents remain. */
export function failoverRequest(
  groupArn: string,
  pair: RegionPair,
  choice: FailoverChoice,
): UpdateTrafficDistributionRequest {
  const other = choice.to === pair.primary ? pair.replica : pair.primary;
  const split = [
    { Region: choice.to, Percentage: choice.percent },
    { Region: other, Percentage: 100 - choice.percent },
  ];
  return {
    Id: groupArn,
    TelephonyConfig: { Distributions: split },
    ...(choice.agents
      ? {
          AgentConfig: { Distributions: split.map((d) => ({ ...d })) },
          SignInConfig: {
            Distributions: [
              { Region: choice.to, Enabled: true },
              { Region: other, Enabled: choice.percent < 100 },
            ],
          },
        }
      : {}),
  };
}

/** What the group reports that differs from what was asked, one line each; empty when all of it holds. */
export function differences(request: UpdateTrafficDistributionRequest, after: DistributionView): string[] {
  const lines: string[] = [];
  const compare = <T>(
    what: string,
    asked: Readonly<Record<string, T>>,
    is: Readonly<Record<string, T>> | undefined,
    show: (v: T | undefined) => string,
  ) => {
    for (const [region, value] of Object.entries(asked)) {
      if (is?.[region] !== value)
        lines.push(`${what} ${region}: asked ${show(value)}, is ${show(is?.[region])}`);
    }
  };
  const pct = (v: number | undefined) => (v === undefined ? "unreported" : `${v}%`);
  const onOff = (v: boolean | undefined) => (v === undefined ? "unreported" : v ? "on" : "off");
  compare("telephony", percentages(request.TelephonyConfig?.Distributions) ?? {}, after.telephony, pct);
  if (request.AgentConfig)
    compare("agents", percentages(request.AgentConfig.Distributions) ?? {}, after.agents, pct);
  if (request.SignInConfig) {
    const asked = Object.fromEntries(
      request.SignInConfig.Distributions?.map((d) => [d.Region ?? "?", d.Enabled === true]) ?? [],
    );
    compare("sign-in", asked, after.signIn, onOff);
  }
  return lines;
}

/** `telephony eu-west-2 100% · eu-central-1 0%; agents …; sign-in …` in the pair's order. */
export function formatView(view: DistributionView, pair: RegionPair): string {
  const regions = [pair.primary, pair.replica];
  const part = <T>(name: string, values: Readonly<Record<string, T>> | undefined, show: (v: T) => string) =>
    values
      ? `${name} ${regions.map((r) => `${r} ${r in values ? show(values[r] as T) : "-"}`).join(" · ")}`
      : `${name} unreported`;
  return [
    part("telephony", view.telephony, (v) => `${v}%`),
    part("agents", view.agents, (v) => `${v}%`),
    part("sign-in", view.signIn, (v) => (v ? "on" : "off")),
  ].join("; ");
}

/**
 * Calls that would reach a Region with no agent there (AWS: shift agents with telephony). Only
 * judged where the group reports an agent distribution.
 */
export function callsWithoutAgents(view: DistributionView): string[] {
  if (!view.agents) return [];
  return Object.entries(view.telephony)
    .filter(([region, pct]) => pct > 0 && (view.agents?.[region] ?? 0) === 0)
    .map(([region, pct]) => `${region} takes ${pct}% of calls with 0% of agents: move agents too (--agents)`);
}
