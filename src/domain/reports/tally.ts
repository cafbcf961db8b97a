/**
 * Reads the counts of one or more periods from one database, inside the caller's
 * snapshot: flows (services, openings, closings, follow-ups due, clients
 * registered) are sums over the period; states (cases open at the end, follow-ups
 * overdue) are the present state less what changed after the day they are taken at
 * (overdue: at the moment domain/overdue.ts overdueMoment makes of the period's asOf).
 * Every read is a sum of report_counts; src/store/report-counts/measures.ts declares the
 * measures (what each counts, and its code) and gives the lists and decoders used here.
 */
import {
  countScheduledBefore,
  selectCenterNames,
  selectCounts,
  selectStaffNames,
  selectStateCounts,
  type CountList,
  type CountRange,
} from '../../store/reports.js';
import type { ReadableDB } from '../../store/database.js';
import { CALENDAR_FLOWS, DAY_FLOWS, decodeClientCode, decodeGroupId, decodeServiceCode } from '../../store/report-counts/index.js';
import { addDays, asIsoDate, type IsoDate } from '../../lang/dates.js';
import { add, emptyTally, typeCategoryKey, type GroupCounts, type Tally } from './figures.js';
import { overdueMoment } from '../overdue.js';
import { countRanges, type Period } from './period.js';

/** After every day there is (ISO days are text: the last of them). */
const LAST_DAY = '9999-12-31';

const groupId = decodeGroupId;

/** `grouped[i]` false: period i's figures carry no lists by center and worker (its totals are the same). */
export function tallyPeriods(db: ReadableDB, periods: readonly Period[], today: IsoDate, grouped?: readonly boolean[]): Tally[] {
  const tallies = periods.map((p, i) => emptyTally(p, grouped?.[i] ?? true));
  if (periods.length === 0) return tallies;
  const at = (i: number): Tally => tallies[i] as Tally;

  const ranges = periods.flatMap((p, i) => countRanges(i, p.from, p.to, today));
  const days = periods.map((p, i): CountRange => ({ key: i, from: p.from, to: p.to, sign: 1 }));
  const allFollowups = periods.map(() => 0);
  const serviceCodes = new Map<string | number, ReturnType<typeof decodeServiceCode>>();
  for (const list of [...selectCounts(db, ranges, CALENDAR_FLOWS), ...selectCounts(db, days, DAY_FLOWS, true)]) {
    const t = at(list.key);
    const { codes, counts, sign } = list;
    const each = (fn: (code: string | number, n: number) => void): void => {
      for (let i = 0; i < codes.length; i++) fn(codes[i] as string | number, sign * (counts[i] as number));
    };
    switch (list.measure) {
      case 'service':
        // code: [type, channel, primary category of the case]
        each((code, n) => {
          // The same few hundred codes come back for every range: each is decoded once.
          let decoded = serviceCodes.get(code);
          if (decoded === undefined) serviceCodes.set(code, (decoded = decodeServiceCode(code)));
          const { type, channel, category } = decoded;
          add(t.services.type, type, n);
          add(t.services.channel, channel, n);
          add(t.services.category, category, n);
          add(t.services['type-category'], typeCategoryKey(type, category), n);
        });
        break;
      case 'any-category':
        each((code, n) => add(t.services['any-category'], String(code), n));
        break;
      case 'service-worker':
        each((code, n) => add(t.servicesByWorker, groupId(code), n));
        break;
      case 'opened-center':
        each((code, n) => add(t.opened.center, groupId(code), n));
        break;
      case 'opened-worker':
        each((code, n) => add(t.opened.worker, groupId(code), n));
        break;
      case 'closed':
        each((code, n) => add(t.closedByReason, String(code), n));
        break;
      case 'close-days':
        each((code, n) => add(t.closeDays, Number(code), n));
        break;
      case 'reopened':
        each((_, n) => (t.reopened += n));
        break;
      case 'followup':
        each((code, n) => {
          allFollowups[list.key] = (allFollowups[list.key] as number) + n;
          addFollowups(t, String(code), n);
        });
        break;
      case 'clients':
        each((code, n) => addClients(t, Number(code), n));
        break;
      case 'referral-sent':
        each((code, n) => add(t.referrals.sent, String(code), n));
        break;
      case 'referral-answered':
        each((code, n) => add(t.referrals.answered, String(code), n));
    }
  }
  tallies.forEach((t, i) => {
    t.followups.due = (allFollowups[i] as number) - t.followups.cancelled;
  });

  // Open at the end of asOf = open now, less the openings and reopenings since, plus the closings since.
  // Referrals awaiting an answer at the end of asOf, the same way: awaiting now, less those sent since, plus those answered since.
  const now = sumLists(selectStateCounts(db, ['open-center', 'open-worker', 'referral-awaiting']));
  const nowOpen = { center: groupCounts(now.get('open-center')), worker: groupCounts(now.get('open-worker')) };
  const awaitingNow = total(now.get('referral-awaiting'));
  const changed = sumsFrom(
    db,
    periods.map((p) => addDays(p.asOf, 1)),
    ['opened-center', 'opened-worker', 'change-center', 'change-worker', 'referral-sent', 'referral-answered'],
    today,
  );
  // Overdue at the moment of asOf (domain/overdue.ts overdueMoment: due before dueBefore and not done
  // or missed by settledThrough) = due before dueBefore and still scheduled, plus those done or missed
  // late after settledThrough (overdue-until), less those of them due from dueBefore on (done-late and
  // missed-late by due day: every one of them was settled after settledThrough too).
  const moments = periods.map((p) => overdueMoment(p.asOf, today));
  const scheduled = countScheduledBefore(
    db,
    moments.map((m) => m.dueBefore),
  );
  const settledAfter = sumsFrom(
    db,
    moments.map((m) => addDays(m.settledThrough, 1)),
    ['overdue-until'],
    today,
    false,
  );
  const dueFrom = sumsFrom(
    db,
    moments.map((m) => asIsoDate(m.dueBefore)),
    ['followup'],
    today,
    false,
  );
  tallies.forEach((t, i) => {
    const since = changed[i] as Sums;
    for (const side of ['center', 'worker'] as const) {
      const open = new Map(nowOpen[side]);
      for (const measure of [`opened-${side}`, `change-${side}`]) {
        for (const [code, n] of since.get(measure) ?? []) add(open, groupId(code), -n);
      }
      t.openAtEnd[side] = open;
    }
    t.referralsAwaitingAtEnd = awaitingNow - total(since.get('referral-sent')) + total(since.get('referral-answered'));
    const due = (code: string): number => (dueFrom[i] as Sums).get('followup')?.get(code) ?? 0;
    const until = (settledAfter[i] as Sums).get('overdue-until')?.get('') ?? 0;
    t.overdueAtEnd = (scheduled[i] as number) + until - due('done-late') - due('missed-late');
  });

  const centerNames = selectCenterNames(db);
  const workerIds = new Set<number>();
  const collect = (m: GroupCounts): void => {
    for (const id of m.keys()) if (id !== null) workerIds.add(id);
  };
  for (const t of tallies) {
    if (!t.hasGroups) continue;
    collect(t.servicesByWorker);
    collect(t.opened.worker);
    collect(t.openAtEnd.worker);
  }
  const staffNames = selectStaffNames(db, [...workerIds]);
  for (const t of tallies) {
    t.centerNames = centerNames;
    t.staffNames = staffNames;
  }
  return tallies;
}

