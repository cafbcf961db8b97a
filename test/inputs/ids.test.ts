/**
 * Id references (--worker, --staff, --client, --center, --case and the same
 * columns of an import) are digits only, optionally after "#", in any digit
 * script: nothing inside them is dropped, so "1-2" never becomes #12 and "-1"
 * never becomes #1. A miss never repeats what was typed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idDigits, parseId } from '../../src/domain/fields.js';
import { toLatinDigits, toPersianDigits } from '../../src/lang/digits.js';
import { dumpDb, makeOffice, query, type TestOffice } from '../helpers/office.js';

const NAMES = ['مریم', 'علی', 'سارا', 'رضا', 'زهرا', 'حسین', 'نرگس', 'حمید', 'لیلا', 'امیر', 'مینا', 'کاوه'];

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
  // Twelve workers: "1-2" and " 1 2 " once reached #12.
  for (const [i, name] of NAMES.entries()) {
    await o.json([
      'staff',
      'add',
      '--first-name',
      name,
      '--last-name',
      `کارمند${toPersianDigits(String(i + 1))}`,
      '--role',
      'social-worker',
      '--sector',
      'gov',
    ]);
  }
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419']);
  await o.json(['center', 'add', '--name', 'مرکز کرج', '--kind', 'social-emergency', '--sector', 'gov']);
  await o.json(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
});
afterAll(() => o.cleanup());

const errorOf = (stderr: string): { code: string; message: string; field: string } => JSON.parse(stderr).error;

describe('parseId', () => {
  it('reads digits (ASCII, Persian, Arabic-Indic), optionally after #, and nothing else', () => {
    expect(parseId('12', 'worker')).toBe(12);
    expect(parseId('#12', 'worker')).toBe(12);
    expect(parseId(' ۱۲ ', 'worker')).toBe(12);
    expect(parseId('#١٢', 'worker')).toBe(12);
    for (const bad of ['1-2', ' 1 2 ', '-1', '+1', '1.0', '1,2', '#', '', '0', '# 12', '12#', 'ab', '۱-۲']) {
      expect(() => parseId(bad, 'worker'), bad).toThrow('--worker must be an id: digits only, e.g. 12 or #12');
    }
  });

  it('property: accepted exactly when the text is #?digits, giving their value; refusals never repeat the text', () => {
    const digit = fc.constantFrom(...'0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩');
    const piece = fc.oneof(digit, fc.constantFrom('-', ' ', '#', '\u200c', '\t', '+', 'x', 'ی', '.', '٫'));
    const text = fc.oneof(
      fc.array(digit, { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
      fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (s) => {
        const latin = toLatinDigits(s.trim());
        const shaped = /^#?[0-9]+$/.test(latin);
        const value = shaped ? Number(latin.replace('#', '')) : NaN;
        let got: number | Error;
        try {
          got = parseId(s, 'worker');
        } catch (err) {
          got = err as Error;
        }
        if (shaped && Number.isSafeInteger(value) && value >= 1) {
          expect(got).toBe(value);
          expect(idDigits(s)).toBe(latin.replace('#', ''));
        } else {
          expect(got).toBeInstanceOf(Error);
          if ((toLatinDigits(s).match(/[0-9]/g) ?? []).length >= 3) expect((got as Error).message).not.toContain(s.trim());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: two numbers joined by a dash or a space are never an id', () => {
    fc.assert(
      fc.property(fc.nat(999), fc.nat(999), fc.constantFrom('-', ' ', '\u2011', '\u200c'), (a, b, sep) => {
        expect(() => parseId(`${a}${sep}${b}`, 'worker')).toThrow();
        expect(idDigits(`${a}${sep}${b}`)).toBeUndefined();
      }),
    );
  });
});

describe('commands', () => {
  it('--worker 1-2, " 1 2 " and -1 are refused (exit 2), not read as #12 or #1', async () => {
    const before = dumpDb(o.db);
    for (const ref of ['1-2', ' 1 2 ', '-1', '۱-۲', '1 - 2']) {
      const r = await o.cli(['case', 'assign', '1', `--worker=${ref}`, '--json']);
      expect(r.code, ref).toBe(2);
      expect(errorOf(r.stderr), ref).toEqual({
        code: 'invalid',
        field: 'worker',
        message: '--worker must be a staff id (e.g. 12 or #12), a national code or a name',
      });
    }
    expect(dumpDb(o.db)).toBe(before);
    // The same worker given as digits in any script.
    expect((await o.json(['case', 'assign', '1', '--worker', '#۱۲'])).workerId).toBe(12);
  });

  it('an unknown id is not repeated: a phone number typed as an id does not reach the log', async () => {
    const r = await o.cli(['case', 'assign', '1', '--worker', '09127775533', '--json']);
    expect(r.code).toBe(3);
    expect(errorOf(r.stderr)).toEqual({ code: 'not-found', field: 'worker', message: 'no staff member has the id given for --worker' });
    const s = await o.cli(['staff', 'show', '#4444444', '--json']);
    expect(errorOf(s.stderr)).toEqual({ code: 'not-found', field: 'id', message: 'no staff member has the id given for --id' });
  });

  it('--client, --center and --case read ids the same way', async () => {
    const open = ['case', 'open', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'];
    const before = dumpDb(o.db);
    const c1 = await o.cli([...open, '--client=-1', '--json']);
    expect(c1.code).toBe(2);
    expect(errorOf(c1.stderr).field).toBe('client');
    const c2 = await o.cli([...open, '--client', '۷۷', '--json']);
    expect(errorOf(c2.stderr)).toEqual({ code: 'not-found', field: 'client', message: 'no client has the id given for --client' });
    const c3 = await o.cli([...open, '--client', '1', '--center=1-1', '--json']);
    expect(c3.code).toBe(2);
    expect(errorOf(c3.stderr)).toEqual({
      code: 'invalid',
      field: 'center',
      message: '--center must be a center id (e.g. 3 or #3) or a name',
    });
    const c4 = await o.cli([...open, '--client', '1', '--center', '#9', '--json']);
    expect(errorOf(c4.stderr)).toEqual({ code: 'not-found', field: 'center', message: 'no center has the id given for --center' });
    const c5 = await o.cli(['service', 'log', '--case', '99', '--type', 'legal', '--json']);
    expect(errorOf(c5.stderr)).toEqual({ code: 'not-found', field: 'case', message: 'no case has the id given for --case' });
    const c6 = await o.cli(['service', 'log', '--case=-1', '--type', 'legal', '--json']);
    expect(c6.code).toBe(2);
    expect(errorOf(c6.stderr).field).toBe('case');
    expect(dumpDb(o.db)).toBe(before);
    // Digits in any script still work.
    expect((await o.json(['service', 'log', '--case', '#۱', '--type', 'legal'])).caseId).toBe(1);
  });

  it('an import column holding "1-2" as the worker is refused, not read as #12', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(o.dir, 'services.csv');
    writeFileSync(file, 'case,type,date,worker-id\r\n1,legal,1405/09/04,1-2\r\n1,legal,1405/09/04,۱۲\r\n');
    const r = await o.cli(['import', 'services', file, '--json']);
    const report = r.json();
    expect(report.errors).toEqual([
      {
        row: 2,
        column: 'worker-id',
        field: 'worker-id',
        value: expect.any(String),
        reason: '--worker must be a staff id (e.g. 12 or #12), a national code or a name',
      },
    ]);
    expect(query(o.db, 'SELECT worker_id FROM services WHERE worker_id IS NOT NULL')).toEqual([{ worker_id: 12 }]);
  });
});
