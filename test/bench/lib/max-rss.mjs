// Preloaded with `node --import` by the benchmark: writes the process's peak memory (KB) at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.PARVANDE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
