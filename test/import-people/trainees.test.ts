/**
 * The province's list of 354 trainees (fixtures/import/trainees-354.xlsx, made
 * by make-trainees.mjs): the courses of the month come in from a CSV with
 * Persian headers, the people from the list into the staff register, then the
 * list itself as enrolments. Every figure is computed here from the rows the
 * generator wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dump, FIXTURES, office, query, type Office } from '../import/helpers.js';
// @ts-expect-error a plain .mjs script without types
import { COURSES, FILE, makeTrainees, TRAINEES } from './make-trainees.mjs';

interface Trainee {
  first: string;
  last: string;
  code: string;
  roleCode: string;
  sectorCode: string;
  course: number;
  requestedIso: string;
}
interface CourseSpec {
  title: string;
  hours: number;
  from: string;
  to: string;
  capacity: number;
  mandatoryFor: string;
}
const trainees = TRAINEES as Trainee[];
const courses = COURSES as CourseSpec[];

let o: Office;
let list: string;
beforeAll(async () => {
  o = await office('KRJ01');
  list = o.fixture(FILE);
  const csv = [
    'عنوان دوره,ساعت,تاریخ شروع,تاریخ پایان,ظرفیت,الزامی برای,برگزارکننده',
    ...courses.map((c) => [c.title, c.hours, c.from, c.to, c.capacity, c.mandatoryFor, 'اداره کل بهزیستی استان'].join(',')),
  ].join('\r\n');
  expect(await o.json(['import', 'courses', o.file('courses.csv', csv)])).toMatchObject({ inserted: 6, rejected: 0 });
});
afterAll(() => o.cleanup());

test('the committed fixture is what the script writes', async () => {
  expect(readFileSync(join(FIXTURES, FILE)).equals(await makeTrainees())).toBe(true);
  expect(trainees).toHaveLength(354);
});

test('the list goes into the staff register, national codes that lost their zeros repaired', async () => {
  const r = await o.json(['import', 'staff', list, '--map', 'عنوان دوره=-', '--map', 'تاریخ ثبت نام=-']);
  expect(r).toMatchObject({
    rows: 354,
    inserted: 354,
    rejected: 0,
    repaired: trainees.filter((t) => t.code.startsWith('0')).length,
    possibleDuplicates: 0,
  });
  const stored = query<{ first_name: string; last_name: string; national_code: string; role: string; sector: string }>(
    o.db,
    'SELECT first_name, last_name, national_code, role, sector FROM staff ORDER BY id',
  );
  expect(stored).toEqual(
    trainees.map((t) => ({ first_name: t.first, last_name: t.last, national_code: t.code, role: t.roleCode, sector: t.sectorCode })),
  );
});

test('then as enrolments: places in file order until a course is full, the rest on its waiting list', async () => {
  const r = await o.json(['import', 'enrolments', list, '--map', 'سمت=-', '--map', 'بخش=-']);
  expect(r).toMatchObject({ rows: 354, inserted: 354, updated: 0, unchanged: 0, rejected: 0 });
  const stored = query<{
    code: string;
    title: string;
    status: string;
    waiting_position: number | null;
    requested_on: string;
    enrolled_on: string | null;
  }>(
    o.db,
    `SELECT s.national_code AS code, c.title, e.status, e.waiting_position, e.requested_on, e.enrolled_on
     FROM enrolments e JOIN staff s ON s.id = e.staff_id JOIN courses c ON c.id = e.course_id ORDER BY e.id`,
  );
  const seen = courses.map(() => 0);
  const expected = trainees.map((t) => {
    const n = ++seen[t.course]!;
    const cap = courses[t.course]!.capacity;
    const waiting = n > cap;
    return {
      code: t.code,
      title: courses[t.course]!.title,
      status: waiting ? 'waiting' : 'enrolled',
      waiting_position: waiting ? n - cap : null,
      requested_on: t.requestedIso,
      enrolled_on: waiting ? null : t.requestedIso,
    };
  });
  expect(stored).toEqual(expected);
  expect(stored.filter((e) => e.status === 'waiting')).toHaveLength(354 / 6 - 50);

  // Sent again, the list changes nothing.
  const before = dump(o.db);
  expect(await o.json(['import', 'enrolments', list, '--map', 'سمت=-', '--map', 'بخش=-'])).toMatchObject({
    inserted: 0,
    updated: 0,
    unchanged: 354,
    rejected: 0,
  });
  const records = (d: string) => {
    const all = JSON.parse(d) as Record<string, string[]>;
    delete all.import_batches;
    delete all.audit_log;
    return all;
  };
  expect(records(dump(o.db))).toEqual(records(before));
});
