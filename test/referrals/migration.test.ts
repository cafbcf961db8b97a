/**
 * Migration 11 (referrals): a file at schema 10 with cases migrates to 11 keeping every
 * row; the new tables hold what the rules say through their own constraints (the kinds
 * and statuses, "awaiting" exactly when no answer date, an answer not before the sending,
 * the case a referral names) and the history is append-only. The generic test of every
 * migration (test/store/migrations.test.ts) covers the rest.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDb } from '../helpers/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const AT = '2026-01-01T00:00:00.000Z';

function fileAt(version: number): Database.Database {
  const t = tempDb();
  cleanups.push(t.cleanup);
  const db = new Database(join(t.dir, 'office.db'));
  cleanups.unshift(() => db.close());
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version > version) break;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return db;
}

describe('migration 11: referrals and their history', () => {
  it('keeps the rows of schema 10 and adds the two tables, their indexes and guards', () => {
    const db = fileAt(10);
    db.exec(`INSERT INTO office (id, code, name, created_at) VALUES (1, 'MIG01', 'دفتر', '${AT}');
      INSERT INTO cases (id, case_number, year, seq, channel, primary_category, risk, opened_on, status, created_at, updated_at)
        VALUES (1, 'MIG01-1405-000001', 1405, 1, 'hotline', 'suicide', 'high', '2026-11-01', 'open', '${AT}', '${AT}')`);
    const before = db.prepare('SELECT * FROM cases').all();
    const m = MIGRATIONS.find((x) => x.version === 11);
    expect(m?.name).toBe('referrals to other agencies and their history');
    db.transaction(() => m?.up(db)).immediate();
    expect(db.prepare('SELECT * FROM cases').all()).toEqual(before);
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name IN ('referrals', 'referral_events') ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(names).toEqual([
      'referral_events',
      'referral_events_no_delete',
      'referral_events_no_update',
      'referral_events_referral',
      'referrals',
      'referrals_awaiting',
      'referrals_case',
      'referrals_sent',
    ]);

    const add = db.prepare(
      `INSERT INTO referrals (case_id, agency_kind, agency, sent_on, reason, status, answered_on, created_at, updated_at)
       VALUES (?, ?, 'کلانتری', ?, 'گزارش', ?, ?, '${AT}', '${AT}')`,
    );
    add.run(1, 'police', '2026-11-02', 'sent', null);
    add.run(1, 'court', '2026-11-02', 'accepted', '2026-11-05');
    // Refused by the schema itself: an unknown kind or status, an answer without its date or a date without an
    // answer, an answer before the sending, a case that does not exist, a date that is not ISO.
    for (const bad of [
      [1, 'fax', '2026-11-02', 'sent', null],
      [1, 'police', '2026-11-02', 'maybe', null],
      [1, 'police', '2026-11-02', 'accepted', null],
      [1, 'police', '2026-11-02', 'sent', '2026-11-03'],
      [1, 'police', '2026-11-02', 'declined', '2026-11-01'],
      [9, 'police', '2026-11-02', 'sent', null],
      [1, 'police', '1405/08/11', 'sent', null],
    ]) {
      expect(() => add.run(...bad), JSON.stringify(bad)).toThrow(/constraint failed/);
    }
    // A void is who, when and why together, or nothing.
    expect(() => db.exec(`UPDATE referrals SET voided_at = '${AT}' WHERE id = 1`)).toThrow(/constraint failed/);
    db.exec(`UPDATE referrals SET voided_at = '${AT}', voided_by = 'x', void_reason = 'y' WHERE id = 2`);
    db.prepare(
      `INSERT INTO referral_events (referral_id, status, on_date, note, at, actor) VALUES (1, 'sent', '2026-11-02', NULL, '${AT}', 'x')`,
    ).run();
    expect(() => db.exec(`UPDATE referral_events SET note = 'changed'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM referral_events`)).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO referral_events (referral_id, status, on_date, at, actor) VALUES (7, 'sent', '2026-11-02', '${AT}', 'x')`),
    ).toThrow(/constraint failed/);
    // The awaiting list reads the partial index.
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM referrals WHERE answered_on IS NULL AND voided_at IS NULL AND sent_on < ? ORDER BY sent_on, id`,
        )
        .all('2026-11-20') as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toContain('referrals_awaiting');
  });
});
