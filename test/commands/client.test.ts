import { afterEach, describe, expect, it } from 'vitest';
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

const ZAHRA = ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی'];

describe('client add', () => {
  it('stores every field canonically and prints the record', async () => {
    const o = await office();
    const c = await o.json([
      'client',
      'add',
      '--first-name',
      '  زهرا ',
      '--last-name',
      'احمدی',
      '--national-code',
      '۰۰۱۳۵۴۲۴۱۹',
      '--birth-date',
      '۱۳۷۰/۰۵/۱۲',
      '--sex',
      'زن',
      '--mobile',
      '+98 912 123 4567',
      '--address',
      'کرج، خیابان ۱',
      '--county',
      'کرج',
      '--informal-settlement',
      '--woman-head',
      'no',
      '--notes',
      'خط یک\r\nخط دو',
    ]);
    expect(stamp(c)).toEqual({
      id: 1,
      firstName: 'زهرا',
      lastName: 'احمدی',
      nationalCode: '0013542419',
      birthDate: '1991-08-03',
      sex: 'female',
      mobile: '+989121234567',
      address: 'کرج، خیابان ۱',
      county: 'کرج',
      informalSettlement: true,
      womanHead: false,
      notes: 'خط یک\nخط دو',
      registeredOn: '2026-11-25',
      createdAt: '<ts>',
      updatedAt: '<ts>',
      possibleDuplicates: [],
    });
    expect(query(o.db, 'SELECT national_code, mobile, birth_date, informal_settlement, woman_head FROM clients')).toEqual([
      { national_code: '0013542419', mobile: '+989121234567', birth_date: '1991-08-03', informal_settlement: 1, woman_head: 0 },
    ]);
  });

  it('only names are required; Arabic-Indic digits and ISO dates are accepted', async () => {
    const o = await office();
    const c = await o.json([
      ...ZAHRA,
      '--national-code',
      '٠٠٢٣٤٥٦٧٨٧',
      '--birth-date',
      '1991-08-03',
      '--mobile',
      '٠٩١٢١٢٣٤٥٦٧',
      '--registered',
      'yesterday',
    ]);
    expect(c).toMatchObject({
      nationalCode: '0023456787',
      birthDate: '1991-08-03',
      mobile: '+989121234567',
      sex: null,
      registeredOn: '2026-11-24',
    });
  });

  it('warns about a probable duplicate by Persian matching key, and still registers', async () => {
    const o = await office();
    await o.json([...ZAHRA, '--birth-date', '1370/05/12']);
    // Typed with an Arabic yeh: the same name.
    const r = await o.cli(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدي', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().possibleDuplicates).toEqual([
      { id: 1, firstName: 'زهرا', lastName: 'احمدی', birthDate: '1991-08-03', reason: 'same-name' },
    ]);
    expect(r.stderr).toBe('warning: possible duplicate of #1 (same name): check before opening a case\n');
    const same = await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--birth-date', '1370/5/12']);
    expect(same.possibleDuplicates.map((d: { id: number; reason: string }) => [d.id, d.reason])).toEqual([
      [1, 'same-name-and-birth'],
      [2, 'same-name'],
    ]);
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')).toEqual([{ n: 3 }]);
  });

  it('human output is a card with the Jalali birth date and the local mobile', async () => {
    const o = await office();
    const r = await o.cli([...ZAHRA, '--birth-date', '1370/05/12', '--mobile', '09121234567', '--sex', 'female']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'ID                       #1',
        'Name                     زهرا احمدی',
        'Birth date               1370/05/12',
        'Sex                      Female',
        'Mobile                   09121234567',
        'Informal settlement      no',
        'Woman head of household  no',
        'Registered               1405/09/04',
        '',
      ].join('\n'),
    );
  });
});

