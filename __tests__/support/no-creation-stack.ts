/**
 * Stands in for cdktf 0.21's (and constructs') `captureStackTrace` under jest; see jest.config.js.
 * The trace only decorates token-resolution error messages, which no test reads. (CDK Terrain
 * needs no stand-in: CDKTN_DISABLE_CREATION_STACK turns its traces off.)
 */
export function captureStackTrace(): string[] {
  return [];
}
