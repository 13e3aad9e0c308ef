import { defineRule } from "../define-rule";
import { isObject } from "../values";

const LISTS = ["InputParameters", "OutputParameters", "Transitions"];

export const rule = defineRule({
  id: "module-settings",
  meta: {
    description:
      "Flow modules carry top-level Settings {InputParameters, OutputParameters, Transitions}; contact flows do not.",
    messages: {
      missingSettings:
        "A flow module needs top-level Settings {InputParameters, OutputParameters, Transitions} (create fails with 'field is missing or null for field name: settings')",
      settingsList: "Settings.{{field}} must be a list",
      settingsOutsideModule: "Settings belongs to flow modules; a {{flowType}} flow must not carry it",
    },
  },
  check({ flow, flowType, report }) {
    const settings = flow["Settings"];
    if (flowType !== "MODULE") {
      if (settings !== undefined)
        report({ messageId: "settingsOutsideModule", data: { flowType }, path: "Settings" });
      return;
    }
    if (!isObject(settings)) {
      report({ messageId: "missingSettings", path: "Settings" });
      return;
    }
    for (const field of LISTS) {
      if (!Array.isArray(settings[field]))
        report({ messageId: "settingsList", data: { field }, path: `Settings.${field}` });
    }
  },
});
