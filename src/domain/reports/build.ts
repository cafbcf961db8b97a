/**
 * The reports themselves: a month beside the previous month and the year to
 * date, a year by months, a free range, and the same over several offices.
 */
import { NotFoundError, UsageError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { narrowReportCounts, type CountScopeKind } from '../../store/report-counts/index.js';
import { selectOffice } from '../../store/office.js';
import type { ReadCtx } from '../context.js';
import { monthRange, type IsoDate, type JalaliMonth } from '../../lang/dates.js';
import { addTallies, toFigures, type Figures, type Tally } from './figures.js';
import {
  monthPeriod,
  previousMonth,
  rangePeriod,
  resolveMonth,
  resolveYear,
  yearMonths,
  yearPeriod,
  yearToDatePeriod,
  type Period,
} from './period.js';
import { computeSections } from './sections.js';
import { tallyPeriods } from './tally.js';

export interface OfficeRef {
  code: string;
  name: string;
}

/** `--center C` / `--worker W` as typed (scope.ts resolves it). */
export interface ScopeRef {
  kind: CountScopeKind;
  ref: string;
}

/** The center or worker a report was narrowed to; null: the whole office. */
export type ReportScope = { kind: CountScopeKind; id: number; name: string } | null;

export interface MonthlyReport extends Figures {
  office: OfficeRef | null;
  scope: ReportScope;
  previousMonth: Figures;
  yearToDate: Figures;
  // Extra sections (REPORT_SECTIONS in sections.ts), e.g. `people`, are added as further keys.
}

export interface YearReport {
  office: OfficeRef | null;
  scope: ReportScope;
  period: { year: number; from: IsoDate; to: IsoDate; asOf: IsoDate };
  /** Farvardin to Esfand, each with period.month set. */
  months: Figures[];
  total: Figures;
}

export interface RangeReport extends Figures {
  office: OfficeRef | null;
  scope: ReportScope;
}

export type ReportKind = 'monthly' | 'year' | 'range';
export type AnyReport = MonthlyReport | YearReport | RangeReport;

/** The periods a report reads and how their figures make the report. */
export interface ReportPlan<R extends AnyReport = AnyReport> {
  kind: ReportKind;
  periods: Period[];
  /**
   * The periods whose figures list each center and worker (caseload by center and by worker);
   * the others carry totals only. Default: every period. A monthly report's previous month and
   * year to date are comparison columns: the lists are the month's own.
   */
  grouped?: readonly boolean[];
  /** Narrowed to one center's or one worker's work (resolved by scope.ts inside the report's snapshot). */
  scope?: ReportScope;
  assemble: (figures: Figures[], office: OfficeRef | null, scope: ReportScope) => R;
}

const fig = (figures: Figures[], i: number): Figures => figures[i] as Figures;

export function monthlyPlan(month: JalaliMonth, today: IsoDate): ReportPlan<MonthlyReport> {
  return {
    kind: 'monthly',
    periods: [monthPeriod(month, today), monthPeriod(previousMonth(month), today), yearToDatePeriod(month, today)],
    grouped: [true, false, false],
    assemble: (f, office, scope) => ({ office, scope, ...fig(f, 0), previousMonth: fig(f, 1), yearToDate: fig(f, 2) }),
  };
}

export function yearPlan(year: number, today: IsoDate): ReportPlan<YearReport> {
  const whole = yearPeriod(year, today);
  return {
    kind: 'year',
    periods: [...yearMonths(year, today), whole],
    assemble: (f, office, scope) => ({
      office,
      scope,
      period: { year, from: whole.from, to: whole.to, asOf: whole.asOf },
      months: f.slice(0, 12),
      total: fig(f, 12),
    }),
  };
}

export function rangePlan(period: Period): ReportPlan<RangeReport> {
  return { kind: 'range', periods: [period], assemble: (f, office, scope) => ({ office, scope, ...fig(f, 0) }) };
}

export interface ReportInput {
  month?: string | undefined;
  year?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  center?: string | undefined;
  worker?: string | undefined;
}

/** `--center` or `--worker` as typed, or null for the whole office (both at once are refused). */
export function scopeRef(input: ReportInput): ScopeRef | null {
  if (input.center !== undefined && input.worker !== undefined) {
    throw new UsageError(t('give --center or --worker, not both'), 'worker');
  }
  if (input.center !== undefined) return { kind: 'center', ref: input.center };
  return input.worker === undefined ? null : { kind: 'worker', ref: input.worker };
}

/** The plan for `report monthly|year|range` and its options. */
export function planReport(kind: ReportKind, input: ReportInput, today: IsoDate): ReportPlan {
  if (kind === 'year') return yearPlan(resolveYear(input.year, today), today);
  if (kind === 'range') return rangePlan(rangePeriod(input.from ?? '', input.to ?? '', today));
  return monthlyPlan(resolveMonth(input.month, today), today);
}

/** Runs a plan over one office's database; call it inside one read snapshot. */
export function buildReport<R extends AnyReport>(ctx: Pick<ReadCtx, 'db' | 'today'>, plan: ReportPlan<R>): R {
  return tallyAndBuild(ctx, plan).report;
}

/** The office a report is of. The store's row, not domain/office.ts: that module loads the audit trail's modules, which a report never needs. */
function reportOffice(ctx: Pick<ReadCtx, 'db'>): OfficeRef {
  const office = selectOffice(ctx.db);
  if (office === undefined)
    throw new NotFoundError(t('this database has no office yet: run "parvande init --office-code C --office-name N"'));
  return { code: office.code, name: office.name };
}

function tallyAndBuild<R extends AnyReport>(ctx: Pick<ReadCtx, 'db' | 'today'>, plan: ReportPlan<R>): { tallies: Tally[]; report: R } {
  const office = reportOffice(ctx);
  const scope = plan.scope ?? null;
  if (scope !== null) narrowReportCounts(ctx.db, { kind: scope.kind, id: scope.id });
  const tallies = tallyPeriods(ctx.db, plan.periods, ctx.today, plan.grouped);
  const report = plan.assemble(tallies.map(toFigures), office, scope);
  // The extra sections (staff, shifts, training) are the whole office's: a narrowed report leaves them out.
  if (plan.kind === 'monthly' && scope === null) Object.assign(report, computeSections(ctx, plan.periods[0] as Period));
  return { tallies, report };
}

export interface RollupOffice {
  code: string;
  name: string;
  file: string;
}

export interface Rollup<R extends AnyReport = AnyReport> {
  kind: ReportKind;
  offices: RollupOffice[];
  /** Each office's own report, keyed by office code. */
  byOffice: Record<string, R>;
  /** The offices added up (no centers or workers: those are each office's own; no extra sections). */
  total: R;
}

/** One report per office, each read in its own snapshot by `read`, and their sum. */
export function buildRollup<R extends AnyReport>(
  offices: { file: string; read: <T>(fn: (ctx: Pick<ReadCtx, 'db' | 'today'>) => T) => T }[],
  plan: ReportPlan<R>,
): Rollup<R> {
  return sumOffices(
    plan,
    offices.map((o) => ({ file: o.file, ...o.read((ctx) => tallyAndBuild(ctx, plan)) })),
  );
}

/** Each office's report and tallies (from its file, or from its report package), and their sum, period by period. */
export function sumOffices<R extends AnyReport>(
  plan: ReportPlan<R>,
  offices: readonly { file: string; tallies: Tally[]; report: R }[],
  periods: readonly Period[] = plan.periods,
): Rollup<R> {
  const byOffice: Record<string, R> = {};
  const refs: RollupOffice[] = [];
  for (const o of offices) {
    const office = o.report.office as OfficeRef;
    byOffice[office.code] = o.report;
    refs.push({ code: office.code, name: office.name, file: o.file });
  }
  const total = plan.assemble(
    periods.map((p, i) =>
      toFigures(
        addTallies(
          p,
          offices.map((o) => o.tallies[i] as Tally),
        ),
      ),
    ),
    null,
    null,
  );
  return { kind: plan.kind, offices: refs, byOffice, total };
}

/**
 * One office's tallies for a report package: every figure of every period, and nothing that
 * names anyone (the lists by center and worker become their totals, the names go).
 */
export function packageTallies(ctx: Pick<ReadCtx, 'db' | 'today'>, plan: ReportPlan): { office: OfficeRef; tallies: Tally[] } {
  const office = reportOffice(ctx);
  const tallies = tallyPeriods(
    ctx.db,
    plan.periods,
    ctx.today,
    plan.periods.map(() => false),
  );
  return { office, tallies: tallies.map((t) => addTallies(t.period, [t])) };
}

/** The first day of a month: the nightly run then also writes the month just finished. */
export function monthsForNightly(month: string | undefined, today: IsoDate, resolve: typeof resolveMonth = resolveMonth): JalaliMonth[] {
  const current = resolve(month, today);
  if (month !== undefined) return [current];
  return monthRange(current).from === today ? [previousMonth(current), current] : [current];
}
