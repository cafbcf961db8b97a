#!/usr/bin/env node
'use strict';
// The command. It loads the bundled program, dist/parvande.cjs (made by `npm run build`,
// see bin/build.mjs), with the code V8 compiled for it last time (dist/parvande.cjs.cache):
// a command starts in about a third less time than from ninety separate modules.
const fs = require('node:fs');
const path = require('node:path');

// A reader that stops early (`parvande … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const PROGRAM = path.join(__dirname, '..', 'dist', 'parvande.cjs');
const CACHE = `${PROGRAM}.cache`;

/** The program's exports, and a function that saves V8's compiled code when the build asks for it. */
function loadProgram() {
  const vm = require('node:vm');
  const Module = require('node:module');
  let source;
  try {
    source = fs.readFileSync(PROGRAM, 'utf8');
  } catch {
    process.stderr.write(`error: ${PROGRAM} is missing: run "npm run build" in ${path.dirname(__dirname)}\n`);
    process.exit(5);
  }
  let cachedData;
  try {
    // PARVANDE_CODE_CACHE=off: compile from the source alone (to rule the cache out when tracking a problem).
    cachedData = process.env.PARVANDE_CODE_CACHE === 'off' ? undefined : fs.readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  // V8 checks the cache against this source and this Node.js, and ignores one that does not match.
  // The bundle holds no import(): bin/build.mjs turns those into require().
  const script = new vm.Script(Module.wrap(source), { filename: PROGRAM, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(PROGRAM), module, PROGRAM, path.dirname(PROGRAM));
  // The build's warm-up runs save the cache (written aside, then renamed into place); bin/build.mjs checks it exists.
  const saveCache = () => {
    const temp = `${CACHE}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, CACHE);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      process.stderr.write(`warning: could not save ${CACHE} (${err && err.code ? err.code : err})\n`);
    }
  };
  return { program: module.exports, saveCache };
}

const args = process.argv.slice(2);
// `--version` alone is answered before the program loads: scripts call it to probe.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { program, saveCache } = loadProgram();
  let settled = false;
  program.run(args).then((code) => {
    settled = true;
    process.exitCode = code;
    if (process.env.PARVANDE_CODE_CACHE === 'write') saveCache();
  });
  // The event loop emptied while the command still waited (a reader that stopped without
  // settling): its work is not done, and that must never look like success (exit 0).
  process.on('beforeExit', () => {
    if (settled) return;
    settled = true;
    const message = 'the file could not be read to the end';
    process.stderr.write(
      args.includes('--json') ? `${JSON.stringify({ error: { code: 'invalid', message, field: null } })}\n` : `error: ${message}\n`,
    );
    process.exitCode = 2;
  });
}
