/**
 * Report packages: an office's figures for a period, counts only, for the province's roll-up
 * without anyone's whole database (`parvande report package`, and `report monthly|year
 * --package FILE …`). A package holds, per period of the report, every count the report is made
 * of (services by type, channel and problem, cases opened, closed and open, the days each
 * closing took, follow-ups, clients by sex and age, referrals), the office's code and name, the
 * period, the schema version it was made at and a SHA-256 of all of it. No name, national code,
 * note, id of a person or worker, and no row of one person: the lists by center and worker become
 * their totals (as in a roll-up's total). The checksum shows a package was not changed or
 * damaged on its way; it is not a signature (anyone can compute one).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { ConflictError, UsageError, ValidationError } from '../../errors.js';
import { t, type Text } from '../../messages/catalogue.js';
import { LATEST_VERSION } from '../../store/migrations/index.js';
import type { ReadCtx } from '../context.js';
import { emptyTally, toFigures, type Tally } from './figures.js';
import type { Period } from './period.js';
import { packageTallies, sumOffices, type AnyReport, type OfficeRef, type ReportPlan, type Rollup } from './build.js';

export const PACKAGE_FORMAT = 'parvande-report-package';
export const PACKAGE_VERSION = 1;

const pairs = <K extends z.ZodMiniType>(key: K) => z.array(z.tuple([key, z.number()]));

/** A tally as JSON: each Map as its [key, n] pairs. */
const TallyJson = z.strictObject({
  period: z.strictObject({ month: z.nullable(z.string()), from: z.string(), to: z.string(), asOf: z.string() }),
  services: z.strictObject({
    type: pairs(z.string()),
    channel: pairs(z.string()),
    category: pairs(z.string()),
    'any-category': pairs(z.string()),
    'type-category': pairs(z.string()),
  }),
  opened: z.number(),
  openAtEnd: z.number(),
  closedByReason: pairs(z.string()),
  closeDays: pairs(z.number()),
  reopened: z.number(),
  followups: z.strictObject({
    due: z.number(),
    doneOnTime: z.number(),
    doneLate: z.number(),
    missed: z.number(),
    pending: z.number(),
    cancelled: z.number(),
  }),
  overdueAtEnd: z.number(),
  clients: z.strictObject({
    registered: z.number(),
    female: z.number(),
    male: z.number(),
    child: z.number(),
    adult: z.number(),
    elderly: z.number(),
    informalSettlement: z.number(),
    womanHead: z.number(),
  }),
  referrals: z.strictObject({ sent: pairs(z.string()), answered: pairs(z.string()), awaitingAtEnd: z.number() }),
});
type TallyJson = z.infer<typeof TallyJson>;

const PackageJson = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  kind: z.enum(['monthly', 'year']),
  office: z.strictObject({ code: z.string(), name: z.string() }),
  /** The month (1405-09) or the year (1405) the package is of. */
  of: z.string(),
  schemaVersion: z.number(),
  madeAt: z.string(),
  periods: z.array(TallyJson),
  sha256: z.string(),
});
export type ReportPackage = z.infer<typeof PackageJson>;

