import { FOLLOWUP_STATUSES, RISKS } from '../../domain/codes.js';
import type { Followup } from '../../domain/followups.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';

export function followupCard(x: Followup, f: Fmt): string {
  return renderCard(
    [
      [f.w('id'), f.id(x.id)],
      [f.w('caseNumber'), f.text(x.caseNumber)],
      [f.w('dueOn'), f.date(x.dueOn)],
      [f.w('worker'), f.named(x.workerName, x.workerId)],
      [f.w('status'), f.code(FOLLOWUP_STATUSES, x.status)],
      [f.w('doneOn'), f.date(x.doneOn)],
      [f.w('outcome'), x.outcome ?? ''],
      [f.w('note'), x.note ?? ''],
    ],
    { rtl: f.rtl },
  );
}

export function followupTable(rows: Followup[], f: Fmt, today?: string): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), f.w('dueOn'), f.w('status'), f.w('caseNumber'), f.w('risk'), f.w('worker')],
    rows.map((x) => [
      f.id(x.id),
      f.date(x.dueOn) + (today !== undefined && x.status === 'scheduled' && x.dueOn < today ? ' !' : ''),
      f.code(FOLLOWUP_STATUSES, x.status),
      f.text(x.caseNumber),
      f.code(RISKS, x.risk),
      x.workerName ?? '',
    ]),
    { rtl: f.rtl, numeric: [0], names: [5] },
  );
}
