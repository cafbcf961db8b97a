/**
 * The report counts that triggers keep (report_counts, src/store/report-counts/) against a
 * recount from the tables: after the commands of a working office (follow-ups
 * done, missed and cancelled, cases closed, reopened and reassigned, clients
 * corrected, services logged on cases), after any writer's direct SQL, and in
 * `db check`. And the Jalali calendar the triggers look up in SQL (report_months)
 * against src/lang/dates.ts, day by day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '../../src/domain/cases.js';
import { updateClient } from '../../src/domain/clients.js';
import { addDays, monthOf } from '../../src/lang/dates.js';
import { yearsBefore } from '../../src/domain/reports/period.js';
import { checkDatabase } from '../../src/store/maintenance.js';
import { checkReportCounts, jalaliMonthSql, rebuildReportCounts, yearsBeforeSql } from '../../src/store/report-counts/index.js';
import { Db } from '../../src/store/database.js';
import { runCli, tempDb } from '../helpers/cli.js';
import { seeded } from './oracle.js';
import { TestOffice, type CaseRecord } from './fixture.js';

let o: TestOffice;
const SERVICE_TYPES = ['crisis-intervention', 'mobile-team', 'hotline-call', 'social-work', 'psychology'];
const CATEGORIES = ['family-dispute', 'child-abuse', 'suicide', 'runaway', 'elder-abuse'];

beforeAll(async () => {
  o = await TestOffice.create('AGG01');
});
afterAll(() => o.cleanup());

/** Days from 1404/12/20 (2025-03-10) on: across the turn of a year and 30 Esfand 1403. */
const dayOf = (n: number): string => addDays('2025-03-10', n);

