/**
 * The replaced-texts migration (schema 12): a file at the schema before it, with a case,
 * its timeline and a service, migrates to an empty `replaced_texts` with every row kept,
 * and the program keeps the text a correction replaces on the migrated file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { up as replacedTextsUp } from '../../src/store/migrations/012-replaced-texts.js';
import { runCli, tempDb } from '../helpers/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const AT = '2026-01-01T00:00:00.000Z';

function migrateByHand(db: Database.Database, from: number, to: number): void {
  db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > to) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

describe('the replaced-texts migration', () => {
  // Found by its function, not its number.
  const migration = MIGRATIONS.find((m) => m.up === replacedTextsUp) as (typeof MIGRATIONS)[number];

  it('adds an empty, append-only replaced_texts and keeps every row; the program keeps a replaced summary on the migrated file', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'office.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    migrateByHand(raw, 0, migration.version - 1);
    raw.exec(`
INSERT INTO office (id, code, name, county, province, created_at) VALUES (1, 'MIG01', 'دفتر', 'کرج', 'البرز', '${AT}');
INSERT INTO cases (id, case_number, year, seq, client_id, channel, primary_category, risk, center_id, worker_id, opened_on,
    status, closed_on, close_reason, reopen_count, summary, created_at, updated_at)
  VALUES (1, 'MIG01-1404-000001', 1404, 1, NULL, 'hotline', 'suicide', 'high', NULL, NULL, '2025-12-01', 'open', NULL, NULL, 0,
    'خلاصه پیشین', '${AT}', '${AT}');
INSERT INTO case_categories (case_id, category, is_primary) VALUES (1, 'suicide', 1);
INSERT INTO case_events (id, case_id, kind, on_date, at, actor) VALUES (1, 1, 'opened', '2025-12-01', '${AT}', 'clerk');
INSERT INTO services (id, case_id, service_date, type, channel, worker_id, minutes, note, created_at)
  VALUES (1, 1, '2025-12-01', 'hotline-call', 'hotline', NULL, 15, 'تماس', '${AT}');
`);
    const tables = ['cases', 'case_events', 'services'];
    const before = tables.map((tb) => raw.prepare(`SELECT * FROM ${tb} ORDER BY rowid`).all());
    migrateByHand(raw, migration.version - 1, migration.version);
    expect(tables.map((tb) => raw.prepare(`SELECT * FROM ${tb} ORDER BY rowid`).all())).toEqual(before);
    expect(raw.prepare('SELECT count(*) AS n FROM replaced_texts').get()).toEqual({ n: 0 });
    raw.close();

    expect((await runCli(['--db', file, 'db', 'migrate', '--json'])).code).toBe(0);
    const u = await runCli(['--db', file, 'case', 'update', '1', '--summary', 'خلاصه درست', '--reason', 'اصلاح', '--json'], {
      PARVANDE_USER: 'clerk',
    });
    expect(u.code, u.stderr).toBe(0);
    const show = await runCli(['--db', file, 'case', 'show', '1', '--json']);
    expect(show.json().replacedTexts).toMatchObject([
      { recordType: 'case', recordId: 1, field: 'summary', oldText: 'خلاصه پیشین', replacedBy: 'clerk', reason: 'اصلاح' },
    ]);
    const check = await runCli(['--db', file, 'db', 'check', '--json']);
    expect(check.json().ok).toBe(true);
  });
});
