// Preloaded with `node --require` into every Node.js process the benchmark times (parvande,
// `node -e 0`, the insert floor): writes the process's own CPU time (user + system, ms, from its
// start) and peak memory (KB) at exit to PARVANDE_BENCH_USAGE_FILE. Both sides of a ratio carry it.
const file = process.env.PARVANDE_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const usage = { cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS };
    require('node:fs').writeFileSync(file, JSON.stringify(usage));
  });
}
