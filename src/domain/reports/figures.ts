/**
 * The activity figures of a period, made from its counts (a Tally, read by
 * tally.ts). Every code of a catalogue is a key of its breakdown (zeros
 * included), so the keys of the JSON never change from one month to the next.
 */
import {
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  REFERRAL_AGENCIES,
  SERVICE_TYPES,
  codesOf,
  type Catalogue,
  type Category,
  type Channel,
  type CloseReason,
  type ReferralAgency,
  type ServiceType,
} from '../codes.js';
import type { Period } from './period.js';

export interface ServiceFigures {
  total: number;
  byType: Record<ServiceType, number>;
  byChannel: Record<Channel, number>;
  /** By the primary category of the service's case; `none` for services logged without a case. Sums to total. */
  byCategory: Record<Category | 'none', number>;
  /** Once per category the service's case carries: a service of a case with two categories counts under both. */
  byAnyCategory: Record<Category, number>;
  /** By type, then the primary category of the case (`none`: no case): each type's row sums to byType, each category's column to byCategory. */
  byTypeAndCategory: Record<ServiceType, Record<Category | 'none', number>>;
  /** Services by the worker who gave them (id null: no worker recorded), most first; the report's own period only ([] in comparisons and roll-up totals). */
  byWorker: WorkerServices[];
}

