// Preloaded with `node -r` by the benchmark: reports the process's peak memory when it exits.
process.on("exit", () => require("node:fs").writeSync(2, `\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
