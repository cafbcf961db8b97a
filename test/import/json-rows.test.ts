/**
 * JSON import rows are checked at the edge (src/files/json-source.ts, zod): each
 * element of the array is an object of texts, numbers, true/false or null (or a
 * list of texts and numbers); anything else is refused in one line naming the row
 * and the key, before any row is stored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dumpDb } from '../helpers/office.js';
import { office, type Office } from './helpers.js';

let o: Office;
beforeAll(async () => {
  o = await office('JSN01');
});
afterAll(() => o.cleanup());

const NESTED = 'a nested value; expected text, a number, true/false or null';
const person = { 'first-name': 'زهرا', 'last-name': 'احمدی', sex: 'female' };

describe('a row that is not an object of plain values is refused, naming the row and key', () => {
  const cases: [string, string, string][] = [
    ['an object inside a row', JSON.stringify([person, { ...person, notes: { text: 'x' } }]), `row 2, column "notes": ${NESTED}`],
    ['a list of objects inside a row', JSON.stringify([{ ...person, notes: [{ a: 1 }] }]), `row 1, column "notes": ${NESTED}`],
    ['a list of true/false', JSON.stringify([{ ...person, notes: [true] }]), `row 1, column "notes": ${NESTED}`],
    [
      'the first bad key of the row is named',
      JSON.stringify([{ ...person, county: { a: 1 }, notes: [{}] }]),
      `row 1, column "county": ${NESTED}`,
    ],
    [
      'a __proto__ key is a column like any other',
      '[{"first-name":"زهرا","last-name":"احمدی","__proto__":{"x":1}}]',
      `row 1, column "__proto__": ${NESTED}`,
    ],
    ['a bare value', JSON.stringify([person, 'زهرا']), 'row 2: not a JSON object'],
    ['null', JSON.stringify([null]), 'row 1: not a JSON object'],
    ['an array for a row', JSON.stringify([person, ['زهرا', 'احمدی']]), 'row 2: not a JSON object'],
  ];
  test.each(cases)('%s', async (_what, text, message) => {
    const before = dumpDb(o.db);
    const r = await o.cli(['import', 'clients', o.file('rows.json', text), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'invalid', message, field: 'file' } });
    expect(dumpDb(o.db)).toBe(before);
  });
});

test('texts, numbers, true/false, null and lists of texts are read as cells', async () => {
  const rows = [
    { ...person, 'woman-head': true, 'informal-settlement': false, county: null, notes: ['یک', 2] },
    { 'first-name': 'علی', 'last-name': 'رضایی', 'birth-date': '1395/01/01', mobile: 9121234567 },
  ];
  const r = await o.json(['import', 'clients', o.file('ok.json', JSON.stringify(rows))]);
  expect(r).toMatchObject({ rows: 2, inserted: 2, rejected: 0, format: 'json' });
  const [zahra, ali] = await o.json(['client', 'list']).then((l: any[]) => [...l].sort((a, b) => a.id - b.id));
  expect(zahra).toMatchObject({ womanHead: true, informalSettlement: false, county: null, notes: 'یک,2' });
  expect(ali).toMatchObject({ birthDate: '2016-03-20', mobile: '+989121234567' });
});
