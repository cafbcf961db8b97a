/**
 * The people figures of the monthly report, checked against counts this test
 * keeps itself while it builds a random (seeded) office through the domain:
 * staff joining and leaving, shift patterns starting and retiring, assignments,
 * enrolments with drop-outs and completions, and workshops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import type { WriteCtx } from '../../src/domain/context.js';
import { addDays, asIsoDate, diffDays } from '../../src/lang/dates.js';
import { peopleFigures } from '../../src/domain/people/report-figures.js';
import { assignShifts } from '../../src/domain/roster/assignments.js';
import { addPattern, retirePattern } from '../../src/domain/roster/patterns.js';
import { addStaff, leaveStaff } from '../../src/domain/staff.js';
import { addCourse } from '../../src/domain/training/courses.js';
import { dropEnrolment, enrol, markCompleted } from '../../src/domain/training/enrolments.js';
import { addWorkshop } from '../../src/domain/training/workshops.js';
import { Db } from '../../src/store/database.js';
import { initOffice, tempDb } from '../helpers/cli.js';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = '2026-11-22'; // 1405/09/01
const TO = '2026-12-21'; // 1405/09/30
const TODAY = asIsoDate('2026-12-25');
const ROLES = ['social-worker', 'psychologist', 'intervener', 'admin', 'other'];
const TOPICS = [
  'life-skills',
  'domestic-violence-prevention',
  'suicide-prevention',
  'child-abuse-prevention',
  'vocational-skills',
  'other',
];

const t = tempDb();
let db: Db;
let ctx: WriteCtx;
const rnd = prng(1405);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const randomDate = (from: string, to: string): string => addDays(from, Math.floor(rnd() * (diffDays(from, to) + 1)));
const inRange = (d: string | null | undefined): boolean => d != null && d >= FROM && d <= TO;

interface Person {
  id: number;
  role: string;
  sector: string;
  start: string | null;
  left: string | null;
}
const people: Person[] = [];
const patterns: { id: number; service: string; needed: number; from: string; retired: string | null }[] = [];
const placedOn = new Map<number, string>(); // enrolment id → the day it got a place
const completions: { on: string; hours: number; audience: string }[] = [];
const workshops: { on: string; topic: string; female: number; male: number }[] = [];

const write = <T>(fn: () => T): T => db.write(fn);

beforeAll(async () => {
  await initOffice(t.db, 'FIG01');
  db = Db.open(t.db);
  ctx = { db: db.outsideTransaction(), actor: 'test', command: 'test', today: TODAY, now: () => '2026-12-25T08:00:00.000Z' };

  write(() => {
    for (let i = 0; i < 40; i++) {
      const role = pick(ROLES);
      const sector = pick(['gov', 'ngo']);
      const start = rnd() < 0.25 ? null : randomDate('2025-01-01', '2027-01-31');
      const s = addStaff(ctx, { firstName: `نفر${i}`, lastName: 'آماری', role, sector, ...(start ? { startDate: start } : {}) });
      let left: string | null = null;
      if (rnd() < 0.3) {
        const earliest = start !== null && start >= '2026-10-01' ? addDays(start, 1) : '2026-10-01';
        if (earliest <= TODAY) {
          left = randomDate(earliest, TODAY);
          leaveStaff(ctx, String(s.id), left);
        }
      }
      people.push({ id: s.id, role, sector, start, left });
    }

    const defs = [
      { service: 'hotline', name: 'morning', start: '08:00', end: '14:00', needed: 2, from: '2026-11-05', retire: null },
      { service: 'hotline', name: 'night', start: '20:00', end: '08:00', needed: 1, from: '2026-12-01', retire: null },
      { service: 'mobile-team', name: 'round', start: '08:00', end: '08:00', needed: 1, from: '2026-03-21', retire: '2026-12-16' },
      { service: 'center', name: 'day', start: '08:00', end: '16:00', needed: 3, from: '2026-11-22', retire: null },
    ];
    for (const d of defs) {
      const p = addPattern(ctx, { service: d.service, name: d.name, start: d.start, end: d.end, needed: d.needed, from: d.from });
      if (d.retire) retirePattern(ctx, String(p.id), d.retire);
      patterns.push({ id: p.id, service: d.service, needed: d.needed, from: d.from, retired: d.retire });
    }
    for (let day = addDays(FROM, -3); day <= addDays(TO, 3); day = addDays(day, 1)) {
      for (const p of patterns) {
        const n = Math.floor(rnd() * (p.needed + 2));
        for (let k = 0; k < n; k++) {
          try {
            assignShifts(ctx, { staff: String(pick(people).id), pattern: String(p.id), date: day, skipConflicts: true });
          } catch (err) {
            if (!(err instanceof ConflictError)) throw err;
          }
        }
      }
    }

    for (let c = 0; c < 5; c++) {
      const audience = c === 4 ? 'community' : 'staff';
      const start = randomDate('2026-10-15', '2026-12-15');
      const hours = pick([4, 8, 12.5, 16]);
      const course = addCourse(ctx, { title: `دوره ${c}`, hours, from: start, to: addDays(start, 2), capacity: 3 + c, audience });
      const ids: number[] = [];
      if (audience === 'community') continue;
      for (const p of people) {
        const requested = randomDate(addDays(start, -20), addDays(start, 5));
        const works = (p.start === null || p.start <= requested) && (p.left === null || requested < p.left);
        if (!works || requested > TODAY || rnd() < 0.5) continue;
        const [e] = enrol(ctx, { course: String(course.id), staff: String(p.id), date: requested });
        ids.push(e!.id);
        if (e!.enrolledOn !== null) placedOn.set(e!.id, e!.enrolledOn);
      }
      for (const id of ids) {
        const r = rnd();
        const status = db.sqlite.prepare('SELECT status FROM enrolments WHERE id = ?').get(id) as { status: string };
        if (r < 0.25 && status.status !== 'completed') {
          const on = randomDate(addDays(start, -5), TODAY);
          const dropped = dropEnrolment(ctx, { id: String(id) }, on);
          for (const p of dropped.promoted) placedOn.set(p.id, p.enrolledOn as string);
        } else if (r < 0.8 && status.status === 'enrolled') {
          const on = randomDate(start, TODAY);
          markCompleted(ctx, { id: String(id), date: on, score: '17' });
          completions.push({ on, hours, audience });
        }
      }
    }

    for (let w = 0; w < 25; w++) {
      const on = randomDate('2026-11-01', TODAY);
      const topic = pick(TOPICS);
      const female = Math.floor(rnd() * 40);
      const male = Math.floor(rnd() * 25);
      addWorkshop(ctx, { topic, date: on, female, male });
      workshops.push({ on, topic, female, male });
    }
  });
});
afterAll(() => {
  db.close();
  t.cleanup();
});

describe('peopleFigures for Azar 1405', () => {
  it('staff on the roll at the end of the month, by role and by sector', () => {
    const f = peopleFigures(ctx, { from: FROM, to: TO });
    const onRoll = people.filter((p) => (p.start === null || p.start <= TO) && (p.left === null || p.left > TO));
    expect(onRoll.length).toBeGreaterThan(5);
    expect(onRoll.length).toBeLessThan(people.length);
    expect(f.staff.onRoll).toBe(onRoll.length);
    for (const role of ROLES) expect(f.staff.byRole[role], role).toBe(onRoll.filter((p) => p.role === role).length);
    expect(f.staff.bySector).toEqual({
      gov: onRoll.filter((p) => p.sector === 'gov').length,
      ngo: onRoll.filter((p) => p.sector === 'ngo').length,
    });
  });

  it('shifts planned, covered and uncovered by service', () => {
    const f = peopleFigures(ctx, { from: FROM, to: TO });
    const counts = new Map<string, number>();
    for (const r of db.sqlite.prepare('SELECT pattern_id AS p, shift_date AS d FROM roster_assignments').all() as {
      p: number;
      d: string;
    }[]) {
      counts.set(`${r.p}|${r.d}`, (counts.get(`${r.p}|${r.d}`) ?? 0) + 1);
    }
    const expected: Record<string, { planned: number; covered: number; uncovered: number; partlyCovered: number }> = {};
    for (const s of ['hotline', 'mobile-team', 'center', 'base']) expected[s] = { planned: 0, covered: 0, uncovered: 0, partlyCovered: 0 };
    for (let d = FROM; d <= TO; d = addDays(d, 1)) {
      for (const p of patterns) {
        if (d < p.from || (p.retired !== null && d >= p.retired)) continue;
        const e = expected[p.service]!;
        const n = counts.get(`${p.id}|${d}`) ?? 0;
        e.planned++;
        if (n >= p.needed) e.covered++;
        else {
          e.uncovered++;
          if (n > 0) e.partlyCovered++;
        }
      }
    }
    expect(expected.hotline!.planned).toBe(30 + 21);
    expect(expected['mobile-team']!.planned).toBe(24);
    expect(expected.center!.partlyCovered).toBeGreaterThan(0);
    expect(f.shifts.byService).toEqual(expected);
    const total = Object.values(expected).reduce((a, e) => a + e.planned, 0);
    expect(f.shifts.planned).toBe(total);
    expect(f.shifts.covered + f.shifts.uncovered).toBe(total);
  });

  it('training enrolments, completions and hours', () => {
    const f = peopleFigures(ctx, { from: FROM, to: TO });
    const enrolments = [...placedOn.values()].filter(inRange).length;
    const done = completions.filter((c) => inRange(c.on));
    expect(done.length).toBeGreaterThan(0);
    expect(f.training.enrolments).toBe(enrolments);
    expect(f.training.completions).toBe(done.length);
    expect(f.training.hours).toBe(done.reduce((a, c) => a + c.hours, 0));
    expect(f.training.byAudience.community).toEqual({ enrolments: 0, completions: 0, hours: 0 });
  });

  it('workshops held and people attending, by sex and topic', () => {
    const f = peopleFigures(ctx, { from: FROM, to: TO });
    const mine = workshops.filter((w) => inRange(w.on));
    const female = mine.reduce((a, w) => a + w.female, 0);
    const male = mine.reduce((a, w) => a + w.male, 0);
    expect(f.workshops.held).toBe(mine.length);
    expect(f.workshops.attendees).toEqual({ female, male, total: female + male });
    for (const topic of TOPICS) {
      const of = mine.filter((w) => w.topic === topic);
      expect(f.workshops.byTopic[topic], topic).toEqual({
        held: of.length,
        female: of.reduce((a, w) => a + w.female, 0),
        male: of.reduce((a, w) => a + w.male, 0),
      });
    }
  });

  it('an empty range gives zeros in every row', () => {
    const f = peopleFigures(ctx, { from: '2020-01-01', to: '2020-01-31' });
    expect(f.shifts.planned).toBe(0);
    expect(f.training).toEqual({
      enrolments: 0,
      completions: 0,
      hours: 0,
      byAudience: { staff: { enrolments: 0, completions: 0, hours: 0 }, community: { enrolments: 0, completions: 0, hours: 0 } },
    });
    expect(f.workshops.held).toBe(0);
    expect(Object.keys(f.staff.byRole)).toEqual(ROLES);
  });
});
