/**
 * The people side through export → import into another office → export again:
 * every field of every record comes back the same, in CSV, XLSX and JSON, the
 * waiting list in its order included. The receiving office already holds a
 * center, a staff member, a shift pattern and a course of its own, so its ids
 * differ and every reference must travel by the ids recorded on import. A
 * second import of the same files changes nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dump, office, query, type Office } from '../import/helpers.js';
import { peopleOffice } from './people-office.js';

const KINDS = ['centers', 'staff', 'clients', 'shift-patterns', 'roster-assignments', 'courses', 'enrolments', 'workshops'] as const;
let from: Office;

beforeAll(async () => {
  from = await peopleOffice('KRJ01');
});
afterAll(() => from.cleanup());

/** Every exported record of the people side, ids replaced by what they point at, in a stable order. */
async function snapshot(o: Office): Promise<Record<string, unknown[]>> {
  const raw: Record<string, any[]> = {};
  for (const kind of KINDS) {
    const r = await o.cli(['export', kind, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    raw[kind] = JSON.parse(r.stdout);
  }
  const keyOf = (kind: string, key: (x: any) => string): Map<string, string> => new Map(raw[kind]!.map((x) => [x.id, key(x)]));
  const center = keyOf('centers', (x) => x.name);
  const staff = keyOf('staff', (x) => `${x.firstName} ${x.lastName}`);
  const client = keyOf('clients', (x) => x.nationalCode);
  const pattern = keyOf('shift-patterns', (x) => `${x.service} ${x.name}`);
  const course = keyOf('courses', (x) => x.title);
  const ref = (m: Map<string, string>, v: string | null) => (v === null ? null : (m.get(v) ?? `unknown ${v}`));
  const strip = ({ id: _id, ...rest }: any) => rest;
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    staff: sorted(raw.staff!.map((x) => ({ ...strip(x), centerId: ref(center, x.centerId) }))),
    'shift-patterns': sorted(raw['shift-patterns']!.map(strip)),
    'roster-assignments': sorted(
      raw['roster-assignments']!.map((x) => ({ ...strip(x), pattern: ref(pattern, x.pattern), staff: ref(staff, x.staff) })),
    ),
    courses: sorted(raw.courses!.map(strip)),
    enrolments: sorted(
      raw.enrolments!.map((x) => ({
        ...strip(x),
        course: ref(course, x.course),
        staff: ref(staff, x.staff),
        client: ref(client, x.client),
      })),
    ),
    workshops: sorted(
      raw.workshops!.map((x) => ({ ...strip(x), centerId: ref(center, x.centerId), facilitatorId: ref(staff, x.facilitatorId) })),
    ),
  };
}

const OWN = 'خودی';
function withoutOwn(s: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.filter((x) => !JSON.stringify(x).includes(OWN))]));
}

describe.each([['csv'], ['xlsx'], ['json']])('round trip through %s', (format) => {
  test('every exported field imports back unchanged, references and the waiting list included; a second import changes nothing', async () => {
    const to = await office('ABC02');
    try {
      await to.json(['center', 'add', '--name', `مرکز ${OWN}`, '--kind', 'other', '--sector', 'gov']);
      await to.json(['staff', 'add', '--first-name', 'کارمند', '--last-name', OWN, '--role', 'admin', '--sector', 'gov']);
      await to.json([
        'roster',
        'pattern',
        'add',
        '--service',
        'base',
        '--name',
        OWN,
        '--start',
        '09:00',
        '--end',
        '13:00',
        '--from',
        '1405/01/01',
      ]);
      await to.json(['training', 'course', 'add', '--title', `دوره ${OWN}`, '--hours', '4', '--from', '1405/06/01']);
      const files: Record<string, { file: string; rows: number }> = {};
      for (const kind of KINDS) {
        const file = join(from.dir, 'files', `${kind}-${format}.${format}`);
        const exported = await from.json(['export', kind, '--format', format, '--out', file]);
        files[kind] = { file, rows: exported.rows };
        const imported = await to.json(['import', kind, file]);
        expect(imported, kind).toMatchObject({ rejected: 0, updated: 0, unchanged: 0, inserted: exported.rows });
      }
      expect(files['roster-assignments']!.rows).toBe(9);
      expect(files.enrolments!.rows).toBe(9);
      expect(withoutOwn(await snapshot(to))).toEqual(await snapshot(from));
      // The monthly report reads these columns directly: they came across too.
      const places = (db: string) =>
        query(
          db,
          `SELECT e.status, e.waiting_position, e.requested_on, e.enrolled_on, e.attended_on FROM enrolments e ORDER BY e.requested_on, e.status, e.enrolled_on`,
        );
      expect(places(to.db)).toEqual(places(from.db));

      const before = dump(to.db).replace(/"(created_at|updated_at|started_at|finished_at|at)":"[^"]*"/g, '');
      for (const kind of KINDS) {
        const again = await to.json(['import', kind, files[kind]!.file]);
        expect(again, kind).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: files[kind]!.rows });
      }
      const tables = (d: string) => {
        const all = JSON.parse(d) as Record<string, string[]>;
        // A run is recorded each time (import_batches, audit_log); every record stays as it was.
        delete all.import_batches;
        delete all.audit_log;
        return all;
      };
      expect(tables(dump(to.db).replace(/"(created_at|updated_at|started_at|finished_at|at)":"[^"]*"/g, ''))).toEqual(tables(before));
    } finally {
      to.cleanup();
    }
  });
});

