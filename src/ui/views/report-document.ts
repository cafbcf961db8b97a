/**
 * A report laid out as titled tables and charts in the reader's language: the
 * one layout that the terminal, csv, xlsx and html renderers all draw, so the
 * four always show the same figures under the same labels.
 */
import {
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  REFERRAL_AGENCIES,
  RISKS,
  SERVICE_TYPES,
  codesOf,
  type Catalogue,
} from '../../domain/codes.js';
import type { PeopleFigures } from '../../domain/people/report-figures.js';
import { peopleTables } from './report-people.js';
import { jalaliMonthNames } from '../../lang/dates.js';
import type { AnyReport, MonthlyReport, RangeReport, ReportScope, Rollup, YearReport } from '../../domain/reports/build.js';
import type { Figures } from '../../domain/reports/figures.js';
import type { Attention } from '../../domain/reports/nightly.js';
import type { Fmt } from '../format.js';
import { codeLabel, digits } from '../labels.js';
import type { BarItem } from '../charts.js';
import type { DocChart, DocList, DocRow, DocTable, ReportDoc } from './report-doc.js';
import { reportWord, type ReportWord } from './report-labels.js';

interface Column {
  head: string;
  fig: Figures;
}

type Getter = (f: Figures) => number | null;
interface RowSpec {
  code: string;
  label: string;
  get: Getter;
}

function monthName(month: string, fmt: Fmt): string {
  const [y = '', m = '1'] = month.split('-');
  return `${jalaliMonthNames[fmt.lang][Number(m) - 1] ?? m} ${digits(y, fmt.lang)}`;
}

function codeRows<C extends string>(
  cat: Catalogue<C>,
  prefix: string,
  pick: (f: Figures) => Record<string, number>,
  fmt: Fmt,
  first: Figures,
): RowSpec[] {
  const codes: string[] = codesOf(cat);
  // Codes the catalogue does not know but the data holds keep their row, so the parts add up to the total.
  for (const k of Object.keys(pick(first))) if (!codes.includes(k) && k !== 'none') codes.push(k);
  return codes.map((code) => ({ code: `${prefix}.${code}`, label: codeLabel(cat, code, fmt.lang), get: (f) => pick(f)[code] ?? 0 }));
}