describe('client show, update', () => {
  it('show by id or national code, with the number of cases', async () => {
    const o = await office();
    await o.json([...ZAHRA, '--national-code', '0013542419']);
    await o.json(['case', 'open', '--client', '0013542419', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    const byId = await o.json(['client', 'show', '#1']);
    const byCode = await o.json(['client', 'show', '۰۰۱۳۵۴۲۴۱۹']);
    expect(byCode).toEqual(byId);
    expect(stamp(byId)).toEqual({
      id: 1,
      firstName: 'زهرا',
      lastName: 'احمدی',
      nationalCode: '0013542419',
      birthDate: null,
      sex: null,
      mobile: null,
      address: null,
      county: null,
      informalSettlement: false,
      womanHead: false,
      notes: null,
      registeredOn: '2026-11-25',
      createdAt: '<ts>',
      updatedAt: '<ts>',
      caseCount: 1,
      mergedInto: null,
      replacedNotes: [],
    });
    const missing = await o.cli(['client', 'show', '99']);
    expect(missing.code).toBe(3);
    expect(oneLine(missing)).toBe('error: no client has the id given for --id');
  });

  it('update changes only the given fields; a blank value clears an optional one', async () => {
    const o = await office();
    await o.json([...ZAHRA, '--mobile', '09121234567', '--county', 'کرج']);
    const u = await o.json(['client', 'update', '1', '--mobile', '00989351112233', '--informal-settlement', 'yes', '--county', '']);
    expect(u).toMatchObject({
      id: 1,
      firstName: 'زهرا',
      lastName: 'احمدی',
      mobile: '+989351112233',
      informalSettlement: true,
      county: null,
      possibleDuplicates: [],
    });
    expect(query(o.db, `SELECT action, record_id AS id, detail FROM audit_log WHERE record_type = 'client' ORDER BY id`)).toEqual([
      { action: 'create', id: '1', detail: null },
      { action: 'update', id: '1', detail: 'mobile,county,informal-settlement' },
    ]);
    const before = dumpDb(o.db);
    const nothing = await o.cli(['client', 'update', '1']);
    expect(nothing.code).toBe(2);
    expect(oneLine(nothing)).toBe('error: nothing to update: give at least one field to change');
    expect(dumpDb(o.db)).toBe(before);
  });

  it('update to a national code another client holds is a conflict (4)', async () => {
    const o = await office();
    await o.json([...ZAHRA, '--national-code', '0013542419']);
    await o.json(['client', 'add', '--first-name', 'علی', '--last-name', 'رضایی']);
    const before = dumpDb(o.db);
    const r = await o.cli(['client', 'update', '2', '--national-code', '0013542419']);
    expect(r.code).toBe(4);
    expect(oneLine(r)).toBe('error: this national code is already registered to client #1');
    expect(dumpDb(o.db)).toBe(before);
  });
});

describe('client list, find', () => {
  async function three(): Promise<TestOffice> {
    const o = await office();
    await o.json([...ZAHRA, '--county', 'کرج', '--national-code', '0013542419', '--mobile', '09121234567']);
    await o.json([
      'client',
      'add',
      '--first-name',
      'محمدعلی',
      '--last-name',
      'کریمی',
      '--county',
      'شهریار',
      '--informal-settlement',
      'yes',
    ]);
    await o.json([
      'client',
      'add',
      '--first-name',
      'فاطمه',
      '--last-name',
      'نیک‌نام',
      '--county',
      'کرج',
      '--woman-head',
      'بله',
      '--mobile',
      '09351112233',
    ]);
    return o;
  }
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  it('list: newest first, filters, row limit', async () => {
    const o = await three();
    expect(ids(await o.json(['client', 'list']))).toEqual([3, 2, 1]);
    expect(ids(await o.json(['client', 'list', '--limit', '2']))).toEqual([3, 2]);
    expect(ids(await o.json(['client', 'list', '--county', 'کرج']))).toEqual([3, 1]);
    expect(ids(await o.json(['client', 'list', '--informal-settlement', 'yes']))).toEqual([2]);
    expect(ids(await o.json(['client', 'list', '--woman-head', 'yes']))).toEqual([3]);
    expect(ids(await o.json(['client', 'list', '--woman-head', 'no']))).toEqual([2, 1]);
    const human = await o.cli(['client', 'list']);
    const lines = human.stdout.split('\n');
    expect(lines.findIndex((l) => l.includes('نیک‌نام'))).toBeLessThan(lines.findIndex((l) => l.includes('احمدی')));
    expect(human.stdout).toContain('09121234567');
  });

  it('find: by name in any spelling, by national-code prefix, by part of a mobile number', async () => {
    const o = await three();
    expect(ids(await o.json(['client', 'find', 'محمد علي']))).toEqual([2]);
    expect(ids(await o.json(['client', 'find', 'نيكنام']))).toEqual([3]);
    expect(ids(await o.json(['client', 'find', 'احمدی']))).toEqual([1]);
    expect(ids(await o.json(['client', 'find', '۰۰۱۳۵']))).toEqual([1]);
    expect(ids(await o.json(['client', 'find', '0935111']))).toEqual([3]);
    expect(ids(await o.json(['client', 'find', '+98912']))).toEqual([1]);
    expect(await o.json(['client', 'find', 'nobody'])).toEqual([]);
    const none = await o.cli(['client', 'find', 'nobody']);
    expect(none.stdout).toBe('(none)\n');
  });
});
