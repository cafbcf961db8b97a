/**
 * The report's expected figures, counted by the test from its own record of
 * what it wrote, with date-fns-jalali (not src/lang/dates.ts) for the calendar.
 */
import { newDate } from 'date-fns-jalali/newDate';
import { getYear } from 'date-fns-jalali/getYear';
import { getMonth } from 'date-fns-jalali/getMonth';
import { getDate } from 'date-fns-jalali/getDate';
import { getDaysInMonth } from 'date-fns-jalali/getDaysInMonth';
import { count, openAt, type CaseRecord, type TestOffice } from './fixture.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** ISO date of a Jalali date. */
export const jd = (y: number, m: number, d: number): string => isoOf(newDate(y, m - 1, d));

function local(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

export function jalaliOf(iso: string): { y: number; m: number; d: number } {
  const x = local(iso);
  return { y: getYear(x), m: getMonth(x) + 1, d: getDate(x) };
}

export function monthBounds(y: number, m: number): { from: string; to: string } {
  const first = newDate(y, m - 1, 1);
  return { from: isoOf(first), to: jd(y, m, getDaysInMonth(first)) };
}

export function addDaysIso(iso: string, n: number): string {
  const x = local(iso);
  x.setDate(x.getDate() + n);
  return isoOf(x);
}

export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Age in whole years on `on`, by Jalali birthdays. */
export function jalaliAge(birth: string, on: string): number {
  const b = jalaliOf(birth);
  const o = jalaliOf(on);
  return o.y - b.y - (o.m > b.m || (o.m === b.m && o.d >= b.d) ? 0 : 1);
}

const SERVICE_TYPES = [
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
const CHANNELS = ['hotline', 'mobile-team', 'center', 'base', 'referral'];
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
const REASONS = ['resolved', 'referred', 'unreachable', 'moved', 'other'];

function tally(keys: string[], values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The figures of one period (`from`..`to`), as the README defines them, for an office whose "today" is `today`. */
export function expectedFigures(
  o: Pick<TestOffice, 'cases' | 'services' | 'followups' | 'clients'>,
  from: string,
  to: string,
  today: string,
  names: { centers: Map<number, string>; workers: Map<number, string> },
  /** Every case, for the categories of the services counted (a worker's services may be on others' cases). */
  allCases: readonly CaseRecord[] = o.cases,
) {
  const inRange = (d: string | null): boolean => d !== null && d >= from && d <= to;
  const asOf = to < today ? to : today;
  // Overdue at the end of `to` once that day has passed; in a running period, now: due before today and
  // not done or missed by now (today's settlements count).
  const ended = to < today;
  const dueBefore = ended ? addDaysIso(to, 1) : today;
  const settledThrough = ended ? to : today;
  const caseOf = new Map(allCases.map((c) => [c.id, c]));

  // A voided service leaves every count.
  const services = o.services.filter((s) => s.voided !== true && inRange(s.date));
  const closings = o.cases.flatMap((c) => c.events.filter((e) => e.kind === 'closed' && inRange(e.on)).map((e) => ({ c, e })));
  const opened = o.cases.filter((c) => inRange(c.opened));
  const openAtEnd = o.cases.filter((c) => openAt(c, asOf));

  const groups = (pick: (c: (typeof o.cases)[number]) => number | null, nameOf: Map<number, string>) => {
    const ids = new Set<number | null>([...opened, ...openAtEnd].map(pick));
    return [...ids]
      .map((id) => ({
        id,
        name: id === null ? null : (nameOf.get(id) ?? null),
        opened: count(opened, (c) => pick(c) === id),
        openAtEnd: count(openAtEnd, (c) => pick(c) === id),
      }))
      .sort((a, b) => b.openAtEnd - a.openAtEnd || b.opened - a.opened || (a.id ?? Infinity) - (b.id ?? Infinity));
  };

  const due = o.followups.filter((f) => inRange(f.due));
  const live = due.filter((f) => f.status !== 'cancelled');
  const doneOnTime = count(live, (f) => f.status === 'done' && (f.on as string) <= f.due);
  const doneLate = count(live, (f) => f.status === 'done' && (f.on as string) > f.due);

  // A client merged into another is the same person: counted once, as the record kept.
  const clients = o.clients.filter((c) => c.mergedInto === undefined && inRange(c.registered));
  const ageGroup = (c: (typeof clients)[number]): string => {
    if (c.birth === null || c.birth > c.registered) return 'unknown';
    const age = jalaliAge(c.birth, c.registered);
    return age < 18 ? 'child' : age < 60 ? 'adult' : 'elderly';
  };

  return {
    services: {
      total: services.length,
      byType: tally(
        SERVICE_TYPES,
        services.map((s) => s.type),
      ),
      byChannel: tally(
        CHANNELS,
        services.map((s) => s.channel),
      ),
      byCategory: tally(
        [...CATEGORIES, 'none'],
        services.map((s) => (s.caseId === null ? 'none' : (caseOf.get(s.caseId) as { category: string }).category)),
      ),
      byAnyCategory: tally(
        CATEGORIES,
        services.flatMap((s) => (s.caseId === null ? [] : (caseOf.get(s.caseId) as { categories: string[] }).categories)),
      ),
      byTypeAndCategory: Object.fromEntries(
        SERVICE_TYPES.map((type) => [
          type,
          tally(
            [...CATEGORIES, 'none'],
            services
              .filter((s) => s.type === type)
              .map((s) => (s.caseId === null ? 'none' : (caseOf.get(s.caseId) as { category: string }).category)),
          ),
        ]),
      ),
      byWorker: [...new Set(services.map((s) => s.workerId ?? null))]
        .map((id) => ({
          id,
          name: id === null ? null : (names.workers.get(id) ?? null),
          services: count(services, (s) => (s.workerId ?? null) === id),
        }))
        .sort((a, b) => b.services - a.services || (a.id ?? Infinity) - (b.id ?? Infinity)),
    },
    cases: {
      opened: opened.length,
      closed: closings.length,
      closedByReason: tally(
        REASONS,
        closings.map(({ e }) => e.reason as string),
      ),
      reopened: o.cases.reduce((n, c) => n + count(c.events, (e) => e.kind === 'reopened' && inRange(e.on)), 0),
      openAtEnd: openAtEnd.length,
      medianDaysToClose: median(closings.map(({ c, e }) => daysBetween(c.opened, e.on))),
      byCenter: groups((c) => c.centerId, names.centers),
      byWorker: groups((c) => c.workerId, names.workers),
    },
    followups: {
      due: live.length,
      doneOnTime,
      doneLate,
      done: doneOnTime + doneLate,
      missed: count(live, (f) => f.status === 'missed'),
      pending: count(live, (f) => f.status === 'scheduled'),
      cancelled: count(due, (f) => f.status === 'cancelled'),
      overdueAtEnd: count(
        o.followups,
        (f) =>
          f.due < dueBefore &&
          (f.status === 'scheduled' || ((f.status === 'done' || f.status === 'missed') && (f.on as string) > settledThrough)),
      ),
    },
    clients: {
      registered: clients.length,
      bySex: {
        female: count(clients, (c) => c.sex === 'female'),
        male: count(clients, (c) => c.sex === 'male'),
        unknown: count(clients, (c) => c.sex === null),
      },
      byAgeGroup: {
        child: count(clients, (c) => ageGroup(c) === 'child'),
        adult: count(clients, (c) => ageGroup(c) === 'adult'),
        elderly: count(clients, (c) => ageGroup(c) === 'elderly'),
        unknown: count(clients, (c) => ageGroup(c) === 'unknown'),
      },
      informalSettlement: count(clients, (c) => c.informal),
      womanHead: count(clients, (c) => c.womanHead),
    },
  };
}

/**
 * The figures of a monthly report's previous month or year to date: every figure, and no lists
 * by center or worker (the report's own period's only: docs/json.md). `report range` gives them.
 */
export function comparisonFigures(f: ReturnType<typeof expectedFigures>): ReturnType<typeof expectedFigures> {
  return { ...f, services: { ...f.services, byWorker: [] }, cases: { ...f.cases, byCenter: [], byWorker: [] } };
}

/** A small deterministic random source (tests must not depend on luck). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const AGENCIES = ['police', 'court', 'hospital', 'school', 'health', 'welfare-center', 'ngo', 'other'];

/**
 * The referral figures of one period: sent in it (by kind of agency), first answered in it,
 * and awaiting an answer at its end (sent by then, not answered by then).
 */
export function expectedReferrals(o: TestOffice, from: string, to: string, today: string) {
  const inRange = (d: string | null): boolean => d !== null && d >= from && d <= to;
  const asOf = to < today ? to : today;
  // A voided referral leaves every count.
  const referrals = o.referrals.filter((r) => r.voided !== true);
  const sent = referrals.filter((r) => inRange(r.sent));
  return {
    sent: sent.length,
    sentByAgency: tally(
      AGENCIES,
      sent.map((r) => r.to),
    ),
    answered: count(referrals, (r) => inRange(r.answered)),
    awaitingAtEnd: count(referrals, (r) => r.sent <= asOf && (r.answered === null || r.answered > asOf)),
  };
}
