import { CENTER_KINDS, ROLES, SECTORS } from '../../domain/codes.js';
import type { Center, CenterDetail } from '../../domain/centers.js';
import { DEGREES } from '../../domain/people/codes.js';
import { formatPhoneLocal } from '../../domain/people/phone.js';
import type { LeaveResult, Staff, StaffDetail } from '../../domain/staff.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { pw } from './people-words.js';

export function staffCard(s: Staff | StaffDetail | LeaveResult, f: Fmt): string {
  const pairs: [string, string][] = [
    [f.w('id'), f.id(s.id)],
    [f.w('name'), f.person(s)],
    [pw(f, 'nationalCode'), f.text(s.nationalCode)],
    [f.w('role'), f.code(ROLES, s.role)],
    [f.w('sector'), f.code(SECTORS, s.sector)],
    [f.w('center'), f.named(s.centerName, s.centerId)],
    [pw(f, 'degree'), f.code(DEGREES, s.degree)],
    [pw(f, 'field'), s.field ?? ''],
    [pw(f, 'membershipNo'), f.text(s.membershipNo)],
    [pw(f, 'phone'), s.phone === null ? '' : f.text(formatPhoneLocal(s.phone))],
    [pw(f, 'startDate'), f.date(s.startDate)],
    [pw(f, 'leftOn'), f.date(s.leftOn)],
    [f.w('active'), f.yesNo(s.active)],
  ];
  if ('caseload' in s) {
    pairs.push(
      [f.w('openCases'), f.n(s.caseload.openCases)],
      [f.w('followupsDueThisWeek'), f.n(s.caseload.followupsDueThisWeek)],
      [f.w('followupsOverdue'), f.n(s.caseload.followupsOverdue)],
    );
  }
  if ('removedAssignments' in s && s.removedAssignments > 0) pairs.push([pw(f, 'removedAssignments'), f.n(s.removedAssignments)]);
  return renderCard(pairs, { rtl: f.rtl });
}

export function staffTable(rows: (Staff | StaffDetail)[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  const withLoad = rows.some((s) => 'caseload' in s);
  const head = [f.w('id'), f.w('name'), f.w('role'), f.w('sector'), f.w('center'), f.w('active')];
  if (withLoad) head.push(pw(f, 'open'), pw(f, 'due7'), pw(f, 'overdue'));
  return renderTable(
    head,
    rows.map((s) => {
      const row = [f.id(s.id), f.person(s), f.code(ROLES, s.role), f.code(SECTORS, s.sector), s.centerName ?? '', f.yesNo(s.active)];
      if ('caseload' in s) row.push(f.n(s.caseload.openCases), f.n(s.caseload.followupsDueThisWeek), f.n(s.caseload.followupsOverdue));
      return row;
    }),
    // In 80 columns: names and the center cut first, then the sector goes, then the role (both in `staff show`).
    { rtl: f.rtl, numeric: withLoad ? [0, 6, 7, 8] : [0], names: [1, 4], cut: [2], drop: [3, 2] },
  );
}

export function centerCard(c: Center | CenterDetail, f: Fmt): string {
  const pairs: [string, string][] = [
    [f.w('id'), f.id(c.id)],
    [f.w('name'), c.name],
    [f.w('kind'), f.code(CENTER_KINDS, c.kind)],
    [f.w('sector'), f.code(SECTORS, c.sector)],
    [f.w('capacity'), f.n(c.capacity)],
    [f.w('county'), c.county ?? ''],
  ];
  if ('openCases' in c) {
    pairs.push([f.w('openCases'), f.n(c.openCases)], [f.w('staff'), f.n(c.staff)]);
    if (c.overCapacity) pairs.push([f.w('overCapacity'), f.yesNo(true)]);
  }
  return renderCard(pairs, { rtl: f.rtl });
}

export function centerTable(rows: Center[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), f.w('name'), f.w('kind'), f.w('sector'), f.w('capacity')],
    rows.map((c) => [f.id(c.id), c.name, f.code(CENTER_KINDS, c.kind), f.code(SECTORS, c.sector), f.n(c.capacity)]),
    // In 80 columns: the name and kind cut first, then the sector goes, then the capacity (both in `center show`).
    { rtl: f.rtl, numeric: [0, 4], names: [1], cut: [2], drop: [3, 4] },
  );
}
