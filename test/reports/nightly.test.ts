/**
 * report nightly, the way cron and the Task Scheduler run it: never prompts,
 * writes the month's files with dated names owner-only, prints one line, lists
 * what needs attention by id and case number only; and while another process
 * keeps writing, neither waits for the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { insertService } from '../../src/store/services.js';
import { runBin } from '../helpers/cli.js';
import { Db } from '../../src/store/database.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;
const CLIENT_NAMES = ['شیرین', 'نیک‌نام'];

beforeAll(async () => {
  o = await TestOffice.create('NIT01');
  const worker = o.worker('رضا', 'اکبری');
  o.batch((w) => {
    const client = o.client({ registered: '2026-11-01', name: CLIENT_NAMES[0] });
    o.db.sqlite.prepare('UPDATE clients SET last_name = ? WHERE id = ?').run(CLIENT_NAMES[1], client);
    const assigned = o.openCase({ opened: '2026-11-02', category: 'suicide', worker, client });
    const nobody = o.openCase({ opened: '2026-11-03', category: 'child-abuse', client });
    o.followup(assigned, '2026-11-20', '2026-11-02');
    o.followup(nobody, '2026-11-30', '2026-11-03');
    o.service({ date: '2026-11-23', type: 'crisis-intervention', case: assigned });
    // Volume, so that a nightly read takes a while.
    for (let i = 0; i < 20_000; i++) {
      insertService(
        w,
        { caseId: null, serviceDate: '2026-11-24', type: 'hotline-call', channel: 'hotline', workerId: null, minutes: null, note: null },
        '2026-11-24T10:00:00.000Z',
      );
    }
  });
});
afterAll(() => o.cleanup());

describe('report nightly', () => {
  it('writes html, csv and xlsx with dated names owner-only and prints one line', async () => {
    const dir = join(o.dir, 'out', 'nightly');
    const r = await o.cli(['report', 'nightly', '--dir', dir], { PARVANDE_TODAY: '2026-11-25' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stdout).toMatch(
      /^parvande nightly NIT01 1405-09: 20001 services, 0 cases opened, 2 open, 1 follow-ups overdue, 1 open cases unassigned, 0 referrals with no answer; 3 files in /,
    );
    expect(readdirSync(dir).sort()).toEqual([
      'parvande-NIT01-1405-09-2026-11-25.csv',
      'parvande-NIT01-1405-09-2026-11-25.html',
      'parvande-NIT01-1405-09-2026-11-25.xlsx',
    ]);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    }
    // The lists: ids and case numbers, never a name.
    expect(r.stderr).toContain('overdue follow-up #1: case NIT01-1405-000001, due 1405/08/29, worker #1');
    expect(r.stderr).toContain('open case with nobody assigned: NIT01-1405-000002');
    const html = readFileSync(join(dir, 'parvande-NIT01-1405-09-2026-11-25.html'), 'utf8');
    expect(html).toContain('Overdue follow-ups: 1');
    expect(html).toContain('NIT01-1405-000002');
    // The overdue list names the worker (staff), not `#1`; the log line keeps the id.
    expect(html).toContain('<td>رضا اکبری</td>');
    for (const text of [r.stdout, r.stderr, html, readFileSync(join(dir, 'parvande-NIT01-1405-09-2026-11-25.csv'), 'utf8')]) {
      for (const name of CLIENT_NAMES) expect(text).not.toContain(name);
    }
  });

  it('on the first day of a month also writes the month just ended; --json gives the summary', async () => {
    const dir = join(o.dir, 'first-day');
    const r = await o.cli(['report', 'nightly', '--dir', dir, '--json'], { PARVANDE_TODAY: '2026-11-22' });
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ office: 'NIT01', month: '1405-09', followupsOverdue: 1, casesUnassigned: 1 });
    expect(j.attention.overdueFollowups.items).toEqual([{ id: 1, caseNumber: 'NIT01-1405-000001', dueOn: '2026-11-20', workerId: 1 }]);
    // The summary is a log: the worker's id, the name only in the files.
    expect(r.stdout).not.toContain('رضا اکبری');
    expect(j.files.map((f: string) => f.slice(dir.length + 1))).toEqual([
      'parvande-NIT01-1405-08-2026-11-22.html',
      'parvande-NIT01-1405-08-2026-11-22.csv',
      'parvande-NIT01-1405-08-2026-11-22.xlsx',
      'parvande-NIT01-1405-09-2026-11-22.html',
      'parvande-NIT01-1405-09-2026-11-22.csv',
      'parvande-NIT01-1405-09-2026-11-22.xlsx',
    ]);
    expect(r.stderr).toBe('');
  });

  it('without --dir writes into "reports" beside the database', async () => {
    const r = await o.cli(['report', 'nightly', '--month', '1405-08']);
    expect(r.code).toBe(0);
    expect(existsSync(join(o.dir, 'reports', 'parvande-NIT01-1405-08-2026-11-25.csv'))).toBe(true);
  });

  it("reads through a clerk's unfinished write (only what was committed); only its audit entry waits for the lock", async () => {
    const clerk = Db.open(o.path);
    try {
      clerk.sqlite.exec('BEGIN IMMEDIATE');
      insertService(
        clerk.outsideTransaction(),
        { caseId: null, serviceDate: '2026-11-25', type: 'legal', channel: 'hotline', workerId: null, minutes: null, note: null },
        '2026-11-25T10:00:00.000Z',
      );
      const dir = join(o.dir, 'locked');
      const run = runBin(['--db', o.path, 'report', 'nightly', '--dir', dir, '--json'], {
        env: { PARVANDE_TODAY: '2026-11-25', PARVANDE_BUSY_TIMEOUT_MS: '20000' },
      });
      let finished = false;
      void run.then(() => (finished = true));
      // Every file is written while the clerk still holds the write lock: the read waited for nothing.
      const last = join(dir, 'parvande-NIT01-1405-09-2026-11-25.xlsx');
      for (let i = 0; i < 300 && !existsSync(last); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(last)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      // The run's entry in the audit trail is a write: it waits for the clerk (the busy timeout), then is stored.
      expect(finished).toBe(false);
      clerk.sqlite.exec('ROLLBACK');
      const n = await run;
      expect(n.stderr).toBe('');
      expect(n.code).toBe(0);
      expect(n.json().services).toBe(20_001);
    } finally {
      clerk.close();
    }
  });

  it('runs while another process keeps writing: no writer fails, nothing is lost', async () => {
    // The nightly holds the write lock only for its audit entry (one row): a writer waits a moment at most.
    const env = { PARVANDE_TODAY: '2026-11-25', PARVANDE_BUSY_TIMEOUT_MS: '5000' };
    const before = (o.db.sqlite.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n;
    const writes = 10;
    const writer = (async () => {
      const codes: number[] = [];
      for (let i = 0; i < writes; i++) {
        const w = await runBin(['--db', o.path, 'service', 'log', '--type', 'hotline-call', '--json'], { env });
        codes.push(w.code);
        if (w.code !== 0) codes.push(-1, ...Buffer.from(w.stderr));
      }
      return codes;
    })();
    const nightly = (async () => {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const n = await runBin(['--db', o.path, 'report', 'nightly', '--dir', join(o.dir, 'concurrent')], { env });
        codes.push(n.code);
      }
      return codes;
    })();
    const [writerCodes, nightlyCodes] = await Promise.all([writer, nightly]);
    expect(writerCodes).toEqual(new Array(writes).fill(0));
    expect(nightlyCodes).toEqual([0, 0, 0]);
    const after = (o.db.sqlite.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n;
    expect(after).toBe(before + writes);
  });
});
