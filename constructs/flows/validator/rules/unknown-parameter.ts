import { defineRule } from "../define-rule";
import { located } from "../model";
import { nearestName, PARAMETER_NAMES } from "../parameter-names";
import { isObject } from "../values";

export const rule = defineRule({
  id: "unknown-parameter",
  meta: {
    description:
      "Every parameter is one the action accepts (allow-lists with sources in validator/parameter-names.ts); a misspelt name is reported with the nearest known one.",
    messages: {
      unknown:
        'Unknown parameter "{{param}}" on {{type}}; nearest known name: {{nearest}} (known: {{known}})',
      noParameters: 'Unknown parameter "{{param}}": {{type}} takes no parameters',
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const allow = a.type === undefined ? undefined : PARAMETER_NAMES[a.type];
      if (allow === undefined || !Object.prototype.hasOwnProperty.call(PARAMETER_NAMES, a.type ?? ""))
        continue;
      const topLevel = allow.names.filter((n) => !n.includes("."));
      const checkKeys = (
        object: Readonly<Record<string, unknown>>,
        known: readonly string[],
        prefix: string,
      ) => {
        for (const key of Object.keys(object)) {
          if (known.includes(key)) continue;
          const param = `${prefix}${key}`;
          const where = located(a, `${a.path}.Parameters.${param}`);
          const type = a.type ?? "";
          if (known.length === 0) report({ messageId: "noParameters", data: { param, type }, ...where });
          else
            report({
              messageId: "unknown",
              data: {
                param,
                type,
                nearest: `${prefix}${nearestName(key, known) ?? ""}`,
                known: known.join(", "),
              },
              ...where,
            });
        }
      };
      checkKeys(a.parameters, topLevel, "");
      // Nested objects whose keys the table fixes (dotted names).
      for (const parent of topLevel) {
        const children = allow.names
          .filter((n) => n.startsWith(`${parent}.`))
          .map((n) => n.slice(parent.length + 1));
        const value = a.parameters[parent];
        if (children.length > 0 && isObject(value)) checkKeys(value, children, `${parent}.`);
      }
    }
  },
});
