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

/**
 * The cases every "on the stack key" rule built by stackKeyRule shares: the key or its alias
 * passes; no key, or the AWS managed key of the service, fails naming the argument.
 */
export function stackKeyCases(type: string, argument: string, awsManagedAlias: string): RuleCases {
  const resource = (body: Record<string, unknown>) =>
    fragment({
      aws_kms_key: { k: {} },
      aws_kms_alias: { a: { target_key_id: ref("aws_kms_key.k", "key_id") } },
      [type]: { r: body },
    });
  const address = `${type}.r`;
  return {
    valid: {
      "the stack key": { json: resource({ [argument]: ref("aws_kms_key.k") }) },
      "the stack key through its alias": { json: resource({ [argument]: ref("aws_kms_alias.a", "arn") }) },
    },
    invalid: {
      "no key": { json: resource({}), findings: [[address, new RegExp(`${argument} is not set`)]] },
      "an AWS managed key": {
        json: resource({ [argument]: awsManagedAlias }),
        findings: [[address, /not a key of this stack/]],
      },
    },
  };
}
