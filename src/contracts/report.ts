/**
 * `parvande report …` --json (src/commands/report.ts): every code of a catalogue
 * is a key, 0 when nothing happened, so the keys never change from month to month.
 */
import * as z from 'zod';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, REFERRAL_AGENCIES, RISKS, ROLES, SECTORS, SERVICE_TYPES } from '../domain/codes.js';
import { AUDIENCES, DUTY_SERVICES, WORKSHOP_TOPICS } from '../domain/people/codes.js';
import { byCode, codeOf, count, id, isoDate, jalaliMonth, type GroupContracts } from './shared.js';

const period = z.strictObject({
  month: jalaliMonth.nullable().describe('null for a year, a year to date or a free range.'),
  from: isoDate,
  to: isoDate,
  asOf: isoDate.describe('The day state figures (openAtEnd, overdueAtEnd) refer to: `to`, or today while the period runs.'),
});

const caseloadEntry = z.strictObject({
  id: id.nullable().describe('null: no center, nobody assigned.'),
  name: z.string().nullable(),
  opened: count,
  openAtEnd: count,
});

// An id puts a shape once under $defs in the JSON Schema files rather than at every use
// (a report holds three periods' figures, a roll-up every office's report).
const serviceFigures = z
  .strictObject({
    total: count,
    byType: byCode(SERVICE_TYPES, count),
    byChannel: byCode(CHANNELS, count),
    byCategory: byCode(CATEGORIES, count, ['none']).describe(
      "By the primary category of the service's case; `none`: services logged without a case. Sums to total.",
    ),
    byAnyCategory: byCode(CATEGORIES, count).describe("Once per category the service's case carries."),
    byTypeAndCategory: byCode(SERVICE_TYPES, byCode(CATEGORIES, count, ['none'])).describe(
      "By type, then the primary category of the service's case (`none`: no case): `byTypeAndCategory['mobile-team']['child-abuse']`. " +
        "A type's categories sum to byType, a category's types to byCategory.",
    ),
    byWorker: z
      .array(z.strictObject({ id: id.nullable().describe('null: no worker recorded.'), name: z.string().nullable(), services: count }))
      .describe(
        "Services by the worker who gave them, most first. The report's own period only: [] in a monthly report's previousMonth and yearToDate, and in a roll-up's total.",
      ),
  })
  .meta({ id: 'service-figures' });

const caseFigures = z
  .strictObject({
    opened: count,
    closed: count.describe('Closings: a case can close twice in a period.'),
    closedByReason: byCode(CLOSE_REASONS, count),
    reopened: count,
    openAtEnd: count,
    medianDaysToClose: z.number().nonnegative().nullable().describe('null when nothing closed; may be a half.'),
    byCenter: z
      .array(caseloadEntry)
      .describe("The report's own period only: [] in a monthly report's previousMonth and yearToDate, and in a roll-up's total."),
    byWorker: z
      .array(caseloadEntry)
      .describe("The report's own period only: [] in a monthly report's previousMonth and yearToDate, and in a roll-up's total."),
  })
  .meta({ id: 'case-figures' });

const followupFigures = z
  .strictObject({
    due: count.describe('doneOnTime + doneLate + missed + pending.'),
    doneOnTime: count,
    doneLate: count,
    done: count,
    missed: count,
    pending: count,
    cancelled: count,
    overdueAtEnd: count,
  })
  .meta({ id: 'followup-figures' });

const clientFigures = z
  .strictObject({
    registered: count,
    bySex: z.strictObject({ female: count, male: count, unknown: count }),
    byAgeGroup: z.strictObject({ child: count, adult: count, elderly: count, unknown: count }),
    informalSettlement: count,
    womanHead: count,
  })
  .meta({ id: 'client-figures' });

const referralFigures = z
  .strictObject({
    sent: count.describe('Referrals to other agencies sent in the period.'),
    sentByAgency: byCode(REFERRAL_AGENCIES, count).describe('By the kind of agency; sums to sent.'),
    answered: count.describe('Referrals whose first answer (accepted, declined or feedback) came in the period, whenever sent.'),
    awaitingAtEnd: count.describe('Sent by asOf and not answered by then.'),
  })
  .meta({ id: 'referral-figures' });

const figures = z
  .strictObject({
    period,
    services: serviceFigures,
    cases: caseFigures,
    followups: followupFigures,
    clients: clientFigures,
    referrals: referralFigures,
  })
  .meta({ id: 'figures' });

const coverage = z.strictObject({ planned: count, covered: count, uncovered: count, partlyCovered: count });
const trainingFigures = z.strictObject({ enrolments: count, completions: count, hours: z.number().nonnegative() });

/** Staff on the roll, shifts planned and covered, training and workshops: the monthly report's `people` section. */
const people = z
  .strictObject({
    range: z.strictObject({ from: isoDate, to: isoDate }),
    staff: z.strictObject({ onRoll: count, byRole: byCode(ROLES, count), bySector: byCode(SECTORS, count) }),
    shifts: coverage.extend({ byService: byCode(DUTY_SERVICES, coverage) }),
    training: trainingFigures.extend({ byAudience: byCode(AUDIENCES, trainingFigures) }),
    workshops: z.strictObject({
      held: count,
      attendees: z.strictObject({ female: count, male: count, total: count }),
      byTopic: byCode(WORKSHOP_TOPICS, z.strictObject({ held: count, female: count, male: count })),
    }),
  })
  .meta({ id: 'people-figures' });

