/**
 * Who is on duty: on each service at a moment, and the worker a hotline call or
 * mobile-team operation logged without one is credited to.
 */
import { toPersianDigits } from '../../lang/digits.js';
import { t, type Text } from '../../messages/catalogue.js';
import { selectOnDutyAt, selectPatterns } from '../../store/roster.js';
import { selectStaff } from '../../store/staff.js';
import type { ReadCtx } from '../context.js';
import { isBlank, optionalCode } from '../fields.js';
import { DUTY_SERVICES } from '../people/codes.js';
import type { DefaultWorker } from '../services.js';
import type { Staff } from '../staff.js';
import { localNow, parseLocalDateTime, toInstant, type LocalInstant } from './clock.js';
import type { ShiftPerson } from './coverage.js';
import { inForceOn } from './patterns.js';
import { showInstant } from './rules.js';

export interface OnDutyPerson extends ShiftPerson {
  patternId: number;
  patternName: string;
  startsAt: string;
  endsAt: string;
}

export interface ServiceOnDuty {
  service: string;
  people: OnDutyPerson[];
}

export interface OnDutyView {
  at: LocalInstant;
  services: ServiceOnDuty[];
}

/**
 * Everyone on a shift at `at` (default now), by service. Every service with a
 * shift pattern in force that day is listed, so a service with nobody on duty
 * shows as empty rather than missing.
 */
export function onDuty(
  ctx: Pick<ReadCtx, 'db' | 'today' | 'now'>,
  input: { at?: string | undefined; service?: string | undefined },
): OnDutyView {
  const at = isBlank(input.at) ? localNow(ctx) : parseLocalDateTime(input.at, ctx, 'at');
  const service = optionalCode(DUTY_SERVICES, input.service, 'service') ?? undefined;
  const date = at.slice(0, 10);
  const services = new Map<string, OnDutyPerson[]>();
  for (const p of selectPatterns(ctx.db, { from: date, to: date, ...(service ? { service } : {}) })) {
    if (inForceOn(p, date)) services.set(p.service, []);
  }
  for (const a of selectOnDutyAt(ctx.db, at, service)) {
    const list = services.get(a.service) ?? [];
    list.push({
      assignmentId: a.id,
      staffId: a.staffId,
      firstName: a.firstName,
      lastName: a.lastName,
      patternId: a.patternId,
      patternName: a.patternName,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
    });
    services.set(a.service, list);
  }
  const order = Object.keys(DUTY_SERVICES);
  return {
    at,
    services: [...services.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([svc, people]) => ({ service: svc, people })),
  };
}

/** The roster service whose person on duty gives each kind of service. */
const SERVICE_OF_TYPE: Readonly<Record<string, string>> = { 'hotline-call': 'hotline', 'mobile-team': 'mobile-team' };

/** Hour used for a service logged on an earlier day: services keep only a date. */
export const PAST_DAY_TIME = '12:00';

/**
 * The worker for a hotline call or mobile-team operation logged without one:
 * the person on duty for that service at the current time when the service is
 * dated today, or at noon of an earlier day (services keep only a date). With
 * several on duty it takes the one whose shift began first, then the lowest
 * staff id, and says so; with nobody on duty it gives none.
 */
export const onDutyWorker: DefaultWorker = (ctx, type, date) => {
  const service = SERVICE_OF_TYPE[type];
  if (service === undefined) return null;
  const at = date === ctx.today ? localNow(ctx) : toInstant(date, PAST_DAY_TIME);
  const people = selectOnDutyAt(ctx.db, at, service);
  const first = people[0];
  if (first === undefined) return null;
  const worker = selectStaff(ctx.db, first.staffId) as Staff;
  const others = people.slice(1).map((p) => `#${p.staffId}`);
  return { worker, why: onDutyWhy(service, showInstant(at), date !== ctx.today, others.join(', ')) };
};

/** Why a service's worker was taken from the duty roster: who was on duty when, and how one of several was chosen. */
export function onDutyWhy(code: string, atTime: string, pastDay: boolean, others: string): Text {
  // The time as digits the reader writes; the duty service by its code in English, its name in Persian.
  const at = { en: atTime, fa: toPersianDigits(atTime) };
  const service = { en: code, fa: (DUTY_SERVICES as Record<string, { fa: string } | undefined>)[code]?.fa ?? code };
  if (others === '') {
    return pastDay
      ? t('{service} duty roster (on duty at {at}, noon of the service date)', { service, at })
      : t('{service} duty roster (on duty at {at})', { service, at });
  }
  return pastDay
    ? t('{service} duty roster (on duty at {at}, noon of the service date; also on duty: {others}; took the earliest shift start)', {
        service,
        at,
        others,
      })
    : t('{service} duty roster (on duty at {at}; also on duty: {others}; took the earliest shift start)', { service, at, others });
}
