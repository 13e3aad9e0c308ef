/**
 * Stands in for cdktf's (and constructs') `captureStackTrace` under jest; see jest.config.js.
 * The trace only decorates token-resolution error messages, which no test reads.
 */
export function captureStackTrace(): string[] {
  return [];
}
