import { defineRule } from "../define-rule";
import { isObject } from "../values";

const TOP_LEVEL = ["Version", "StartAction", "Metadata", "Actions", "Settings"];
const ACTION_FIELDS = ["Identifier", "Type", "Parameters", "Transitions"];

export const rule = defineRule({
  id: "flow-structure",
  meta: {
    description:
      'Content is a JSON object with Version "2019-10-30", StartAction, Actions and well-formed actions.',
    messages: {
      invalidJson: "Content is not valid JSON at {{line}}:{{column}}: {{detail}}",
      notObject: "Flow content must be a JSON object",
      badVersion: 'Version must be "2019-10-30" (the only supported value), got {{value}}',
      missingField: "Top-level field {{field}} is missing",
      unknownField:
        'Unknown top-level field "{{field}}" (allowed: Version, StartAction, Metadata, Actions, Settings)',
      wrongType: "{{field}} must be {{expected}}",
      actionNotObject: "Each entry of Actions must be a JSON object",
      actionField: "Action field {{field}} must be {{expected}}",
      unknownActionField:
        'Unknown action field "{{field}}" (allowed: Identifier, Type, Parameters, Transitions)',
    },
  },
  check({ flow, report }) {
    for (const field of ["Version", "StartAction", "Actions"]) {
      if (flow[field] === undefined) report({ messageId: "missingField", data: { field }, path: field });
    }
    for (const field of Object.keys(flow)) {
      if (!TOP_LEVEL.includes(field)) report({ messageId: "unknownField", data: { field }, path: field });
    }
    if (flow["Version"] !== undefined && flow["Version"] !== "2019-10-30") {
      report({ messageId: "badVersion", data: { value: JSON.stringify(flow["Version"]) }, path: "Version" });
    }
    if (flow["StartAction"] !== undefined && typeof flow["StartAction"] !== "string") {
      report({
        messageId: "wrongType",
        data: { field: "StartAction", expected: "a string" },
        path: "StartAction",
      });
    }
    for (const field of ["Metadata", "Settings"]) {
      if (flow[field] !== undefined && !isObject(flow[field])) {
        report({ messageId: "wrongType", data: { field, expected: "an object" }, path: field });
      }
    }
    const actions = flow["Actions"];
    if (actions === undefined) return;
    if (!Array.isArray(actions)) {
      report({ messageId: "wrongType", data: { field: "Actions", expected: "an array" }, path: "Actions" });
      return;
    }
    actions.forEach((action: unknown, i) => {
      const path = `Actions[${i}]`;
      if (!isObject(action)) {
        report({ messageId: "actionNotObject", path });
        return;
      }
      const id = typeof action["Identifier"] === "string" ? action["Identifier"] : undefined;
      const at = (field: string, expected: string): void =>
        report({
          messageId: "actionField",
          data: { field, expected },
          path: `${path}.${field}`,
          ...(id === undefined ? {} : { action: id }),
        });
      if (typeof action["Identifier"] !== "string") at("Identifier", "a string");
      if (typeof action["Type"] !== "string") at("Type", "a string");
      if (action["Parameters"] !== undefined && !isObject(action["Parameters"]))
        at("Parameters", "an object");
      if (!isObject(action["Transitions"])) at("Transitions", "an object ({} for terminal actions)");
      for (const field of Object.keys(action)) {
        if (!ACTION_FIELDS.includes(field)) {
          report({
            messageId: "unknownActionField",
            data: { field },
            path: `${path}.${field}`,
            ...(id === undefined ? {} : { action: id }),
          });
        }
      }
    });
  },
});
