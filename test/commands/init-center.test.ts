import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDb } from '../helpers/cli.js';
import { dumpDb, makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  return o;
}

describe('init', () => {
  it('creates the database and the office, and prints the office as JSON', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    const db = join(t.dir, 'sub', 'office.db');
    const r = await runCli([
      '--db',
      db,
      'init',
      '--office-code',
      'krj۰۱',
      '--office-name',
      'اورژانس اجتماعی کرج',
      '--county',
      'کرج',
      '--province',
      'البرز',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(stamp(r.json())).toEqual({
      code: 'KRJ01',
      name: 'اورژانس اجتماعی کرج',
      county: 'کرج',
      province: 'البرز',
      createdAt: '<ts>',
      dbPath: db,
      created: true,
    });
    expect(r.stderr).toBe('');
    expect(query(db, 'SELECT id, code, name, county, province FROM office')).toEqual([
      { id: 1, code: 'KRJ01', name: 'اورژانس اجتماعی کرج', county: 'کرج', province: 'البرز' },
    ]);
  });

  it('prints a readable card and a note naming the file', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    const r = await runCli(['--db', t.db, 'init', '--office-code', 'KRJ01', '--office-name', 'Karaj office']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Code    KRJ01\nOffice  Karaj office\nPath    ${t.db}\n`);
    expect(r.stderr).toBe(`created office KRJ01 in ${t.db}\n`);
  });

  it('run again with the same code updates the name, county and province; another code is refused (4)', async () => {
    const o = await office();
    const again = await o.json(['init', '--office-code', 'TST01', '--office-name', 'نام تازه', '--county', 'شهریار']);
    expect(stamp(again)).toEqual({
      code: 'TST01',
      name: 'نام تازه',
      county: 'شهریار',
      province: null,
      createdAt: '<ts>',
      dbPath: o.db,
      created: false,
    });
    const before = dumpDb(o.db);
    const r = await o.cli(['init', '--office-code', 'OTHER', '--office-name', 'x']);
    expect(r.code).toBe(4);
    expect(oneLine(r)).toBe('error: this database belongs to office TST01; its code cannot change');
    expect(dumpDb(o.db)).toBe(before);
  });

  it('an invalid office code is refused before any file is created', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    const r = await runCli(['--db', t.db, 'init', '--office-code', 'K-1', '--office-name', 'x', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      error: {
        code: 'invalid',
        message: 'invalid office-code: expected 2 to 12 Latin letters or digits, e.g. KRJ01',
        field: 'office-code',
      },
    });
    expect(existsSync(t.db)).toBe(false);
  });

  it('without a terminal it names every missing option and creates nothing', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    const r = await runCli(['--db', t.db, 'init']);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('error: missing required options: --office-code, --office-name');
    expect(existsSync(t.db)).toBe(false);
  });
});

describe('center add, list, show', () => {
  it('add prints the center; list and show find it', async () => {
    const o = await office();
    const a = await o.json([
      'center',
      'add',
      '--name',
      'مرکز مداخله در بحران کرج',
      '--kind',
      'social-emergency',
      '--sector',
      'gov',
      '--capacity',
      '۲۰',
      '--county',
      'کرج',
    ]);
    expect(stamp(a)).toEqual({
      id: 1,
      name: 'مرکز مداخله در بحران کرج',
      kind: 'social-emergency',
      sector: 'gov',
      capacity: 20,
      county: 'کرج',
      createdAt: '<ts>',
      updatedAt: '<ts>',
    });
    // Labels in either language are accepted for codes.
    const b = await o.json([
      'center',
      'add',
      '--name',
      'خانه شبه‌خانواده مهر',
      '--kind',
      'مرکز شبه‌خانواده',
      '--sector',
      'غیردولتی',
      '--capacity',
      '1',
    ]);
    expect(b).toMatchObject({ id: 2, kind: 'pseudo-family', sector: 'ngo', capacity: 1, county: null });

    const all = await o.json<{ id: number }[]>(['center', 'list']);
    expect(all.map((c) => c.id)).toEqual([1, 2]);
    const ngo = await o.json<{ id: number }[]>(['center', 'list', '--sector', 'ngo']);
    expect(ngo.map((c) => c.id)).toEqual([2]);
    const kind = await o.json<{ id: number }[]>(['center', 'list', '--kind', 'social-emergency']);
    expect(kind.map((c) => c.id)).toEqual([1]);

    // Two open cases at a center with one place: over capacity.
    for (let i = 0; i < 2; i++) {
      await o.json(['case', 'open', '--anonymous', '--channel', 'center', '--category', 'runaway', '--risk', 'high', '--center', '2']);
    }
    await o.json([
      'staff',
      'add',
      '--first-name',
      'مریم',
      '--last-name',
      'رضایی',
      '--role',
      'social-worker',
      '--sector',
      'ngo',
      '--center',
      '2',
    ]);
    // By name, typed with an Arabic yeh and without the ZWNJ.
    const shown = await o.json(['center', 'show', 'خانه شبه خانواده مهر'.replace('ی', 'ي')]);
    expect(stamp(shown)).toEqual({
      id: 2,
      name: 'خانه شبه‌خانواده مهر',
      kind: 'pseudo-family',
      sector: 'ngo',
      capacity: 1,
      county: null,
      createdAt: '<ts>',
      updatedAt: '<ts>',
      openCases: 2,
      staff: 1,
      overCapacity: true,
    });
  });

  it('human list and show', async () => {
    const o = await office();
    await o.json(['center', 'add', '--name', 'Base one', '--kind', 'service-base', '--sector', 'ngo']);
    const list = await o.cli(['center', 'list']);
    expect(list.stdout).toContain('Base one');
    expect(list.stdout).toContain('Social-service base');
    expect(list.stdout).toContain('Non-government');
    const show = await o.cli(['center', 'show', '1']);
    expect(show.stdout).toBe(
      [
        'ID          #1',
        'Name        Base one',
        'Kind        Social-service base',
        'Sector      Non-government',
        'Open cases  0',
        'Staff       0',
        '',
      ].join('\n'),
    );
  });

  it('refuses a duplicate name (4), an unknown kind (2), an unknown center (3)', async () => {
    const o = await office();
    await o.json(['center', 'add', '--name', 'پایگاه یک', '--kind', 'service-base', '--sector', 'gov']);
    const before = dumpDb(o.db);
    const dup = await o.cli(['center', 'add', '--name', 'پايگاه  يک', '--kind', 'service-base', '--sector', 'gov']);
    expect(dup.code).toBe(4);
    expect(oneLine(dup)).toBe('error: a center with this name exists already (#1)');
    const kind = await o.cli(['center', 'add', '--name', 'x', '--kind', 'hospital', '--sector', 'gov', '--json']);
    expect(kind.code).toBe(2);
    expect(JSON.parse(kind.stderr).error.field).toBe('kind');
    const none = await o.cli(['center', 'show', '9']);
    expect(none.code).toBe(3);
    expect(oneLine(none)).toBe('error: no center has the id given for --id');
    expect(dumpDb(o.db)).toBe(before);
  });
});
