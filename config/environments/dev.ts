import type { ConfigInput } from "../schema";

/** Development: everything from the defaults (the original variables.tf), local state. */
export const dev: ConfigInput = {
  environment: "dev",
};
