import type { StackJson } from "../../constructs/rules";

/** A rule case: a small synthesized fragment, in development unless `production` is set. */
export interface RuleCase {
  readonly json: StackJson;
  readonly production?: boolean;
}

/** An invalid case names every finding it expects: address and a pattern of the message. */
export interface InvalidCase extends RuleCase {
  readonly findings: ReadonlyArray<readonly [address: string, message: RegExp]>;
}

/** Valid cases (near misses included) and invalid ones, named by the condition they cover. */
export interface RuleCases {
  readonly valid: Readonly<Record<string, RuleCase>>;
  readonly invalid: Readonly<Record<string, InvalidCase>>;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A fragment with these resources (and data sources). */
export const fragment = (resource: Resources, data?: Resources): StackJson => ({
  resource,
  ...(data ? { data } : {}),
});

export const ref = (address: string, attribute = "arn"): string => `\${${address}.${attribute}}`;

export const policy = (...Statement: unknown[]): string =>
  JSON.stringify({ Version: "2012-10-17", Statement });

export const ACCOUNT_ROOT = {
  AWS: "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root",
};
