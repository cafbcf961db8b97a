/**
 * Every stored date has a plausible range, declared once (dates.ts): record dates
 * from 1300/01/01 to a year after the office's today, birth dates from 1900-01-01
 * to today. A date outside it is refused (exit 2) naming the field and the range in
 * Jalali, never the value. Filters (--from/--to of lists) are not stored: wider.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateRange, parseDateInput } from '../../src/lang/dates.js';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';

const TODAY = '2026-11-25'; // 1405/09/04, as test/vitest.config.ts pins it
const RECORD = '1300/01/01 to 1406/09/04';
const BIRTH = '1278/10/11 to 1405/09/04';

describe('parseDateInput ranges', () => {
  it('declares the ranges in one place', () => {
    expect(dateRange('record', TODAY)).toEqual({ from: '1921-03-21', to: '2027-11-25' });
    expect(dateRange('birth', TODAY)).toEqual({ from: '1900-01-01', to: TODAY });
    expect(dateRange('filter', TODAY)).toBeUndefined();
  });

  it('refuses year 0001 for a record date, naming field and range, not the value', () => {
    expect(() => parseDateInput('0001/01/01', { today: TODAY, field: 'opened', kind: 'record' })).toThrow(
      `--opened must be a date from ${RECORD} (Jalali)`,
    );
    expect(() => parseDateInput('1278/10/10', { today: TODAY, field: 'birth-date', kind: 'birth' })).toThrow(
      `--birth-date must be a date from ${BIRTH} (Jalali)`,
    );
    // A filter may reach further back.
    expect(parseDateInput('1299/12/29', { today: TODAY, field: 'from', kind: 'filter' })).toBe('1921-03-20');
  });

  it('property: a record date is accepted exactly inside its range, and a refusal never repeats the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -45_000, max: 1_000 }), (offset) => {
        const iso = addDays(TODAY, offset);
        const inside = iso >= '1921-03-21' && iso <= '2027-11-25';
        let got: string | Error;
        try {
          got = parseDateInput(iso, { today: TODAY, field: 'date', kind: 'record' });
        } catch (err) {
          got = err as Error;
        }
        if (inside) expect(got).toBe(iso);
        else {
          expect((got as Error).message).toBe(`--date must be a date from ${RECORD} (Jalali)`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a birth date is accepted exactly from 1900-01-01 to today', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 400 }), (offset) => {
        const iso = addDays(TODAY, offset);
        const inside = iso >= '1900-01-01' && iso <= TODAY;
        const ok = (() => {
          try {
            return parseDateInput(iso, { today: TODAY, field: 'birth-date', kind: 'birth' }) === iso;
          } catch {
            return false;
          }
        })();
        expect(ok).toBe(inside);
      }),
      { numRuns: 2000 },
    );
  });
});

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
  await o.json([
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--opened',
    '1400/01/01',
  ]);
  await o.json(['followup', 'schedule', '--case', '1', '--due', '+7d']);
  await o.json([
    'roster',
    'pattern',
    'add',
    '--service',
    'hotline',
    '--name',
    'صبح',
    '--start',
    '08:00',
    '--end',
    '14:00',
    '--from',
    '1400/01/01',
  ]);
  await o.json(['training', 'course', 'add', '--title', 'مداخله', '--hours', '8', '--from', '1405/09/10']);
});
afterAll(() => o.cleanup());

// Every stored date a command takes, with a value before 1300/01/01 (or 1900 for births).
const TOO_EARLY: { args: string[]; field: string; range?: string }[] = [
  { args: ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--registered', '0001/01/01'], field: 'registered-on' },
  {
    args: ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--birth-date', '1278/10/10'],
    field: 'birth-date',
    range: BIRTH,
  },
  { args: ['client', 'update', '1', '--birth-date', '1278/10/10'], field: 'birth-date', range: BIRTH },
  {
    args: ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low', '--opened', '0001/01/01'],
    field: 'opened',
  },
  { args: ['case', 'note', '1', '--text', 'x', '--date', '1299/12/29'], field: 'date' },
  { args: ['case', 'close', '1', '--reason', 'resolved', '--date', '0622-03-21'], field: 'date' },
  { args: ['service', 'log', '--type', 'hotline-call', '--date', '0001/01/01'], field: 'date' },
  { args: ['followup', 'schedule', '--case', '1', '--due', '1299/01/01'], field: 'due' },
  { args: ['followup', 'done', '1', '--outcome', 'x', '--date', '1299/01/01'], field: 'date' },
  {
    args: [
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
      '--start-date',
      '0001/01/01',
    ],
    field: 'start-date',
  },
  { args: ['staff', 'leave', '1', '--date', '1299/12/29'], field: 'date' },
  {
    args: [
      'roster',
      'pattern',
      'add',
      '--service',
      'hotline',
      '--name',
      'شب',
      '--start',
      '20:00',
      '--end',
      '08:00',
      '--from',
      '0001/01/01',
    ],
    field: 'from',
  },
  { args: ['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', '0001/01/01'], field: 'date' },
  { args: ['training', 'course', 'add', '--title', 'دوره', '--hours', '8', '--from', '0001/01/01'], field: 'from' },
  {
    args: ['training', 'workshop', 'add', '--topic', 'life-skills', '--date', '0001/01/01', '--female', '1', '--male', '1'],
    field: 'date',
  },
  { args: ['training', 'enrol', '--course', '1', '--staff', '1', '--date', '0001/01/01'], field: 'date' },
];
// And after a year from today.
const TOO_LATE: { args: string[]; field: string }[] = [
  { args: ['followup', 'schedule', '--case', '1', '--due', '1406/09/05'], field: 'due' },
  { args: ['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', '+2m'.replace('2m', '13m')], field: 'date' },
  { args: ['training', 'course', 'add', '--title', 'دوره', '--hours', '8', '--from', '1406/09/05'], field: 'from' },
];

describe('commands refuse implausible dates (exit 2), naming field and range, never the value', () => {
  it.each(TOO_EARLY.map((c) => [c.args.slice(0, 2).join(' '), c] as const))('%s: too early', async (_name, c) => {
    const r = await o.cli([...c.args, '--json']);
    expect(r.code, r.stderr).toBe(2);
    const err = JSON.parse(r.stderr).error;
    expect(err).toEqual({ code: 'invalid', field: c.field, message: `--${c.field} must be a date from ${c.range ?? RECORD} (Jalali)` });
  });

  it.each(TOO_LATE.map((c) => [c.args.slice(0, 2).join(' '), c] as const))('%s: more than a year ahead', async (_name, c) => {
    const r = await o.cli([...c.args, '--json']);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stderr).error).toEqual({
      code: 'invalid',
      field: c.field,
      message: `--${c.field} must be a date from ${RECORD} (Jalali)`,
    });
  });

  it('list filters are wider: a --from before 1300 is a filter, not a stored date', async () => {
    expect(await o.json(['case', 'list', '--from', '1299/01/01'])).toHaveLength(1);
  });

  it('import refuses the same dates in the same words', async () => {
    const file = join(o.dir, 'clients.csv');
    writeFileSync(file, 'first-name,last-name,registered-on,birth-date\r\nسارا,نوری,0001/01/01,\r\nسارا,نوری,1400/01/01,1278/10/10\r\n');
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.json().errors).toEqual([
      {
        row: 2,
        column: 'registered-on',
        field: 'registered-on',
        value: '0001/01/01',
        reason: `--registered-on must be a date from ${RECORD} (Jalali)`,
      },
      {
        row: 3,
        column: 'birth-date',
        field: 'birth-date',
        value: '(hidden)',
        reason: `--birth-date must be a date from ${BIRTH} (Jalali)`,
      },
    ]);
    const cases = join(o.dir, 'cases.csv');
    writeFileSync(cases, 'channel,category,risk,opened-on\r\nhotline,other,low,0001/01/01\r\n');
    const c = await o.cli(['import', 'cases', cases, '--json']);
    expect(c.json().errors).toEqual([
      { row: 2, column: 'opened-on', field: 'opened-on', value: '0001/01/01', reason: `--opened must be a date from ${RECORD} (Jalali)` },
    ]);
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')).toEqual([{ n: 1 }]);
  });
});
