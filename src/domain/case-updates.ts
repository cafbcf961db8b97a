/**
 * `case update`: correcting and completing a case record. Each change is kept on the
 * case's timeline (a raised or lowered risk as its own entry, the other fields named
 * with their previous codes and dates in one `updated` entry, the reason given with
 * both) and named, never valued, in the audit trail.
 */
import { ConflictError, ValidationError } from '../errors.js';
import {
  moveOpeningEvents,
  replaceCaseCategories,
  selectCase,
  selectCaseServiceDays,
  selectEarliestEvents,
  updateCaseCorrection,
} from '../store/cases.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import type { Case } from './cases.js';
import { optionalCenter } from './centers.js';
import { resolveClient } from './clients.js';
import { CATEGORIES, CHANNELS, RISKS, type Category, type Channel, type Risk } from './codes.js';
import type { WriteCtx } from './context.js';
import { parseDateInput, type IsoDate } from '../lang/dates.js';
import { isBlank, optionalNote, parseCode, requiredText, splitList } from './fields.js';
import { keepReplacedText } from './replaced-texts.js';
import { t } from '../messages/catalogue.js';

/** The options of `case update`, as typed. */
export interface RawUpdateCase {
  risk?: string | undefined;
  category?: string | undefined;
  /** The further problems, comma separated, replacing the list ('' for none). */
  categories?: string | undefined;
  center?: string | undefined;
  summary?: string | undefined;
  channel?: string | undefined;
  opened?: string | undefined;
  client?: string | undefined;
  reason?: string | undefined;
}

/** What the options ask for; undefined: left as it is. */
export interface UpdateCaseInput {
  risk?: Risk;
  category?: Category;
  /** The further problems, each once (the primary is taken out by the rules). */
  categories?: Category[];
  /** A reference the rules look up. */
  center?: string;
  summary?: string;
  channel?: Channel;
  openedOn?: IsoDate;
  /** A reference the rules look up. */
  client?: string;
  reason: string | null;
}

/** The options that change something, in the order the help lists them. */
export const UPDATE_OPTIONS = ['risk', 'category', 'categories', 'center', 'summary', 'channel', 'opened', 'client'] as const;

/** The fields whose change needs a reason: they move the report counts or restate what the case is about. */
const NEEDS_REASON: readonly CaseField[] = ['opened-on', 'channel', 'primary-category', 'categories'];

/** A field's name in the timeline and the audit trail. */
export type CaseField = 'risk' | 'primary-category' | 'categories' | 'center' | 'summary' | 'channel' | 'opened-on' | 'client';

export function parseUpdateCaseInput(raw: RawUpdateCase, today: IsoDate): UpdateCaseInput {
  if (UPDATE_OPTIONS.every((o) => raw[o] === undefined)) {
    throw new ValidationError(
      t('nothing to change: give at least one of {options}', { options: UPDATE_OPTIONS.map((o) => `--${o}`).join(', ') }),
      'case',
    );
  }
  const input: UpdateCaseInput = { reason: optionalNote(raw.reason, 'reason', 1000) };
  if (raw.risk !== undefined) input.risk = parseCode(RISKS, requiredText(raw.risk, 'risk'), 'risk');
  if (raw.category !== undefined) input.category = parseCode(CATEGORIES, requiredText(raw.category, 'category'), 'category');
  if (raw.categories !== undefined) {
    const list = isBlank(raw.categories) ? [] : splitList(raw.categories).map((c) => parseCode(CATEGORIES, c, 'categories'));
    input.categories = list.filter((c, i) => list.indexOf(c) === i);
  }
  if (raw.center !== undefined) input.center = requiredText(raw.center, 'center');
  if (raw.summary !== undefined) {
    const summary = optionalNote(raw.summary, 'summary');
    if (summary === null) throw new ValidationError(t('summary is empty: give the corrected text'), 'summary');
    input.summary = summary;
  }
  if (raw.channel !== undefined) input.channel = parseCode(CHANNELS, requiredText(raw.channel, 'channel'), 'channel');
  if (raw.opened !== undefined) {
    input.openedOn = parseDateInput(requiredText(raw.opened, 'opened'), { today, field: 'opened', kind: 'record' });
  }
  if (raw.client !== undefined) input.client = requiredText(raw.client, 'client');
  return input;
}

export interface CaseUpdateResult {
  case: Case;
  /** The fields changed, as named in the timeline and the audit trail (at least one). */
  changed: CaseField[];
}

const RANK: Readonly<Record<string, number>> = { low: 0, medium: 1, high: 2, critical: 3 };
const further = (categories: readonly string[], primary: string): string[] => categories.filter((c) => c !== primary);

/**
 * The rules of `case update`. Values equal to the case's are not changes, and at least one
 * change is required (exit 2, as when no option is given). A date, channel
 * or problem change needs a reason; an opening date may not fall after anything already
 * recorded on the case (exit 4); a client is linked only to an anonymous case, once.
 */
