// eslint-disable-next-line @typescript-eslint/no-require-imports
const awsBinding = require("@cdktf/provider-aws/package.json") as {
  cdktf: { provider: { version: string } };
};

/** The aws provider release the installed binding was generated from: what synth pins. */
export const AWS_BINDING_PROVIDER_VERSION = awsBinding.cdktf.provider.version;

const PIN_PLACEHOLDER = "(the installed aws binding's release: asserted in foundation/stack.test)";

/**
 * Synthesized JSON for a snapshot, without the aws provider pin: the pin follows the framework's
 * binding (6.25.0 on cdktf, 6.66.0 on cdktn) and is asserted on its own, so the reviewed
 * snapshots stay valid across the exit to cdktn (`npm run check:cdktn -- --tests`).
 */
export function forSnapshot<T>(json: T): T {
  const copy = structuredClone(json) as { terraform?: { required_providers?: Record<string, unknown> } };
  const required = copy.terraform?.required_providers;
  if (required?.["aws"] !== undefined)
    required["aws"] = { source: PIN_PLACEHOLDER, version: PIN_PLACEHOLDER };
  return copy as T;
}