test('into the same office every file changes nothing', async () => {
  for (const kind of KINDS) {
    const file = join(from.dir, 'files', `same-${kind}.csv`);
    const exported = await from.json(['export', kind, '--out', file]);
    expect(await from.json(['import', kind, file]), kind).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: exported.rows });
  }
});

test('--lang fa writes the Persian headers, which import reads back', async () => {
  const heads: Record<string, string> = {
    'roster-assignments': 'شناسه,تاریخ,تاریخ (شمسی),خدمت,شیفت,نام شیفت,کارمند,کد ملی,نام,نام خانوادگی,شروع,پایان',
    enrolments:
      'شناسه,دوره,عنوان دوره,کارمند,مددجو,کد ملی,نام,نام خانوادگی,وضعیت,نوبت انتظار,تاریخ درخواست,تاریخ درخواست (شمسی),تاریخ پذیرش,تاریخ پذیرش (شمسی),تاریخ حضور,تاریخ حضور (شمسی),تاریخ گذراندن,تاریخ گذراندن (شمسی),نمره,شماره گواهی,تاریخ انصراف,تاریخ انصراف (شمسی)',
    courses: 'شناسه,عنوان دوره,موضوع,ساعت,برگزارکننده,تاریخ شروع,تاریخ شروع (شمسی),تاریخ پایان,تاریخ پایان (شمسی),ظرفیت,مخاطب,الزامی برای',
    'shift-patterns': 'شناسه,خدمت,نام شیفت,ساعت شروع,ساعت پایان,تعداد لازم,تاریخ اجرا,تاریخ اجرا (شمسی),تاریخ لغو,تاریخ لغو (شمسی)',
    workshops: 'شناسه,موضوع,عنوان,تاریخ برگزاری,تاریخ برگزاری (شمسی),مرکز,محل برگزاری,مجری,مدت (ساعت),زن,مرد,یادداشت',
  };
  for (const [kind, head] of Object.entries(heads)) {
    const r = await from.cli(['--lang', 'fa', 'export', kind]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0], kind).toBe(`\ufeff${head}`);
    const file = from.file(`fa-${kind}.csv`, r.stdout);
    expect(await from.json(['import', kind, file]), kind).toMatchObject({
      inserted: 0,
      updated: 0,
      rejected: 0,
      unchanged: lines.length - 2,
    });
  }
});

test('exports write the enrolments of a course places first, then the waiting list in order, with Jalali twins', async () => {
  const r = await from.cli(['export', 'enrolments', '--from', '1405/08/01', '--to', '1405/08/03']);
  expect(r.code).toBe(0);
  const rows = r.stdout
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));
  // id, course, course-title, staff, client, national-code, first, last, status, waiting-position, requested-on, requested-on-jalali, enrolled-on, enrolled-on-jalali, ...
  expect(rows.map((c) => [c[3], c[8], c[9], c[11], c[13]])).toEqual([
    ['KRJ01:1', 'completed', '', '1405/08/01', '1405/08/01'],
    ['KRJ01:3', 'completed', '', '1405/08/01', '1405/08/01'],
    ['KRJ01:5', 'enrolled', '', '1405/08/02', '1405/08/11'],
    ['KRJ01:2', 'waiting', '1', '1405/08/03', ''],
    ['KRJ01:4', 'dropped', '', '1405/08/01', '1405/08/01'],
  ]);
});