/** The standard tables of figures, one value column per period or office. */
function figureTables(columns: Column[], fmt: Fmt, suffix = '', idSuffix = ''): DocTable[] {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const first = (columns[0] as Column).fig;
  const table = (id: string, title: ReportWord, rows: RowSpec[]): DocTable => ({
    id: id + idSuffix,
    title: w(title) + suffix,
    head: [w(title) + suffix, ...columns.map((c) => c.head)],
    rows: rows.map((r) => ({ code: r.code, label: r.label, values: columns.map((c) => r.get(c.fig)) })),
  });
  const total: RowSpec = { code: 'services.total', label: w('total'), get: (f) => f.services.total };
  return [
    table('services-by-type', 'servicesByType', [
      total,
      ...codeRows(SERVICE_TYPES, 'services.byType', (f) => f.services.byType, fmt, first),
    ]),
    table('services-by-channel', 'servicesByChannel', [
      total,
      ...codeRows(CHANNELS, 'services.byChannel', (f) => f.services.byChannel, fmt, first),
    ]),
    table('services-by-category', 'servicesByCategory', [
      total,
      ...codeRows(CATEGORIES, 'services.byCategory', (f) => f.services.byCategory, fmt, first),
      { code: 'services.byCategory.none', label: w('noCase'), get: (f) => f.services.byCategory.none },
    ]),
    table(
      'services-by-any-category',
      'servicesByAnyCategory',
      codeRows(CATEGORIES, 'services.byAnyCategory', (f) => f.services.byAnyCategory, fmt, first),
    ),
    table('cases', 'cases', [
      { code: 'cases.opened', label: w('opened'), get: (f) => f.cases.opened },
      { code: 'cases.closed', label: w('closed'), get: (f) => f.cases.closed },
      ...codeRows(CLOSE_REASONS, 'cases.closedByReason', (f) => f.cases.closedByReason, fmt, first).map((r) => ({
        ...r,
        label: `${w('closedBecause')} ${r.label}`,
      })),
      { code: 'cases.reopened', label: w('reopened'), get: (f) => f.cases.reopened },
      { code: 'cases.openAtEnd', label: w('openAtEnd'), get: (f) => f.cases.openAtEnd },
      { code: 'cases.medianDaysToClose', label: w('medianDays'), get: (f) => f.cases.medianDaysToClose },
    ]),
    table('followups', 'followups', [
      { code: 'followups.due', label: w('due'), get: (f) => f.followups.due },
      { code: 'followups.doneOnTime', label: w('doneOnTime'), get: (f) => f.followups.doneOnTime },
      { code: 'followups.doneLate', label: w('doneLate'), get: (f) => f.followups.doneLate },
      { code: 'followups.missed', label: w('missed'), get: (f) => f.followups.missed },
      { code: 'followups.pending', label: w('pending'), get: (f) => f.followups.pending },
      { code: 'followups.cancelled', label: w('cancelled'), get: (f) => f.followups.cancelled },
      { code: 'followups.overdueAtEnd', label: w('overdueAtEnd'), get: (f) => f.followups.overdueAtEnd },
    ]),
    table('clients', 'clients', [
      { code: 'clients.registered', label: w('registered'), get: (f) => f.clients.registered },
      { code: 'clients.bySex.female', label: w('female'), get: (f) => f.clients.bySex.female },
      { code: 'clients.bySex.male', label: w('male'), get: (f) => f.clients.bySex.male },
      { code: 'clients.bySex.unknown', label: w('sexUnknown'), get: (f) => f.clients.bySex.unknown },
      { code: 'clients.byAgeGroup.child', label: w('child'), get: (f) => f.clients.byAgeGroup.child },
      { code: 'clients.byAgeGroup.adult', label: w('adult'), get: (f) => f.clients.byAgeGroup.adult },
      { code: 'clients.byAgeGroup.elderly', label: w('elderly'), get: (f) => f.clients.byAgeGroup.elderly },
      { code: 'clients.byAgeGroup.unknown', label: w('ageUnknown'), get: (f) => f.clients.byAgeGroup.unknown },
      { code: 'clients.informalSettlement', label: w('informalSettlement'), get: (f) => f.clients.informalSettlement },
      { code: 'clients.womanHead', label: w('womanHead'), get: (f) => f.clients.womanHead },
    ]),
    table('referrals', 'referrals', [
      { code: 'referrals.sent', label: w('referralsSent'), get: (f) => f.referrals.sent },
      ...codeRows(REFERRAL_AGENCIES, 'referrals.sentByAgency', (f) => f.referrals.sentByAgency, fmt, first).map((r) => ({
        ...r,
        label: `${w('referredTo')} ${r.label}`,
      })),
      { code: 'referrals.answered', label: w('referralsAnswered'), get: (f) => f.referrals.answered },
      { code: 'referrals.awaitingAtEnd', label: w('referralsAwaitingAtEnd'), get: (f) => f.referrals.awaitingAtEnd },
    ]),
  ];
}

/** The main service types, a column each in the cross-table (the others are summed under "other", as in the year's months). */
const MAIN_TYPES = ['crisis-intervention', 'mobile-team', 'hotline-call'] as const;

/**
 * Services by the primary problem of their case (rows) and type (columns): "how many
 * mobile-team operations were for child abuse". Problems as rows and the three main
 * types as columns keep it within 80 columns; every type is in the JSON.
 */
function categoryTypeTable(fig: Figures, fmt: Fmt, idSuffix = ''): DocTable {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const cross = fig.services.byTypeAndCategory as Record<string, Record<string, number>>;
  const types = Object.keys(cross);
  const cell = (type: string, category: string): number => cross[type]?.[category] ?? 0;
  const values = (category: string): number[] => {
    const main = MAIN_TYPES.map((type) => cell(type, category));
    const all = types.reduce((a, type) => a + cell(type, category), 0);
    return [...main, all - main.reduce((a, b) => a + b, 0), all];
  };
  const categories: string[] = codesOf(CATEGORIES);
  for (const k of Object.keys(fig.services.byCategory)) if (!categories.includes(k) && k !== 'none') categories.push(k);
  const mainTotals = MAIN_TYPES.map((type) => fig.services.byType[type]);
  const total = [...mainTotals, fig.services.total - mainTotals.reduce((a, b) => a + b, 0), fig.services.total];
  return {
    id: `services-by-category-and-type${idSuffix}`,
    title: w('servicesByCategoryAndType'),
    head: [w('servicesByCategoryAndType'), w('colCrisis'), w('colMobile'), w('colHotline'), w('colOther'), w('total')],
    rows: [
      ...categories.map((code) => ({
        code: `services.byTypeAndCategory.${code}`,
        label: codeLabel(CATEGORIES, code, fmt.lang),
        values: values(code),
      })),
      { code: 'services.byTypeAndCategory.none', label: w('noCase'), values: values('none') },
      { code: 'services.byTypeAndCategory.total', label: w('total'), values: total },
    ],
  };
}

