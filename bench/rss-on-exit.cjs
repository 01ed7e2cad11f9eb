// Preloaded with `node -r` by the benchmarks: reports the process's peak memory (KiB) and CPU time (µs) when it exits.
process.on("exit", () => {
  const u = process.resourceUsage();
  require("node:fs").writeSync(2, `\nmaxRSS ${u.maxRSS}\ncpu ${u.userCPUTime + u.systemCPUTime}\n`);
});
