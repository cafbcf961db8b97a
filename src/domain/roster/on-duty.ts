/**
 * Who is on duty: on each service at a moment, and the worker a hotline call or
 * mobile-team operation logged without one is credited to.
 */
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
  const when = date === ctx.today ? `at ${showInstant(at)}` : `at ${showInstant(at)}, noon of the service date`;
  const also = others.length > 0 ? `; also on duty: ${others.join(', ')}; took the earliest shift start` : '';
  return { worker, why: `${service} duty roster (on duty ${when}${also})` };
};
