import { fragment, type RuleCases } from "../support";

const group = (body: Record<string, unknown>) => fragment({ aws_cloudwatch_log_group: { g: body } });
const G = "aws_cloudwatch_log_group.g";

export const cases: RuleCases = {
  valid: {
    "a month outside production": { json: group({ retention_in_days: 30 }) },
    "a year in production": { json: group({ retention_in_days: 365 }), production: true },
    "ten years in production": { json: group({ retention_in_days: 3653 }), production: true },
  },
  invalid: {
    "no retention (kept forever)": { json: group({}), findings: [[G, /kept forever/]] },
    "retention 0 (kept forever)": { json: group({ retention_in_days: 0 }), findings: [[G, /kept forever/]] },
    "a week in production (the original Firehose error logs)": {
      json: group({ retention_in_days: 7 }),
      production: true,
      findings: [[G, /retention_in_days is 7, below 365 in production/]],
    },
  },
};
