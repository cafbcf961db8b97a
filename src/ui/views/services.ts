import { CHANNELS, SERVICE_TYPES } from '../../domain/codes.js';
import type { Service } from '../../domain/services.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';

export function serviceCard(s: Service, f: Fmt): string {
  return renderCard(
    [
      [f.w('id'), f.id(s.id)],
      [f.w('caseNumber'), f.text(s.caseNumber)],
      [f.w('date'), f.date(s.serviceDate)],
      [f.w('type'), f.code(SERVICE_TYPES, s.type)],
      [f.w('channel'), f.code(CHANNELS, s.channel)],
      [f.w('worker'), f.named(s.workerName, s.workerId)],
      [f.w('minutes'), f.n(s.minutes)],
      [f.w('note'), s.note ?? ''],
      // A voided service: who voided it, when and why.
      ...(s.voidedAt === null
        ? []
        : [[f.w('voided'), `${f.timestamp(s.voidedAt)} ${s.voidedBy ?? ''}: ${s.voidReason ?? ''}`] as [string, string]]),
    ],
    { rtl: f.rtl },
  );
}

/** The type as read in a table; a voided service says so in the same cell. */
const typeCell = (s: Service, f: Fmt): string => f.code(SERVICE_TYPES, s.type) + (s.voidedAt === null ? '' : ` (${f.w('void')})`);

export function serviceTable(rows: Service[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), f.w('date'), f.w('type'), f.w('caseNumber'), f.w('worker'), f.w('minutes')],
    rows.map((s) => [f.id(s.id), f.date(s.serviceDate), typeCell(s, f), f.text(s.caseNumber), s.workerName ?? '', f.n(s.minutes)]),
    // In 80 columns: the worker cut first, then the minutes go (in `service correct`'s card and --json).
    { rtl: f.rtl, numeric: [0, 5], names: [4], drop: [5] },
  );
}
