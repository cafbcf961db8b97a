/**
 * The activity figures of one or more periods, read in one pass per measure.
 * Every code of a catalogue is a key of its breakdown (zeros included), so the
 * keys of the JSON never change from one month to the next.
 */
import {
  countCasesOpened, countClientsRegistered, countClosings, countFollowupsDue, countOpenCases, countOverdueFollowups,
  countReopened, countServices, selectCenterNames, selectStaffNames, type CaseGroupRow, type ReportBucket,
} from '../../store/reports.js';
import type { Db } from '../../store/database.js';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, SERVICE_TYPES, codesOf, type Catalogue, type Category, type Channel, type CloseReason, type ServiceType } from '../codes.js';
import { ageCutoffs, toBucket, type Period } from './period.js';

export interface ServiceFigures {
  total: number;
  byType: Record<ServiceType, number>;
  byChannel: Record<Channel, number>;
  /** By the primary category of the service's case; `none` for services logged without a case. Sums to total. */
  byCategory: Record<Category | 'none', number>;
  /** Once per category the service's case carries: a service of a case with two categories counts under both. */
  byAnyCategory: Record<Category, number>;
}

export interface CaseloadEntry {
  /** null: cases with no center (or nobody assigned). */
  id: number | null;
  name: string | null;
  opened: number;
  openAtEnd: number;
}

export interface CaseFigures {
  opened: number;
  /** Closings in the period: a case closed, reopened and closed again counts twice. */
  closed: number;
  closedByReason: Record<CloseReason, number>;
  reopened: number;
  openAtEnd: number;
  /** Median of the days from opening to each closing in the period; null when nothing closed. */
  medianDaysToClose: number | null;
  byCenter: CaseloadEntry[];
  byWorker: CaseloadEntry[];
}

export interface FollowupFigures {
  /** Due in the period and not cancelled: doneOnTime + doneLate + missed + pending. */
  due: number;
  doneOnTime: number;
  doneLate: number;
  done: number;
  missed: number;
  /** Due in the period and still scheduled. */
  pending: number;
  /** Due in the period and cancelled (not counted in due). */
  cancelled: number;
  overdueAtEnd: number;
}

export interface ClientFigures {
  registered: number;
  bySex: { female: number; male: number; unknown: number };
  byAgeGroup: { child: number; adult: number; elderly: number; unknown: number };
  informalSettlement: number;
  womanHead: number;
}

export interface Figures {
  period: Period;
  services: ServiceFigures;
  cases: CaseFigures;
  followups: FollowupFigures;
  clients: ClientFigures;
}

/**
 * Counts before they become figures: what a roll-up adds across offices
 * (a median cannot be added, its histogram can).
 */
export interface Tally {
  period: Period;
  services: Record<'type' | 'channel' | 'category' | 'any-category', Map<string, number>>;
  opened: Map<string, number>;
  openAtEnd: Map<string, number>;
  closedByReason: Map<string, number>;
  closeDays: Map<number, number>;
  reopened: number;
  followups: Omit<FollowupFigures, 'done' | 'overdueAtEnd'>;
  overdueAtEnd: number;
  clients: Omit<ClientFigures, 'bySex' | 'byAgeGroup'> & { female: number; male: number; child: number; adult: number; elderly: number };
  centerNames: Map<number, string>;
  staffNames: Map<number, string>;
  /** False for a sum of offices: their centers and workers are not comparable. */
  hasGroups: boolean;
}

const add = <K>(m: Map<K, number>, k: K, n: number): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};
const groupKey = (centerId: number | null, workerId: number | null): string => `${centerId ?? ''}:${workerId ?? ''}`;

