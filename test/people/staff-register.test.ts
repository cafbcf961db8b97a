/**
 * The staff register: the province's fields with their checks (national code,
 * phone), filters, caseload, leaving and rejoining, and the schema-2 migration
 * of a schema-1 register.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as core } from '../../src/store/migrations/001-core.js';
import { Db } from '../../src/store/database.js';
import { peopleFigures } from '../../src/domain/people/report-figures.js';
import { tempDb } from '../helpers/cli.js';
import { dumpDb, makeOffice, oneLine, query, type TestOffice } from '../helpers/office.js';

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice('STF01');
  await o.json(['center', 'add', '--name', 'مرکز یک', '--kind', 'social-emergency', '--sector', 'gov']);
});
afterAll(() => o.cleanup());

const add = (...args: string[]) =>
  o.cli(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov', ...args]);

describe('register fields', () => {
  it('stores the fields in one spelling each', async () => {
    const r = await add(
      '--national-code',
      '۰۰۱-۲۳۴۵۶۷-۹',
      '--degree',
      'کارشناسی ارشد',
      '--field',
      'مددکاری اجتماعی',
      '--membership-no',
      ' ۱۲ ۳۴۵ ',
      '--phone',
      '021-8877 6655',
      '--start-date',
      '1403/07/01',
      '--center',
      '1',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      nationalCode: '0012345679',
      degree: 'master',
      field: 'مددکاری اجتماعی',
      membershipNo: '12345',
      phone: '+982188776655',
      startDate: '2024-09-22',
      leftOn: null,
      active: true,
      centerId: 1,
    });
    expect((await o.json(['staff', 'show', '001-234567-9'])).id).toBe(r.json().id); // by national code
    expect((await o.cli(['staff', 'show', '0023456787'])).code).toBe(3);
    const mobile = await o.json(['staff', 'update', String(r.json().id), '--phone', '+98 912 123 4567']);
    expect(mobile.phone).toBe('+989121234567');
    const cleared = await o.json(['staff', 'update', String(r.json().id), '--phone', '', '--field', '']);
    expect([cleared.phone, cleared.field, cleared.degree]).toEqual([null, null, 'master']);
  });

  it('refuses a bad national code or phone without repeating it (exit 2), and a national code someone has (exit 4)', async () => {
    const before = dumpDb(o.db);
    const bad = await add('--national-code', '0012345678');
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: national code fails the checksum');
    const phone = await add('--phone', '8877665');
    expect(phone.code).toBe(2);
    expect(phone.stderr).not.toContain('8877665');
    const dup = await add('--national-code', '0012345679');
    expect(dup.code).toBe(4);
    expect(oneLine(dup)).toBe('error: staff member #1 already has this national code');
    expect(dumpDb(o.db)).toBe(before);
    expect((await add('--degree', 'phd-ish')).code).toBe(2);
  });
});

describe('list, caseload, leaving', () => {
  let ids: number[];
  beforeAll(async () => {
    ids = [];
    for (const [role, sector, center] of [
      ['psychologist', 'ngo', ''],
      ['intervener', 'gov', '1'],
      ['intervener', 'ngo', '1'],
    ] as const) {
      ids.push(
        (
          await o.json([
            'staff',
            'add',
            '--first-name',
            'کارمند',
            '--last-name',
            role,
            '--role',
            role,
            '--sector',
            sector,
            ...(center ? ['--center', center] : []),
          ])
        ).id,
      );
    }
  });

  it('filters by role, sector, center and status', async () => {
    const byRole = await o.json<{ id: number }[]>(['staff', 'list', '--role', 'intervener']);
    expect(byRole.map((x) => x.id)).toEqual([ids[1], ids[2]].sort((a, b) => a! - b!));
    expect((await o.json<{ id: number }[]>(['staff', 'list', '--sector', 'ngo', '--center', '1'])).map((x) => x.id)).toEqual([ids[2]]);
    expect((await o.cli(['staff', 'list', '--status', 'retired'])).code).toBe(2);
  });

  it('--caseload and show count open cases, follow-ups due in the next 7 days and overdue ones', async () => {
    const worker = ids[1]!;
    const cl = await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
    const c1 = await o.json([
      'case',
      'open',
      '--client',
      String(cl.id),
      '--channel',
      'hotline',
      '--category',
      'suicide',
      '--risk',
      'high',
      '--worker',
      String(worker),
      '--opened',
      '2026-11-01',
    ]);
    await o.json([
      'case',
      'open',
      '--anonymous',
      '--channel',
      'hotline',
      '--category',
      'child-abuse',
      '--risk',
      'low',
      '--worker',
      String(worker),
    ]);
    const early = { PARVANDE_TODAY: '2026-11-10' };
    await o.json(['followup', 'schedule', '--case', c1.caseNumber, '--due', '2026-11-20', '--worker', String(worker)], early); // overdue
    await o.json(['followup', 'schedule', '--case', c1.caseNumber, '--due', '2026-11-25', '--worker', String(worker)]); // today
    await o.json(['followup', 'schedule', '--case', c1.caseNumber, '--due', '2026-12-01', '--worker', String(worker)]); // today + 6
    await o.json(['followup', 'schedule', '--case', c1.caseNumber, '--due', '2026-12-02', '--worker', String(worker)]); // beyond the week
    const expected = query<{ open: number; due: number; overdue: number }>(
      o.db,
      `SELECT (SELECT count(*) FROM cases WHERE worker_id = ?1 AND status = 'open') AS open,
              (SELECT count(*) FROM followups WHERE worker_id = ?1 AND status = 'scheduled' AND due_on BETWEEN '2026-11-25' AND '2026-12-01') AS due,
              (SELECT count(*) FROM followups WHERE worker_id = ?1 AND status = 'scheduled' AND due_on < '2026-11-25') AS overdue`.replace(
        /\?1/g,
        String(worker),
      ),
    )[0]!;
    expect(expected).toEqual({ open: 2, due: 2, overdue: 1 });
    const list = await o.json<any[]>(['staff', 'list', '--caseload']);
    const mine = list.find((x) => x.id === worker);
    expect(mine.caseload).toEqual({ openCases: expected.open, followupsDueThisWeek: expected.due, followupsOverdue: expected.overdue });
    expect(list.find((x) => x.id === ids[0]).caseload).toEqual({ openCases: 0, followupsDueThisWeek: 0, followupsOverdue: 0 });
    expect((await o.json(['staff', 'show', String(worker)])).caseload).toEqual(mine.caseload);
    const human = await o.cli(['staff', 'list', '--caseload']);
    expect(human.stdout).toContain('Overdue');
  });

  it('leaving: dated (not in the future), "deactivate" still works, rejoining clears the date', async () => {
    expect((await o.cli(['staff', 'leave', String(ids[0]), '--date', 'tomorrow'])).code).toBe(2);
    const left = await o.json(['staff', 'leave', String(ids[0]), '--date', '1405/09/01']);
    expect(left).toMatchObject({ active: false, leftOn: '2026-11-22', removedAssignments: 0 });
    expect((await o.json<{ id: number }[]>(['staff', 'list', '--status', 'left'])).map((x) => x.id)).toEqual([ids[0]]);
    const back = await o.json(['staff', 'update', String(ids[0]), '--active', 'yes']);
    expect([back.active, back.leftOn]).toEqual([true, null]);
    const d = await o.json(['staff', 'deactivate', String(ids[0])]);
    expect([d.active, d.leftOn]).toEqual([false, '2026-11-25']);
    expect((await o.cli(['staff', 'deactivate', String(ids[0])])).code).toBe(4);
  });
});

describe('schema 2 over a schema-1 register', () => {
  it('keeps every staff row; the new fields start empty; someone deactivated before is off the roll', () => {
    const t = tempDb();
    try {
      const raw = new Database(t.db);
      core(raw);
      raw.pragma('user_version = 1');
      const at = '2025-01-01T00:00:00.000Z';
      raw.exec(`INSERT INTO office (id, code, name, created_at) VALUES (1, 'MIG01', 'x', '${at}');
        INSERT INTO staff (first_name, last_name, name_key, role, sector, active, created_at, updated_at) VALUES
          ('a', 'b', 'ab', 'psychologist', 'gov', 1, '${at}', '${at}'),
          ('c', 'd', 'cd', 'intervener', 'ngo', 0, '${at}', '${at}');`);
      raw.close();
      const db = Db.open(t.db);
      try {
        expect(db.userVersion).toBeGreaterThanOrEqual(2);
        const rows = db.sqlite
          .prepare(`SELECT first_name, active, national_code, degree, phone, start_date, left_on FROM staff ORDER BY id`)
          .all();
        expect(rows).toEqual([
          { first_name: 'a', active: 1, national_code: null, degree: null, phone: null, start_date: null, left_on: null },
          { first_name: 'c', active: 0, national_code: null, degree: null, phone: null, start_date: null, left_on: null },
        ]);
        const f = db.read((r) => peopleFigures({ db: r }, { from: '2026-11-22', to: '2026-12-21' }));
        expect(f.staff.onRoll).toBe(1);
        expect(f.staff.byRole.psychologist).toBe(1);
        expect(f.staff.bySector).toEqual({ gov: 1, ngo: 0 });
      } finally {
        db.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
