import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNationalCode } from '../../src/domain/national-code.js';
import { matchingKey } from '../../src/lang/persian.js';
import { buildDemo, openRead, type BuiltDemo } from './demo-helpers.js';

// One county office over one year (scale 1): the figures the issue asks for, within tolerance.
let demo: BuiltDemo;
let db: Database.Database;
beforeAll(async () => {
  demo = await buildDemo([]);
  db = openRead(demo.db);
});
afterAll(() => {
  db.close();
  demo.cleanup();
});

const all = <T>(sql: string, ...args: unknown[]): T[] => db.prepare(sql).all(...args) as T[];
const one = (sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;
const countBy = (sql: string): Record<string, number> => Object.fromEntries(all<{ k: string; n: number }>(sql).map((r) => [r.k, r.n]));

describe('demo office at scale 1', () => {
  it('has the counts it reports, and 4-6 thousand services a year', () => {
    const c = demo.json.counts;
    expect(c).toEqual({
      centers: one('SELECT count(*) AS n FROM centers'),
      staff: one('SELECT count(*) AS n FROM staff'),
      clients: one('SELECT count(*) AS n FROM clients'),
      cases: one('SELECT count(*) AS n FROM cases'),
      caseCategories: one('SELECT count(*) AS n FROM case_categories'),
      caseEvents: one('SELECT count(*) AS n FROM case_events'),
      services: one('SELECT count(*) AS n FROM services'),
      followups: one('SELECT count(*) AS n FROM followups'),
    });
    expect(c.services).toBeGreaterThanOrEqual(4000);
    expect(c.services).toBeLessThanOrEqual(6000);
  });

  it('splits the main services like the province: ~63 % calls, ~22 % mobile team, ~15 % crisis interventions', () => {
    const t = countBy(`SELECT type AS k, count(*) AS n FROM services GROUP BY type`);
    const main = (t['hotline-call'] ?? 0) + (t['mobile-team'] ?? 0) + (t['crisis-intervention'] ?? 0);
    expect(Math.abs((t['hotline-call'] ?? 0) / main - 3126 / 4982)).toBeLessThan(0.03);
    expect(Math.abs((t['mobile-team'] ?? 0) / main - 1116 / 4982)).toBeLessThan(0.03);
    expect(Math.abs((t['crisis-intervention'] ?? 0) / main - 740 / 4982)).toBeLessThan(0.03);
    for (const other of ['social-work', 'psychology', 'legal', 'referral', 'follow-up']) expect(t[other] ?? 0).toBeGreaterThan(0);
    expect(main / Object.values(t).reduce((a, b) => a + b, 0)).toBeGreaterThan(0.7);
  });

  it('keeps services on the channel of their case, and every service on a case', () => {
    expect(one(`SELECT count(*) AS n FROM services s JOIN cases c ON c.id = s.case_id WHERE s.channel <> c.channel`)).toBe(0);
    expect(one(`SELECT count(*) AS n FROM services WHERE case_id IS NULL`)).toBe(0);
  });

  it('proportions the problems like DOMAIN.md: family dispute, child abuse, suicide, then the rest', () => {
    const p = countBy(`SELECT primary_category AS k, count(*) AS n FROM cases GROUP BY primary_category`);
    const top3 = (p['family-dispute'] ?? 0) + (p['child-abuse'] ?? 0) + (p.suicide ?? 0);
    expect(Math.abs((p['family-dispute'] ?? 0) / top3 - 696 / 1422)).toBeLessThan(0.04);
    expect(Math.abs((p['child-abuse'] ?? 0) / top3 - 417 / 1422)).toBeLessThan(0.04);
    expect(Math.abs((p.suicide ?? 0) / top3 - 309 / 1422)).toBeLessThan(0.04);
    const rest = ['spouse-abuse', 'runaway', 'neglectful-guardian', 'elder-abuse'];
    for (const r of rest) {
      expect(p[r] ?? 0).toBeGreaterThan(0);
      expect(p[r] ?? 0).toBeLessThan(p.suicide ?? 0);
    }
    // Some cases carry further problems; every case has exactly one primary category row.
    expect(one(`SELECT count(*) AS n FROM case_categories WHERE is_primary = 0`)).toBeGreaterThan(0);
    expect(
      one(`SELECT count(*) AS n FROM cases c WHERE (SELECT count(*) FROM case_categories k WHERE k.case_id = c.id AND k.is_primary = 1
      AND k.category = c.primary_category) <> 1`),
    ).toBe(0);
  });

  it('has 15 centers (4 government, 11 non-government) and about 40 staff, mostly psychologists and interveners', () => {
    expect(countBy(`SELECT sector AS k, count(*) AS n FROM centers GROUP BY sector`)).toEqual({ gov: 4, ngo: 11 });
    const roles = countBy(`SELECT role AS k, count(*) AS n FROM staff GROUP BY role`);
    const total = Object.values(roles).reduce((a, b) => a + b, 0);
    expect(total).toBe(40);
    expect((roles.psychologist ?? 0) + (roles.intervener ?? 0)).toBeGreaterThan(total / 2);
    expect(countBy(`SELECT kind AS k, count(*) AS n FROM centers GROUP BY kind`)).toMatchObject({ 'pseudo-family': 3, 'positive-life': 2 });
  });

  it('gives clients valid, unique national codes and +989 mobiles, with the flags the reports count', () => {
    const codes = all<{ c: string }>(`SELECT national_code AS c FROM clients WHERE national_code IS NOT NULL`).map((r) => r.c);
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.every(isValidNationalCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const mobiles = all<{ m: string }>(`SELECT mobile AS m FROM clients WHERE mobile IS NOT NULL`).map((r) => r.m);
    expect(mobiles.length).toBeGreaterThan(100);
    expect(mobiles.every((m) => /^\+989\d{9}$/.test(m))).toBe(true);
    expect(one(`SELECT count(*) AS n FROM clients WHERE informal_settlement = 1`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM clients WHERE woman_head = 1 AND sex = 'female'`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM clients WHERE woman_head = 1 AND sex <> 'female'`)).toBe(0);
    const ages = countBy(`SELECT CASE WHEN birth_date > date(registered_on, '-18 years') THEN 'child'
      WHEN birth_date <= date(registered_on, '-60 years') THEN 'elder' ELSE 'adult' END AS k, count(*) AS n FROM clients GROUP BY k`);
    expect(Object.keys(ages).sort()).toEqual(['adult', 'child', 'elder']);
  });

  it('writes some names with Arabic ي/ك or without their ZWNJ, all with the same matching key', () => {
    const rows = all<{ f: string; l: string; k: string }>(`SELECT first_name AS f, last_name AS l, name_key AS k FROM clients`);
    expect(rows.every((r) => r.k === matchingKey(`${r.f} ${r.l}`))).toBe(true);
    expect(rows.some((r) => /[\u064a\u0643]/.test(r.f + r.l))).toBe(true);
    expect(rows.some((r) => (r.f + r.l).includes('\u200c'))).toBe(true);
    // The same name written two ways: e.g. "علی‌اکبر" and "علی اکبر" share a key.
    const variants = one(
      `SELECT count(*) AS n FROM (SELECT name_key FROM clients GROUP BY name_key HAVING count(DISTINCT first_name || '|' || last_name) > 1)`,
    );
    expect(variants).toBeGreaterThan(0);
  });

  it('has anonymous hotline cases, closed and reopened cases, and open cases with nobody assigned', () => {
    expect(one(`SELECT count(*) AS n FROM cases WHERE client_id IS NULL AND channel = 'hotline'`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE client_id IS NULL AND channel <> 'hotline'`)).toBe(0);
    expect(Object.keys(countBy(`SELECT close_reason AS k, count(*) AS n FROM cases WHERE status = 'closed' GROUP BY k`)).sort()).toEqual([
      'moved',
      'other',
      'referred',
      'resolved',
      'unreachable',
    ]);
    expect(one(`SELECT count(*) AS n FROM cases WHERE reopen_count > 0`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE status = 'open' AND worker_id IS NULL`)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE status = 'closed' AND worker_id IS NULL`)).toBe(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE status = 'open'`)).toBeGreaterThan(0);
  });

  it('keeps follow-ups done on time and late, missed, cancelled, overdue and still ahead', () => {
    const f = countBy(`SELECT CASE
        WHEN status = 'done' AND done_on <= due_on THEN 'on-time'
        WHEN status = 'done' THEN 'late'
        WHEN status = 'scheduled' AND due_on < '2026-11-25' THEN 'overdue'
        ELSE status END AS k, count(*) AS n FROM followups GROUP BY k`);
    expect(Object.keys(f).sort()).toEqual(['cancelled', 'late', 'missed', 'on-time', 'overdue', 'scheduled']);
    expect(f['on-time']).toBeGreaterThan(f.late ?? 0);
    expect(one(`SELECT count(*) AS n FROM followups WHERE (status IN ('done', 'missed')) <> (done_on IS NOT NULL)`)).toBe(0);
    expect(one(`SELECT count(*) AS n FROM followups WHERE status = 'done' AND outcome IS NULL`)).toBe(0);
  });

  it('numbers cases <office>-<Jalali year>-<sequence>, 1, 2, 3 … within each year in order of opening', () => {
    const rows = all<{ caseNumber: string; year: number; seq: number; openedOn: string }>(
      `SELECT case_number AS caseNumber, year, seq, opened_on AS openedOn FROM cases ORDER BY id`,
    );
    const last = new Map<number, number>();
    for (const r of rows) {
      expect(r.caseNumber).toBe(`DEMO-${r.year}-${String(r.seq).padStart(6, '0')}`);
      expect(r.seq).toBe((last.get(r.year) ?? 0) + 1);
      last.set(r.year, r.seq);
    }
    // Azar 1404 to Azar 1405: two Jalali years.
    expect([...last.keys()].sort()).toEqual([1404, 1405]);
    expect(one(`SELECT count(*) AS n FROM cases WHERE year = 1405 AND opened_on < '2026-03-21'`)).toBe(0);
    expect(one(`SELECT count(*) AS n FROM cases WHERE year = 1404 AND opened_on >= '2026-03-21'`)).toBe(0);
  });
});
