import { disconnect, endModule, flowOf, type RuleCases, SETTINGS } from "./support";

/** Cases for the module-settings rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "module with Settings lists",
      flowType: "MODULE",
      flow: flowOf([endModule], { Settings: SETTINGS }),
    },
    { name: "contact flow without Settings", flow: flowOf([disconnect()]) },
  ],
  invalid: [
    {
      name: "module without Settings",
      flowType: "MODULE",
      flow: flowOf([endModule]),
      messageId: "missingSettings",
      path: "Settings",
    },
    {
      name: "module Settings without Transitions list",
      flowType: "MODULE",
      flow: flowOf([endModule], { Settings: { InputParameters: [], OutputParameters: [] } }),
      messageId: "settingsList",
      path: "Settings.Transitions",
    },
    {
      name: "contact flow with Settings",
      flow: flowOf([disconnect()], { Settings: SETTINGS }),
      messageId: "settingsOutsideModule",
      path: "Settings",
    },
  ],
};
