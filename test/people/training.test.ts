/**
 * Courses, enrolment with capacity and a waiting list that moves up, compliance
 * with mandatory courses after a role change, certificate validity, and
 * community workshops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, oneLine, query, type TestOffice } from '../helpers/office.js';

let o: TestOffice;
const s: number[] = [];

beforeAll(async () => {
  o = await makeOffice('TRN01');
  const roles = ['social-worker', 'social-worker', 'intervener', 'psychologist', 'intervener', 'social-worker'];
  for (const [i, role] of roles.entries()) {
    s.push(
      (
        await o.json([
          'staff',
          'add',
          '--first-name',
          `فرد${i + 1}`,
          '--last-name',
          'آموزشی',
          '--role',
          role,
          '--sector',
          i % 2 ? 'ngo' : 'gov',
        ])
      ).id,
    );
  }
});
afterAll(() => o.cleanup());

const waitingList = (course: number) =>
  query<{ id: number; staff_id: number; waiting_position: number }>(
    o.db,
    `SELECT id, staff_id, waiting_position FROM enrolments WHERE course_id = ? AND status = 'waiting' ORDER BY waiting_position`,
    course,
  ).map((r) => [r.staff_id, r.waiting_position]);

describe('the waiting list', () => {
  let course: number;
  it('a full course puts people on a waiting list in order', async () => {
    course = (
      await o.json([
        'training',
        'course',
        'add',
        '--title',
        'مهارت‌های مشاوره',
        '--hours',
        '۱۲٫۵',
        '--from',
        '1405/09/10',
        '--to',
        '1405/09/12',
        '--capacity',
        '2',
      ])
    ).id;
    const r = await o.json(['training', 'enrol', '--course', String(course), '--staff', s.slice(0, 5).join(',')]);
    expect(r.map((e: any) => [e.staffId, e.status, e.waitingPosition])).toEqual([
      [s[0], 'enrolled', null],
      [s[1], 'enrolled', null],
      [s[2], 'waiting', 1],
      [s[3], 'waiting', 2],
      [s[4], 'waiting', 3],
    ]);
    const again = await o.cli(['training', 'enrol', '--course', String(course), '--staff', String(s[0])]);
    expect(again.code).toBe(4);
    expect(oneLine(again)).toMatch(/already on course/);
  });

  it('when someone with a place drops, the first in line moves up and the rest close ranks', async () => {
    const r = await o.json(['training', 'drop', '--course', String(course), '--staff', String(s[1])]);
    expect(r.enrolment).toMatchObject({ staffId: s[1], status: 'dropped', droppedOn: '2026-11-25' });
    expect(r.promoted.map((e: any) => [e.staffId, e.status, e.enrolledOn])).toEqual([[s[2], 'enrolled', '2026-11-25']]);
    expect(waitingList(course)).toEqual([
      [s[3], 1],
      [s[4], 2],
    ]);
  });

  it('when someone on the waiting list drops, nobody gets a place and the list closes ranks', async () => {
    const r = await o.json(['training', 'drop', '--course', String(course), '--staff', String(s[3])]);
    expect(r.promoted).toEqual([]);
    expect(waitingList(course)).toEqual([[s[4], 1]]);
  });

  it('asking again after dropping goes to the back of the line', async () => {
    const r = await o.json(['training', 'enrol', '--course', String(course), '--staff', String(s[1])]);
    expect(r[0]).toMatchObject({ status: 'waiting', waitingPosition: 2 });
  });

  it('a larger capacity moves people up; a capacity below the places taken is refused', async () => {
    const up = await o.json(['training', 'course', 'update', String(course), '--capacity', '3']);
    expect(up.promoted).toHaveLength(1);
    expect(waitingList(course)).toEqual([[s[1], 1]]);
    const before = dumpDb(o.db);
    const down = await o.cli(['training', 'course', 'update', String(course), '--capacity', '2']);
    expect(down.code).toBe(4);
    expect(dumpDb(o.db)).toBe(before);
    const shown = await o.json(['training', 'course', 'show', String(course)]);
    expect([shown.placesTaken, shown.waiting, shown.hours]).toEqual([3, 1, 12.5]);
  });

  it('attend and complete follow the order; completed and dropped are final', async () => {
    const e = (await o.json(['training', 'enrolments', '--course', String(course), '--staff', String(s[0])]))[0];
    expect((await o.cli(['training', 'attend', String(e.id)])).code).toBe(2); // the course starts on 1405/09/10
    const att = await o.json(['training', 'attend', String(e.id)], { PARVANDE_TODAY: '2026-12-01' });
    expect(att.status).toBe('attended');
    const done = await o.json(['training', 'complete', String(e.id), '--score', '18.5', '--certificate', 'C-۱۲', '--date', '1405/09/12'], {
      PARVANDE_TODAY: '2026-12-05',
    });
    expect(done).toMatchObject({
      status: 'completed',
      score: 18.5,
      certificateNo: 'C-12',
      completedOn: '2026-12-03',
      attendedOn: '2026-12-01',
    });
    expect((await o.cli(['training', 'drop', String(e.id)])).code).toBe(4);
    const other = (await o.json(['training', 'enrolments', '--course', String(course), '--staff', String(s[2])]))[0];
    const bad = await o.cli(['training', 'complete', String(other.id), '--score', '120'], { PARVANDE_TODAY: '2026-12-05' });
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: invalid score: expected 0 to 100');
    expect((await o.cli(['training', 'attend', '99999'])).code).toBe(3);
  });
});

describe('compliance', () => {
  it('counts the courses mandatory for the current role, and the new role after a change', async () => {
    const sw = (
      await o.json([
        'training',
        'course',
        'add',
        '--title',
        'مددکاری در بحران',
        '--hours',
        '8',
        '--from',
        '1404/06/01',
        '--mandatory-for',
        'social-worker',
      ])
    ).id;
    const iv = (
      await o.json([
        'training',
        'course',
        'add',
        '--title',
        'مداخله در خودکشی',
        '--hours',
        '16',
        '--from',
        '1405/07/01',
        '--mandatory-for',
        'مداخله‌گر',
      ])
    ).id;
    // A later run of the same course (same title after normalisation) is the one offered for enrolment.
    const iv2 = (
      await o.json([
        'training',
        'course',
        'add',
        '--title',
        'مداخله در  خودكشي',
        '--hours',
        '16',
        '--from',
        '1405/10/01',
        '--mandatory-for',
        'intervener',
      ])
    ).id;
    const x = s[5]!; // a social worker
    await o.json(['training', 'enrol', '--course', String(sw), '--staff', String(x)]);
    await o.json(['training', 'complete', '--course', String(sw), '--staff', String(x), '--date', '1404/06/20', '--certificate', 'SW-1']);
    let r = await o.json(['training', 'compliance', '--staff', String(x)]);
    expect(r.missing).toEqual([]);
    expect(r.nonCompliant).toBe(0);

    await o.json(['staff', 'update', String(x), '--role', 'intervener']);
    r = await o.json(['training', 'compliance', '--staff', String(x)]);
    expect(r.missing.map((m: any) => [m.staffId, m.role, m.courseId])).toEqual([[x, 'intervener', iv2]]);
    expect(r.nonCompliant).toBe(1);

    // Completing the earlier run satisfies the requirement.
    await o.json(['training', 'enrol', '--course', String(iv), '--staff', String(x)]);
    await o.json(['training', 'complete', '--course', String(iv), '--staff', String(x), '--date', '1405/07/03']);
    r = await o.json(['training', 'compliance', '--staff', String(x)]);
    expect(r.missing).toEqual([]);

    // Whole office: each active person on the roll against their role's mandatory titles, computed here.
    const all = await o.json(['training', 'compliance']);
    const staff = query<{ id: number; role: string }>(o.db, `SELECT id, role FROM staff WHERE active = 1`);
    const done = new Set(
      query<{ k: string }>(
        o.db,
        `SELECT e.staff_id || '|' || c.title_key AS k FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.status = 'completed'`,
      ).map((q) => q.k),
    );
    const mandatory = query<{ role: string; title_key: string }>(
      o.db,
      `SELECT DISTINCT m.role, c.title_key FROM course_mandatory_roles m JOIN courses c ON c.id = m.course_id`,
    );
    const expected = staff.flatMap((p) =>
      mandatory.filter((m) => m.role === p.role && !done.has(`${p.id}|${m.title_key}`)).map(() => p.id),
    );
    expect(all.missing.map((m: any) => m.staffId).sort()).toEqual(expected.sort());
    expect(all.staffChecked).toBe(staff.length);
  });

  it('certificates older than the validity setting are listed, the mandatory ones make a person non-compliant', async () => {
    const x = s[5]!;
    // The social-work course certificate (1404/06/20) is no longer mandatory for x (now an intervener).
    expect((await o.json(['training', 'settings'])).certificateMonths).toBe(24);
    let r = await o.json(['training', 'compliance', '--staff', String(x)]);
    expect(r.expired).toEqual([]);
    await o.json(['training', 'settings', '--certificate-months', '2']);
    r = await o.json(['training', 'compliance', '--staff', String(x)]);
    // 1404/06/20 + 2 months = 1404/08/20; 1405/07/03 + 2 months = 1405/09/03: both on or before 1405/09/04.
    expect(r.expired.map((e: any) => [e.completedOn, e.expiredOn, e.mandatory])).toEqual([
      ['2025-09-11', '2025-11-11', false],
      ['2026-09-25', '2026-11-24', true],
    ]);
    expect(r.nonCompliant).toBe(1);
    await o.json(['training', 'settings', '--certificate-months', '3']);
    r = await o.json(['training', 'compliance', '--staff', String(x)]);
    expect(r.expired.map((e: any) => e.mandatory)).toEqual([false]);
    expect(r.nonCompliant).toBe(0);
  });

  it('people who left are not checked and cannot enrol', async () => {
    const y = s[4]!;
    await o.json(['staff', 'leave', String(y)]);
    const r = await o.json(['training', 'compliance']);
    expect(r.missing.some((m: any) => m.staffId === y)).toBe(false);
    const c = (await o.json(['training', 'course', 'add', '--title', 'دوره تازه', '--hours', '4', '--from', '1405/09/20'])).id;
    expect((await o.cli(['training', 'enrol', '--course', String(c), '--staff', String(y)])).code).toBe(4);
  });
});

describe('community courses and workshops', () => {
  it('community courses enrol clients, staff courses enrol staff', async () => {
    const c = (
      await o.json([
        'training',
        'course',
        'add',
        '--title',
        'فرزندپروری',
        '--hours',
        '6',
        '--from',
        '1405/09/01',
        '--audience',
        'community',
      ])
    ).id;
    const client = await o.json(['client', 'add', '--first-name', 'لیلا', '--last-name', 'نوری']);
    expect((await o.json(['training', 'enrol', '--course', String(c), '--client', String(client.id)]))[0]).toMatchObject({
      clientId: client.id,
      staffId: null,
      status: 'enrolled',
    });
    expect((await o.cli(['training', 'enrol', '--course', String(c), '--staff', String(s[0])])).code).toBe(2);
    expect(
      (
        await o.cli([
          'training',
          'course',
          'add',
          '--title',
          'x',
          '--hours',
          '1',
          '--from',
          'today',
          '--audience',
          'community',
          '--mandatory-for',
          'admin',
        ])
      ).code,
    ).toBe(2);
  });

  it('workshops record attendees by sex; a future date is refused', async () => {
    await o.json(['training', 'workshop', 'add', '--topic', 'suicide-prevention', '--date', '1405/09/02', '--female', '23', '--male', '۹']);
    await o.json(['training', 'workshop', 'add', '--topic', 'مهارت‌های زندگی', '--date', '1405/08/15', '--female', '11', '--male', '4']);
    const w = await o.json(['training', 'workshop', 'add', '--topic', 'child-abuse-prevention', '--date', '1405/09/03', '--female', '5']);
    expect(w).toMatchObject({ attendeesFemale: 5, attendeesMale: 0 });
    expect((await o.json(['training', 'workshop', 'update', String(w.id), '--male', '2'])).attendeesMale).toBe(2);
    expect((await o.cli(['training', 'workshop', 'add', '--topic', 'life-skills', '--date', 'tomorrow'])).code).toBe(2);
    expect((await o.cli(['training', 'workshop', 'add', '--topic', 'gardening', '--date', 'today'])).code).toBe(2);
    const azar = await o.json(['training', 'workshop', 'list', '--from', '1405/09/01', '--to', '1405/09/30']);
    expect(azar.totals).toEqual({ held: 2, female: 28, male: 11, attendees: 39 });
  });
});
