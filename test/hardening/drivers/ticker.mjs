// One writer committing about every 10 ms until killed: each write registers a client whose
// last name carries the write's number, in its own write transaction through the built dist/
// modules (as `client add` does). After each write it prints, synchronously:
//   "ok <n>"       the write was committed (acknowledged to the writer)
//   "refused <n>"  the write failed (e.g. "database is locked"): it was not acknowledged
//
//   node ticker.mjs <db> [intervalMs]
import { writeSync } from 'node:fs';
import { Runtime } from '../../../dist/runtime.js';
import { addClient } from '../../../dist/domain/clients.js';

const [db, interval = '10'] = process.argv.slice(2);
if (db === undefined) throw new Error('usage: ticker.mjs <db> [intervalMs]');
const pause = new Int32Array(new SharedArrayBuffer(4));
const rt = new Runtime({ db }, 'client add');
for (let n = 1; ; n++) {
  try {
    rt.write((ctx) => addClient(ctx, { firstName: 'tick', lastName: `tick ${n}` }));
    writeSync(1, `ok ${n}\n`);
  } catch (err) {
    writeSync(1, `refused ${n} ${String(err?.code ?? err?.message ?? err).replace(/\s+/g, ' ')}\n`);
  }
  Atomics.wait(pause, 0, 0, Number(interval));
}
