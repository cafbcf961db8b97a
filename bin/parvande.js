#!/usr/bin/env node
// `--version` alone is answered before the program and its modules load: scripts call it to probe.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('../dist/main.js');
  process.exitCode = await run(args);
}