const office = z.strictObject({ code: z.string(), name: z.string() });
const scope = z
  .strictObject({ kind: z.enum(['center', 'worker']), id, name: z.string() })
  .nullable()
  .describe('null: the whole office; else the center or worker the report was narrowed to with --center or --worker.');

const monthly = figures
  .extend({
    office,
    scope,
    previousMonth: figures,
    yearToDate: figures,
    people: people
      .optional()
      .describe("The whole office's staff, shifts and training; absent in a report narrowed to a center or a worker."),
  })
  .meta({ id: 'monthly-report' });
const year = z
  .strictObject({
    office,
    scope,
    period: z.strictObject({ year: z.number().int(), from: isoDate, to: isoDate, asOf: isoDate }),
    months: z.array(figures).describe('Farvardin to Esfand, each with period.month set.'),
    total: figures,
  })
  .meta({ id: 'year-report' });
const range = figures.extend({ office, scope }).meta({ id: 'range-report' });

/** The offices added up: no office, no centers or workers (each office's own), no extra sections. */
const monthlyTotal = figures.extend({ office: z.null(), scope: z.null(), previousMonth: figures, yearToDate: figures });
const yearTotal = year.extend({ office: z.null(), scope: z.null() });
const rangeTotal = figures.extend({ office: z.null(), scope: z.null() });

/** A staff member who signs the printed report; `active` false: they have left, and the line prints blank. */
const signer = z.strictObject({ id, name: z.string(), active: z.boolean() }).nullable();

/** Several --db: each office's report and their sum. */
function rollup<R extends z.ZodType, T extends z.ZodType>(kind: 'monthly' | 'year' | 'range', report: R, total: T) {
  return z.strictObject({
    kind: z.literal(kind),
    offices: z.array(z.strictObject({ code: z.string(), name: z.string(), file: z.string() })),
    byOffice: z.record(z.string(), report).describe('Keyed by office code.'),
    total,
  });
}

export const reportContracts: GroupContracts = {
  monthly: z.union([monthly, rollup('monthly', monthly, monthlyTotal)]),
  year: z.union([year, rollup('year', year, yearTotal)]),
  range: z.union([range, rollup('range', range, rangeTotal)]),
  settings: z
    .strictObject({
      preparedBy: signer.describe('Who prepares the printed report (تهیه‌کننده); null: a blank line to sign by hand.'),
      approvedBy: signer.describe('Who approves it (تأییدکننده); null: a blank line to sign by hand.'),
      numberPrefix: z.string().nullable().describe('As set with --number-prefix; null: the office code.'),
      printedPrefix: z
        .string()
        .nullable()
        .describe("The prefix of the printed report's number (PREFIX/1405/09): numberPrefix, else the office code."),
    })
    .describe('`report settings`: the head of the printed (html) report.'),
  package: z
    .strictObject({
      office: z.string().describe("The office's code."),
      kind: z.enum(['monthly', 'year']),
      of: z.string().describe('The month (1405-09) or the year (1405).'),
      schemaVersion: z.number().int(),
      sha256: z.string().describe("The package's checksum, as written in it."),
      file: z.string(),
    })
    .describe('What `report package --out FILE` wrote. With --out - the package itself is printed instead.'),
  nightly: z.strictObject({
    office: z.string(),
    month: jalaliMonth,
    asOf: isoDate,
    services: count,
    casesOpened: count,
    casesOpenAtEnd: count,
    followupsOverdue: count,
    casesUnassigned: count,
    referralsOverdue: count.describe("Referrals with no answer after the office's answer days (`referral settings`)."),
    files: z.array(z.string()).describe('The report files written.'),
    auditTrail: z
      .strictObject({
        entries: count,
        head: z.string().nullable().describe("The last entry's chained SHA-256 before this run's own entry: keep a copy elsewhere."),
      })
      .describe('The audit trail at the run (db check verifies the chain).'),
    log: z.string().nullable().describe('The log the run appended to (--log, absolute); null without --log.'),
    attention: z.strictObject({
      overdueFollowups: z.strictObject({
        total: count,
        items: z.array(z.strictObject({ id, caseNumber: z.string(), dueOn: isoDate, workerId: id.nullable() })),
      }),
      unassignedCases: z.strictObject({
        total: count,
        items: z.array(z.strictObject({ id, caseNumber: z.string(), openedOn: isoDate, risk: codeOf(RISKS) })),
      }),
      overdueReferrals: z.strictObject({
        total: count,
        answerDays: z.number().int().min(1).describe('The office setting: days an agency has to answer.'),
        items: z.array(
          z.strictObject({ id, caseNumber: z.string(), sentOn: isoDate, agencyKind: codeOf(REFERRAL_AGENCIES), workerId: id.nullable() }),
        ),
      }),
    }),
  }),
};
