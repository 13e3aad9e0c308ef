import { z } from "zod";

const httpsUrl = z.url({ protocol: /^https$/, error: "expected an https:// URL" });

/**
 * One identity provider whose JWTs an authorizer accepts. The defaults sit on the reserved
 * `.invalid` domain: API Gateway can never fetch keys from it, so an environment that sets no
 * provider refuses every call (401) instead of accepting anyone. Production must name real ones.
 */
const identityProvider = (name: string) =>
  z.object({
    /** Token issuer (`iss`), e.g. a Cognito user pool URL. API Gateway reads its keys from `<issuer>/.well-known/openid-configuration`. */
    issuer: httpsUrl.default(`https://${name}.idp.invalid`),
    /** Accepted audiences (`aud`, or `client_id` for Cognito access tokens). */
    audience: z
      .array(z.string().min(1))
      .min(1)
      .default([`${name}-client`]),
  });

/** The companion-approval and CRM HTTP API (the original's `<project>-auth-api`). */
export const apiSchema = z.object({
  /** The companion app's users: `POST /auth`. */
  companionApp: identityProvider("companion-app")
    .extend({
      /** Claim of the app's token that holds the bank's customer id. */
      customerIdClaim: z.string().min(1).max(128).default("custom:customer_id"),
    })
    .prefault({}),
  /** Agents (the agent desktop's sign-in): `GET /customer`. */
  agents: identityProvider("agents")
    .extend({
      /**
       * Group an agent's token must carry to look customers up, in every environment: a token the
       * agents' authorizer accepts is not by itself leave to read any customer.
       */
      requiredGroup: z.string().min(1).max(128).default("contact-centre-agents"),
      /** Claim holding the agent's groups. */
      groupsClaim: z.string().min(1).max(128).default("cognito:groups"),
    })
    .prefault({}),
  /** Stage-wide throttling: steady requests per second and burst. */
  throttling: z
    .object({
      rateLimit: z.number().int().min(1).max(10000).default(50),
      burstLimit: z.number().int().min(1).max(5000).default(100),
    })
    .prefault({}),
});

/** Reserved hosts that can never issue a real token (RFC 2606/6761). */
export function isReservedHost(url: string): boolean {
  const host = new URL(url).hostname;
  return /(^|\.)(invalid|test|localhost)$/.test(host) || host === "localhost";
}