function caseloadTables(fig: Figures, fmt: Fmt): DocTable[] {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const head = (k: ReportWord): string[] => [w(k), w('openedInPeriod'), w('openAtEnd')];
  return [
    {
      id: 'caseload-by-center',
      title: w('caseloadByCenter'),
      head: head('caseloadByCenter'),
      rows: fig.cases.byCenter.map((e) => ({
        code: `cases.byCenter.${e.id ?? 'none'}`,
        label: e.id === null ? w('noCenter') : (e.name ?? fmt.id(e.id)),
        values: [e.opened, e.openAtEnd],
      })),
    },
    {
      id: 'caseload-by-worker',
      title: w('caseloadByWorker'),
      head: head('caseloadByWorker'),
      rows: fig.cases.byWorker.map((e) => ({
        code: `cases.byWorker.${e.id ?? 'none'}`,
        label: e.id === null ? w('nobody') : (e.name ?? fmt.id(e.id)),
        values: [e.opened, e.openAtEnd],
      })),
    },
    {
      id: 'services-by-worker',
      title: w('servicesByWorker'),
      head: [w('servicesByWorker'), w('services')],
      rows: fig.services.byWorker.map((e) => ({
        code: `services.byWorker.${e.id ?? 'none'}`,
        label: e.id === null ? w('noWorker') : (e.name ?? fmt.id(e.id)),
        values: [e.services],
      })),
    },
  ];
}

function charts(fig: Figures, fmt: Fmt, idPrefix = ''): DocChart[] {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const nonZero = (items: BarItem[]): BarItem[] => items.filter((i) => i.value > 0);
  return [
    {
      id: `${idPrefix}chart-by-type`,
      title: w('servicesByType'),
      items: nonZero(
        Object.entries(fig.services.byType).map(([code, value]) => ({ label: codeLabel(SERVICE_TYPES, code, fmt.lang), value })),
      ),
    },
    {
      id: `${idPrefix}chart-by-category`,
      title: w('servicesByCategory'),
      items: nonZero(
        Object.entries(fig.services.byCategory).map(([code, value]) => ({
          label: code === 'none' ? w('noCase') : codeLabel(CATEGORIES, code, fmt.lang),
          value,
        })),
      ),
    },
  ];
}

function periodText(p: { from: string; to: string }, fmt: Fmt): string {
  return `${fmt.date(p.from)} – ${fmt.date(p.to)}`;
}

function officeText(office: { code: string; name: string } | null, scope: ReportScope = null, fmt?: Fmt): string {
  const text = office === null ? '' : `${office.code} — ${office.name}`;
  if (scope === null || fmt === undefined) return text;
  return `${text} · ${reportWord(scope.kind === 'center' ? 'onlyCenter' : 'onlyWorker', fmt.lang)} ${scope.name}`;
}

/** The essential figures of a month or a period: the printed report's first page (the others follow as detail). */
const KEY_TABLES = ['services-by-type', 'services-by-channel', 'services-by-category', 'cases', 'followups', 'referrals'];

const MONTHLY_KEYS = new Set([
  'office',
  'scope',
  'period',
  'services',
  'cases',
  'followups',
  'clients',
  'referrals',
  'previousMonth',
  'yearToDate',
]);

