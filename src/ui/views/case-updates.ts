/** How `case update`'s timeline entries read (risk-changed, updated) in English and Persian. */
import type { CaseEvent } from '../../domain/cases.js';
import { CATEGORIES, CHANNELS, RISKS } from '../../domain/codes.js';
import type { Fmt } from '../format.js';
import type { Word } from '../labels.js';

/** A field's name on the timeline, as read. */
const FIELDS = {
  risk: 'risk',
  'primary-category': 'category',
  categories: 'categories',
  center: 'center',
  summary: 'summary',
  channel: 'channel',
  'opened-on': 'openedOn',
  client: 'client',
} as const satisfies Record<string, Word>;

/** One value of a field as stored in the entry ("-" for none, "#12" for a record, codes, ISO dates). */
function value(field: string, v: string, f: Fmt): string {
  if (v === '-' || v === '') return f.w('none');
  if (v === 'anonymous') return f.w('anonymous');
  if (v.startsWith('#')) return f.text(v);
  if (field === 'primary-category' || field === 'categories') return f.list(v.split(',').map((c) => f.code(CATEGORIES, c)));
  if (field === 'channel') return f.code(CHANNELS, v);
  if (field === 'risk') return f.code(RISKS, v);
  if (field === 'opened-on') return f.date(v);
  return f.text(v);
}

/** "field: before → after" as read; an unknown shape is shown as stored. */
function change(text: string, f: Fmt): string {
  const m = /^([a-z-]+)(?:: (.*) → (.*))?$/.exec(text);
  if (m === null) return text;
  const field = m[1] as string;
  const label = field in FIELDS ? f.w(FIELDS[field as keyof typeof FIELDS]) : field;
  return m[2] === undefined ? label : `${label}: ${value(field, m[2], f)} → ${value(field, m[3] as string, f)}`;
}

/** The details of a risk-changed or updated entry, or none for other kinds. */
export function caseUpdateDetail(e: CaseEvent, f: Fmt): string[] {
  if (e.reason === null) return [];
  if (e.kind === 'risk-changed') {
    const m = /^(raised|lowered): (.*) → (.*)$/.exec(e.reason);
    if (m === null) return [e.reason];
    return [`${f.w(m[1] as 'raised' | 'lowered')} ${f.code(RISKS, m[2])} → ${f.code(RISKS, m[3])}`];
  }
  if (e.kind === 'updated') return e.reason.split('; ').map((x) => change(x, f));
  return [];
}
