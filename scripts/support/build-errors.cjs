// @ts-check
"use strict";
/**
 * esbuild's errors as a person reads them: one `file:line:column: text` line each, no stack. Plain
 * CommonJS: the launchers (run-bundled.cjs) use it before any TypeScript can load.
 */

/**
 * One line per esbuild error, `file:line:column: text`; empty when the error is not esbuild's.
 * @param {unknown} error
 * @returns {string[]}
 */
function buildErrorLines(error) {
  const errors =
    error && typeof error === "object" && "errors" in error && Array.isArray(error.errors)
      ? error.errors
      : [];
  return errors.map(
    (/** @type {{ text: string, location?: { file: string, line: number, column: number } | null }} */ e) =>
      e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
  );
}

module.exports = { buildErrorLines };