function addFollowups(t: Tally, outcome: string, n: number): void {
  const f = t.followups;
  if (outcome === 'done-on-time') f.doneOnTime += n;
  else if (outcome === 'done-late') f.doneLate += n;
  else if (outcome === 'missed' || outcome === 'missed-late') f.missed += n;
  else if (outcome === 'scheduled') f.pending += n;
  else if (outcome === 'cancelled') f.cancelled += n;
  // 'done' without a date counts as due and in none of the classes.
}

function addClients(t: Tally, code: number, n: number): void {
  const c = t.clients;
  const { sex, age, informalSettlement, womanHead } = decodeClientCode(code);
  c.registered += n;
  if (sex === 1) c.female += n;
  else if (sex === 2) c.male += n;
  if (age === 1) c.child += n;
  else if (age === 2) c.adult += n;
  else if (age === 3) c.elderly += n;
  if (informalSettlement) c.informalSettlement += n;
  if (womanHead) c.womanHead += n;
}

const total = (byCode: Map<string | number, number> | undefined): number => {
  let n = 0;
  for (const v of byCode?.values() ?? []) n += v;
  return n;
};

/** Counts by measure, then code. */
type Sums = Map<string, Map<string | number, number>>;

function groupCounts(byCode: Map<string | number, number> | undefined): GroupCounts {
  const out: GroupCounts = new Map();
  for (const [code, n] of byCode ?? []) add(out, groupId(code), n);
  return out;
}

function addList(into: Sums, list: CountList): void {
  let m = into.get(list.measure);
  if (m === undefined) into.set(list.measure, (m = new Map()));
  const counts = m;
  list.codes.forEach((code, i) => add(counts, code, list.sign * (list.counts[i] as number)));
}

function sumLists(lists: readonly CountList[]): Sums {
  const sums: Sums = new Map();
  for (const l of lists) addList(sums, l);
  return sums;
}

/**
 * For each day, the sums of `measures` over every day from it on (with no end);
 * `leveled` false: measures kept per day only. The days are sorted and the
 * stretches between them read once each: a year of months costs twelve short
 * ranges, not twelve ever longer ones.
 */
function sumsFrom(db: ReadableDB, days: readonly IsoDate[], measures: readonly string[], today: IsoDate, leveled = true): Sums[] {
  const starts = [...new Set(days)].sort();
  const ranges: CountRange[] = starts.flatMap((from, j) => {
    const next = starts[j + 1];
    const to = next === undefined ? null : addDays(next, -1);
    return leveled ? countRanges(j, from, to, today) : [{ key: j, from, to: to ?? LAST_DAY, sign: 1 as const }];
  });
  const lists = selectCounts(db, ranges, measures, !leveled);
  // From the last stretch back: each start's sums are its own stretch's plus all the later ones'.
  const from = new Map<IsoDate, Sums>();
  const acc: Sums = new Map();
  for (let j = starts.length - 1; j >= 0; j--) {
    for (const l of lists) if (l.key === j) addList(acc, l);
    from.set(starts[j] as IsoDate, new Map([...acc].map(([k, m]) => [k, new Map(m)])));
  }
  return days.map((d) => from.get(d) ?? new Map());
}
