/**
 * The triggers that keep report_counts, generated from the declaration (measures.ts).
 * They are derived schema (src/store/derived.ts): created after the migrations, and
 * dropped and created again whenever this SQL changes.
 */
import { jalaliMonthSql, yearOfMonthSql } from './calendar.js';
import { CALENDAR_MEASURES, SOURCES, type Source, type Watch } from './measures.js';

export interface DerivedObject {
  type: 'trigger' | 'view';
  name: string;
  sql: string;
}

const UPSERT = `ON CONFLICT (measure, period, code) DO UPDATE SET n = n + excluded.n`;
const LEVELS = `(SELECT 0 AS level UNION ALL SELECT 1 UNION ALL SELECT 2)`;
const quoted = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

/**
 * Adds `sign` × the rows (day, measure, code, n) to report_counts at each day and, for
 * the calendar measures, at the day's Jalali month (140509) and year (-1405): SQLite
 * orders every integer before every text, and the years (negative) before the months,
 * so a range of days, of months or of years never meets another kind. A count that
 * comes back to 0 is deleted (report_counts_drop_zero).
 *
 * `grouped`: the rows are summed by day, measure and code first, so that a month is
 * looked up once per day and each count written once (a batch counts thousands of rows).
 * A trigger's few rows go straight in (the upsert adds up repeated keys), which costs
 * each written row less. `perDayOnly`: the source has no calendar measure, so no months.
 */
export function addRowsSql(rows: string, sign: 1 | -1 | string, o: { perDayOnly: boolean; grouped: boolean }): string {
  const insert = `INSERT INTO report_counts (period, measure, code, n)`;
  // LIMIT -1: the subquery is not flattened into the join, so its month is looked up once per row.
  const summed = o.grouped ? `SELECT y.day, y.measure, y.code, sum(y.n) AS n FROM (${rows}) AS y GROUP BY 1, 2, 3` : rows;
  if (o.perDayOnly) {
    return o.grouped
      ? `${insert} SELECT y.day, y.measure, y.code, ${sign} * sum(y.n) FROM (${rows}) AS y WHERE true GROUP BY 1, 2, 3 HAVING sum(y.n) <> 0 ${UPSERT};`
      : `${insert} SELECT y.day, y.measure, y.code, ${sign} * y.n FROM (${rows}) AS y WHERE true ${UPSERT};`;
  }
  const leveled = `FROM (SELECT g.day, g.measure, g.code, g.n, CASE WHEN g.measure IN (${quoted(CALENDAR_MEASURES)}) THEN ${jalaliMonthSql('g.day')} END AS month
        FROM (${summed}) AS g LIMIT -1) AS x
    CROSS JOIN ${LEVELS} AS l
  WHERE l.level = 0 OR x.month IS NOT NULL`;
  const period = `CASE l.level WHEN 0 THEN x.day WHEN 1 THEN x.month ELSE ${yearOfMonthSql('x.month')} END`;
  return o.grouped
    ? `${insert} SELECT ${period}, x.measure, x.code, ${sign} * sum(x.n) ${leveled} GROUP BY 1, 2, 3 HAVING sum(x.n) <> 0 ${UPSERT};`
    : `${insert} SELECT ${period}, x.measure, x.code, ${sign} * x.n ${leveled} ${UPSERT};`;
}

/** Whether every measure of the source is kept per day only (or as the present state). */
export const perDayOnly = (s: Source): boolean => Object.values(s.measures).every((m) => m.levels !== 'calendar');

/** The guard of a holdable insert trigger: a batch that set report_counts_held counts its new rows itself. */
export const notHeld = (source: string): string => `NOT EXISTS (SELECT 1 FROM report_counts_held WHERE source = '${source}')`;

function trigger(name: string, timing: string, when: readonly (string | undefined)[], body: string): DerivedObject {
  const conditions = when.filter((w): w is string => w !== undefined);
  const whenSql = conditions.length === 0 ? '' : `\nWHEN ${conditions.map((c) => `(${c})`).join(' AND ')}`;
  return { type: 'trigger', name, sql: `CREATE TRIGGER ${name} ${timing}${whenSql}\nBEGIN\n  ${body}\nEND` };
}

/**
 * Before a change: take away what the affected rows counted for; after it: add what
 * they count for now. A watched row of the source's own table counts for nothing
 * before its insert and after its delete, so those halves are left out.
 *
 * The rows' SQL is written once per watch, in the INSTEAD OF trigger of a view
 * (report_<source>[_on_<table>]_keys): inserting (key, sign) there adds (1) or takes
 * away (-1) everything the rows of that key count for. SQLite has no procedures, and a
 * view's INSTEAD OF trigger is one; the triggers on the table stay a line each (but the
 * insert of a row of the source's own table, counted in place), and the schema every
 * connection parses stays small.
 */
