/**
 * One test per migration, written over MIGRATIONS so that every future migration is
 * covered: build the file at N−1 by hand, add rows, migrate to N, and check that the
 * rows survive and that the program works on the migrated file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js';
import { up as serviceVoidsUp } from '../../src/store/migrations/009-service-voids.js';
import { up as clientMergesUp } from '../../src/store/migrations/010-client-merges.js';
import { runCli, tempDb } from '../helpers/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
function newFile(): string {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return join(t.dir, 'office.db');
}

function migrateByHand(db: Database.Database, from: number, to: number): void {
  db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > to) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

const AT = '2026-01-01T00:00:00.000Z';

/**
 * Rows of every schema-1 table, written with schema-1 columns only (right after
 * migration 1, so later migrations carry them like real data).
 */
function seedSchema1(db: Database.Database): void {
  db.exec(`
INSERT INTO office (id, code, name, county, province, created_at) VALUES (1, 'MIG01', 'دفتر', 'کرج', 'البرز', '${AT}');
INSERT INTO centers (id, name, name_key, kind, sector, capacity, county, created_at, updated_at)
  VALUES (1, 'مرکز', 'مرکز', 'social-emergency', 'gov', 10, 'کرج', '${AT}', '${AT}');
INSERT INTO staff (id, first_name, last_name, name_key, role, sector, center_id, active, created_at, updated_at)
  VALUES (1, 'مریم', 'رضایی', 'مریم رضایی', 'social-worker', 'gov', 1, 1, '${AT}', '${AT}'),
         (2, 'علی', 'کریمی', 'علی کریمی', 'psychologist', 'ngo', NULL, 0, '${AT}', '${AT}');
INSERT INTO clients (id, first_name, last_name, name_key, national_code, birth_date, sex, mobile, address, county,
    informal_settlement, woman_head, notes, registered_on, created_at, updated_at)
  VALUES (1, 'زهرا', 'احمدی', 'زهرا احمدی', '0013542419', '1991-08-03', 'female', '+989121234567', 'نشانی', 'کرج', 1, 1, 'یادداشت',
    '2025-12-01', '${AT}', '${AT}');
INSERT INTO cases (id, case_number, year, seq, client_id, channel, primary_category, risk, center_id, worker_id, opened_on,
    status, closed_on, close_reason, reopen_count, summary, created_at, updated_at)
  VALUES (1, 'MIG01-1404-000001', 1404, 1, 1, 'hotline', 'suicide', 'high', 1, 1, '2025-12-01', 'open', NULL, NULL, 0, 'خلاصه', '${AT}', '${AT}'),
         (2, 'MIG01-1404-000002', 1404, 2, NULL, 'mobile-team', 'child-abuse', 'critical', NULL, NULL, '2025-12-02', 'closed', '2025-12-05', 'resolved', 1, NULL, '${AT}', '${AT}');
INSERT INTO case_categories (case_id, category, is_primary) VALUES (1, 'suicide', 1), (1, 'family-dispute', 0), (2, 'child-abuse', 1);
INSERT INTO services (id, case_id, service_date, type, channel, worker_id, minutes, note, created_at)
  VALUES (1, 1, '2025-12-01', 'hotline-call', 'hotline', 1, 15, 'تماس', '${AT}'), (2, NULL, '2025-12-03', 'hotline-call', 'hotline', NULL, NULL, NULL, '${AT}');
INSERT INTO followups (id, case_id, due_on, worker_id, status, done_on, outcome, note, from_plan, created_at, updated_at)
  VALUES (1, 1, '2025-12-08', 1, 'scheduled', NULL, NULL, 'پیگیری', 0, '${AT}', '${AT}'),
         (2, 2, '2025-12-12', NULL, 'done', '2025-12-12', 'خوب', NULL, 1, '${AT}', '${AT}');
INSERT INTO case_events (id, case_id, kind, on_date, at, actor, worker_id, reason, text, service_id, followup_id)
  VALUES (1, 1, 'opened', '2025-12-01', '${AT}', 'clerk', 1, NULL, NULL, NULL, NULL),
         (2, 1, 'service', '2025-12-01', '${AT}', 'clerk', 1, 'hotline-call', NULL, 1, NULL),
         (3, 2, 'closed', '2025-12-05', '${AT}', 'clerk', NULL, 'resolved', NULL, NULL, NULL);
INSERT INTO audit_log (id, at, actor, command, action, record_type, record_id, detail)
  VALUES (1, '${AT}', 'clerk', 'case open', 'create', 'case', '1', NULL);
`);
}

