/**
 * `import --set field=value`: a fixed value for every row (a province sheet with no
 * risk column). The field must be the kind's; a column for the same field is refused;
 * the value is checked once, before any row is read, and never repeated in a message.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { dump, office, query, type Office } from './helpers.js';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const csv = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const SHEET = csv([
  ['مسیر دریافت', 'نوع مسئله', 'تاریخ تشکیل'],
  ['خط تلفن ۱۲۳', 'همسرآزاری', '1405/04/02'],
  ['hotline', 'child-abuse', '1405/05/01'],
]);

test('every row gets the --set value, given by code, Persian label or any name of the field', async () => {
  const file = o.file('province.csv', SHEET);
  expect(await o.json(['import', 'cases', file, '--set', 'risk=medium'])).toMatchObject({ inserted: 2, rejected: 0 });
  const again = o.file('again.csv', SHEET.replace('1405/04/02', '1405/04/03').replace('1405/05/01', '1405/05/02'));
  expect(await o.json(['import', 'cases', again, '--set', 'سطح خطر=زیاد', '--set', 'categories=divorce'])).toMatchObject({
    inserted: 2,
  });
  expect(query(o.db, 'SELECT risk, primary_category, opened_on FROM cases ORDER BY id')).toEqual([
    { risk: 'medium', primary_category: 'spouse-abuse', opened_on: '2026-06-23' },
    { risk: 'medium', primary_category: 'child-abuse', opened_on: '2026-07-23' },
    { risk: 'high', primary_category: 'spouse-abuse', opened_on: '2026-06-24' },
    { risk: 'high', primary_category: 'child-abuse', opened_on: '2026-07-24' },
  ]);
  expect(
    query(o.db, 'SELECT case_id, category FROM case_categories WHERE case_id > 2 AND category = ? ORDER BY case_id', 'divorce'),
  ).toEqual([
    { case_id: 3, category: 'divorce' },
    { case_id: 4, category: 'divorce' },
  ]);
});

test('a required field given by --set is no missing column; without it the column is missing', async () => {
  const file = o.file('province.csv', SHEET);
  const r = await o.cli(['import', 'cases', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('missing required column: risk');
});

test.each([
  [['--set', 'danger=high'], 'invalid --set number 1: no field has the name given before "="'],
  [['--set', 'risk'], 'invalid --set number 1: expected "field=value"'],
  [['--set', 'risk=high', '--set', 'خطر=low'], '--set risk is given twice'],
  [['--set', 'category=divorce'], '--set category and the column B both give category'],
  [['--set', 'risk=09121234567'], 'invalid --set risk: expected one of critical, high, medium, low'],
  [['--set', 'risk=medium', '--set', 'closed-on=1405/13/40'], 'invalid --set closed-on'],
])('%j is refused with exit 2 before any row is read, the value never echoed', async (args, message) => {
  const file = o.file('province.csv', SHEET);
  const before = dump(o.db);
  const r = await o.cli(['import', 'cases', file, ...args]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toContain('09121234567');
  expect(r.stderr).not.toContain('1405/13/40');
  expect(dump(o.db)).toBe(before);
});

test('--json: the refusal names the option', async () => {
  const file = o.file('province.csv', SHEET);
  const r = await o.cli(['import', 'cases', file, '--set', 'risk=nope', '--json']);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stderr)).toMatchObject({ error: { field: 'set' } });
  expect(r.stderr).not.toContain('nope');
});