const total = (m: Map<unknown, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

function tallyToJson(tally: Tally): TallyJson {
  const s = tally.services;
  return {
    period: { ...tally.period },
    services: {
      type: [...s.type],
      channel: [...s.channel],
      category: [...s.category],
      'any-category': [...s['any-category']],
      'type-category': [...s['type-category']],
    },
    opened: total(tally.opened.center),
    openAtEnd: total(tally.openAtEnd.center),
    closedByReason: [...tally.closedByReason],
    closeDays: [...tally.closeDays],
    reopened: tally.reopened,
    followups: { ...tally.followups },
    overdueAtEnd: tally.overdueAtEnd,
    clients: { ...tally.clients },
    referrals: { sent: [...tally.referrals.sent], answered: [...tally.referrals.answered], awaitingAtEnd: tally.referralsAwaitingAtEnd },
  };
}

function tallyFromJson(j: TallyJson): Tally {
  const tally = emptyTally(j.period as Period, false);
  for (const d of ['type', 'channel', 'category', 'any-category', 'type-category'] as const) tally.services[d] = new Map(j.services[d]);
  // The totals only, as a roll-up's sum keeps them: "no center", "nobody".
  tally.opened = { center: new Map([[null, j.opened]]), worker: new Map([[null, j.opened]]) };
  tally.openAtEnd = { center: new Map([[null, j.openAtEnd]]), worker: new Map([[null, j.openAtEnd]]) };
  tally.closedByReason = new Map(j.closedByReason);
  tally.closeDays = new Map(j.closeDays);
  tally.reopened = j.reopened;
  tally.followups = { ...j.followups };
  tally.overdueAtEnd = j.overdueAtEnd;
  tally.clients = { ...j.clients };
  tally.referrals = { sent: new Map(j.referrals.sent), answered: new Map(j.referrals.answered) };
  tally.referralsAwaitingAtEnd = j.referrals.awaitingAtEnd;
  return tally;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The package of one office's report of `plan` (monthly or year), read inside the caller's snapshot. */
export function makePackage(ctx: Pick<ReadCtx, 'db' | 'today'>, plan: ReportPlan, of: string, madeAt: string): ReportPackage {
  if (plan.kind === 'range') throw new UsageError(t('a report package is of a month or a year'), 'month');
  const { office, tallies } = packageTallies(ctx, plan);
  const body = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    kind: plan.kind,
    office,
    of,
    schemaVersion: LATEST_VERSION,
    madeAt,
    periods: tallies.map(tallyToJson),
  } as const;
  return { ...body, sha256: sha256(JSON.stringify(body)) };
}

/** The package as its file holds it (UTF-8 JSON, one line, a newline at the end). */
export const packageText = (p: ReportPackage): string => `${JSON.stringify(p)}\n`;

/** How messages name the n-th (1-based) package file: `--package #2 (azar-krj.json)`. */
export const packageWhich = (n: number, file: string): Text => t('--package #{n} ({file})', { n, file });

/**
 * A package file's text, checked: JSON of the package's form, its checksum, this parvande's
 * schema. `which` names the file in messages (packageWhich; a string is the transition's English).
 */
export function readPackage(text: string, which: Text | string): ReportPackage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError(t('{which} is not a report package: not JSON', { which }), 'package');
  }
  const checked = PackageJson.safeParse(parsed);
  if (!checked.success) {
    throw new ValidationError(
      t('{which} is not a report package of this form (version {version})', { which, version: PACKAGE_VERSION }),
      'package',
    );
  }
  const { sha256: stated, ...body } = parsed as ReportPackage;
  if (sha256(JSON.stringify(body)) !== stated) {
    throw new ValidationError(t('{which} fails its checksum: it was changed or damaged after it was made', { which }), 'package');
  }
  if (checked.data.schemaVersion !== LATEST_VERSION) {
    throw new ValidationError(
      t('{which} was made at schema version {version}; this parvande reads version {latest}: make it again with this version', {
        which,
        version: checked.data.schemaVersion,
        latest: LATEST_VERSION,
      }),
      'package',
    );
  }
  return parsed as ReportPackage;
}

/**
 * The province's report from packages: each office's figures and their sum, as a roll-up of the
 * offices' files gives them (without the lists by center and worker, which a package does not
 * hold). Refused: a package of another kind, another month or year than the others (or than
 * `of`, when given), two packages of one office.
 */
export function rollUpPackages<R extends AnyReport>(
  packages: readonly { file: string; pkg: ReportPackage }[],
  plan: ReportPlan<R>,
  of: string | undefined,
): Rollup<R> {
  if (packages.length === 0) throw new UsageError(t('give at least one --package FILE'), 'package');
  const first = packages[0]?.pkg as ReportPackage;
  const wanted = of ?? first.of;
  const seen = new Map<string, string>();
  packages.forEach(({ file, pkg }, i) => {
    const which = packageWhich(i + 1, file);
    if (pkg.kind !== plan.kind) {
      throw new ConflictError(
        t('{which} is a {kind} package, not a {wanted} one', { which, kind: pkg.kind, wanted: plan.kind }),
        'package',
      );
    }
    if (pkg.of !== wanted) {
      throw new ConflictError(
        t('{which} is of {period}, not {wanted}: every package must be of one period', { which, period: pkg.of, wanted }),
        'package',
      );
    }
    const twin = seen.get(pkg.office.code);
    if (twin !== undefined) {
      throw new ConflictError(
        t('office {code} is given twice: {first} and {second}', { code: pkg.office.code, first: twin, second: file }),
        'package',
      );
    }
    seen.set(pkg.office.code, file);
  });
  const offices = packages.map(({ file, pkg }) => {
    const tallies = pkg.periods.map(tallyFromJson);
    const office: OfficeRef = { code: pkg.office.code, name: pkg.office.name };
    return { file, tallies, report: plan.assemble(tallies.map(toFigures), office, null) };
  });
  // Each period as the packages give it; "as of" the latest of their days (a package made later saw more).
  const periods = first.periods.map((p, i) => {
    const asOf = packages
      .map(({ pkg }) => pkg.periods[i]?.period.asOf ?? p.period.asOf)
      .sort()
      .at(-1) as string;
    return { ...p.period, asOf } as Period;
  });
  return sumOffices(plan, offices, periods);
}
