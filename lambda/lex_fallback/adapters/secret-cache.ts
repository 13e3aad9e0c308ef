import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

const lib = () => import("@aws-sdk/client-secrets-manager");
import { DependencyError } from "../shared/errors";
import { callWith, type RemoteCall } from "../shared/resilience";

/** Secrets are re-read after this long so a rotation reaches warm containers. */
const TTL_MS = 5 * 60 * 1000;

/** Reads secrets by ARN or name and caches them per container; concurrent reads share one call. */
export class SecretCache {
  private readonly cache = new Map<string, { readonly value: Promise<string>; readonly at: number }>();

  constructor(
    private readonly client: () => Promise<SecretsManagerClient>,
    private readonly call: RemoteCall,
    private readonly now: () => number = Date.now,
  ) {}

  /** The client and SDK module, ready before any per-try timeout starts (see callWith). */
  private sdk() {
    return Promise.all([this.client(), lib()]);
  }

  get(secretId: string): Promise<string> {
    const hit = this.cache.get(secretId);
    if (hit !== undefined && this.now() - hit.at < TTL_MS) return hit.value;
    const value = this.fetch(secretId);
    this.cache.set(secretId, { value, at: this.now() });
    value.catch(() => this.cache.delete(secretId));
    return value;
  }

  private async fetch(secretId: string): Promise<string> {
    const out = await callWith(this.call, this.sdk(), ([client, sdk], abortSignal) =>
      client.send(new sdk.GetSecretValueCommand({ SecretId: secretId }), {
        abortSignal,
      }),
    );
    if (typeof out.SecretString !== "string" || out.SecretString.length === 0) {
      throw new DependencyError("secretsmanager", "secret has no string value", false);
    }
    return out.SecretString;
  }
}
