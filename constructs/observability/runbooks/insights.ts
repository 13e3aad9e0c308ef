/**
 * CloudWatch Logs Insights queries of the runbooks: a structural check of their syntax (no AWS
 * call can check it offline) and the shell line that runs one. A runbook is read under pressure:
 * a query that fails to parse there costs minutes, so the generator refuses to write one.
 */

/** Commands of the Logs Insights query language a runbook may use. */
const COMMANDS = new Set(["fields", "filter", "stats", "sort", "limit", "parse", "display", "dedup"]);
const AGGREGATES =
  /\b(count|count_distinct|sum|avg|min|max|pct|stddev|earliest|latest|sortsFirst|sortsLast)\(/;

/** Splits on `|` outside quotes and regular expressions. */
function commandsOf(query: string): string[] {
  const commands: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const c of query) {
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "/" || c === "`") {
      // A slash opens a regex only where a value is expected (after like, =~ or a comma/paren).
      if (c !== "/" || /(\blike|=~|[(,])\s*$/.test(current)) quote = c;
    } else if (c === "|") {
      commands.push(current.trim());
      current = "";
      continue;
    }
    current += c;
  }
  if (quote !== undefined) throw new Error(`unclosed ${quote} in: ${query}`);
  commands.push(current.trim());
  return commands;
}

/** Everything wrong with a query's shape, one line each; empty when it is well formed. */
export function insightsProblems(query: string): string[] {
  let commands: string[];
  try {
    commands = commandsOf(query);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  for (const command of commands) {
    const [word = "", ...rest] = command.split(/\s+/);
    const body = rest.join(" ");
    if (!COMMANDS.has(word)) {
      problems.push(`"${word}" is not a Logs Insights command (in: ${command})`);
      continue;
    }
    if (body === "") problems.push(`${word} has nothing after it`);
    const next = /\b(fields|filter|stats|sort|limit|parse|display|dedup)\s/.exec(
      body.replace(/"[^"]*"|'[^']*'|\/[^/]*\//g, '""'),
    );
    if (next) problems.push(`missing | before "${next[1]}" in: ${command}`);
    const unquoted = body.replace(/"[^"]*"|'[^']*'|\/[^/]*\//g, "");
    let depth = 0;
    for (const c of unquoted) {
      depth += c === "(" ? 1 : c === ")" ? -1 : 0;
      if (depth < 0) break;
    }
    if (depth !== 0) problems.push(`unbalanced parentheses in: ${command}`);
    if (word === "limit" && !/^\d+$/.test(body)) problems.push(`limit takes a number, not "${body}"`);
    if (word === "sort" && !/^[@\w.]+( (asc|desc))?(, ?[@\w.]+( (asc|desc))?)*$/.test(body))
      problems.push(`sort takes fields with asc or desc, not "${body}"`);
    if (word === "stats" && !AGGREGATES.test(body))
      problems.push(`stats needs an aggregate function: ${command}`);
    if (
      word === "filter" &&
      /(^|[^=!<>])=([^=~]|$)/.test(unquoted) === false &&
      !/\b(like|in|not|ispresent|isempty)\b|[<>]|!=|=~/.test(unquoted)
    )
      problems.push(`filter needs a comparison: ${command}`);
  }
  if (commands.filter((c) => c.startsWith("limit")).length > 1) problems.push("more than one limit");
  return problems;
}

/** The query as the console shows it: one command a line, each after the first behind a pipe. */
export const queryText = (commands: readonly string[]): string => commands.join("\n| ");

/** The query on one line, as `--query-string` takes it. */
export const oneLine = (commands: readonly string[]): string => commands.join(" | ");

/**
 * The AWS CLI lines that run a query over the last hour and print its results (start-query
 * answers a queryId; get-query-results returns Complete once the query has finished).
 */
export function cliLines(
  region: string,
  logGroups: readonly string[],
  commands: readonly string[],
): string[] {
  const query = oneLine(commands);
  if (query.includes("'")) throw new Error(`a runbook query cannot contain a single quote: ${query}`);
  return [
    `id=$(aws logs start-query --region ${region} \\`,
    `  --log-group-names ${logGroups.map((g) => `'${g}'`).join(" ")} \\`,
    `  --start-time $(date -d '1 hour ago' +%s) --end-time $(date +%s) \\`,
    `  --query-string '${query}' --query queryId --output text)`,
    `sleep 10; aws logs get-query-results --region ${region} --query-id "$id"`,
  ];
}
