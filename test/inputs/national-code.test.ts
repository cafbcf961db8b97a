/**
 * One reading of a national code for every command and import: any digit script,
 * groups separated by spaces or dashes. What `client add` stores, `client show`,
 * `client update`, `case open --client`, `staff add` and `--worker` find by.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalCodeDigits, parseNationalCode } from '../../src/domain/national-code.js';
import { toArabicIndic } from './support.js';
import { toPersianDigits } from '../../src/lang/digits.js';
import { dumpDb, makeOffice, query, type TestOffice } from '../helpers/office.js';

const CODE = '0013542419';
const SPELLINGS = ['001-354241-9', '۰۰۱-۳۵۴۲۴۱-۹', '001 354241 9', ' 0013542419 ', '٠٠١٣٥٤٢٤١٩', '001‐354241‐9'];

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '001-354241-9']);
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
    'gov',
    '--national-code',
    '۰۰۲ ۳۴۵۶۷۸ ۷',
  ]);
});
afterAll(() => o.cleanup());

const errorOf = (stderr: string): { code: string; message: string; field: string } => JSON.parse(stderr).error;

describe('every command reads a national code the way client add does', () => {
  it('client show and update, case open --client find the client by every spelling client add accepts', async () => {
    for (const spelling of SPELLINGS) {
      const shown = await o.json(['client', 'show', spelling]);
      expect(shown.id, spelling).toBe(1);
      expect(shown.nationalCode).toBe(CODE);
    }
    expect((await o.json(['client', 'update', '001-354241-9', '--county', 'کرج'])).id).toBe(1);
    const opened = await o.json([
      'case',
      'open',
      '--client',
      '۰۰۱-۳۵۴۲۴۱-۹',
      '--channel',
      'hotline',
      '--category',
      'suicide',
      '--risk',
      'high',
    ]);
    expect(opened.clientId).toBe(1);
  });

  it('staff codes are stored and found the same way', async () => {
    expect((await o.json(['staff', 'show', '1'])).nationalCode).toBe('0023456787');
    expect((await o.json(['staff', 'show', '002-345678-7'])).id).toBe(1);
  });

  it('a code that cannot exist is refused as invalid (exit 2), a valid unknown one is not found (exit 3); neither is repeated', async () => {
    const invalid = await o.cli(['client', 'show', '001-000000-3', '--json']);
    expect(invalid.code).toBe(2);
    expect(errorOf(invalid.stderr)).toEqual({ code: 'invalid', field: 'id', message: 'not a valid national code' });
    const unknown = await o.cli(['client', 'show', '0023456787', '--json']);
    expect(unknown.code).toBe(3);
    expect(errorOf(unknown.stderr)).toEqual({ code: 'not-found', field: 'id', message: 'no client with this national code' });
  });

  it('property: every spelling of a valid code (digit script, separators) reads as the code', () => {
    const nine = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
    const code = nine
      .map((n) => {
        const s = [...n].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0) % 11;
        return n + String(s < 2 ? s : 11 - s);
      })
      .filter((c) => !/^(\d)\1{9}$/.test(c) && c.slice(3, 9) !== '000000');
    const sep = fc.constantFrom('', ' ', '-', '\u2010', '  ', ' - ');
    fc.assert(
      fc.property(code, fc.constantFrom('latin', 'persian', 'arabic'), sep, sep, (c, script, a, b) => {
        const digits = script === 'latin' ? c : script === 'persian' ? toPersianDigits(c) : toArabicIndic(c);
        const written = `${digits.slice(0, 3)}${a}${digits.slice(3, 9)}${b}${digits.slice(9)}`;
        expect(nationalCodeDigits(written)).toBe(c);
        expect(parseNationalCode(written).code).toBe(c);
      }),
    );
  });
});

describe('codes that lost their zeros and codes never issued', () => {
  it('client add with 8 or 9 digits is refused with the hint that leading zeros may be missing (import pads them and reports it)', async () => {
    const before = dumpDb(o.db);
    for (const short of ['13542419', '013542419']) {
      const r = await o.cli(['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', short, '--json']);
      expect(r.code).toBe(2);
      expect(errorOf(r.stderr)).toEqual({
        code: 'invalid',
        field: 'national-code',
        message: `national code has ${short.length} digits; expected 10: leading zeros may be missing (codes may begin with 0; type all 10 digits)`,
      });
    }
    expect(dumpDb(o.db)).toBe(before);
  });

  it('0010000003 passes the checksum but digits 4-9 are all zero: refused by client add, staff add and import', async () => {
    const before = dumpDb(o.db);
    const add = await o.cli(['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', '0010000003', '--json']);
    expect(add.code).toBe(2);
    expect(errorOf(add.stderr)).toEqual({
      code: 'invalid',
      field: 'national-code',
      message: 'not a valid national code: digits 4 to 9 are never all zero',
    });
    const staff = await o.cli([
      'staff',
      'add',
      '--first-name',
      'علی',
      '--last-name',
      'کریمی',
      '--role',
      'psychologist',
      '--sector',
      'gov',
      '--national-code',
      '0010000003',
      '--json',
    ]);
    expect(staff.code).toBe(2);
    expect(dumpDb(o.db)).toBe(before);
    const file = join(o.dir, 'clients.csv');
    writeFileSync(file, 'first-name,last-name,national-code\r\nسارا,نوری,0010000003\r\nسارا,نوری,10000003\r\n');
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.json().errors).toEqual([
      {
        row: 2,
        column: 'national-code',
        field: 'national-code',
        value: '(hidden)',
        reason: 'not a valid national code: digits 4 to 9 are never all zero',
      },
      {
        row: 3,
        column: 'national-code',
        field: 'national-code',
        value: '(hidden)',
        reason: 'not a valid national code: digits 4 to 9 are never all zero',
      },
    ]);
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')).toEqual([{ n: 1 }]);
  });
});
