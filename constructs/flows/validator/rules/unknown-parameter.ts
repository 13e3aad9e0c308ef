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
      const type = a.type ?? "";
      // Keys of the object at `prefix` (dotted, "" for Parameters): the names one level below it.
      const check = (object: Readonly<Record<string, unknown>>, prefix: string) => {
        const below = allow.names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
        const known = below.filter((n) => !n.includes("."));
        for (const key of Object.keys(object)) {
          const param = `${prefix}${key}`;
          if (known.includes(key)) {
            // Look into an object only where the table fixes its keys (dotted names below it).
            const value = object[key];
            if (isObject(value) && below.some((n) => n.startsWith(`${key}.`))) check(value, `${param}.`);
            continue;
          }
          const where = located(a, `${a.path}.Parameters.${param}`);
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
      check(a.parameters, "");
    }
  },
});
