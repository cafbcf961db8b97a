/** Human views of the duty roster: patterns, assignments, the week/month grid, gaps and who is on duty. */
import { DUTY_SERVICES, WEEKDAYS, WEEKDAY_ORDER } from '../../domain/people/codes.js';
import type { AssignResult, Assignment } from '../../domain/roster/assignments.js';
import type { Gap, RosterView, Shift } from '../../domain/roster/coverage.js';
import type { OnDutyView } from '../../domain/roster/on-duty.js';
import type { Pattern } from '../../domain/roster/patterns.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { digits } from '../labels.js';
import { hoursSpan, instant, pw } from './people-words.js';
import { render } from '../../messages/catalogue.js';

export function patternCard(p: Pattern, f: Fmt): string {
  return renderCard(
    [
      [f.w('id'), f.id(p.id)],
      [pw(f, 'service'), f.code(DUTY_SERVICES, p.service)],
      [pw(f, 'shift'), p.name],
      [pw(f, 'hours'), hoursSpan(f, p.startTime, p.endTime)],
      [pw(f, 'overnight'), f.yesNo(p.overnight)],
      [pw(f, 'needed'), f.n(p.peopleNeeded)],
      [pw(f, 'validFrom'), f.date(p.validFrom)],
      [pw(f, 'retiredOn'), f.date(p.retiredOn)],
      [f.w('active'), f.yesNo(p.active)],
    ],
    { rtl: f.rtl },
  );
}

export function patternTable(rows: Pattern[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), pw(f, 'service'), pw(f, 'shift'), pw(f, 'hours'), pw(f, 'needed'), pw(f, 'validFrom'), f.w('active')],
    rows.map((p) => [
      f.id(p.id),
      f.code(DUTY_SERVICES, p.service),
      p.name,
      hoursSpan(f, p.startTime, p.endTime),
      f.n(p.peopleNeeded),
      f.date(p.validFrom),
      f.yesNo(p.active),
    ]),
    // In 80 columns: the service and the shift's name cut first, then the first day goes (`roster pattern show`).
    { rtl: f.rtl, numeric: [0, 4], cut: [1, 2], drop: [5] },
  );
}

export function assignmentTable(rows: Assignment[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), f.w('date'), pw(f, 'service'), pw(f, 'shift'), pw(f, 'hours'), f.w('staff')],
    rows.map((a) => [
      f.id(a.id),
      f.date(a.shiftDate),
      f.code(DUTY_SERVICES, a.service),
      a.patternName,
      hoursSpan(f, a.startsAt, a.endsAt),
      f.named(f.person(a), a.staffId),
    ]),
    { rtl: f.rtl, numeric: [0], names: [5], cut: [2, 3] },
  );
}

export function assignResultView(r: AssignResult, f: Fmt): string {
  const parts = [assignmentTable(r.assigned, f)];
  if (r.skipped.length > 0) {
    parts.push(
      `${pw(f, 'skipped')}:`,
      renderTable(
        [f.w('date'), pw(f, 'reason')],
        r.skipped.map((s) => [f.date(s.date), f.said(render(s.why, f.lang))]),
        { rtl: f.rtl, wrap: [1] },
      ),
    );
  }
  return parts.join('\n');
}

const weekdayOf = (f: Fmt, date: string, weekday: string): string => `${f.code(WEEKDAYS, weekday)} ${f.date(date)}`;

export function gapsView(r: { from: string; to: string; gaps: Gap[] }, f: Fmt): string {
  if (r.gaps.length === 0) return pw(f, 'noGaps');
  return renderTable(
    [f.w('date'), pw(f, 'service'), pw(f, 'shift'), pw(f, 'hours'), pw(f, 'needed'), pw(f, 'assigned'), pw(f, 'missing'), pw(f, 'people')],
    r.gaps.map((g) => [
      f.date(g.date),
      f.code(DUTY_SERVICES, g.service),
      g.name,
      hoursSpan(f, g.startsAt, g.endsAt),
      f.n(g.needed),
      f.n(g.assigned),
      f.n(g.missing),
      g.people.map((p) => f.person(p)).join('\n'),
    ]),
    // In 80 columns: the labels cut, the people one a line; then "assigned" and "needed" go (--json has them).
    { rtl: f.rtl, numeric: [4, 5, 6], cut: [1, 2], names: [7], drop: [5, 4] },
  );
}

/** `20–08` for shifts on the hour, else `07:30–15:30`: a person's calendar has seven columns in 80. */
function shortSpan(f: Fmt, start: string, end: string): string {
  const [a, b] = [start.slice(-5), end.slice(-5)];
  return digits(a.endsWith(':00') && b.endsWith(':00') ? `${a.slice(0, 2)}–${b.slice(0, 2)}` : `${a}–${b}`, f.lang);
}

