// Preloaded by scripts/bench-synth.ts: reports this process's peak RSS (KiB) on exit on fd 3.
const { writeSync } = require("node:fs");
process.on("exit", () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // fd 3 absent: not run by the bench.
  }
});
