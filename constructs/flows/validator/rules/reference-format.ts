import { defineRule } from "../define-rule";
import { specFor, type ReferenceKind } from "../actions";
import { located } from "../model";
import { getPath, isDynamic } from "../values";

const PARTITION = "arn:aws(?:-[a-z]+)*";
const CONNECT = (resource: string): RegExp =>
  new RegExp(`^${PARTITION}:connect:[a-z0-9-]+:\\d{12}:instance/[A-Za-z0-9-]+/${resource}/[A-Za-z0-9-]+$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a static value of each reference kind looks like. */
export const REFERENCE_PATTERNS: Readonly<
  Record<ReferenceKind, { readonly patterns: readonly RegExp[]; readonly expected: string }>
> = {
  queue: { patterns: [CONNECT("queue"), UUID], expected: "a queue ARN or id" },
  agent: { patterns: [CONNECT("agent"), UUID], expected: "a user ARN or id" },
  flow: { patterns: [CONNECT("contact-flow"), UUID], expected: "a contact flow ARN or id" },
  flowModule: { patterns: [CONNECT("flow-module"), UUID], expected: "a flow module ARN or id" },
  hours: { patterns: [CONNECT("operating-hours"), UUID], expected: "an hours-of-operation ARN or id" },
  lambda: {
    patterns: [
      new RegExp(`^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$`),
    ],
    expected: "a Lambda function ARN",
  },
  lexAlias: {
    patterns: [new RegExp(`^${PARTITION}:lex:[a-z0-9-]+:\\d{12}:bot-alias/[A-Za-z0-9]+/[A-Za-z0-9]+$`)],
    expected: "a Lex V2 bot alias ARN",
  },
};

export const rule = defineRule({
  id: "reference-format",
  meta: {
    description:
      "Static resource references (queue, flow, module, hours, Lambda, Lex V2 alias) have the right ARN or id shape; JSONPath and Terraform references are accepted.",
    messages: {
      badReference:
        '{{param}} on {{type}} is "{{value}}", which is not {{expected}} (nor a JSONPath or Terraform reference)',
    },
  },
  check({ actions, report }) {
    for (const a of actions) {
      for (const [param, kind] of Object.entries(specFor(a.type)?.references ?? {})) {
        const value = getPath(a.parameters, param);
        if (value === undefined || isDynamic(value)) continue;
        const { patterns, expected } = REFERENCE_PATTERNS[kind];
        if (typeof value !== "string" || !patterns.some((re) => re.test(value))) {
          report({
            messageId: "badReference",
            data: { param, type: a.type ?? "", value: String(value), expected },
            ...located(a, `${a.path}.Parameters.${param}`),
          });
        }
      }
    }
  },
});
