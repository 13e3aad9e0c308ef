import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "../../config/load";

/** The ConfigError `run` throws (any other error fails the test). */
export function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

/** A CONNECT_CONFIG_FILE holding `overrides`, in a fresh temporary folder. */
export function overridesFile(overrides: unknown, name = "overrides.json"): string {
  const file = join(mkdtempSync(join(tmpdir(), "config-")), name);
  writeFileSync(file, JSON.stringify(overrides));
  return file;
}

/** A routing profile serving GeneralAgentQueue, and an agent on it: fixtures for maps empty by default. */
export const ROUTING_PROFILE = {
  description: "Collections team",
  defaultOutboundQueue: "GeneralAgentQueue",
  mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
  queueConfigs: [{ queue: "GeneralAgentQueue", channel: "VOICE", delay: 0, priority: 3 }],
};
export const AGENT = {
  firstName: "Jane",
  lastName: "Doe",
  email: "jane.doe@bank.example",
  routingProfile: "Collections",
  securityProfiles: ["Agent"],
};

const PROD_TABLES = [
  "security_security_events_table",
  "security_auth_state_table",
  "security_intents_table",
  "security_hallucination_logs_table",
  "security_conversation_history_table",
  "security_callbacks_table",
  "security_counted_contacts_table",
];

/** The measured attack (issue 22): deletion protection off, and suppressions for the rule that would catch it. */
export function deletionProtectionAttack(): unknown {
  const committed = loadConfig({ env: "prod" }).rules.suppressions;
  return {
    security: { deletionProtection: false },
    rules: {
      suppressions: [
        ...committed,
        ...PROD_TABLES.map((table) => ({
          rule: "dynamodb-deletion-protection",
          address: `aws_dynamodb_table.${table}`,
          owner: "data migration team",
          reason: "lifted for the migration window; the data is copied to the new tables first",
        })),
      ],
    },
  };
}
