import { defineRule } from "../define-rule";
import { specFor } from "../actions";
import { located } from "../model";
import { nearestName } from "../parameter-names";
import { getPath, isDynamic, isJsonPath, isObject, isTerraformReference } from "../values";

export const rule = defineRule({
  id: "action-parameters",
  meta: {
    description:
      "Per action type: required, mutually exclusive, forbidden and enumerated parameters and documented list members (catalogue in validator/catalogue/).",
    messages: {
      missingParameters: "{{type}} needs a Parameters object ({} when it takes none)",
      missingRequired: "{{type}} requires parameter {{param}}",
      noneOf: "{{type}} needs exactly one of [{{params}}]; none is set",
      severalOf: "Only one of these properties may be defined on {{type}}: [{{params}}]",
      forbidden: "{{type}} does not accept parameter {{param}}: {{reason}}",
      requiredWhen: "{{type}} requires {{param}} because {{reason}}",
      forbiddenWhen: "{{type}} must not set {{param}} because {{reason}}",
      singleKey: "{{param}} on {{type}} must hold exactly one of [{{allowed}}]; found [{{found}}]",
      badEnum: '{{param}} on {{type}} must be one of [{{allowed}}], got "{{value}}"',
      jsonPathOnly: '{{param}} on {{type}} must be a JSONPath such as "$.Attributes.x", got "{{value}}"',
      notList: "{{param}} on {{type}} must be a static list ({{source}})",
      emptyList: "{{param}} on {{type}} must not be empty; leave it out for the default ({{source}})",
      badMember:
        '{{param}} on {{type}}: "{{value}}" is not a documented value; nearest: {{nearest}} ({{source}})',
      refusedMember: '{{param}} on {{type}}: "{{value}}" {{reason}} ({{source}})',
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const spec = specFor(a.type);
      const type = a.type ?? "";
      if (spec === undefined) continue;
      const p = a.parameters;
      const at = (param: string): { path: string; action?: string } =>
        located(a, `${a.path}.Parameters.${param}`);
      if (!a.hasParameters && spec.parametersOptional !== true)
        report({ messageId: "missingParameters", data: { type }, ...located(a) });
      for (const param of spec.required ?? []) {
        if (getPath(p, param) === undefined)
          report({ messageId: "missingRequired", data: { type, param }, ...at(param) });
      }
      for (const group of spec.exactlyOne ?? []) {
        const set = group.filter((param) => getPath(p, param) !== undefined);
        if (set.length === 0)
          report({
            messageId: "noneOf",
            data: { type, params: group.join(", ") },
            ...located(a, `${a.path}.Parameters`),
          });
      }
      for (const group of [...(spec.exactlyOne ?? []), ...(spec.atMostOne ?? [])]) {
        const set = group.filter((param) => getPath(p, param) !== undefined);
        if (set.length > 1)
          report({ messageId: "severalOf", data: { type, params: set.join(", ") }, ...at(set[1] ?? "") });
      }
      for (const [param, reason] of Object.entries(spec.forbidden ?? {})) {
        if (getPath(p, param) !== undefined)
          report({ messageId: "forbidden", data: { type, param, reason }, ...at(param) });
      }
      for (const c of spec.requiredWhen ?? []) {
        if (c.when(p) && getPath(p, c.param) === undefined)
          report({
            messageId: "requiredWhen",
            data: { type, param: c.param, reason: c.because },
            ...at(c.param),
          });
      }
      for (const c of spec.forbiddenWhen ?? []) {
        if (c.when(p) && getPath(p, c.param) !== undefined)
          report({
            messageId: "forbiddenWhen",
            data: { type, param: c.param, reason: c.because },
            ...at(c.param),
          });
      }
      for (const [param, allowed] of Object.entries(spec.singleKeyOf ?? {})) {
        const value = getPath(p, param);
        if (value === undefined) continue;
        const keys = isObject(value) ? Object.keys(value) : [];
        if (keys.length !== 1 || !allowed.includes(keys[0] ?? "")) {
          report({
            messageId: "singleKey",
            data: { type, param, allowed: allowed.join(", "), found: keys.join(", ") },
            ...at(param),
          });
        }
      }
      for (const [param, allowed] of Object.entries(spec.enums ?? {})) {
        const value = getPath(p, param);
        if (value === undefined || isDynamic(value)) continue;
        if (typeof value !== "string" || !allowed.includes(value)) {
          report({
            messageId: "badEnum",
            data: { type, param, allowed: allowed.join(", "), value: String(value) },
            ...at(param),
          });
        }
      }
      for (const [param, list] of Object.entries(spec.lists ?? {})) {
        const value = getPath(p, param);
        if (value === undefined) continue;
        const { source } = list;
        if (!Array.isArray(value)) {
          report({ messageId: "notList", data: { type, param, source }, ...at(param) });
          continue;
        }
        if (value.length === 0)
          report({ messageId: "emptyList", data: { type, param, source }, ...at(param) });
        value.forEach((member: unknown, i) => {
          const where = at(`${param}[${i}]`);
          const text = String(member);
          if (typeof member !== "string" || !list.allowed.includes(member)) {
            const nearest = nearestName(text, list.allowed) ?? "";
            report({ messageId: "badMember", data: { type, param, value: text, nearest, source }, ...where });
          } else if (list.refused?.values.includes(member) === true) {
            const reason = list.refused.because;
            report({
              messageId: "refusedMember",
              data: { type, param, value: text, reason, source },
              ...where,
            });
          }
        });
      }
      for (const param of spec.jsonPathOnly ?? []) {
        const value = getPath(p, param);
        if (value !== undefined && !isJsonPath(value) && !isTerraformReference(value)) {
          report({ messageId: "jsonPathOnly", data: { type, param, value: String(value) }, ...at(param) });
        }
      }
    }
  },
});
