/**
 * Derived schema (src/store/derived.ts): the report counts' triggers are generated from
 * their declaration (src/store/report-counts/) and put in place after the migrations.
 * A changed declaration (simulated by changing the stored hash), a missing trigger or a
 * batch's hold left behind re-creates them and rebuilds the counts from a recount on the
 * next open that may write; a read-only open writes nothing and reports it as pending,
 * and a report reopens to write exactly as for a pending migration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { checkReportCounts } from '../../src/store/report-counts/index.js';
import { CALENDAR_DIGEST, CALENDAR_VERSION, calendarDescription } from '../../src/store/report-counts/set.js';
import { createHash } from 'node:crypto';
import { runCli, tempDb } from '../helpers/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** An office with a few clients, cases (one closed and reopened), services and follow-ups, all through the commands. */
async function office(): Promise<string> {
  const t = tempDb();
  cleanups.push(t.cleanup);
  const steps: string[][] = [
    ['init', '--office-code', 'DRV01', '--office-name', 'دفتر'],
    ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--birth-date', '1380/01/01', '--sex', 'female'],
    ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--opened', '1405/08/01'],
    ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'runaway', '--risk', 'low', '--opened', '1405/07/15'],
    ['service', 'log', '--case', '1', '--type', 'hotline-call', '--date', '1405/08/02'],
    ['service', 'log', '--case', '2', '--type', 'psychology', '--date', '1405/07/20'],
    ['case', 'close', '2', '--reason', 'resolved', '--followup-plan', '7,30'],
    ['case', 'reopen', '2'],
  ];
  for (const args of steps) {
    const r = await runCli(['--db', t.db, ...args], { PARVANDE_TODAY: '2026-11-25' });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return t.db;
}

const triggers = (db: Db): string[] =>
  db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all() as string[];
const storedHash = (db: Db): string =>
  db.sqlite.prepare(`SELECT hash FROM derived_schema WHERE name = 'report-counts'`).pluck().get() as string;
const total = (db: Db): number => db.sqlite.prepare(`SELECT sum(n) FROM report_counts`).pluck().get() as number;

describe('derived schema', () => {
  it('replaces the triggers of migration 4 with the generated ones, and records their hash', async () => {
    const db = Db.open(await office());
    try {
      const names = triggers(db);
      expect(names).toContain('report_clients_after_insert');
      expect(names).toContain('report_cases_on_case_events_before_insert');
      // Migration 4's are gone, with its view.
      for (const old of ['report_services_insert', 'report_calendar_fill', 'report_case_changes_insert']) expect(names).not.toContain(old);
      expect(db.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'report_case_changes'`).pluck().get()).toBe(0);
      expect(storedHash(db)).toMatch(/^[0-9a-f]{32}$/);
      expect(db.pendingMigrations()).toBe(0);
      expect(db.read((r) => checkReportCounts(r))).toEqual([]);
      expect(db.sqlite.prepare(`SELECT count(*) FROM report_months`).pluck().get()).toBe(500 * 12);
    } finally {
      db.close();
    }
  });

  it('a changed declaration re-creates the triggers and rebuilds the counts on the next open; a read-only open writes nothing', async () => {
    const file = await office();
    const db = Db.open(file);
    const hash = storedHash(db);
    const before = total(db);
    // What an older declaration left: another hash, a trigger of its own, a count it kept differently.
    db.sqlite.exec(`UPDATE derived_schema SET hash = 'an older declaration' WHERE name = 'report-counts'`);
    db.sqlite.exec(`DROP TRIGGER report_followups_after_update`);
    db.sqlite.exec(`UPDATE report_counts SET n = n + 5
      WHERE (measure, period, code) IN (SELECT measure, period, code FROM report_counts WHERE measure = 'service' LIMIT 1)`);
    expect(db.read((r) => checkReportCounts(r))).toHaveLength(1);
    db.close();

    const reader = Db.open(file, { readonly: true });
    try {
      expect(reader.pendingMigrations()).toBe(1);
      expect(storedHash(reader)).toBe('an older declaration');
    } finally {
      reader.close();
    }

    const again = Db.open(file);
    try {
      expect(again.pendingMigrations()).toBe(0);
      expect(storedHash(again)).toBe(hash);
      expect(triggers(again)).toContain('report_followups_after_update');
      expect(again.read((r) => checkReportCounts(r))).toEqual([]);
      expect(total(again)).toBe(before);
    } finally {
      again.close();
    }
  });

  it('a report on a file whose derived schema is out of date reopens it to write, as for a pending migration', async () => {
    const file = await office();
    const db = Db.open(file);
    const expected = await runCli(['--db', file, 'report', 'monthly', '--month', '1405-08', '--json'], { PARVANDE_TODAY: '2026-11-25' });
    db.sqlite.exec(`UPDATE derived_schema SET hash = 'an older declaration' WHERE name = 'report-counts'`);
    db.sqlite.exec(`DELETE FROM report_counts WHERE measure = 'service'`);
    db.close();
    const r = await runCli(['--db', file, 'report', 'monthly', '--month', '1405-08', '--json'], { PARVANDE_TODAY: '2026-11-25' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
    const after = Db.open(file, { readonly: true });
    try {
      expect(after.pendingMigrations()).toBe(0);
    } finally {
      after.close();
    }
  });

  it('a hold left committed (never by the import: it holds inside its own transaction) counts as out of date and is repaired', async () => {
    const file = await office();
    const db = Db.open(file);
    db.sqlite.exec(`INSERT INTO report_counts_held (source) VALUES ('clients')`);
    db.sqlite
      .prepare(
        `INSERT INTO clients (first_name, last_name, name_key, registered_on, created_at, updated_at) VALUES ('x', 'y', 'x y', '2026-11-01', 'x', 'x')`,
      )
      .run();
    expect(db.read((r) => checkReportCounts(r))).toHaveLength(1);
    expect(db.pendingMigrations()).toBe(1);
    db.close();
    const again = Db.open(file);
    try {
      expect(again.sqlite.prepare(`SELECT count(*) FROM report_counts_held`).pluck().get()).toBe(0);
      expect(again.read((r) => checkReportCounts(r))).toEqual([]);
    } finally {
      again.close();
    }
  });
});

describe('the calendar behind report_months', () => {
  it('is the one CALENDAR_VERSION names (raise the version when the rule in dates.ts changes)', () => {
    const digest = createHash('sha256').update(calendarDescription()).digest('hex');
    expect(
      digest,
      `the Jalali calendar rule changed: raise CALENDAR_VERSION (now ${CALENDAR_VERSION}) in src/store/report-counts/set.ts and set CALENDAR_DIGEST to ${digest}`,
    ).toBe(CALENDAR_DIGEST);
  });
});