describe('report counts kept by triggers', () => {
  it('equal a recount after the commands of a working office', () => {
    const rnd = seeded(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const centers = [o.center('مرکز یک'), o.center('مرکز دو')];
    const workers = [o.worker('سارا', 'کریمی'), o.worker('علی', 'رضایی'), o.worker('مینا', 'احمدی')];
    const cases: CaseRecord[] = [];
    o.batch(() => {
      // Birthdays exactly 18 and 60 years before, a day either side, 30 Esfand, and unknown births.
      const births = ['2007-03-20', '2007-03-21', '2007-03-22', '1965-03-20', '1965-03-21', '2004-03-20', null, '2015-07-01'];
      for (let i = 0; i < 40; i++) {
        o.client({
          registered: dayOf(i % 20),
          birth: births[i % births.length] ?? null,
          sex: pick(['female', 'male', null]),
          informal: rnd() < 0.3,
          womanHead: rnd() < 0.3,
        });
      }
      for (let i = 0; i < 30; i++) {
        const c = o.openCase({
          opened: dayOf(Math.floor(rnd() * 40)),
          category: pick(CATEGORIES),
          categories: rnd() < 0.4 ? [pick(CATEGORIES)] : [],
          center: rnd() < 0.8 ? pick(centers) : null,
          worker: rnd() < 0.8 ? pick(workers) : null,
          client: rnd() < 0.5 ? o.clients[i]?.id : undefined,
        });
        cases.push(c);
        for (let k = 0; k < 3; k++) o.service({ date: addDays(c.opened, k * 5), type: pick(SERVICE_TYPES), case: c });
        o.service({ date: c.opened, type: 'hotline-call' });
      }
      for (const c of cases) {
        const f1 = o.followup(c, addDays(c.opened, 10));
        const f2 = o.followup(c, addDays(c.opened, 20));
        const f3 = o.followup(c, addDays(c.opened, 30));
        o.followup(c, addDays(c.opened, 40));
        o.finish(f1, 'done', addDays(c.opened, 8 + Math.floor(rnd() * 5)));
        o.finish(f2, pick(['missed', 'cancelled', 'done'] as const), addDays(c.opened, 22));
        if (rnd() < 0.5) o.finish(f3, 'done', addDays(c.opened, 30));
      }
      for (const c of cases) {
        const r = rnd();
        if (r < 0.7) o.close(c, addDays(c.opened, 5 + Math.floor(rnd() * 30)), pick(['resolved', 'referred', 'unreachable']));
        if (r < 0.4) o.reopen(c, addDays(c.events.at(-1)?.on ?? c.opened, Math.floor(rnd() * 3)));
        if (r < 0.2) o.close(c, addDays(c.events.at(-1)?.on ?? c.opened, Math.floor(rnd() * 3)), 'moved');
        if (c.events.at(-1)?.kind !== 'closed' && rnd() < 0.6) {
          const ctx = o.ctx(dayOf(80));
          assignCase(ctx, { case: String(c.id), worker: String(workers.find((w) => w !== c.workerId) as number), date: dayOf(80) });
        }
      }
      for (const cl of o.clients.slice(0, 12)) {
        updateClient(o.ctx(dayOf(90)), {
          id: String(cl.id),
          sex: pick(['female', 'male']),
          birthDate: pick(['1950-05-05', '2010-02-02', '1990-12-31']),
          informalSettlement: rnd() < 0.5,
          womanHead: rnd() < 0.5,
          registeredOn: dayOf(Math.floor(rnd() * 30)),
        });
      }
    });
    expect(o.db.read(checkReportCounts)).toEqual([]);
    const n = (measure: string): number =>
      (
        o.db.sqlite
          .prepare(`SELECT coalesce(sum(n), 0) AS n FROM report_counts WHERE measure = ? AND typeof(period) = 'text'`)
          .get(measure) as { n: number }
      ).n;
    expect(n('service')).toBe(o.services.length);
    expect(n('opened-center')).toBe(cases.length);
    expect(n('clients')).toBe(o.clients.length);
    expect(n('closed')).toBe(cases.reduce((k, c) => k + c.events.filter((e) => e.kind === 'closed').length, 0));
  });

  it('equal a recount after direct SQL changes to every table they count', () => {
    const rnd = seeded(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const s = o.db.sqlite;
    const one = (sql: string): number | undefined => (s.prepare(sql).get() as { id: number } | undefined)?.id;
    const caseIds = (s.prepare(`SELECT id FROM cases ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    const pickCase = (): number => caseIds[Math.floor(rnd() * caseIds.length)] as number;
    const day = (): string => dayOf(Math.floor(rnd() * 60));
    s.transaction(() => {
      for (let i = 0; i < 80; i++) {
        const r = rnd();
        const svc = one(`SELECT id FROM services ORDER BY random() LIMIT 1`);
        const fu = one(`SELECT id FROM followups ORDER BY random() LIMIT 1`);
        const cl = one(`SELECT id FROM clients ORDER BY random() LIMIT 1`);
        if (r < 0.08)
          s.prepare(`UPDATE services SET service_date = ?, type = 'legal', case_id = ? WHERE id = ?`).run(
            day(),
            rnd() < 0.3 ? null : pickCase(),
            svc,
          );
        else if (r < 0.12) {
          s.prepare(`UPDATE case_events SET service_id = NULL WHERE service_id = ?`).run(svc);
          s.prepare(`DELETE FROM services WHERE id = ?`).run(svc);
        } else if (r < 0.2)
          s.prepare(`UPDATE followups SET status = ?, done_on = ?, due_on = ? WHERE id = ?`).run(
            rnd() < 0.5 ? 'done' : 'scheduled',
            rnd() < 0.5 ? day() : null,
            day(),
            fu,
          );
        else if (r < 0.24) {
          s.prepare(`DELETE FROM case_events WHERE followup_id = ?`).run(fu);
          s.prepare(`DELETE FROM followups WHERE id = ?`).run(fu);
        } else if (r < 0.32) {
          // A birth date after the registration day is an unknown age group.
          s.prepare(`UPDATE clients SET birth_date = ?, sex = NULL, registered_on = ?, woman_head = 1 - woman_head WHERE id = ?`).run(
            pick([null, '2008-03-20', '2025-04-30']),
            day(),
            cl,
          );
        } else if (r < 0.4)
          s.prepare(`UPDATE cases SET center_id = NULL, worker_id = ?, opened_on = ? WHERE id = ?`).run(
            rnd() < 0.5 ? null : 1,
            dayOf(0),
            pickCase(),
          );
        else if (r < 0.48)
          s.prepare(`UPDATE cases SET primary_category = ? WHERE id = ?`).run(CATEGORIES[Math.floor(rnd() * 5)], pickCase());
        else if (r < 0.55)
          s.prepare(`INSERT OR IGNORE INTO case_categories (case_id, category, is_primary) VALUES (?, 'divorce', 0)`).run(pickCase());
        else if (r < 0.6) s.prepare(`DELETE FROM case_categories WHERE is_primary = 0 AND case_id = ?`).run(pickCase());
        else if (r < 0.7) {
          // A reopening (or a closing) written straight into a timeline, then the case row to match.
          const id = pickCase();
          const status = (s.prepare(`SELECT status FROM cases WHERE id = ?`).get(id) as { status: string }).status;
          const at = dayOf(70 + i);
          s.prepare(`INSERT INTO case_events (case_id, kind, on_date, at, actor, reason) VALUES (?, ?, ?, 'x', 'sql', ?)`).run(
            id,
            status === 'closed' ? 'reopened' : 'closed',
            at,
            status === 'closed' ? null : 'other',
          );
          if (status === 'closed')
            s.prepare(`UPDATE cases SET status = 'open', closed_on = NULL, close_reason = NULL WHERE id = ?`).run(id);
          else s.prepare(`UPDATE cases SET status = 'closed', closed_on = ?, close_reason = 'other' WHERE id = ?`).run(at, id);
        } else if (r < 0.75)
          s.prepare(
            `UPDATE case_events SET on_date = ? WHERE id = (SELECT id FROM case_events WHERE kind = 'reopened' ORDER BY random() LIMIT 1)`,
          ).run(dayOf(100));
        else if (r < 0.8)
          s.prepare(
            `DELETE FROM case_events WHERE id = (SELECT id FROM case_events WHERE kind = 'closed' ORDER BY random() LIMIT 1)`,
          ).run();
        else if (r < 0.85) {
          const id = Number(
            s
              .prepare(`INSERT INTO cases (case_number, year, seq, channel, primary_category, risk, opened_on, status, closed_on, close_reason, center_id, created_at, updated_at)
            VALUES (?, 1404, ?, 'hotline', 'suicide', 'low', ?, 'closed', ?, NULL, 2, 'x', 'x')`)
              .run(`SQL-${i}`, 9000 + i, dayOf(3), dayOf(9)).lastInsertRowid,
          );
          s.prepare(`INSERT INTO case_categories (case_id, category, is_primary) VALUES (?, 'suicide', 1)`).run(id);
          if (i % 2 === 0) {
            s.prepare(`DELETE FROM case_categories WHERE case_id = ?`).run(id);
            s.prepare(`DELETE FROM cases WHERE id = ?`).run(id);
          } else caseIds.push(id);
        } else if (r < 0.9)
          s.prepare(`DELETE FROM clients WHERE id = ? AND id NOT IN (SELECT client_id FROM cases WHERE client_id IS NOT NULL)`).run(cl);
        else
          s.prepare(`INSERT INTO clients (first_name, last_name, name_key, birth_date, sex, informal_settlement, woman_head, registered_on, created_at, updated_at)
            VALUES ('x', 'y', 'x y', ?, 'female', 1, 0, ?, 'x', 'x')`).run(rnd() < 0.5 ? '1966-03-21' : null, day());
      }
    })();
    expect(o.db.read(checkReportCounts)).toEqual([]);
    // No count is left at 0: it is deleted.
    expect(s.prepare(`SELECT count(*) AS n FROM report_counts WHERE n = 0`).get()).toEqual({ n: 0 });
  });

  it('db check reports a count that went wrong, and a rebuild puts it right', () => {
    expect(o.db.read(checkDatabase).reportCounts).toEqual({ mismatches: 0, examples: [] });
    const one = o.db.sqlite.prepare(`SELECT period, measure, code FROM report_counts WHERE measure = 'opened-worker' LIMIT 1`).get() as {
      period: string;
      measure: string;
      code: number;
    };
    o.db.sqlite
      .prepare(`UPDATE report_counts SET n = n + 1 WHERE measure = ? AND period = ? AND code = ?`)
      .run(one.measure, one.period, one.code);
    const check = o.db.read(checkDatabase);
    expect(check.ok).toBe(false);
    expect(check.reportCounts?.mismatches).toBe(1);
    expect(check.reportCounts?.examples[0]).toMatchObject({ measure: 'opened-worker', period: one.period, code: one.code });
    o.db.write(rebuildReportCounts);
    expect(o.db.read(checkReportCounts)).toEqual([]);
    expect(o.db.read(checkDatabase).ok).toBe(true);
  });
});

describe('an import', () => {
  it('counts what it writes: every kind exported from the office above and imported into a new one', async () => {
    const to = await TestOffice.create('AGG02', 'imported.db');
    try {
      for (const kind of ['centers', 'staff', 'clients', 'cases', 'services', 'followups']) {
        const file = join(o.dir, `${kind}.json`);
        const exported = await o.cli(['export', kind, '--format', 'json', '--out', file]);
        expect(exported.code, exported.stderr).toBe(0);
        // Rows the direct SQL above made invalid (a birth after the registration) are refused: the others are stored.
        const imported = await to.cli(['import', kind, file, '--json']);
        expect(imported.json<{ inserted: number }>().inserted, imported.stderr).toBeGreaterThan(0);
      }
      expect((to.db.sqlite.prepare(`SELECT count(*) AS n FROM cases WHERE status = 'closed'`).get() as { n: number }).n).toBeGreaterThan(0);
      expect(to.db.read(checkReportCounts)).toEqual([]);
    } finally {
      to.cleanup();
    }
  });

  it('counts new clients once per batch: batches of 7, a dry run, a refused all-or-nothing, updates and re-imports', async () => {
    const to = await TestOffice.create('AGG03', 'clients.db');
    const trigger = (): unknown =>
      to.db.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'report_clients_after_insert'`).pluck().get();
    const before = trigger();
    expect(before).toMatch(/report_counts_held/);
    const held = (): unknown => to.db.sqlite.prepare(`SELECT count(*) FROM report_counts_held`).pluck().get();
    try {
      // Registration days across the turn of the year, birthdays on the 18th and 60th, unknown births and sexes.
      const births = ['2007-03-20', '2007-03-21', '1965-03-20', '1965-03-22', '', '2015-07-01', '1940-01-01'];
      const lines = ['first-name,last-name,national-code,birth-date,sex,informal-settlement,woman-head,registered-on'];
      for (let i = 0; i < 60; i++) {
        const code = String(1_000_000 + i * 7919).padStart(9, '0');
        const check = [...code].reduce((s, d, k) => s + Number(d) * (10 - k), 0) % 11;
        const nationalCode = code + String(check < 2 ? check : 11 - check);
        lines.push(
          [
            `نام${i}`,
            `خانواده${i}`,
            i % 5 === 0 ? '' : nationalCode,
            births[i % births.length],
            ['female', 'male', ''][i % 3],
            i % 4 === 0 ? 'yes' : 'no',
            i % 6 === 0 ? 'yes' : 'no',
            dayOf(i % 25),
          ].join(','),
        );
      }
      const file = join(to.dir, 'clients.csv');
      writeFileSync(file, lines.join('\r\n') + '\r\n');
      const dry = await to.cli(['import', 'clients', file, '--dry-run', '--batch-size', '7', '--json']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(to.db.sqlite.prepare(`SELECT count(*) FROM report_counts WHERE measure = 'clients'`).pluck().get()).toBe(0);

      const first = await to.cli(['import', 'clients', file, '--batch-size', '7', '--json']);
      expect(first.json<{ inserted: number }>().inserted, first.stderr).toBe(60);
      expect(trigger()).toBe(before);
      expect(to.db.read(checkReportCounts)).toEqual([]);
      const total = (): number =>
        to.db.sqlite.prepare(`SELECT sum(n) FROM report_counts WHERE measure = 'clients'`).pluck().get() as number;
      expect(total()).toBe(60);

      // The same file again changes nothing; a changed sex and birth date go through the update trigger.
      const again = await to.cli(['import', 'clients', file, '--batch-size', '7', '--json']);
      expect(again.json<{ unchanged: number }>().unchanged, again.stderr).toBe(60);
      const changed = [
        lines[0],
        lines[2]?.replace(',male,', ',female,').replace('2007-03-21', '1950-01-01'),
        `تازه,نفر,,1990-01-01,male,no,no,${dayOf(3)}`,
      ];
      const second = join(to.dir, 'changed.csv');
      writeFileSync(second, changed.join('\n') + '\n');
      const updated = await to.cli(['import', 'clients', second, '--batch-size', '1', '--json']);
      expect(updated.json<{ updated: number; inserted: number }>(), updated.stderr).toMatchObject({ updated: 1, inserted: 1 });
      expect(to.db.read(checkReportCounts)).toEqual([]);
      expect(total()).toBe(61);

      // Refused as a whole: nothing is counted, and the trigger is in place.
      const bad = join(to.dir, 'bad.csv');
      writeFileSync(bad, `${lines[0]}\nیک,نفر,,1990-01-01,female,no,no,${dayOf(1)}\nدو,نفر,,not a date,female,no,no,${dayOf(1)}\n`);
      expect((await to.cli(['import', 'clients', bad, '--all-or-nothing', '--batch-size', '1'])).code).toBe(2);
      expect(trigger()).toBe(before);
      expect(held()).toBe(0);
      expect(total()).toBe(61);
      expect(to.db.read(checkReportCounts)).toEqual([]);
    } finally {
      to.cleanup();
    }
  });
});

describe('a demo office', () => {
  it('has the counts a recount gives (written once at the end of its load) and keeps them after it', async () => {
    const t = tempDb('demo.db');
    try {
      const r = await runCli(['--db', t.db, '--json', 'demo', '--years', '2', '--scale', '0.3'], { PARVANDE_TODAY: '2026-11-25' });
      expect(r.code, r.stderr).toBe(0);
      const db = Db.open(t.db);
      try {
        expect(db.read(checkReportCounts)).toEqual([]);
        // The triggers are back: a change after the load is counted.
        db.sqlite
          .prepare(
            `UPDATE followups SET status = 'missed', done_on = '2026-11-20' WHERE id = (SELECT min(id) FROM followups WHERE status = 'scheduled')`,
          )
          .run();
        db.sqlite.prepare(`UPDATE cases SET worker_id = NULL WHERE id = (SELECT min(id) FROM cases WHERE status = 'open')`).run();
        expect(db.read(checkReportCounts)).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('the Jalali calendar in SQL', () => {
  it('gives every day of Jalali 1300-1500 the month, and the 18th and 60th birthdays, that src/lang/dates.ts gives', () => {
    const rows = o.db.sqlite
      .prepare(
        `WITH RECURSIVE d (day) AS (SELECT '1921-03-21' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2122-03-20')
         SELECT day, ${jalaliMonthSql('day')} AS month, ${yearsBeforeSql('day', 18)} AS adult, ${yearsBeforeSql('day', 60)} AS elderly FROM d`,
      )
      .raw()
      .all() as [string, number, string, string][];
    expect(rows.length).toBeGreaterThan(73_000);
    const wrong: string[] = [];
    for (const [day, month, adult, elderly] of rows) {
      if (month !== Number(monthOf(day).replace('-', '')) || adult !== yearsBefore(day, 18) || elderly !== yearsBefore(day, 60))
        wrong.push(day);
    }
    expect(wrong).toEqual([]);
    expect(o.db.sqlite.prepare(`SELECT ${jalaliMonthSql("'not a date'")} AS m`).get()).toEqual({ m: null });
  });
});
