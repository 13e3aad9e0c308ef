import type { ConfigInput } from "../schema";
import { dev } from "./dev";
import { prod } from "./prod";

/** Every environment the app knows; `--context env=<name>` or CONNECT_ENV picks one. */
export const environments: Readonly<Record<string, ConfigInput>> = { dev, prod };
