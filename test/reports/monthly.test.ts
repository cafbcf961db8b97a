/**
 * A simulated office (four months of clients, cases, services and follow-ups
 * written day by day through the domain) and its monthly, previous-month,
 * year-to-date, year and range figures checked against counts the test makes
 * itself from what it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, comparisonFigures, expectedFigures, jd, seeded } from './oracle.js';
import { TestOffice, type CaseRecord, type FollowupRecord } from './fixture.js';

const TODAY = '2026-11-25'; // 1405/09/04
const TYPES = [
  'crisis-intervention',
  'mobile-team',
  'hotline-call',
  'social-work',
  'psychology',
  'legal',
  'referral',
  'follow-up',
  'workshop',
];
const CATEGORIES = [
  'family-dispute',
  'child-abuse',
  'spouse-abuse',
  'suicide',
  'runaway',
  'neglectful-guardian',
  'elder-abuse',
  'divorce',
  'social-harm',
  'other',
];
const CHANNELS = ['hotline', 'mobile-team', 'center', 'base', 'referral'];
const REASONS = ['resolved', 'referred', 'unreachable', 'moved', 'other'];

let o: TestOffice;
const names = { centers: new Map<number, string>(), workers: new Map<number, string>() };

function simulate(): void {
  const rnd = seeded(1405);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const centers = [o.center('مرکز مداخله در بحران کرج'), o.center('پایگاه خدمات اجتماعی مهرشهر')];
  names.centers.set(centers[0] as number, 'مرکز مداخله در بحران کرج');
  names.centers.set(centers[1] as number, 'پایگاه خدمات اجتماعی مهرشهر');
  const workers = [
    ['سارا', 'کریمی'],
    ['علی', 'رضایی'],
    ['نرگس', 'محمدی'],
  ].map(([f, l]) => {
    const id = o.worker(f as string, l as string);
    names.workers.set(id, `${f} ${l}`);
    return id;
  });
  const clients: number[] = [];
  const open: CaseRecord[] = [];
  const closed: CaseRecord[] = [];
  const scheduled: FollowupRecord[] = [];
  o.batch(() => {
    for (let day = jd(1405, 5, 1); day <= TODAY; day = addDaysIso(day, 1)) {
      if (rnd() < 0.35) {
        const r = rnd();
        // Ages near every boundary: 17, 18, 59, 60 and far from them; some unknown.
        const birth = r < 0.15 ? null : addDaysIso(day, -Math.floor((pick([5, 17.99, 18.01, 30, 59.98, 60.02, 75]) as number) * 365.25));
        clients.push(
          o.client({ registered: day, sex: pick(['female', 'male', null]), birth, informal: rnd() < 0.3, womanHead: rnd() < 0.2 }),
        );
      }
      if (rnd() < 0.55) {
        const category = pick(CATEGORIES);
        const extra = rnd() < 0.4 ? [pick(CATEGORIES.filter((c) => c !== category))] : [];
        const c = o.openCase({
          opened: day,
          category,
          categories: extra,
          channel: pick(CHANNELS),
          center: pick([...centers, null]),
          worker: pick([...workers, null]),
          // Some cases are a registered client's (a report narrowed to a center counts its clients).
          ...(clients.length > 0 && rnd() < 0.5 ? { client: pick(clients) } : {}),
        });
        open.push(c);
        for (let k = rnd() < 0.5 ? 1 : 2; k > 0; k--) scheduled.push(o.followup(c, addDaysIso(day, 3 + Math.floor(rnd() * 40))));
      }
      for (const c of [...open]) {
        // Most services are given by the case's worker (the default); some by a colleague.
        if (rnd() < 0.2) o.service({ date: day, type: pick(TYPES), case: c, ...(rnd() < 0.25 ? { worker: pick(workers) } : {}) });
        if (rnd() < 0.05) {
          o.close(c, day, pick(REASONS));
          open.splice(open.indexOf(c), 1);
          closed.push(c);
        }
      }
      for (const c of [...closed]) {
        if (rnd() < 0.02) {
          o.reopen(c, day);
          closed.splice(closed.indexOf(c), 1);
          open.push(c);
        }
      }
      if (rnd() < 0.4) o.service({ date: day, type: 'hotline-call' });
      for (const f of [...scheduled]) {
        if (f.due > addDaysIso(day, 5)) continue;
        const r = rnd();
        if (r < 0.15) o.finish(f, 'done', day);
        else if (r < 0.2) o.finish(f, 'missed', day);
        else if (r < 0.22) o.finish(f, 'cancelled', day);
        else continue;
        scheduled.splice(scheduled.indexOf(f), 1);
      }
    }
  });
}

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  simulate();
});
afterAll(() => o.cleanup());

type Expected = ReturnType<typeof expectedFigures>;
const lists = (f: Expected) => ({ byCenter: f.cases.byCenter, byWorker: f.cases.byWorker, services: f.services.byWorker });
const comparison = comparisonFigures;

describe('report monthly over a simulated office', () => {
  it('wrote enough history to test anything', () => {
    expect(o.services.length).toBeGreaterThan(300);
    expect(o.cases.filter((c) => c.events.some((e) => e.kind === 'reopened')).length).toBeGreaterThan(0);
    expect(o.followups.filter((f) => f.status === 'done').length).toBeGreaterThan(5);
    expect(o.followups.filter((f) => f.status === 'missed').length).toBeGreaterThan(0);
    expect(o.followups.filter((f) => f.status === 'cancelled').length).toBeGreaterThan(0);
  });

  for (const [month, y, m] of [
    ['1405-07', 1405, 7],
    ['1405-08', 1405, 8],
    ['1405-09', 1405, 9],
  ] as const) {
    it(`matches the test's own counts for ${month}, the month before it and the year to date`, async () => {
      const r = await o.report(['monthly', '--month', month]);
      const from = jd(y, m, 1);
      const to = addDaysIso(jd(y, m + 1, 1), -1);
      const prevFrom = jd(y, m - 1, 1);
      expect(r.period).toEqual({ month, from, to, asOf: to < TODAY ? to : TODAY });
      const { services, cases, followups, clients } = r;
      expect({ services, cases, followups, clients }).toEqual(expectedFigures(o, from, to, TODAY, names));
      const p = r.previousMonth;
      expect(p.period.month).toBe(`1405-${String(m - 1).padStart(2, '0')}`);
      expect({ services: p.services, cases: p.cases, followups: p.followups, clients: p.clients }).toEqual(
        comparison(expectedFigures(o, prevFrom, addDaysIso(from, -1), TODAY, names)),
      );
      // The comparison columns' lists by center and worker are any period's own: a range report gives them.
      const prevRange = await o.report(['range', '--from', prevFrom, '--to', addDaysIso(from, -1)]);
      expect({ byCenter: prevRange.cases.byCenter, byWorker: prevRange.cases.byWorker, services: prevRange.services.byWorker }).toEqual(
        lists(expectedFigures(o, prevFrom, addDaysIso(from, -1), TODAY, names)),
      );
      const ytd = r.yearToDate;
      expect(ytd.period).toEqual({ month: null, from: jd(1405, 1, 1), to, asOf: to < TODAY ? to : TODAY });
      expect({ services: ytd.services, cases: ytd.cases, followups: ytd.followups, clients: ytd.clients }).toEqual(
        comparison(expectedFigures(o, jd(1405, 1, 1), to, TODAY, names)),
      );
    });
  }

  it('services by primary category add up to the total, "none" holding the calls without a case', async () => {
    const r = await o.report(['monthly', '--month', '1405-08']);
    const sum = Object.values(r.services.byCategory as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBe(r.services.total);
    expect(r.services.byCategory.none).toBe(
      o.services.filter((s) => s.caseId === null && s.date >= jd(1405, 8, 1) && s.date <= jd(1405, 8, 30)).length,
    );
    expect(r.services.byCategory.none).toBeGreaterThan(0);
  });

  it('the year report has the monthly figures as its months and the whole year as its total', async () => {
    const year = await o.report(['year', '--year', '1405']);
    expect(year.months).toHaveLength(12);
    const aban = await o.report(['monthly', '--month', '1405-08']);
    const { office: _o, scope: _sc, previousMonth: _p, yearToDate: _y, people: _people, ...abanFigures } = aban;
    expect(year.months[7]).toEqual(abanFigures);
    const range = await o.report(['range', '--from', '1405/01/01', '--to', '1405/12/29']);
    const { office: _r, scope: _s, ...rangeFigures } = range;
    expect(year.total).toEqual(rangeFigures);
    expect(year.total.services.total).toBe(o.services.length);
  });

  it('a range report counts exactly the days given', async () => {
    const from = jd(1405, 7, 10);
    const to = jd(1405, 8, 20);
    const r = await o.report(['range', '--from', '1405/07/10', '--to', '1405-08-20']);
    expect(r.period).toEqual({ month: null, from, to, asOf: to });
    const { services, cases, followups, clients } = r;
    expect({ services, cases, followups, clients }).toEqual(expectedFigures(o, from, to, TODAY, names));
  });
});

/** The test's own records of one center's or one worker's work (as src/store/report-counts/measures.ts scopes them). */
function narrowed(kind: 'center' | 'worker', id: number) {
  const cases = o.cases.filter((c) => (kind === 'center' ? c.centerId : c.workerId) === id);
  const caseIds = new Set(cases.map((c) => c.id));
  const clientIds = new Set(cases.map((c) => c.clientId ?? null).filter((x) => x !== null));
  return {
    cases,
    services: o.services.filter((s) => (kind === 'center' ? s.caseId !== null && caseIds.has(s.caseId) : (s.workerId ?? null) === id)),
    followups: o.followups.filter((f) => (kind === 'center' ? caseIds.has(f.caseId) : (f.workerId ?? null) === id)),
    clients: o.clients.filter((c) => clientIds.has(c.id)),
  };
}