/** Extra sections of the monthly report (REPORT_SECTIONS): each a table of its numbers, by path. */
function extraSectionTables(r: MonthlyReport, fmt: Fmt): DocTable[] {
  const tables: DocTable[] = [];
  for (const [key, value] of Object.entries(r)) {
    if (MONTHLY_KEYS.has(key)) continue;
    if (key === 'people') {
      tables.push(...peopleTables(value as PeopleFigures, fmt));
      continue;
    }
    const rows: DocRow[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number') rows.push({ code: `${key}.${path}`, label: path, values: [v] });
      else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
      }
    };
    walk(value, '');
    tables.push({ id: key, title: key, head: [key, reportWord('thisMonth', fmt.lang)], rows });
  }
  return tables;
}

export function monthlyDoc(r: MonthlyReport, fmt: Fmt): ReportDoc {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const columns: Column[] = [
    { head: w('thisMonth'), fig: r },
    { head: w('previousMonth'), fig: r.previousMonth },
    { head: w('yearToDate'), fig: r.yearToDate },
  ];
  return {
    rtl: fmt.rtl,
    title: `${w('monthlyReport')} — ${monthName(r.period.month ?? '', fmt)}`,
    office: officeText(r.office, r.scope, fmt),
    period: periodText(r.period, fmt),
    asOf: fmt.date(r.period.asOf),
    tables: [...figureTables(columns, fmt), categoryTypeTable(r, fmt), ...caseloadTables(r, fmt), ...extraSectionTables(r, fmt)],
    charts: charts(r, fmt),
    lists: [],
    keyTables: KEY_TABLES,
  };
}

function rangeDoc(r: RangeReport, fmt: Fmt): ReportDoc {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  return {
    rtl: fmt.rtl,
    title: w('rangeReport'),
    office: officeText(r.office, r.scope, fmt),
    period: periodText(r.period, fmt),
    asOf: fmt.date(r.period.asOf),
    tables: [...figureTables([{ head: w('wholePeriod'), fig: r }], fmt), categoryTypeTable(r, fmt), ...caseloadTables(r, fmt)],
    charts: charts(r, fmt),
    lists: [],
    keyTables: KEY_TABLES,
  };
}

function yearDoc(r: YearReport, fmt: Fmt): ReportDoc {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const monthLabel = (f: Figures): string => jalaliMonthNames[fmt.lang][Number((f.period.month ?? '-1').slice(5)) - 1] ?? '';
  const row = (f: Figures, i: number, values: (number | null)[]): DocRow => ({
    code: f.period.month ?? String(i),
    label: monthLabel(f),
    values,
  });
  const main = new Set(['crisis-intervention', 'mobile-team', 'hotline-call']);
  const others = (f: Figures): number =>
    Object.entries(f.services.byType)
      .filter(([k]) => !main.has(k))
      .reduce((a, [, n]) => a + n, 0);
  const byMonth: DocTable = {
    id: 'services-by-month',
    title: w('servicesByMonth'),
    head: [w('month'), w('colServices'), w('colCrisis'), w('colMobile'), w('colHotline'), w('colOther')],
    rows: [...r.months, r.total].map((f, i) =>
      row(f, i, [
        f.services.total,
        f.services.byType['crisis-intervention'],
        f.services.byType['mobile-team'],
        f.services.byType['hotline-call'],
        others(f),
      ]),
    ),
  };
  const casesByMonth: DocTable = {
    id: 'cases-by-month',
    title: w('casesByMonth'),
    head: [w('month'), w('colOpened'), w('colClosed'), w('colOpenAtEnd'), w('colDue'), w('colDone'), w('colMissed'), w('colClients')],
    rows: [...r.months, r.total].map((f, i) =>
      row(f, i, [
        f.cases.opened,
        f.cases.closed,
        f.cases.openAtEnd,
        f.followups.due,
        f.followups.done,
        f.followups.missed,
        f.clients.registered,
      ]),
    ),
  };
  for (const t of [byMonth, casesByMonth]) {
    const last = t.rows[t.rows.length - 1] as DocRow;
    last.label = w('wholeYear');
    last.code = 'year';
  }
  const yearText = digits(String(r.period.year), fmt.lang);
  return {
    rtl: fmt.rtl,
    title: `${w('yearReport')} — ${yearText}`,
    office: officeText(r.office, r.scope, fmt),
    period: periodText(r.period, fmt),
    asOf: fmt.date(r.period.asOf),
    tables: [
      byMonth,
      casesByMonth,
      ...figureTables([{ head: w('wholeYear'), fig: r.total }], fmt),
      categoryTypeTable(r.total, fmt),
      ...caseloadTables(r.total, fmt),
    ],
    charts: [
      {
        id: 'chart-by-month',
        title: w('servicesByMonth'),
        items: r.months.map((f) => ({ label: monthLabel(f), value: f.services.total })),
      },
      ...charts(r.total, fmt),
    ],
    lists: [],
    keyTables: ['services-by-month', 'cases-by-month'],
  };
}

