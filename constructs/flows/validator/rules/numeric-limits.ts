import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";
import { asNumber, getPath, isJsonPath, isTerraformReference } from "../values";

function rangeText(min: number, max: number | undefined): string {
  if (max === undefined) return min <= Number.MIN_SAFE_INTEGER ? "any whole number" : `${min} or more`;
  return `${min}-${max}`;
}

export const rule = defineRule({
  id: "numeric-limits",
  meta: {
    description:
      "Numeric parameters (numbers or numeric strings) stay within their documented bounds, e.g. InvocationTimeLimitSeconds 1-8, LoopCount 0-100; each bound names its source (validator/catalogue/).",
    messages: {
      notNumber: '{{param}} on {{type}} must be a number (the console writes "5"), got {{value}}',
      outOfRange: "{{param}} on {{type}} is {{value}}; allowed {{range}} (source: {{source}})",
      notInteger: "{{param}} on {{type}} must be a whole number, got {{value}}",
      mustBeStatic:
        "{{param}} on {{type}} must be a static number, not the JSONPath {{value}} (source: {{source}})",
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      for (const [param, limit] of Object.entries(specFor(a.type)?.numbers ?? {})) {
        const raw = getPath(a.parameters, param);
        if (raw === undefined || isTerraformReference(raw)) continue;
        const data = {
          param,
          type: a.type ?? "",
          value: JSON.stringify(raw),
          range: rangeText(limit.min, limit.max),
          source: limit.source,
        };
        const where = located(a, `${a.path}.Parameters.${param}`);
        if (isJsonPath(raw)) {
          if (limit.static === true) report({ messageId: "mustBeStatic", data, ...where });
          continue;
        }
        const value = asNumber(raw);
        if (value === undefined) report({ messageId: "notNumber", data, ...where });
        else if (limit.integer === true && !Number.isInteger(value))
          report({ messageId: "notInteger", data, ...where });
        else if (value < limit.min || (limit.max !== undefined && value > limit.max))
          report({ messageId: "outOfRange", data, ...where });
      }
    }
  },
});
