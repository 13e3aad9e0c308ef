import type { LambdaConfig } from "../config";
import type { LexResponse } from "../lex/response";
import type { IntentInput } from "../lex/turn";
import type { Ports } from "../ports";

/** Everything a handler may use besides its input. */
export interface Deps {
  readonly ports: Ports;
  readonly config: LambdaConfig;
}

/** One intent: typed input + injected ports in, one Lex V2 response out. */
export type IntentHandler = (input: IntentInput, deps: Deps) => Promise<LexResponse>;