function watchTriggers(s: Source, w: Watch): DerivedObject[] {
  const base = `report_${s.name}${w.table === s.name ? '' : `_on_${w.table}`}`;
  const view = `${base}_keys`;
  const add = (keys: readonly string[], sign: 1 | -1): string =>
    `INSERT INTO ${view} (key, sign) ${keys.map((k) => `SELECT ${k}, ${sign}`).join(' UNION ')};`;
  const changed = w.columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const either = w.when === undefined ? undefined : `${w.when('old')} OR ${w.when('new')}`;
  const on = (event: string): string => `${event} ON ${w.table}`;
  const keys = [`old.${w.key}`, `new.${w.key}`];
  const of = `UPDATE OF ${w.columns.join(', ')} ON ${w.table}`;
  const procedure: DerivedObject[] = [
    { type: 'view', name: view, sql: `CREATE VIEW ${view} (key, sign) AS SELECT NULL, NULL WHERE 0` },
    trigger(
      `${view}_insert`,
      `INSTEAD OF INSERT ON ${view}`,
      [],
      addRowsSql(s.rows(w.match('new.key')), 'new.sign', { perDayOnly: perDayOnly(s), grouped: false }),
    ),
  ];
  const update = [
    trigger(`${base}_before_update`, `BEFORE ${of}`, [changed, either], add(keys, -1)),
    trigger(`${base}_after_update`, `AFTER ${of}`, [changed, either], add(keys, 1)),
  ];
  if (w.updatesOnly === true) return [...procedure, ...update];
  const other = w.own !== true;
  const noConflict = w.conflict === undefined ? undefined : `NOT ${w.conflict('new')}`;
  return [
    ...procedure,
    ...(other
      ? [trigger(`${base}_before_insert`, `BEFORE ${on('INSERT')}`, [w.when?.('new'), noConflict], add(['new.' + w.key], -1))]
      : []),
    // A new row of the source's own table (imports write them by the hundred thousand) is counted
    // in place, without the view's extra step.
    trigger(
      `${base}_after_insert`,
      `AFTER ${on('INSERT')}`,
      [w.when?.('new'), w.holdable === true ? notHeld(s.name) : undefined],
      other ? add(['new.' + w.key], 1) : addRowsSql(s.rows(w.match('new.' + w.key)), 1, { perDayOnly: perDayOnly(s), grouped: false }),
    ),
    ...update,
    trigger(`${base}_before_delete`, `BEFORE ${on('DELETE')}`, [w.when?.('old')], add(['old.' + w.key], -1)),
    ...(other ? [trigger(`${base}_after_delete`, `AFTER ${on('DELETE')}`, [w.when?.('old')], add(['old.' + w.key], 1))] : []),
  ];
}

/** Every derived object of the report counts, in creation order. */
export function reportCountObjects(): DerivedObject[] {
  return [
    trigger(
      'report_counts_drop_zero',
      'AFTER UPDATE OF n ON report_counts',
      ['new.n = 0'],
      'DELETE FROM report_counts WHERE measure = new.measure AND period = new.period AND code = new.code;',
    ),
    ...SOURCES.flatMap((s) => s.watches.flatMap((w) => watchTriggers(s, w))),
  ];
}

/** What migration 4 created to keep the counts, superseded by the objects above (dropped by name; 004 stays as history). */
export const MIGRATION_4_OBJECTS: readonly Pick<DerivedObject, 'type' | 'name'>[] = [
  ...[
    'report_counts_drop_zero',
    'report_calendar_fill',
    'report_case_changes_insert',
    'report_services_insert',
    'report_services_delete',
    'report_services_update',
    'report_cases_category',
    'report_case_categories_insert',
    'report_case_categories_delete',
    'report_case_categories_update',
    'report_cases_insert',
    'report_cases_before_update',
    'report_cases_after_update',
    'report_cases_delete',
    'report_case_events_before_insert',
    'report_case_events_after_insert',
    'report_case_events_before_update',
    'report_case_events_after_update',
    'report_case_events_before_delete',
    'report_case_events_after_delete',
    'report_followups_insert',
    'report_followups_update',
    'report_followups_delete',
    'report_clients_insert',
    'report_clients_update',
    'report_clients_delete',
  ].map((name) => ({ type: 'trigger' as const, name })),
  { type: 'view', name: 'report_case_changes' },
];
