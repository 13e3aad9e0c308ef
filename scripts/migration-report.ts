/** `npm run migration:report -- --help`: see scripts/support/migration-report-cli.ts. */
import { runCliProcess } from "./support/cli-args";
import { MIGRATION_REPORT_CLI, migrationReportMain } from "./support/migration-report-cli";

runCliProcess(MIGRATION_REPORT_CLI, migrationReportMain);
