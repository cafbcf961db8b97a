// A worker thread that checks a database at the moment it is asked to, while the test
// goes on: it pins a read snapshot first (answering "pinned"), then runs the slow checks
// (integrity_check of a 200,000-row file takes a second) on that snapshot.
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';

let db;
parentPort.on('message', ({ id, file }) => {
  db ??= new Database(file, { readonly: true, fileMustExist: true });
  db.prepare('BEGIN').run();
  try {
    // The snapshot starts with the first read.
    const recorded = db.prepare('SELECT coalesce(sum(inserted), 0) AS n FROM import_batches').get().n;
    parentPort.postMessage({ id, type: 'pinned' });
    const integrity = db
      .pragma('integrity_check')
      .map((r) => r.integrity_check)
      .join('; ');
    const c = db.prepare('SELECT count(*) AS n, count(DISTINCT national_code) AS d, max(national_code) AS top FROM clients').get();
    const running = db.prepare(`SELECT count(*) AS n FROM import_batches WHERE status = 'running'`).get().n;
    parentPort.postMessage({
      id,
      type: 'state',
      state: { integrity, clients: c.n, distinctCodes: c.d, recordedInserted: recorded, top: c.top, running },
    });
  } finally {
    db.prepare('COMMIT').run();
  }
});
