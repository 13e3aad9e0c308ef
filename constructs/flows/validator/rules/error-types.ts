import { defineRule } from "../define-rule";
import { errorSpecFor, specFor } from "../actions";
import { located } from "../model";

export const rule = defineRule({
  id: "error-types",
  meta: {
    description:
      "Errors[] lists only the ErrorTypes an action supports, each once, and every ErrorType it must handle.",
    messages: {
      notAllowed: 'Invalid Action error "{{errorType}}" on {{type}} (allowed: {{allowed}})',
      noErrors: "{{type}} does not support Errors; remove the Errors list",
      missingRequired: "{{type}} must handle ErrorType {{errorType}}",
      duplicate: 'ErrorType "{{errorType}}" is listed twice',
      notString: "ErrorType must be a string",
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const spec = specFor(a.type);
      if (spec === undefined || a.transitions === undefined) continue;
      const type = a.type ?? "";
      const { allowed, required = [] } = errorSpecFor(spec, a.parameters);
      if (allowed.length === 0) {
        if (a.errors.length > 0)
          report({ messageId: "noErrors", data: { type }, ...located(a, `${a.path}.Transitions.Errors`) });
        continue;
      }
      const seen = new Set<string>();
      for (const e of a.errors) {
        if (typeof e.errorType !== "string") {
          report({ messageId: "notString", ...located(a, `${e.path}.ErrorType`) });
          continue;
        }
        if (seen.has(e.errorType))
          report({
            messageId: "duplicate",
            data: { errorType: e.errorType },
            ...located(a, `${e.path}.ErrorType`),
          });
        seen.add(e.errorType);
        if (!allowed.includes(e.errorType)) {
          report({
            messageId: "notAllowed",
            data: { errorType: e.errorType, type, allowed: allowed.join(", ") },
            ...located(a, `${e.path}.ErrorType`),
          });
        }
      }
      for (const errorType of required) {
        if (!seen.has(errorType))
          report({
            messageId: "missingRequired",
            data: { type, errorType },
            ...located(a, `${a.path}.Transitions.Errors`),
          });
      }
    }
  },
});