export function recordCaseUpdate(ctx: WriteCtx, c: Case, input: UpdateCaseInput): CaseUpdateResult {
  const next = {
    clientId: c.clientId,
    channel: c.channel,
    primaryCategory: c.primaryCategory,
    risk: c.risk,
    centerId: c.centerId,
    openedOn: c.openedOn,
    summary: c.summary,
  };
  // What the timeline says of each change: "field: before → after" for codes, dates and ids; the summary by name only.
  const changes: { field: CaseField; text: string }[] = [];
  const change = (field: CaseField, before: string, after: string): void => {
    changes.push({ field, text: `${field}: ${before} → ${after}` });
  };

  if (input.client !== undefined) {
    const client = resolveClient(ctx, input.client);
    if (c.clientId === null) {
      next.clientId = client.id;
      change('client', 'anonymous', `#${client.id}`);
    } else if (c.clientId !== client.id) {
      throw new ConflictError(
        t('case {number} already has a client: a client is linked to an anonymous case only, once', { number: c.caseNumber }),
        'client',
      );
    }
  }
  if (input.category !== undefined && input.category !== c.primaryCategory) {
    next.primaryCategory = input.category;
    change('primary-category', c.primaryCategory, input.category);
  }
  const before = further(c.categories, c.primaryCategory);
  const after = further(input.categories ?? before, next.primaryCategory);
  if (!sameSet(before, after)) {
    change('categories', [...before].sort().join(',') || '-', [...after].sort().join(',') || '-');
  }
  if (input.channel !== undefined && input.channel !== c.channel) {
    next.channel = input.channel;
    change('channel', c.channel, input.channel);
  }
  if (input.openedOn !== undefined && input.openedOn !== c.openedOn) {
    checkOpeningDate(ctx, c, input.openedOn);
    next.openedOn = input.openedOn;
    change('opened-on', c.openedOn, input.openedOn);
  }
  if (input.center !== undefined) {
    const center = optionalCenter(ctx, input.center);
    if (center !== null && center.id !== c.centerId) {
      next.centerId = center.id;
      change('center', c.centerId === null ? '-' : `#${c.centerId}`, `#${center.id}`);
    }
  }
  if (input.summary !== undefined && input.summary !== c.summary) {
    next.summary = input.summary;
    changes.push({ field: 'summary', text: 'summary' });
  }
  const riskChanged = input.risk !== undefined && input.risk !== c.risk;
  if (riskChanged) next.risk = input.risk as Risk;

  const fields = [...(riskChanged ? (['risk'] as CaseField[]) : []), ...changes.map((x) => x.field)];
  if (fields.length === 0) {
    throw new ValidationError(t('nothing to change: case {number} already has these values', { number: c.caseNumber }), 'case');
  }
  const needing = changes.filter((x) => NEEDS_REASON.includes(x.field)).map((x) => x.field);
  if (needing.length > 0 && input.reason === null) {
    throw new ValidationError(
      t('a change of {fields} needs --reason: say why the record is corrected', { fields: needing.join(', ') }),
      'reason',
    );
  }

  updateCaseCorrection(ctx.db, c.id, next, ctx.now());
  if (next.primaryCategory !== c.primaryCategory || !sameSet(before, after)) {
    replaceCaseCategories(ctx.db, c.id, next.primaryCategory, [next.primaryCategory, ...after]);
  }
  if (next.openedOn !== c.openedOn) moveOpeningEvents(ctx.db, c.id, c.openedOn, next.openedOn);
  if (riskChanged) {
    const way = (RANK[next.risk] ?? 0) > (RANK[c.risk] ?? 0) ? 'raised' : 'lowered';
    addEvent(ctx, c.id, 'risk-changed', ctx.today, { reason: `${way}: ${c.risk} → ${next.risk}`, text: input.reason });
  }
  if (changes.length > 0) {
    const eventId = addEvent(ctx, c.id, 'updated', ctx.today, { reason: changes.map((x) => x.text).join('; '), text: input.reason });
    // The summary is free text about a person: named on the timeline, and the text it replaced kept apart (replaced_texts).
    keepReplacedText(ctx, {
      recordType: 'case',
      recordId: c.id,
      field: 'summary',
      before: c.summary,
      after: next.summary,
      reason: input.reason,
      caseEventId: eventId,
    });
  }
  recordAudit(ctx, 'update', 'case', c.id, fields);
  return { case: selectCase(ctx.db, c.id) as Case, changed: fields };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** An opening date after the first service, a closing or another entry of the timeline would put them before the case existed. */
function checkOpeningDate(ctx: WriteCtx, c: Case, openedOn: IsoDate): void {
  if (openedOn > ctx.today) throw new ValidationError(t('opened date is in the future'), 'opened');
  const services = selectCaseServiceDays(ctx.db, c.id);
  if (services !== undefined && services.first < openedOn) {
    throw new ConflictError(
      t('the case has a service dated before that opening date (first service {date})', { date: services.first }),
      'opened',
    );
  }
  const earliest = selectEarliestEvents(ctx.db, c.id, c.openedOn);
  if (earliest.closing !== null && earliest.closing < openedOn) {
    throw new ConflictError(t('the case was closed or reopened before that opening date ({date})', { date: earliest.closing }), 'opened');
  }
  if (earliest.other !== null && earliest.other < openedOn) {
    throw new ConflictError(
      t("the case's timeline has an entry dated before that opening date ({date})", { date: earliest.other }),
      'opened',
    );
  }
}