/** The schema-1 columns of every schema-1 table: what must survive every later migration. */
const SCHEMA1_COLUMNS: Record<string, string> = {
  office: 'id, code, name, county, province, created_at',
  centers: 'id, name, kind, sector, capacity, county, created_at, updated_at',
  staff: 'id, first_name, last_name, role, sector, center_id, active, created_at, updated_at',
  clients: `id, first_name, last_name, national_code, birth_date, sex, mobile, address, county, informal_settlement, woman_head, notes,
    registered_on, created_at, updated_at`,
  cases: `id, case_number, year, seq, client_id, channel, primary_category, risk, center_id, worker_id, opened_on, status, closed_on,
    close_reason, reopen_count, summary, created_at, updated_at`,
  case_categories: 'case_id, category, is_primary',
  services: 'id, case_id, service_date, type, channel, worker_id, minutes, note, created_at',
  followups: 'id, case_id, due_on, worker_id, status, done_on, outcome, note, from_plan, created_at, updated_at',
  case_events: 'id, case_id, kind, on_date, at, actor, worker_id, reason, text, service_id, followup_id',
  audit_log: 'id, at, actor, command, action, record_type, record_id, detail',
};

function snapshot(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, cols] of Object.entries(SCHEMA1_COLUMNS)) {
    out[table] = db.prepare(`SELECT ${cols} FROM ${table} ORDER BY ${cols.split(',')[0]}, ${cols.split(',')[1]}`).all();
  }
  return out;
}

