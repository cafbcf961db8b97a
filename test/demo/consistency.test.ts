import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOffice, tempDb } from '../helpers/cli.js';
import { buildDemo, openRead, TODAY, type BuiltDemo } from './demo-helpers.js';

// Two years at a small scale: enough cases of every shape (closed, reopened, planned follow-ups).
let demo: BuiltDemo;
let db: Database.Database;
beforeAll(async () => {
  demo = await buildDemo(['--years', '2', '--scale', '0.5', '--seed', '9']);
  db = openRead(demo.db);
});
afterAll(() => {
  db.close();
  demo.cleanup();
});

interface CaseRow {
  id: number;
  status: string;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  reopenCount: number;
  workerId: number | null;
  createdAt: string;
}
interface EventRow {
  id: number;
  caseId: number;
  kind: string;
  onDate: string;
  at: string;
  workerId: number | null;
  reason: string | null;
  serviceId: number | null;
  followupId: number | null;
}

describe('every case of the demo office tells one story', () => {
  it('passes the integrity and foreign-key checks', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('has the schema of any office: every index the bulk load set aside is back', async () => {
    const t = tempDb();
    try {
      await initOffice(t.db);
      const schema = (d: typeof db): unknown[] =>
        d.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
      const plain = openRead(t.db);
      try {
        expect(schema(db)).toEqual(schema(plain));
        expect(db.pragma('user_version', { simple: true })).toBe(plain.pragma('user_version', { simple: true }));
      } finally {
        plain.close();
      }
    } finally {
      t.cleanup();
    }
  });

  it('has a timeline that ends in its status: opened first, closes and reopens alternating, the last close as stored', () => {
    const cases = db
      .prepare(`SELECT id, status, opened_on AS openedOn, closed_on AS closedOn, close_reason AS closeReason,
      reopen_count AS reopenCount, worker_id AS workerId, created_at AS createdAt FROM cases ORDER BY id`)
      .all() as CaseRow[];
    const events = db
      .prepare(`SELECT id, case_id AS caseId, kind, on_date AS onDate, at, worker_id AS workerId, reason,
      service_id AS serviceId, followup_id AS followupId FROM case_events ORDER BY case_id, on_date, id`)
      .all() as EventRow[];
    const byCase = new Map<number, EventRow[]>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    let problems = 0;
    const fail = (caseId: number, why: string): void => {
      if (problems++ < 5) expect.soft(`case ${caseId}: ${why}`).toBe('');
    };
    for (const c of cases) {
      const ev = byCase.get(c.id) ?? [];
      if (ev[0]?.kind !== 'opened' || ev[0].onDate !== c.openedOn || ev[0].at !== c.createdAt)
        fail(c.id, 'does not start with its opening');
      if (ev.filter((e) => e.kind === 'opened').length !== 1) fail(c.id, 'opened more than once');
      let status = 'open';
      let lastClose: EventRow | undefined;
      let worker: number | null = null;
      for (const e of ev) {
        if (e.onDate < c.openedOn || e.onDate > TODAY) fail(c.id, `event ${e.id} outside the case's life`);
        if (e.kind === 'closed') {
          if (status !== 'open') fail(c.id, 'closed twice');
          status = 'closed';
          lastClose = e;
        } else if (e.kind === 'reopened') {
          if (status !== 'closed') fail(c.id, 'reopened while open');
          status = 'open';
        } else if (e.kind === 'assigned') {
          if (status !== 'open') fail(c.id, 'assigned while closed');
          worker = e.workerId;
        } else if (e.kind === 'service' && status !== 'open') fail(c.id, 'service while closed');
      }
      if (status !== c.status) fail(c.id, `timeline ends ${status}, case is ${c.status}`);
      if (c.status === 'closed' && (lastClose?.onDate !== c.closedOn || lastClose.reason !== c.closeReason))
        fail(c.id, 'close date/reason differ');
      if (c.status === 'open' && (c.closedOn !== null || c.closeReason !== null)) fail(c.id, 'open with a close date');
      if (ev.filter((e) => e.kind === 'reopened').length !== c.reopenCount) fail(c.id, 'reopen count differs');
      if (worker !== c.workerId) fail(c.id, 'last assignment is not the case worker');
    }
    expect(problems).toBe(0);
  });

  it('has one service event per service, on its date, with its type and worker', () => {
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    expect(
      n(`SELECT count(*) AS n FROM services s WHERE (SELECT count(*) FROM case_events e WHERE e.service_id = s.id AND e.kind = 'service'
      AND e.case_id = s.case_id AND e.on_date = s.service_date AND e.reason = s.type AND e.worker_id IS s.worker_id AND e.at = s.created_at) <> 1`),
    ).toBe(0);
    expect(n(`SELECT count(*) AS n FROM case_events WHERE kind = 'service' AND service_id IS NULL`)).toBe(0);
  });

  it('records each follow-up when scheduled and, when it ended, how', () => {
    const followups = db
      .prepare(`SELECT f.id, f.status, f.due_on AS dueOn, f.done_on AS doneOn, f.created_at AS createdAt,
      c.opened_on AS openedOn FROM followups f JOIN cases c ON c.id = f.case_id`)
      .all() as { id: number; status: string; dueOn: string; doneOn: string | null; createdAt: string; openedOn: string }[];
    const events = db
      .prepare(`SELECT followup_id AS followupId, reason, on_date AS onDate, at FROM case_events
      WHERE kind = 'follow-up' ORDER BY id`)
      .all() as { followupId: number; reason: string; onDate: string; at: string }[];
    const byFollowup = new Map<number, typeof events>();
    for (const e of events) byFollowup.set(e.followupId, [...(byFollowup.get(e.followupId) ?? []), e]);
    const bad = followups.filter((f) => {
      const ev = byFollowup.get(f.id) ?? [];
      const scheduled = ev.filter((e) => e.reason === 'scheduled');
      const ended = ev.filter((e) => e.reason !== 'scheduled');
      if (scheduled.length !== 1 || scheduled[0]?.at !== f.createdAt) return true;
      if (f.status === 'scheduled') return ended.length > 0;
      return ended.length !== 1 || ended[0]?.reason !== f.status || (f.doneOn !== null && ended[0].onDate !== f.doneOn);
    });
    expect(bad.map((f) => f.id)).toEqual([]);
    expect(followups.filter((f) => f.dueOn < f.openedOn || (f.doneOn !== null && f.doneOn > TODAY))).toEqual([]);
    expect(followups.some((f) => f.status === 'scheduled' && f.dueOn < TODAY)).toBe(true);
    expect((db.prepare(`SELECT count(*) AS n FROM followups WHERE from_plan = 1`).get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('numbers event ids in timeline order within each case', () => {
    const rows = db
      .prepare(`SELECT case_id AS caseId, id, on_date AS onDate, at FROM case_events ORDER BY case_id, id`)
      .all() as EventRow[];
    let bad = 0;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1] as EventRow;
      const b = rows[i] as EventRow;
      if (a.caseId === b.caseId && (a.onDate > b.onDate || a.at > b.at)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('writes one audit entry for the whole office', () => {
    expect(db.prepare(`SELECT action, record_type AS recordType, record_id AS recordId, command FROM audit_log`).all()).toEqual([
      { action: 'demo-generate', recordType: 'office', recordId: 'DEMO', command: 'demo' },
    ]);
  });
});