/** Reads the counts of every period from one database, inside the caller's snapshot. */
export function tallyPeriods(db: Db, periods: readonly Period[], today: string): Tally[] {
  const buckets: ReportBucket[] = periods.map((p) => toBucket(p, today));
  const tallies: Tally[] = periods.map((period) => ({
    period,
    services: { type: new Map(), channel: new Map(), category: new Map(), 'any-category': new Map() },
    opened: new Map(),
    openAtEnd: new Map(),
    closedByReason: new Map(),
    closeDays: new Map(),
    reopened: 0,
    followups: { due: 0, doneOnTime: 0, doneLate: 0, missed: 0, pending: 0, cancelled: 0 },
    overdueAtEnd: 0,
    clients: { registered: 0, female: 0, male: 0, child: 0, adult: 0, elderly: 0, informalSettlement: 0, womanHead: 0 },
    centerNames: new Map(),
    staffNames: new Map(),
    hasGroups: true,
  }));
  if (periods.length === 0) return tallies;
  const at = (bucket: number): Tally => tallies[bucket] as Tally;

  for (const r of countServices(db, buckets)) add(at(r.bucket).services[r.dimension], r.code, r.n);
  const addGroups = (rows: CaseGroupRow[], pick: (t: Tally) => Map<string, number>): void => {
    for (const r of rows) add(pick(at(r.bucket)), groupKey(r.centerId, r.workerId), r.n);
  };
  addGroups(countCasesOpened(db, buckets), (t) => t.opened);
  addGroups(countOpenCases(db, buckets), (t) => t.openAtEnd);
  for (const r of countClosings(db, buckets)) {
    add(at(r.bucket).closedByReason, r.reason ?? 'other', r.n);
    add(at(r.bucket).closeDays, r.days, r.n);
  }
  for (const r of countReopened(db, buckets)) at(r.bucket).reopened = r.n;
  for (const { bucket, all, ...counts } of countFollowupsDue(db, buckets)) at(bucket).followups = { due: all - counts.cancelled, ...counts };
  for (const r of countOverdueFollowups(db, buckets)) at(r.bucket).overdueAtEnd = r.n;
  const from = buckets.reduce((m, b) => (b.from < m ? b.from : m), (buckets[0] as ReportBucket).from);
  const to = buckets.reduce((m, b) => (b.to > m ? b.to : m), (buckets[0] as ReportBucket).to);
  for (const { bucket, ...counts } of countClientsRegistered(db, buckets, ageCutoffs(from, to))) at(bucket).clients = counts;

  const centerNames = new Map(selectCenterNames(db).map((c) => [c.id, c.name]));
  const workerIds = new Set<number>();
  for (const t of tallies) {
    for (const m of [t.opened, t.openAtEnd]) {
      for (const k of m.keys()) {
        const w = k.split(':')[1];
        if (w !== undefined && w !== '') workerIds.add(Number(w));
      }
    }
  }
  const staffNames = new Map(selectStaffNames(db, [...workerIds]).map((s) => [s.id, s.name]));
  for (const t of tallies) {
    t.centerNames = centerNames;
    t.staffNames = staffNames;
  }
  return tallies;
}

/** Adds several offices' tallies of the same period. Centers and workers are each office's own: the sum has none. */
export function addTallies(period: Period, tallies: readonly Tally[]): Tally {
  const sum: Tally = {
    period,
    services: { type: new Map(), channel: new Map(), category: new Map(), 'any-category': new Map() },
    opened: new Map(),
    openAtEnd: new Map(),
    closedByReason: new Map(),
    closeDays: new Map(),
    reopened: 0,
    followups: { due: 0, doneOnTime: 0, doneLate: 0, missed: 0, pending: 0, cancelled: 0 },
    overdueAtEnd: 0,
    clients: { registered: 0, female: 0, male: 0, child: 0, adult: 0, elderly: 0, informalSettlement: 0, womanHead: 0 },
    centerNames: new Map(),
    staffNames: new Map(),
    hasGroups: false,
  };
  const merge = <K>(into: Map<K, number>, from: Map<K, number>): void => {
    for (const [k, n] of from) add(into, k, n);
  };
  for (const t of tallies) {
    for (const d of ['type', 'channel', 'category', 'any-category'] as const) merge(sum.services[d], t.services[d]);
    // Only the totals survive: every group of another office becomes "no center, nobody".
    for (const [, n] of t.opened) add(sum.opened, groupKey(null, null), n);
    for (const [, n] of t.openAtEnd) add(sum.openAtEnd, groupKey(null, null), n);
    merge(sum.closedByReason, t.closedByReason);
    merge(sum.closeDays, t.closeDays);
    sum.reopened += t.reopened;
    sum.overdueAtEnd += t.overdueAtEnd;
    for (const k of Object.keys(sum.followups) as (keyof Tally['followups'])[]) sum.followups[k] += t.followups[k];
    for (const k of Object.keys(sum.clients) as (keyof Tally['clients'])[]) sum.clients[k] += t.clients[k];
  }
  return sum;
}

