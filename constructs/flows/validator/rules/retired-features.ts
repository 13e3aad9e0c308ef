import { defineRule } from "../define-rule";
import { VOICE_ID_PARAMETERS, specFor } from "../actions";
import { located } from "../model";
import { isObject } from "../values";

/** Every path below `value` whose key is `key`. */
function pathsOfKey(value: unknown, key: string, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsOfKey(v, key, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k === key ? [`${path}.${k}`] : []),
    ...pathsOfKey(v, key, `${path}.${k}`),
  ]);
}

export const rule = defineRule({
  id: "retired-features",
  meta: {
    description:
      "No retired features: Voice ID actions or UpdateContactData Voice ID flags, and no Lex V1 `LexBot` parameter.",
    messages: {
      retiredAction: "{{type}} uses a retired feature: {{reason}}",
      voiceIdParameter:
        "UpdateContactData parameter {{param}} switches on Voice ID, which reached end of support on 2026-05-20",
      lexV1:
        "LexBot is a Lex V1 reference; Lex V1 reached end of support on 2025-09-15 — use LexV2Bot.AliasArn",
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      const retired = specFor(a.type)?.retired;
      if (retired !== undefined)
        report({
          messageId: "retiredAction",
          data: { type: a.type ?? "", reason: retired },
          ...located(a, `${a.path}.Type`),
        });
      if (a.type === "UpdateContactData") {
        for (const param of VOICE_ID_PARAMETERS) {
          if (a.parameters[param] !== undefined)
            report({
              messageId: "voiceIdParameter",
              data: { param },
              ...located(a, `${a.path}.Parameters.${param}`),
            });
        }
      }
      for (const path of pathsOfKey(a.parameters, "LexBot", `${a.path}.Parameters`))
        report({ messageId: "lexV1", ...located(a, path) });
    }
  },
});