export interface WorkerServices {
  id: number | null;
  name: string | null;
  services: number;
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

export interface ReferralFigures {
  /** Referrals sent in the period. */
  sent: number;
  sentByAgency: Record<ReferralAgency, number>;
  /** Referrals whose first answer (accepted, declined or feedback) came in the period, whenever sent. */
  answered: number;
  /** Sent by the end of the period (asOf) with no answer by then. */
  awaitingAtEnd: number;
}

export interface Figures {
  period: Period;
  services: ServiceFigures;
  cases: CaseFigures;
  followups: FollowupFigures;
  clients: ClientFigures;
  referrals: ReferralFigures;
}

export const SERVICE_DIMENSIONS = ['type', 'channel', 'category', 'any-category', 'type-category'] as const;
export type ServiceDimension = (typeof SERVICE_DIMENSIONS)[number];

/** A (type, primary category) pair as one key of a tally (codes hold no tab). */
export const typeCategoryKey = (type: string, category: string): string => `${type}\t${category}`;

/** Counts by center or worker id (null: no center, nobody assigned). */
export type GroupCounts = Map<number | null, number>;

/**
 * Counts before they become figures: what a roll-up adds across offices
 * (a median cannot be added, its histogram can).
 */
export interface Tally {
  period: Period;
  /** `type-category`: keyed by typeCategoryKey. */
  services: Record<ServiceDimension, Map<string, number>>;
  /** Services by the id of the worker who gave them. */
  servicesByWorker: GroupCounts;
  opened: { center: GroupCounts; worker: GroupCounts };
  openAtEnd: { center: GroupCounts; worker: GroupCounts };
  closedByReason: Map<string, number>;
  closeDays: Map<number, number>;
  reopened: number;
  followups: Omit<FollowupFigures, 'done' | 'overdueAtEnd'>;
  overdueAtEnd: number;
  clients: Omit<ClientFigures, 'bySex' | 'byAgeGroup'> & { female: number; male: number; child: number; adult: number; elderly: number };
  /** By kind of agency: sent and first answered in the period. */
  referrals: { sent: Map<string, number>; answered: Map<string, number> };
  referralsAwaitingAtEnd: number;
  centerNames: Map<number, string>;
  staffNames: Map<number, string>;
  /** False for a sum of offices: their centers and workers are not comparable. */
  hasGroups: boolean;
}

export function emptyTally(period: Period, hasGroups: boolean): Tally {
  return {
    period,
    services: { type: new Map(), channel: new Map(), category: new Map(), 'any-category': new Map(), 'type-category': new Map() },
    servicesByWorker: new Map(),
    opened: { center: new Map(), worker: new Map() },
    openAtEnd: { center: new Map(), worker: new Map() },
    closedByReason: new Map(),
    closeDays: new Map(),
    reopened: 0,
    followups: { due: 0, doneOnTime: 0, doneLate: 0, missed: 0, pending: 0, cancelled: 0 },
    overdueAtEnd: 0,
    clients: { registered: 0, female: 0, male: 0, child: 0, adult: 0, elderly: 0, informalSettlement: 0, womanHead: 0 },
    referrals: { sent: new Map(), answered: new Map() },
    referralsAwaitingAtEnd: 0,
    centerNames: new Map(),
    staffNames: new Map(),
    hasGroups,
  };
}

export const add = <K>(m: Map<K, number>, k: K, n: number): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

/** Adds several offices' tallies of the same period. Centers and workers are each office's own: the sum has none. */
export function addTallies(period: Period, tallies: readonly Tally[]): Tally {
  const sum = emptyTally(period, false);
  const merge = <K>(into: Map<K, number>, from: Map<K, number>): void => {
    for (const [k, n] of from) add(into, k, n);
  };
  for (const t of tallies) {
    for (const d of SERVICE_DIMENSIONS) merge(sum.services[d], t.services[d]);
    add(sum.servicesByWorker, null, sumOf(t.servicesByWorker));
    // Only the totals survive: every group of another office becomes "no center, nobody".
    for (const side of ['center', 'worker'] as const) {
      add(sum.opened[side], null, sumOf(t.opened[side]));
      add(sum.openAtEnd[side], null, sumOf(t.openAtEnd[side]));
    }
    merge(sum.closedByReason, t.closedByReason);
    merge(sum.closeDays, t.closeDays);
    sum.reopened += t.reopened;
    sum.overdueAtEnd += t.overdueAtEnd;
    for (const k of Object.keys(sum.followups) as (keyof Tally['followups'])[]) sum.followups[k] += t.followups[k];
    for (const k of Object.keys(sum.clients) as (keyof Tally['clients'])[]) sum.clients[k] += t.clients[k];
    merge(sum.referrals.sent, t.referrals.sent);
    merge(sum.referrals.answered, t.referrals.answered);
    sum.referralsAwaitingAtEnd += t.referralsAwaitingAtEnd;
  }
  return sum;
}

function byCode<C extends string>(cat: Catalogue<C>, counts: Map<string, number>, extra: readonly string[] = []): Record<C, number> {
  const out: Record<string, number> = {};
  for (const code of [...codesOf(cat), ...extra]) out[code] = counts.get(code) ?? 0;
  // A code the catalogue does not know (an old file, an import) keeps its own key, so the parts still add up.
  for (const [code, n] of counts) if (!(code in out) && n !== 0) out[code] = n;
  return out as Record<C, number>;
}

const sumOf = (m: Map<unknown, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** The middle value (the mean of the two middle ones for an even count), from a histogram. */
export function medianOf(histogram: Map<number, number>): number | null {
  const total = sumOf(histogram);
  if (total === 0) return null;
  // A native sort of numbers: a comparator function over hundreds of values costs a report's start-up.
  const values = new Float64Array(histogram.size);
  let k = 0;
  for (const [value, n] of histogram) if (n > 0) values[k++] = value;
  const sorted = values.subarray(0, k).sort();
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const value of sorted) {
      seen += histogram.get(value) as number;
      if (seen > rank) return value;
    }
    return sorted[sorted.length - 1] as number;
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

function servicesByWorker(t: Tally): WorkerServices[] {
  return [...t.servicesByWorker]
    .filter(([, n]) => n !== 0)
    .map(([id, services]) => ({ id, name: id === null ? null : (t.staffNames.get(id) ?? null), services }))
    .sort((a, b) => b.services - a.services || (a.id ?? Infinity) - (b.id ?? Infinity));
}

function caseload(t: Tally, side: 'center' | 'worker'): CaseloadEntry[] {
  const names = side === 'center' ? t.centerNames : t.staffNames;
  const entries = new Map<number | null, CaseloadEntry>();
  const entry = (id: number | null): CaseloadEntry => {
    let e = entries.get(id);
    if (e === undefined) {
      e = { id, name: id === null ? null : (names.get(id) ?? null), opened: 0, openAtEnd: 0 };
      entries.set(id, e);
    }
    return e;
  };
  for (const [id, n] of t.opened[side]) entry(id).opened += n;
  for (const [id, n] of t.openAtEnd[side]) entry(id).openAtEnd += n;
  return sortCaseload([...entries.values()].filter((e) => e.opened !== 0 || e.openAtEnd !== 0));
}

const COUNT_LIMIT = 2 ** 16;
const ID_LIMIT = 2 ** 20;

/**
 * Most open at the end first, then most opened, then by id (none last). Packed into one
 * exact number each (16 + 16 + 20 bits), the order is a native sort of numbers: a
 * comparator function costs milliseconds over a thousand workers, and a report must
 * start fast. Counts or ids too large to pack take the comparator.
 */
function sortCaseload(entries: CaseloadEntry[]): CaseloadEntry[] {
  const packable = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < COUNT_LIMIT;
  if (
    !entries.every(
      (e) => packable(e.opened) && packable(e.openAtEnd) && (e.id === null || (Number.isInteger(e.id) && e.id >= 0 && e.id < ID_LIMIT - 1)),
    )
  ) {
    return entries.sort((a, b) => b.openAtEnd - a.openAtEnd || b.opened - a.opened || (a.id ?? Infinity) - (b.id ?? Infinity));
  }
  const byKey = new Map<number, CaseloadEntry>();
  const keys = new Float64Array(entries.length);
  entries.forEach((e, i) => {
    const key = ((COUNT_LIMIT - 1 - e.openAtEnd) * COUNT_LIMIT + (COUNT_LIMIT - 1 - e.opened)) * ID_LIMIT + (e.id ?? ID_LIMIT - 1);
    keys[i] = key;
    byKey.set(key, e);
  });
  return Array.from(keys.sort(), (key) => byKey.get(key) as CaseloadEntry);
}

/** Every type a row (those byType has: a type the catalogue does not know keeps its row), every category a key. */
function byTypeAndCategory(pairs: Map<string, number>, types: Map<string, number>): ServiceFigures['byTypeAndCategory'] {
  const split = new Map<string, Map<string, number>>();
  for (const [key, n] of pairs) {
    const [type = '', category = ''] = key.split('\t');
    let m = split.get(type);
    if (m === undefined) split.set(type, (m = new Map()));
    add(m, category, n);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const type of Object.keys(byCode(SERVICE_TYPES, types))) out[type] = byCode(CATEGORIES, split.get(type) ?? new Map(), ['none']);
  return out as ServiceFigures['byTypeAndCategory'];
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
      byTypeAndCategory: byTypeAndCategory(s['type-category'], s.type),
      byWorker: t.hasGroups ? servicesByWorker(t) : [],
    },
    cases: {
      opened: sumOf(t.opened.center),
      closed: sumOf(t.closedByReason),
      closedByReason: byCode(CLOSE_REASONS, t.closedByReason),
      reopened: t.reopened,
      openAtEnd: sumOf(t.openAtEnd.center),
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
    referrals: {
      sent: sumOf(t.referrals.sent),
      sentByAgency: byCode(REFERRAL_AGENCIES, t.referrals.sent),
      answered: sumOf(t.referrals.answered),
      awaitingAtEnd: t.referralsAwaitingAtEnd,
    },
  };
}