function shiftCell(s: Shift, f: Fmt, showPeople: boolean): string {
  const lines = showPeople
    ? s.people.map((p) => f.person(p))
    : [`${f.code(DUTY_SERVICES, s.service)} ${s.name} ${shortSpan(f, s.startsAt, s.endsAt)}`];
  if (showPeople && s.people.length < s.needed) {
    lines.push(s.people.length === 0 ? `! ${pw(f, 'nobody')}` : `! ${f.n(s.needed - s.people.length)} ${pw(f, 'short')}`);
  }
  return lines.join('\n');
}

/**
 * A service's roster: one row per day (Saturday first), one column per shift.
 * A person's roster: a calendar, one row per Jalali week, Saturday to Friday.
 * In 80 columns a person's calendar shows the month and day (the title gives the year),
 * and a shift's words and the people's names go on over lines of their cell; a service grid
 * with more shifts than fit is drawn as several tables, each with the day column.
 */
export function rosterGrid(v: RosterView, f: Fmt): string {
  const title = `${f.date(v.from)} – ${f.date(v.to)}${v.service ? ` · ${f.code(DUTY_SERVICES, v.service)}` : ''}${v.staffId !== null ? ` · ${f.w('staff')} ${f.id(v.staffId)}` : ''}`;
  if (v.staffId !== null) {
    const head = WEEKDAY_ORDER.map((d) => f.code(WEEKDAYS, d));
    const rows: string[][] = [];
    let row: string[] = [];
    const firstIndex = WEEKDAY_ORDER.indexOf(v.days[0]?.weekday ?? 'saturday');
    for (let i = 0; i < firstIndex; i++) row.push('');
    for (const d of v.days) {
      row.push([monthDay(f.date(d.date)), ...d.shifts.map((s) => shiftCell(s, f, false))].join('\n'));
      if (row.length === 7) {
        rows.push(row);
        row = [];
      }
    }
    if (row.length > 0) rows.push([...row, ...Array.from({ length: 7 - row.length }, () => '')]);
    return `${title}\n${renderTable(head, rows, { rtl: f.rtl, wrap: head.map((_, i) => i) })}`;
  }
  const columns = new Map<number, Shift>();
  for (const d of v.days) for (const s of d.shifts) if (!columns.has(s.patternId)) columns.set(s.patternId, s);
  if (columns.size === 0) return `${title}\n${f.w('none')}`;
  const ordered = [...columns.values()].sort(
    (a, b) => a.service.localeCompare(b.service) || a.startsAt.slice(11).localeCompare(b.startsAt.slice(11)) || a.patternId - b.patternId,
  );
  const head = [
    pw(f, 'day'),
    ...ordered.map((s) => `${v.service ? '' : f.code(DUTY_SERVICES, s.service) + ' '}${s.name}\n${hoursSpan(f, s.startsAt, s.endsAt)}`),
  ];
  const rows = v.days.map((d) => [
    weekdayOf(f, d.date, d.weekday),
    ...ordered.map((col) => {
      const s = d.shifts.find((x) => x.patternId === col.patternId);
      return s === undefined ? '' : shiftCell(s, f, true);
    }),
  ]);
  const shifts = ordered.map((_, i) => i + 1);
  return `${title}\n${renderTable(head, rows, { rtl: f.rtl, wrap: shifts, panels: [0] })}`;
}

/** The month and day of a shown date (`1405/09/04` → `09/04`), in whichever digits it was shown: the title gives the year. */
function monthDay(shown: string): string {
  return shown.split(/[/-]/).slice(-2).join('/');
}

export function onDutyView(v: OnDutyView, f: Fmt): string {
  const lines = [`${pw(f, 'at')}: ${instant(f, v.at)}`];
  if (v.services.length === 0) lines.push(f.w('none'));
  for (const s of v.services) {
    const people = s.people.map((p) => `${f.person(p)} ${f.id(p.staffId)} (${p.patternName} ${hoursSpan(f, p.startsAt, p.endsAt)})`);
    lines.push(`${f.code(DUTY_SERVICES, s.service)}: ${people.length > 0 ? people.join('; ') : `! ${pw(f, 'nobody')}`}`);
  }
  return lines.join('\n');
}

export function settingsCard(s: { restHours: number }, f: Fmt): string {
  return renderCard([[pw(f, 'restHours'), f.n(s.restHours)]], { rtl: f.rtl });
}