function byCode<C extends string>(cat: Catalogue<C>, counts: Map<string, number>, extra: readonly string[] = []): Record<C, number> {
  const out: Record<string, number> = {};
  for (const code of [...codesOf(cat), ...extra]) out[code] = counts.get(code) ?? 0;
  // A code the catalogue does not know (an old file, an import) keeps its own key, so the parts still add up.
  for (const [code, n] of counts) if (!(code in out)) out[code] = n;
  return out as Record<C, number>;
}

const sumOf = (m: Map<unknown, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** The middle value (the mean of the two middle ones for an even count), from a histogram. */
export function medianOf(histogram: Map<number, number>): number | null {
  const total = sumOf(histogram);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen > rank) return value;
    }
    return (sorted[sorted.length - 1] as [number, number])[0];
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

function caseload(t: Tally, side: 'center' | 'worker'): CaseloadEntry[] {
  const entries = new Map<number | null, CaseloadEntry>();
  const names = side === 'center' ? t.centerNames : t.staffNames;
  const entry = (key: string): CaseloadEntry => {
    const [c = '', w = ''] = key.split(':');
    const raw = side === 'center' ? c : w;
    const id = raw === '' ? null : Number(raw);
    let e = entries.get(id);
    if (e === undefined) {
      e = { id, name: id === null ? null : (names.get(id) ?? null), opened: 0, openAtEnd: 0 };
      entries.set(id, e);
    }
    return e;
  };
  for (const [k, n] of t.opened) entry(k).opened += n;
  for (const [k, n] of t.openAtEnd) entry(k).openAtEnd += n;
  return [...entries.values()]
    .filter((e) => e.opened !== 0 || e.openAtEnd !== 0)
    .sort((a, b) => b.openAtEnd - a.openAtEnd || b.opened - a.opened || (a.id ?? Infinity) - (b.id ?? Infinity));
}

export function toFigures(t: Tally): Figures {
  const s = t.services;
  const f = t.followups;
  const c = t.clients;
  return {
    period: t.period,
    services: {
      total: sumOf(s.type),
      byType: byCode(SERVICE_TYPES, s.type),
      byChannel: byCode(CHANNELS, s.channel),
      byCategory: byCode(CATEGORIES, s.category, ['none']) as Record<Category | 'none', number>,
      byAnyCategory: byCode(CATEGORIES, s['any-category']),
    },
    cases: {
      opened: sumOf(t.opened),
      closed: sumOf(t.closedByReason),
      closedByReason: byCode(CLOSE_REASONS, t.closedByReason),
      reopened: t.reopened,
      openAtEnd: sumOf(t.openAtEnd),
      medianDaysToClose: medianOf(t.closeDays),
      byCenter: t.hasGroups ? caseload(t, 'center') : [],
      byWorker: t.hasGroups ? caseload(t, 'worker') : [],
    },
    followups: {
      due: f.due,
      doneOnTime: f.doneOnTime,
      doneLate: f.doneLate,
      done: f.doneOnTime + f.doneLate,
      missed: f.missed,
      pending: f.pending,
      cancelled: f.cancelled,
      overdueAtEnd: t.overdueAtEnd,
    },
    clients: {
      registered: c.registered,
      bySex: { female: c.female, male: c.male, unknown: c.registered - c.female - c.male },
      byAgeGroup: { child: c.child, adult: c.adult, elderly: c.elderly, unknown: c.registered - c.child - c.adult - c.elderly },
      informalSettlement: c.informalSettlement,
      womanHead: c.womanHead,
    },
  };
}
