export { CONNECT_FLOW_LOGS, entryFor, RUNBOOK_CATALOG, type LogCheck, type RunbookEntry } from "./catalog";
export { derivedChecks, insightsFilterOf } from "./derived-checks";
export { cliLines, insightsProblems, oneLine, queryText } from "./insights";
export { namesWithoutAlarm, runbookPages } from "./pages";
export { stackFacts, type AlarmFacts, type StackFacts } from "./stack-facts";
