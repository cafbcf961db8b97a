/**
 * One case's whole life, decided when it opens: its person, channel, problems and
 * risk; who carries it; when it closes (and why), whether it is reopened; the
 * services given and the follow-ups kept, missed or left overdue by "today".
 * Its timeline (case_events) is written from the same decisions, so the status,
 * the events and the rows always agree.
 */
import {
  DEMO_OFFICE_CODE,
  type DemoCaseBundle,
  type DemoCategoryRow,
  type DemoClientRow,
  type DemoEventRow,
  type DemoServiceRow,
} from '../../store/demo.js';
import { formatCaseNumber } from '../cases.js';
import { InternalError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import type { Category, Channel, CloseReason, EventKind, Risk, ServiceType } from '../codes.js';
import { matchingKey } from '../../lang/persian.js';
import { stampOf } from './days.js';
import { makeFollowups } from './followups.js';
import { FRONTLINE_ROLES, type FrontlineRole, type GeneratorState } from './state.js';
import { RANK, type PendingEvent } from './timeline.js';
import { mobileNumber, nationalCodeFor, pickName } from './people.js';
import * as P from './proportions.js';

const DEMO_ACTOR = 'demo';

interface Period {
  from: number;
  to: number;
}

/** Which roles take a case, by how it came in. */
const ROLE_BY_CHANNEL: Readonly<Record<Channel, Readonly<Record<FrontlineRole, number>>>> = {
  hotline: { psychologist: 45, intervener: 35, 'social-worker': 20 },
  'mobile-team': { intervener: 60, 'social-worker': 25, psychologist: 15 },
  center: { intervener: 45, psychologist: 30, 'social-worker': 25 },
  base: { 'social-worker': 55, psychologist: 25, intervener: 20 },
  referral: { 'social-worker': 50, psychologist: 30, intervener: 20 },
};

function pickWorker(g: GeneratorState, channel: Channel, category: Category): number {
  const { rng, workers } = g;
  const role = category === 'suicide' && rng.chance(0.5) ? 'psychologist' : rng.weighted(ROLE_BY_CHANNEL[channel]);
  const list = workers[role].length > 0 ? workers[role] : FRONTLINE_ROLES.map((r) => workers[r]).find((l) => l.length > 0);
  if (list === undefined) throw new InternalError(t('the demo office has no active frontline staff'));
  return rng.pick(list);
}

function newClient(g: GeneratorState, category: Category, day: number): DemoClientRow {
  const { rng, fx, days } = g;
  const who = P.PERSON_BY_CATEGORY[category];
  const sex = rng.chance(who.female) ? 'female' : 'male';
  const age = rng.int(who.minAge, who.maxAge);
  const { firstName, lastName } = pickName(rng, fx, sex);
  const id = g.next.client++;
  const informal = rng.chance(P.INFORMAL_SETTLEMENT);
  const outside = rng.chance(P.OUTSIDE_COUNTY);
  const opened = days.isoOf(day);
  return {
    id,
    firstName,
    lastName,
    nameKey: matchingKey(`${firstName} ${lastName}`),
    nationalCode: rng.chance(P.HAS_NATIONAL_CODE) ? nationalCodeFor(id) : null,
    birthDate: days.isoOf(day - Math.floor(age * 365.2425) - rng.int(0, 364)),
    sex,
    mobile: age >= 14 && rng.chance(P.HAS_MOBILE) ? mobileNumber(rng) : null,
    address: informal ? rng.pick(fx.places.informalSettlements) : rng.chance(P.HAS_ADDRESS) ? rng.pick(fx.places.neighbourhoods) : null,
    county: outside ? rng.pick(fx.places.neighbouringCounties) : fx.places.county,
    informalSettlement: informal,
    womanHead: sex === 'female' && age >= 20 && rng.chance(P.WOMAN_HEAD),
    registeredOn: opened,
    at: stampOf(opened, 240 + rng.int(0, 29)),
  };
}

function pickCategories(g: GeneratorState, primary: Category): Category[] {
  const { rng } = g;
  const r = rng.next();
  const want = r < P.TWO_FURTHER_CATEGORIES ? 2 : r < P.TWO_FURTHER_CATEGORIES + P.ONE_FURTHER_CATEGORY ? 1 : 0;
  const options = [...P.FURTHER_CATEGORIES[primary]];
  const chosen: Category[] = [primary];
  while (chosen.length <= want && options.length > 0) {
    const i = rng.int(0, options.length - 1);
    chosen.push(options.splice(i, 1)[0] as Category);
  }
  return chosen;
}

function pickCenter(g: GeneratorState, channel: Channel): number | null {
  const { rng, centers } = g;
  const kinds = P.CENTER_KINDS_BY_CHANNEL[channel];
  if (kinds !== undefined) {
    const fit = centers.filter((c) => (kinds as readonly string[]).includes(c.kind));
    if (fit.length > 0) return rng.pick(fit).id;
  }
  return rng.chance(P.CENTER_FOR_OTHER_CHANNELS) ? rng.pick(centers).id : null;
}

/** Builds one case opened on `day` (a day number of the period). */
export function generateCase(g: GeneratorState, day: number): DemoCaseBundle {
  const { rng, days, fx } = g;
  const today = days.today;
  const primary = rng.weighted(P.PRIMARY_CATEGORY);
  const categories = pickCategories(g, primary);
  const mainType = rng.weighted(P.MAIN_SERVICE);
  const channel: Channel =
    mainType === 'hotline-call' ? 'hotline' : mainType === 'mobile-team' ? 'mobile-team' : rng.weighted(P.CRISIS_CHANNEL);
  const anonymous = channel === 'hotline' && rng.chance(P.ANONYMOUS_HOTLINE);
  const risk: Risk = rng.weighted(P.RISK_BY_CATEGORY[primary]);

  let client: DemoClientRow | null = null;
  let clientId: number | null = null;
  if (!anonymous) {
    const pool = g.recentClients.get(primary);
    if (pool !== undefined && pool.length > 0 && rng.chance(P.RETURNING_CLIENT)) clientId = rng.pick(pool);
    else {
      client = newClient(g, primary, day);
      clientId = client.id;
    }
  }
  const centerId = pickCenter(g, channel);

  // When it closes, whether it is reopened, and whether it is closed again by today.
  const neverClosed = !anonymous && rng.chance(P.NEVER_CLOSED);
  const close1 = day + rng.expDays(P.DAYS_OPEN[anonymous ? 'anonymous' : channel], 400);
  const closes: { day: number; reason: CloseReason }[] = [];
  let reopenDay: number | null = null;
  if (!neverClosed && close1 <= today) {
    closes.push({ day: close1, reason: rng.weighted(anonymous ? P.CLOSE_REASON_ANONYMOUS : P.CLOSE_REASON) });
    if (!anonymous && rng.chance(P.REOPENED)) {
      const r = close1 + rng.int(P.REOPEN_AFTER_DAYS[0], P.REOPEN_AFTER_DAYS[1]);
      if (r <= today) {
        reopenDay = r;
        const close2 = r + rng.expDays(P.DAYS_OPEN_AFTER_REOPEN, 200);
        if (close2 <= today) closes.push({ day: close2, reason: rng.weighted(P.CLOSE_REASON) });
      }
    }
  }
  const isOpen = closes.length === 0 || (reopenDay !== null && closes.length === 1);
  const periods: Period[] = [{ from: day, to: closes[0]?.day ?? today }];
  if (reopenDay !== null) periods.push({ from: reopenDay, to: closes[1]?.day ?? today });

  // Who carries it. Only open cases may have nobody yet, mostly the newest ones.
  const unassigned = isOpen && rng.chance(today - day <= P.UNASSIGNED_RECENT_DAYS ? P.UNASSIGNED_RECENT : P.UNASSIGNED_OLDER_OPEN);
  const workerId = unassigned ? null : pickWorker(g, channel, primary);
  const firstEnd = (periods[0] as Period).to;
  const assignDay = workerId === null ? null : rng.chance(P.ASSIGNED_LATER) ? Math.min(day + rng.int(1, 5), firstEnd) : day;

  const caseId = g.next.case++;
  const events: PendingEvent[] = [];
  const event = (d: number, kind: EventKind, extra: Partial<PendingEvent> = {}, rank = RANK[kind]): PendingEvent => {
    const e: PendingEvent = { day: d, rank, kind, workerId: null, reason: null, text: null, ...extra };
    events.push(e);
    return e;
  };
  event(day, 'opened', { workerId: assignDay === day ? workerId : null });
  if (workerId !== null && assignDay !== null) event(assignDay, 'assigned', { workerId });
  closes.forEach((c) => event(c.day, 'closed', { reason: c.reason }));
  if (reopenDay !== null) event(reopenDay, 'reopened');

  const services = makeServices(g, caseId, channel, mainType, anonymous, periods, workerId, assignDay, primary);
  for (const { row, day: on } of services) event(on, 'service', { service: row, workerId: row.workerId, reason: row.type });
  const followups = makeFollowups(g, caseId, risk, day, closes, workerId, event);

  // Ids and timestamps follow the timeline's order.
  events.sort((a, b) => a.day - b.day || a.rank - b.rank);
  let lastDay = -Infinity;
  let lastSecond = 0;
  const rows: DemoEventRow[] = events.map((e) => {
    const on = days.isoOf(e.day);
    // Seconds into the (UTC) day, always later than the case's previous entry that day.
    let second = (240 + e.rank * 30 + rng.int(0, 29)) * 60 + rng.int(0, 59);
    if (e.day === lastDay && second <= lastSecond) second = lastSecond + rng.int(1, 120);
    lastDay = e.day;
    lastSecond = second;
    const at = stampOf(on, Math.floor(second / 60), second % 60);
    if (e.service !== undefined) e.service.at = at;
    if (e.created !== undefined) e.created.createdAt = e.created.updatedAt = at;
    if (e.finished !== undefined) e.finished.updatedAt = at;
    return {
      id: g.next.event++,
      caseId,
      kind: e.kind,
      onDate: on,
      at,
      actor: DEMO_ACTOR,
      workerId: e.workerId,
      reason: e.reason,
      text: e.text,
      serviceId: e.service?.id ?? null,
      followupId: e.created?.id ?? e.finished?.id ?? null,
    };
  });
  const statusAt = rows.filter((r) => r.kind === 'opened' || r.kind === 'assigned' || r.kind === 'closed' || r.kind === 'reopened');

  const year = days.jalaliYearOf(day);
  const seq = (g.seqByYear.get(year) ?? 0) + 1;
  g.seqByYear.set(year, seq);
  const lastClose = isOpen ? undefined : closes[closes.length - 1];
  return {
    client,
    case: {
      id: caseId,
      caseNumber: formatCaseNumber(DEMO_OFFICE_CODE, year, seq),
      year,
      seq,
      clientId,
      channel,
      primaryCategory: primary,
      risk,
      centerId,
      workerId,
      openedOn: days.isoOf(day),
      status: isOpen ? 'open' : 'closed',
      closedOn: lastClose === undefined ? null : days.isoOf(lastClose.day),
      closeReason: lastClose?.reason ?? null,
      reopenCount: reopenDay === null ? 0 : 1,
      summary: rng.chance(0.3) ? rng.pick(fx.texts.summaries[primary]) : null,
      createdAt: (rows[0] as DemoEventRow).at,
      updatedAt: (statusAt[statusAt.length - 1] as DemoEventRow).at,
    },
    categories: categories.map((category): DemoCategoryRow => ({ caseId, category, isPrimary: category === primary })),
    services: services.map((s) => s.row),
    followups,
    events: rows,
  };
}

function makeServices(
  g: GeneratorState,
  caseId: number,
  channel: Channel,
  mainType: ServiceType,
  anonymous: boolean,
  periods: Period[],
  workerId: number | null,
  assignDay: number | null,
  primary: Category,
): { row: DemoServiceRow; day: number }[] {
  const { rng, days } = g;
  const first = periods[0] as Period;
  const planned: { day: number; type: ServiceType }[] = [{ day: first.from, type: mainType }];
  const within = (p: Period): number => rng.int(p.from, p.to);
  for (let k = rng.poisson(P.EXTRA_MAIN_SERVICES); k > 0; k--) planned.push({ day: within(first), type: mainType });
  for (let k = rng.poisson(anonymous ? P.OTHER_SERVICES_ANONYMOUS : P.OTHER_SERVICES_NAMED); k > 0; k--) {
    planned.push({ day: within(rng.pick(periods)), type: rng.weighted(P.OTHER_SERVICE) });
  }
  const second = periods[1];
  if (second !== undefined) planned.push({ day: second.from, type: mainType });
  planned.sort((a, b) => a.day - b.day);
  return planned.map(({ day, type }) => {
    const [lo, hi] = P.SERVICE_MINUTES[type];
    const row: DemoServiceRow = {
      id: g.next.service++,
      caseId,
      serviceDate: days.isoOf(day),
      type,
      channel,
      // Before the case is assigned, whoever was on duty gave the service.
      workerId: workerId !== null && assignDay !== null && day >= assignDay ? workerId : pickWorker(g, channel, primary),
      minutes: rng.int(lo, hi),
      at: '',
    };
    return { row, day };
  });
}