describe('the migration list', () => {
  it('is numbered 1..N without gaps, and LATEST_VERSION is N', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.name.trim()).not.toBe('');
  });

  it('a fresh file gets every migration in one go, and a second run does nothing', () => {
    const file = newFile();
    const db = Db.open(file, { create: true });
    try {
      expect(db.userVersion).toBe(LATEST_VERSION);
      expect(db.migrate()).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('migration %i (%s)', (version) => {
  it(`keeps the rows of schema ${version - 1} and leaves a working database`, async () => {
    const file = newFile();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    let before: Record<string, unknown[]> | undefined;
    if (version > 1) {
      migrateByHand(raw, 0, 1);
      seedSchema1(raw);
      migrateByHand(raw, 1, version - 1);
      expect(raw.pragma('user_version', { simple: true })).toBe(version - 1);
      before = snapshot(raw);
    }

    // Migrate to N exactly as Db.migrate does: one IMMEDIATE transaction.
    migrateByHand(raw, version - 1, version);
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    if (before !== undefined) expect(snapshot(raw)).toEqual(before);
    raw.close();

    // The program opens the file, runs what is still pending, and works on it.
    if (version === 1) {
      const init = await runCli(['--db', file, 'init', '--office-code', 'MIG01', '--office-name', 'دفتر']);
      expect(init.code, init.stderr).toBe(0);
    }
    const migrate = await runCli(['--db', file, 'db', 'migrate', '--json']);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.json().to).toBe(LATEST_VERSION);
    const steps: string[][] = [
      ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', '0023456787'],
      ['case', 'open', '--client', '0023456787', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--worker', '1'],
      ['service', 'log', '--case', '1404-1', '--type', 'psychology'],
      ['followup', 'schedule', '--case', '1', '--due', '+7d'],
      ['case', 'close', '1405-1', '--reason', 'resolved', '--followup-plan', '7,30'],
      ['case', 'show', '1'],
      ['followup', 'list', '--status', 'all'],
      ['db', 'check'],
    ];
    if (version === 1) {
      // No seeded rows: give the steps a worker and a 1404 case of their own.
      steps.unshift(
        ['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov'],
        ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low', '--opened', '1404/10/01'],
      );
    }
    for (const args of steps) {
      const r = await runCli(['--db', file, ...args, '--json']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    if (before !== undefined) {
      const after = new Database(file, { readonly: true });
      try {
        const now = snapshot(after);
        // Every seeded row is still there, unchanged; the steps only added rows after them.
        for (const [table, rows] of Object.entries(before)) expect(now[table]?.slice(0, rows.length), table).toEqual(rows);
      } finally {
        after.close();
      }
    }
  });
});

describe('migration 6 (matching keys recomputed)', () => {
  // Keys as the matching rule of schema 5 stored them: ة kept, presentation forms kept.
  const FATEMEH_GLYPHS = '\ufed3\ufe8e\ufec3\ufee4\ufeea'; // ﻓﺎﻃﻤﻪ
  it('rewrites stored name and title keys with the current rule, so old rows are found by the new one', async () => {
    const file = newFile();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    migrateByHand(raw, 0, 5);
    raw.exec(`
INSERT INTO office (id, code, name, county, province, created_at) VALUES (1, 'MIG01', 'دفتر', 'کرج', 'البرز', '${AT}');
INSERT INTO centers (id, name, name_key, kind, sector, capacity, county, created_at, updated_at) VALUES
  (1, 'مرکز فاطمة', 'مرکزفاطمة', 'social-emergency', 'gov', NULL, NULL, '${AT}', '${AT}'),
  (2, 'مرکز فاطمه', 'مرکزفاطمه', 'social-emergency', 'gov', NULL, NULL, '${AT}', '${AT}'),
  (3, 'پایگاه زهرا', 'پایگاهزهرا', 'service-base', 'ngo', NULL, NULL, '${AT}', '${AT}');
INSERT INTO staff (id, first_name, last_name, name_key, role, sector, center_id, active, created_at, updated_at) VALUES
  (1, 'فاطمة', 'رضایی', 'فاطمةرضایی', 'social-worker', 'gov', NULL, 1, '${AT}', '${AT}'),
  (2, '${FATEMEH_GLYPHS}', 'کریمی', '${FATEMEH_GLYPHS}کریمی', 'psychologist', 'gov', NULL, 1, '${AT}', '${AT}');
INSERT INTO clients (id, first_name, last_name, name_key, registered_on, created_at, updated_at) VALUES
  (1, 'فاطمة', 'احمدی', 'فاطمةاحمدی', '2025-12-01', '${AT}', '${AT}'),
  (2, 'زهرا', 'نوری', 'زهرانوری', '2025-12-01', '${AT}', '${AT}');
INSERT INTO shift_patterns (id, service, name, name_key, start_time, end_time, people_needed, valid_from, created_at, updated_at) VALUES
  (1, 'hotline', 'نوبة صبح', 'نوبةصبح', '08:00', '14:00', 1, '2025-01-01', '${AT}', '${AT}');
INSERT INTO courses (id, title, title_key, hours, starts_on, ends_on, audience, created_at, updated_at) VALUES
  (1, 'دورة مداخله', 'دورةمداخله', 8, '2025-12-01', '2025-12-02', 'staff', '${AT}', '${AT}');
`);
    const touched = (): unknown[] => raw.prepare('SELECT id, updated_at FROM clients UNION ALL SELECT id, updated_at FROM staff').all();
    const before = touched();
    migrateByHand(raw, 5, 6);
    const keys = (sql: string): unknown[] => raw.prepare(sql).pluck().all();
    expect(keys('SELECT name_key FROM clients ORDER BY id')).toEqual(['فاطمهاحمدی', 'زهرانوری']);
    expect(keys('SELECT name_key FROM staff ORDER BY id')).toEqual(['فاطمهرضایی', 'فاطمهکریمی']);
    // Two centers whose names are now one name: neither is found by it (a lookup must not pick one), both by id.
    expect(keys('SELECT name_key FROM centers ORDER BY id')).toEqual(['مرکزفاطمه#1', 'مرکزفاطمه#2', 'پایگاهزهرا']);
    expect(keys('SELECT name_key FROM shift_patterns')).toEqual(['نوبهصبح']);
    expect(keys('SELECT title_key FROM courses')).toEqual(['دورهمداخله']);
    // A derived column: the records themselves did not change.
    expect(touched()).toEqual(before);
    raw.close();

    const find = await runCli(['--db', file, 'client', 'find', 'فاطمه', '--json']);
    expect(find.json().map((c: { id: number }) => c.id)).toEqual([1]);
    const staff = await runCli(['--db', file, 'staff', 'show', 'فاطمه کریمی', '--json']);
    expect(staff.json().id).toBe(2);
    const center = await runCli(['--db', file, 'center', 'show', 'مرکز فاطمه', '--json']);
    expect(center.code).toBe(3);
    expect((await runCli(['--db', file, 'center', 'show', '2', '--json'])).json().name).toBe('مرکز فاطمه');
    expect((await runCli(['--db', file, 'center', 'show', 'پایگاه زهرا', '--json'])).json().id).toBe(3);
  });
});

describe('the voided-services migration', () => {
  // Found by its function, not its number: the list may be renumbered, the migration not.
  const voids = MIGRATIONS.find((m) => m.up === serviceVoidsUp) as (typeof MIGRATIONS)[number];
  it('adds the void columns, empty on every service there was; all three or none; the program voids on the migrated file', async () => {
    const file = newFile();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    migrateByHand(raw, 0, 1);
    seedSchema1(raw);
    migrateByHand(raw, 1, voids.version - 1);
    const before = raw.prepare('SELECT * FROM services ORDER BY id').all();
    migrateByHand(raw, voids.version - 1, voids.version);
    const after = raw.prepare('SELECT * FROM services ORDER BY id').all() as Record<string, unknown>[];
    expect(after).toEqual(
      (before as Record<string, unknown>[]).map((s) => ({ ...s, voided_at: null, voided_by: null, void_reason: null })),
    );
    expect(() => raw.prepare(`UPDATE services SET voided_at = '${AT}' WHERE id = 1`).run()).toThrow(/CHECK/);
    raw.close();

    expect((await runCli(['--db', file, 'db', 'migrate', '--json'])).code).toBe(0);
    const v = await runCli(['--db', file, 'service', 'void', '1', '--reason', 'دو بار ثبت شد', '--json']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.json()).toMatchObject({ id: 1, voidReason: 'دو بار ثبت شد' });
    const list = await runCli(['--db', file, 'service', 'list', '--json']);
    expect(list.json().map((s: { id: number }) => s.id)).toEqual([2]);
    const check = await runCli(['--db', file, 'db', 'check', '--json']);
    expect(check.json().ok).toBe(true);
  });
});

describe('the client-merges migration', () => {
  const merges = MIGRATIONS.find((m) => m.up === clientMergesUp) as (typeof MIGRATIONS)[number];
  it('adds merged_into, empty on every client there was; never pointing at itself; the program merges on the migrated file', async () => {
    const file = newFile();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    migrateByHand(raw, 0, 1);
    seedSchema1(raw);
    migrateByHand(raw, 1, merges.version - 1);
    raw
      .prepare(
        `INSERT INTO clients (id, first_name, last_name, name_key, registered_on, created_at, updated_at)
         VALUES (2, 'زهرا', 'احمدی', 'زهرا احمدی', '2025-12-02', '${AT}', '${AT}')`,
      )
      .run();
    const before = raw.prepare('SELECT * FROM clients ORDER BY id').all() as Record<string, unknown>[];
    migrateByHand(raw, merges.version - 1, merges.version);
    const after = raw.prepare('SELECT * FROM clients ORDER BY id').all() as Record<string, unknown>[];
    expect(after).toEqual(before.map((c) => ({ ...c, merged_into: null })));
    expect(() => raw.prepare('UPDATE clients SET merged_into = 1 WHERE id = 1').run()).toThrow(/CHECK/);
    expect(() => raw.prepare('UPDATE clients SET merged_into = 99 WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    raw.close();

    expect((await runCli(['--db', file, 'db', 'migrate', '--json'])).code).toBe(0);
    const m = await runCli(['--db', file, 'client', 'merge', '2', '1', '--yes', '--json']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.json()).toMatchObject({
      client: { id: 2, nationalCode: '0013542419' },
      merged: { id: 1, mergedInto: 2 },
      movedCases: ['MIG01-1404-000001'],
    });
    const show = await runCli(['--db', file, 'client', 'show', '1', '--json']);
    expect(show.json()).toMatchObject({ id: 1, mergedInto: 2, nationalCode: null, caseCount: 0 });
    const check = await runCli(['--db', file, 'db', 'check', '--json']);
    expect(check.json().ok).toBe(true);
  });
});
