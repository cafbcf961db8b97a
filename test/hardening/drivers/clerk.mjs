// A clerk at work, without the cost of one process per command: one process opens the
// database the way every command does (Runtime, built dist/ modules) and makes the same
// domain calls as `case open`, `service log`, `case close --followup-plan`, `case reopen`,
// `followup schedule`, `followup done` and `client add`, each in its own write transaction.
//
//   node clerk.mjs <db> random <seed>          random case work until killed (the kill test);
//                                              prints "<op> <id>" after each commit
//   node clerk.mjs <db> cases <count> <seed>   alternately opens a case and logs a service on it
//   node clerk.mjs <db> calls <count> <seed>   alternately logs a hotline call and registers a client
//
// Nothing is caught: a failed write ("database is locked" included) ends the process with
// a stack trace and exit code 1, which the test reports.
import { Runtime } from '../../../dist/runtime.js';
import { addClient } from '../../../dist/domain/clients.js';
import { closeCase, openCase, reopenCase } from '../../../dist/domain/cases.js';
import { finishFollowup, scheduleFollowup } from '../../../dist/domain/followups.js';
import { logService } from '../../../dist/domain/services.js';
import { onDutyWorker } from '../../../dist/domain/roster/on-duty.js';

const [db, mode, a, b] = process.argv.slice(2);
if (db === undefined || mode === undefined) throw new Error('usage: clerk.mjs <db> random <seed> | cases|calls <count> <seed>');
const count = mode === 'random' ? Infinity : Number(a);
let seed = Number(mode === 'random' ? a : b) >>> 0 || 1;

/** xorshift32: the same seed gives the same work. */
function rand() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
}

const rt = new Runtime({ db }, 'driver');
const base = rt.ctx();
const sql = base.db.sqlite;
/** The same ctx a command's action gets, under that command's name (the audit trail records it). */
const as = (command) => ({ ...base, command });
const write = (command, fn) => base.db.write(() => fn(as(command)));

const openIds = () => sql.prepare(`SELECT id FROM cases WHERE status = 'open'`).pluck().all();
const closedIds = () => sql.prepare(`SELECT id FROM cases WHERE status = 'closed'`).pluck().all();
const scheduled = () => sql.prepare(`SELECT id FROM followups WHERE status = 'scheduled'`).pluck().all();
const any = (list) => (list.length === 0 ? undefined : list[Math.floor(rand() * list.length)]);

function ack(line) {
  process.stdout.write(`${line}\n`);
}

function randomStep() {
  const r = rand();
  if (r < 0.25) {
    const c = write('case open', (ctx) =>
      openCase(ctx, {
        anonymous: true,
        channel: 'hotline',
        category: 'suicide',
        categories: 'family-dispute',
        risk: 'high',
        summary: 'driver',
      }),
    );
    return ack(`case ${c.id}`);
  }
  if (r < 0.5) {
    const id = any(openIds());
    if (id === undefined) return undefined;
    const s = write('service log', (ctx) =>
      logService(ctx, { case: String(id), type: 'crisis-intervention', minutes: '30' }, onDutyWorker),
    );
    return ack(`service ${s.service.id}`);
  }
  if (r < 0.65) {
    const id = any(openIds());
    if (id === undefined) return undefined;
    const c = write('case close', (ctx) => closeCase(ctx, { case: String(id), reason: 'resolved', followupPlan: '7,30,90' }));
    return ack(`closed ${c.case.id} ${c.plannedFollowups.map((f) => f.id).join(',')}`);
  }
  if (r < 0.75) {
    const id = any(closedIds());
    if (id === undefined) return undefined;
    write('case reopen', (ctx) => reopenCase(ctx, { case: String(id), note: 'harm recurred' }));
    return ack(`reopened ${id}`);
  }
  if (r < 0.87) {
    const id = any(openIds());
    if (id === undefined) return undefined;
    const f = write('followup schedule', (ctx) => scheduleFollowup(ctx, { case: String(id), due: '+7d' }));
    return ack(`followup ${f.id}`);
  }
  const id = any(scheduled());
  if (id === undefined) return undefined;
  write('followup done', (ctx) => finishFollowup(ctx, 'done', { id: String(id), outcome: 'no recurrence' }));
  return ack(`done ${id}`);
}

let lastCase = null;
function casesStep(i) {
  if (i % 2 === 0) {
    lastCase = write('case open', (ctx) =>
      openCase(ctx, { anonymous: true, channel: rand() < 0.5 ? 'hotline' : 'mobile-team', category: 'child-abuse', risk: 'medium' }),
    );
  } else {
    const type = rand() < 0.5 ? 'crisis-intervention' : 'social-work';
    write('service log', (ctx) => logService(ctx, { case: String(lastCase.id), type }, onDutyWorker));
  }
}

function callsStep(i) {
  if (i % 2 === 0) write('service log', (ctx) => logService(ctx, { type: 'hotline-call', minutes: '5' }, onDutyWorker));
  else write('client add', (ctx) => addClient(ctx, { firstName: 'مراجع', lastName: `شماره ${i}` }));
}

const step = mode === 'random' ? randomStep : mode === 'cases' ? casesStep : mode === 'calls' ? callsStep : null;
if (step === null) throw new Error(`unknown mode ${mode}`);
for (let i = 0; i < count; i++) step(i);
rt.close();