describe('report monthly | year | range --center / --worker', () => {
  for (const kind of ['center', 'worker'] as const) {
    it(`--${kind}: every figure is that ${kind}'s work alone, counted by the test from its own records`, async () => {
      const ids = [...(kind === 'center' ? names.centers : names.workers).keys()];
      expect(ids.length).toBeGreaterThan(1);
      const month = '1405-08';
      const from = jd(1405, 8, 1);
      const to = jd(1405, 8, 30);
      let services = 0;
      for (const id of ids) {
        const r = await o.report(['monthly', '--month', month, `--${kind}`, String(id)]);
        const mine = narrowed(kind, id);
        const name = (kind === 'center' ? names.centers : names.workers).get(id);
        expect(r.scope).toEqual({ kind, id, name });
        expect(r.people).toBeUndefined();
        expect({ services: r.services, cases: r.cases, followups: r.followups, clients: r.clients }).toEqual(
          expectedFigures(mine, from, to, TODAY, names, o.cases),
        );
        const p = r.previousMonth;
        expect({ services: p.services, cases: p.cases, followups: p.followups, clients: p.clients }).toEqual(
          comparison(expectedFigures(mine, jd(1405, 7, 1), addDaysIso(from, -1), TODAY, names, o.cases)),
        );
        const ytd = r.yearToDate;
        expect({ services: ytd.services, cases: ytd.cases, followups: ytd.followups, clients: ytd.clients }).toEqual(
          comparison(expectedFigures(mine, jd(1405, 1, 1), to, TODAY, names, o.cases)),
        );
        // The same by name; and a year's total is the whole year's range, narrowed the same way.
        expect(await o.report(['monthly', '--month', month, `--${kind}`, name as string])).toEqual(r);
        const year = await o.report(['year', '--year', '1405', `--${kind}`, String(id)]);
        const range = await o.report(['range', '--from', '1405/01/01', '--to', '1405/12/29', `--${kind}`, String(id)]);
        const { office: _o, scope, ...rangeFigures } = range;
        expect(scope).toEqual({ kind, id, name });
        expect(year.total).toEqual(rangeFigures);
        services += r.services.total;
      }
      // Something was counted, and (a worker's services, or a center's cases' ones) never more than the office's.
      const whole = await o.report(['monthly', '--month', month]);
      expect(services).toBeGreaterThan(0);
      expect(services).toBeLessThanOrEqual(whole.services.total);
      expect(whole.scope).toBeNull();
    });
  }

  it('the figures of the whole office are unchanged by a narrowed report before them (temp tables only)', async () => {
    const before = await o.report(['monthly', '--month', '1405-08']);
    await o.report(['monthly', '--month', '1405-08', '--worker', String([...names.workers.keys()][0])]);
    expect(await o.report(['monthly', '--month', '1405-08'])).toEqual(before);
    const check = await o.cli(['db', 'check', '--json']);
    expect(check.code).toBe(0);
  });

  it('refuses both at once, a roll-up, and a center or worker the office does not have (exit 2 and 3, nothing printed)', async () => {
    const both = await o.cli(['report', 'monthly', '--center', '1', '--worker', '1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--center or --worker, not both/);
    const rollup = await o.cli(['--db', o.path, '--db', o.path, 'report', 'monthly', '--center', '1']);
    expect(rollup.code).toBe(2);
    const missing = await o.cli(['report', 'monthly', '--worker', '999']);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    const name = await o.cli(['report', 'monthly', '--center', 'مرکزی که نیست']);
    expect(name.code).toBe(3);
    expect(name.stderr).not.toContain('مرکزی که نیست');
  });

  it('--redact names the worker a report is narrowed to by pseudonym, never by name', async () => {
    const [id, name] = [...names.workers][0] as [number, string];
    const r = await o.report(['monthly', '--month', '1405-08', '--worker', String(id), '--redact']);
    expect(r.scope.kind).toBe('worker');
    expect(r.scope.id).toBe(id);
    expect(r.scope.name).not.toBe(name);
    expect(JSON.stringify(r)).not.toContain(name);
  });

  it('the terminal and HTML reports say whose work they show, and list services by worker', async () => {
    const id = [...names.workers.keys()][0] as number;
    const name = names.workers.get(id) as string;
    const text = await o.cli(['report', 'monthly', '--month', '1405-08', '--worker', String(id)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`only the work of ${name}`);
    expect(text.stdout).toContain('Services by worker');
    const fa = await o.cli(['report', 'monthly', '--month', '1405-08', '--center', '1', '--lang', 'fa', '--format', 'html', '--out', '-']);
    expect(fa.code).toBe(0);
    expect(fa.stdout).toContain('فقط کار مرکز');
    expect(fa.stdout).toContain('خدمات به تفکیک کارشناس');
  });
});
