/**
 * The storage behind the reports: every query an index range (the plans the
 * benchmark prints), the service counts that triggers keep (right after any
 * insert, update or delete, and when a case's categories change), and migration 4
 * over a file holding data from before it. aggregates.test.ts checks the other counts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js';
import { explainReportQueries } from '../../src/store/reports.js';
import { checkReportCounts } from '../../src/store/report-counts/index.js';
import { tempDb } from '../helpers/cli.js';
import { seeded } from './oracle.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;

beforeAll(async () => {
  o = await TestOffice.create('QRY01');
  o.batch(() => {
    const c = o.openCase({ opened: '2026-10-01', category: 'suicide', categories: ['family-dispute'] });
    o.service({ date: '2026-10-02', type: 'crisis-intervention', case: c });
    o.service({ date: '2026-10-02', type: 'hotline-call' });
  });
});
afterAll(() => o.cleanup());

const TABLES = ['services', 'cases', 'case_events', 'followups', 'clients', 'case_categories', 'report_counts', 'staff', 'centers'];

describe('query plans', () => {
  it('no report query scans a table: each is a search of an index (only the JSON list of periods is scanned)', () => {
    const plans = o.db.read((db) => explainReportQueries(db, { from: '2026-03-21', to: '2026-11-21' }));
    expect(plans.map((p) => p.name)).toEqual([
      'counts',
      'countsByCode',
      'state',
      'scheduledBetween',
      'overdueCount',
      'overdueList',
      'unassignedCount',
      'unassignedList',
    ]);
    for (const p of plans) {
      for (const line of p.plan) {
        const scanned = /^SCAN (\w+)/.exec(line)?.[1];
        if (scanned !== undefined) expect(TABLES, `${p.name}: ${line}`).not.toContain(scanned);
      }
      expect(
        p.plan.some((l) => l.startsWith('SEARCH')),
        p.name,
      ).toBe(true);
    }
  });
});

describe('service counts', () => {
  it("follow every insert, update and delete of services and every change to a case's categories", () => {
    const rnd = seeded(4);
    const s = o.db.sqlite;
    const types = ['hotline-call', 'crisis-intervention', 'psychology'];
    const cats = ['suicide', 'runaway', 'child-abuse', 'elder-abuse'];
    s.transaction(() => {
      const caseIds: number[] = [];
      for (let i = 0; i < 20; i++) {
        const id = Number(
          s
            .prepare(`INSERT INTO cases (case_number, year, seq, client_id, channel, primary_category, risk, opened_on, created_at, updated_at)
            VALUES (?, 1405, ?, NULL, 'hotline', ?, 'low', '2026-09-01', 'x', 'x')`)
            .run(`Q-${i}`, 1000 + i, cats[i % 4]).lastInsertRowid,
        );
        s.prepare(`INSERT INTO case_categories (case_id, category, is_primary) VALUES (?, ?, 1)`).run(id, cats[i % 4]);
        caseIds.push(id);
      }
      const day = (): string => `2026-09-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const pickCase = (): number | null => (rnd() < 0.2 ? null : (caseIds[Math.floor(rnd() * caseIds.length)] as number));
      for (let i = 0; i < 300; i++) {
        s.prepare(`INSERT INTO services (case_id, service_date, type, channel, created_at) VALUES (?, ?, ?, 'hotline', 'x')`).run(
          pickCase(),
          day(),
          types[i % 3],
        );
      }
      for (let i = 0; i < 60; i++) {
        const r = rnd();
        const id = 1 + Math.floor(rnd() * 300);
        if (r < 0.3) s.prepare(`UPDATE services SET service_date = ?, type = ? WHERE id = ?`).run(day(), types[Math.floor(rnd() * 3)], id);
        else if (r < 0.5) s.prepare(`UPDATE services SET case_id = ? WHERE id = ?`).run(pickCase(), id);
        else if (r < 0.6) s.prepare(`DELETE FROM services WHERE id = ?`).run(id);
        else if (r < 0.75)
          s.prepare(`UPDATE cases SET primary_category = ? WHERE id = ?`).run(cats[Math.floor(rnd() * 4)], caseIds[Math.floor(rnd() * 20)]);
        else if (r < 0.9)
          s.prepare(`INSERT OR IGNORE INTO case_categories (case_id, category, is_primary) VALUES (?, ?, 0)`).run(
            caseIds[Math.floor(rnd() * 20)],
            cats[Math.floor(rnd() * 4)],
          );
        else s.prepare(`DELETE FROM case_categories WHERE is_primary = 0 AND case_id = ?`).run(caseIds[Math.floor(rnd() * 20)]);
      }
      const extra = s.prepare(`SELECT case_id AS caseId, category FROM case_categories WHERE is_primary = 0 LIMIT 1`).get() as {
        caseId: number;
        category: string;
      };
      s.prepare(`UPDATE case_categories SET category = 'divorce' WHERE case_id = ? AND category = ?`).run(extra.caseId, extra.category);
    })();
    expect(o.db.read(checkReportCounts)).toEqual([]);
    const stored = s.prepare(`SELECT sum(n) AS n FROM report_counts WHERE measure = 'service' AND typeof(period) = 'text'`).get() as {
      n: number;
    };
    expect(stored.n).toBe((s.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n);
  });

  it('a recount finds a count that went wrong', () => {
    const one = o.db.sqlite.prepare(`SELECT period, measure, code FROM report_counts WHERE measure = 'service' LIMIT 1`).get() as {
      period: string;
      measure: string;
      code: string;
    };
    o.db.sqlite
      .prepare(`UPDATE report_counts SET n = n + 1 WHERE period = ? AND measure = ? AND code = ?`)
      .run(one.period, one.measure, one.code);
    expect(o.db.read(checkReportCounts)).toHaveLength(1);
  });
});

describe('migration 4', () => {
  it('counts what a schema-3 file already holds and keeps counting after it', () => {
    const t = tempDb();
    const path = join(t.dir, 'old.db');
    const raw = new Database(path);
    raw
      .transaction(() => {
        for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
          m.up(raw);
          raw.pragma(`user_version = ${m.version}`);
        }
        raw.exec(`
        INSERT INTO office (id, code, name, created_at) VALUES (1, 'OLD01', 'دفتر', 'x');
        INSERT INTO cases (id, case_number, year, seq, channel, primary_category, risk, opened_on, created_at, updated_at)
          VALUES (1, 'OLD01-1405-000001', 1405, 1, 'hotline', 'suicide', 'high', '2026-10-01', 'x', 'x');
        INSERT INTO case_categories VALUES (1, 'suicide', 1), (1, 'runaway', 0);
        INSERT INTO services (case_id, service_date, type, channel, created_at) VALUES
          (1, '2026-10-02', 'crisis-intervention', 'center', 'x'), (1, '2026-10-02', 'psychology', 'center', 'x'),
          (NULL, '2026-10-03', 'hotline-call', 'hotline', 'x');
        -- Closed, reopened and closed again; follow-ups of every fate; clients of every group.
        INSERT INTO cases (id, case_number, year, seq, channel, primary_category, risk, opened_on, status, closed_on, close_reason, created_at, updated_at)
          VALUES (2, 'OLD01-1405-000002', 1405, 2, 'hotline', 'runaway', 'high', '2026-09-01', 'closed', '2026-10-20', 'moved', 'x', 'x');
        INSERT INTO case_categories VALUES (2, 'runaway', 1);
        INSERT INTO case_events (case_id, kind, on_date, at, actor, reason) VALUES
          (2, 'opened', '2026-09-01', 'x', 'x', NULL), (2, 'closed', '2026-09-10', 'x', 'x', 'resolved'),
          (2, 'reopened', '2026-09-15', 'x', 'x', NULL), (2, 'closed', '2026-10-20', 'x', 'x', 'moved');
        INSERT INTO followups (case_id, due_on, status, done_on, created_at, updated_at) VALUES
          (1, '2026-10-05', 'done', '2026-10-04', 'x', 'x'), (1, '2026-10-06', 'done', '2026-10-09', 'x', 'x'),
          (1, '2026-10-07', 'missed', '2026-10-08', 'x', 'x'), (1, '2026-10-08', 'scheduled', NULL, 'x', 'x'),
          (2, '2026-10-09', 'cancelled', NULL, 'x', 'x');
        INSERT INTO clients (first_name, last_name, name_key, birth_date, sex, informal_settlement, woman_head, registered_on, created_at, updated_at) VALUES
          ('a', 'b', 'a b', '2008-10-01', 'female', 1, 0, '2026-10-01', 'x', 'x'), ('c', 'd', 'c d', '1960-01-01', 'male', 0, 0, '2026-10-02', 'x', 'x'),
          ('e', 'f', 'e f', NULL, NULL, 0, 1, '2026-10-02', 'x', 'x');`);
      })
      .immediate();
    raw.close();
    const db = Db.open(path);
    try {
      expect(db.userVersion).toBe(LATEST_VERSION);
      expect(db.read(checkReportCounts)).toEqual([]);
      const rows = db.sqlite
        .prepare(
          `SELECT period, measure, code, n FROM report_counts WHERE measure IN ('service', 'any-category') AND period IN ('2026-10-02', '2026-10-03', 140507, -1405) ORDER BY measure, period, code`,
        )
        .all();
      // Each at its day, its Jalali month (1405/07) and its Jalali year.
      const service = (type: string, channel: string, category: string): string => JSON.stringify([type, channel, category]);
      expect(rows).toEqual([
        { period: -1405, measure: 'any-category', code: 'runaway', n: 2 },
        { period: -1405, measure: 'any-category', code: 'suicide', n: 2 },
        { period: 140507, measure: 'any-category', code: 'runaway', n: 2 },
        { period: 140507, measure: 'any-category', code: 'suicide', n: 2 },
        { period: '2026-10-02', measure: 'any-category', code: 'runaway', n: 2 },
        { period: '2026-10-02', measure: 'any-category', code: 'suicide', n: 2 },
        { period: -1405, measure: 'service', code: service('crisis-intervention', 'center', 'suicide'), n: 1 },
        { period: -1405, measure: 'service', code: service('hotline-call', 'hotline', 'none'), n: 1 },
        { period: -1405, measure: 'service', code: service('psychology', 'center', 'suicide'), n: 1 },
        { period: 140507, measure: 'service', code: service('crisis-intervention', 'center', 'suicide'), n: 1 },
        { period: 140507, measure: 'service', code: service('hotline-call', 'hotline', 'none'), n: 1 },
        { period: 140507, measure: 'service', code: service('psychology', 'center', 'suicide'), n: 1 },
        { period: '2026-10-02', measure: 'service', code: service('crisis-intervention', 'center', 'suicide'), n: 1 },
        { period: '2026-10-02', measure: 'service', code: service('psychology', 'center', 'suicide'), n: 1 },
        { period: '2026-10-03', measure: 'service', code: service('hotline-call', 'hotline', 'none'), n: 1 },
      ]);
      expect(db.read(checkReportCounts)).toEqual([]);
      db.sqlite
        .prepare(`INSERT INTO services (case_id, service_date, type, channel, created_at) VALUES (1, '2026-10-03', 'legal', 'center', 'x')`)
        .run();
      expect(db.read(checkReportCounts)).toEqual([]);
    } finally {
      db.close();
      t.cleanup();
    }
  });
});
