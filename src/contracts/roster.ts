/** `parvande roster …` --json (src/commands/roster.ts). Shift instants are local wall-clock time. */
import * as z from 'zod';
import { DUTY_SERVICES, WEEKDAYS } from '../domain/people/codes.js';
import { clockTime, codeOf, count, id, isoDate, localInstant, timestamp, type GroupContracts } from './shared.js';

const service = codeOf(DUTY_SERVICES);

export const shiftPattern = z.strictObject({
  id,
  service,
  name: z.string(),
  startTime: clockTime,
  endTime: clockTime,
  peopleNeeded: z.number().int().positive(),
  validFrom: isoDate,
  retiredOn: isoDate.nullable().describe('The first day the pattern is no longer in force; null while it is.'),
  createdAt: timestamp,
  updatedAt: timestamp,
  active: z.boolean(),
  overnight: z.boolean().describe('Ends on the next day.'),
  minutes: z.number().int().positive(),
});

export const assignment = z.strictObject({
  id,
  patternId: id,
  service,
  patternName: z.string(),
  shiftDate: isoDate,
  staffId: id,
  firstName: z.string(),
  lastName: z.string(),
  startsAt: localInstant,
  endsAt: localInstant,
  createdAt: timestamp,
});

const shiftPerson = z.strictObject({ assignmentId: id, staffId: id, firstName: z.string(), lastName: z.string() });

const shift = z.strictObject({
  date: isoDate,
  patternId: id,
  service,
  name: z.string(),
  startsAt: localInstant,
  endsAt: localInstant,
  needed: z.number().int().positive(),
  people: z.array(shiftPerson),
});

export const rosterContracts: GroupContracts = {
  'pattern add': shiftPattern,
  'pattern list': z.array(shiftPattern),
  'pattern update': shiftPattern,
  'pattern retire': shiftPattern,
  assign: z.strictObject({
    assigned: z.array(assignment),
    skipped: z.array(z.strictObject({ date: isoDate, reason: z.string() })).describe('Days left out by --skip-conflicts, and why.'),
  }),
  unassign: z.array(assignment),
  swap: z.array(assignment),
  show: z.strictObject({
    from: isoDate,
    to: isoDate,
    service: service.nullable(),
    staffId: id.nullable(),
    days: z.array(z.strictObject({ date: isoDate, weekday: codeOf(WEEKDAYS), shifts: z.array(shift) })),
  }),
  gaps: z.strictObject({
    from: isoDate,
    to: isoDate,
    gaps: z.array(shift.extend({ assigned: count, missing: z.number().int().positive() })),
  }),
  'on-duty': z.strictObject({
    at: localInstant,
    services: z.array(
      z.strictObject({
        service,
        people: z.array(shiftPerson.extend({ patternId: id, patternName: z.string(), startsAt: localInstant, endsAt: localInstant })),
      }),
    ),
  }),
  settings: z.strictObject({ restHours: z.number().nonnegative() }),
};