export function rollupDoc(r: Rollup, fmt: Fmt): ReportDoc {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const codes = r.offices.map((o) => o.code);
  const main = (rep: AnyReport): Figures => ('months' in rep ? rep.total : rep);
  const columns: Column[] = [
    ...codes.map((c) => ({ head: c, fig: main(r.byOffice[c] as AnyReport) })),
    { head: w('total'), fig: main(r.total) },
  ];
  const tables = figureTables(columns, fmt);
  if (r.kind === 'monthly') {
    const ytd = (rep: AnyReport): Figures => (rep as MonthlyReport).yearToDate;
    const ytdColumns = [...codes.map((c) => ({ head: c, fig: ytd(r.byOffice[c] as AnyReport) })), { head: w('total'), fig: ytd(r.total) }];
    tables.push(...figureTables(ytdColumns, fmt, ` — ${w('yearToDate')}`, '-ytd'));
  }
  const total = main(r.total);
  const title =
    r.kind === 'monthly'
      ? `${w('rollup')} — ${monthName(total.period.month ?? '', fmt)}`
      : r.kind === 'year'
        ? `${w('rollup')} — ${digits(String((r.total as YearReport).period.year), fmt.lang)}`
        : w('rollup');
  return {
    rtl: fmt.rtl,
    title,
    office: r.offices.map((o) => `${o.code} — ${o.name}`).join(' · '),
    period: periodText(total.period, fmt),
    asOf: fmt.date(total.period.asOf),
    tables,
    charts: [
      {
        id: 'chart-by-office',
        title: w('servicesByOffice'),
        items: codes.map((c) => ({ label: c, value: main(r.byOffice[c] as AnyReport).services.total })),
      },
      ...charts(total, fmt),
    ],
    lists: [],
  };
}

export function reportDoc(r: AnyReport, fmt: Fmt): ReportDoc {
  if ('months' in r) return yearDoc(r, fmt);
  if ('previousMonth' in r) return monthlyDoc(r as MonthlyReport, fmt);
  return rangeDoc(r as RangeReport, fmt);
}

/** The nightly run's lists: ids, case numbers, dates, risk and the worker's name; never a client's name. */
export function attentionLists(a: Attention, fmt: Fmt): DocList[] {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  return [
    {
      id: 'overdue-followups',
      title: w('overdueFollowups'),
      head: [w('followupId'), w('caseNumber'), w('dueOn'), w('worker')],
      rows: a.overdueFollowups.items.map((f) => [
        fmt.id(f.id),
        fmt.text(f.caseNumber),
        fmt.date(f.dueOn),
        f.workerName ?? fmt.id(f.workerId),
      ]),
      more: a.overdueFollowups.total - a.overdueFollowups.items.length,
    },
    {
      id: 'unassigned-cases',
      title: w('unassignedCases'),
      head: [w('caseNumber'), w('openedOn'), w('risk')],
      rows: a.unassignedCases.items.map((c) => [fmt.text(c.caseNumber), fmt.date(c.openedOn), fmt.code(RISKS, c.risk)]),
      more: a.unassignedCases.total - a.unassignedCases.items.length,
    },
    {
      id: 'overdue-referrals',
      title: `${w('overdueReferrals')} (${w('moreThan')} ${fmt.n(a.overdueReferrals.answerDays)} ${w('days')})`,
      head: [w('referralId'), w('caseNumber'), w('sentOn'), w('agencyKind'), w('worker')],
      rows: a.overdueReferrals.items.map((r) => [
        fmt.id(r.id),
        fmt.text(r.caseNumber),
        fmt.date(r.sentOn),
        fmt.code(REFERRAL_AGENCIES, r.agencyKind),
        r.workerName ?? fmt.id(r.workerId),
      ]),
      more: a.overdueReferrals.total - a.overdueReferrals.items.length,
    },
  ];
}
