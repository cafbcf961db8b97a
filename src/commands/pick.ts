/**
 * The prompts that choose a record by typing part of its name (a client, a worker, a center),
 * and the checks a command runs on its given flags before its first question.
 */
import { resolveCenter } from '../domain/centers.js';
import type { Catalogue } from '../domain/codes.js';
import { splitList, parseCode, parseInteger } from '../domain/fields.js';
import { pickCenters, pickClients, pickStaff } from '../domain/pickers.js';
import { resolveActiveWorker, resolveStaff } from '../domain/staff.js';
import { parseDateInput } from '../lang/dates.js';
import type { Runtime } from '../runtime.js';
import { centerPickLabel, clientPickLabel, pickWord, staffPickLabel } from '../ui/pick-labels.js';
import type { PromptChoice, PromptSpec } from '../ui/prompts.js';
import { fmt } from './shared.js';

/** The client prompt's answer for "anonymous caller": no flag value can be it (a NUL never reaches argv). */
export const ANONYMOUS_CALLER = '\u0000anonymous';

type Search = NonNullable<PromptSpec['search']>;

/** A client by part of the name, the national code or the id; the answer is `#id`. */
export function clientSearch(rt: Runtime, opts: { anonymous?: boolean } = {}): Search {
  const f = fmt(rt);
  const pinned: PromptChoice[] = opts.anonymous === true ? [{ value: ANONYMOUS_CALLER, name: pickWord('anonymous', rt.lang) }] : [];
  return {
    pinned,
    find: (term) => {
      // Nobody's name is listed before two letters of it (or digits) are typed.
      const t = term.trim();
      if (t === '' || (!/\p{Nd}/u.test(t) && t.length < 2)) return [{ value: '', name: pickWord('typeName', rt.lang), disabled: true }];
      return rt.read((ctx) => pickClients(ctx, term)).map((c) => ({ value: `#${c.id}`, name: clientPickLabel(c, f) }));
    },
  };
}

/** A staff member by part of the name or the id (active ones first); the answer is `#id`. */
export function staffSearch(rt: Runtime): Search {
  const f = fmt(rt);
  return { find: (term) => rt.read((ctx) => pickStaff(ctx, term)).map((s) => ({ value: `#${s.id}`, name: staffPickLabel(s, f) })) };
}

/** A center by part of its name or the id; the answer is `#id`. */
export function centerSearch(rt: Runtime): Search {
  const f = fmt(rt);
  return { find: (term) => rt.read((ctx) => pickCenters(ctx, term)).map((c) => ({ value: `#${c.id}`, name: centerPickLabel(c, f) })) };
}

// Checks of given flags, each the parser or the lookup the command itself uses.

export const codeCheck =
  <C extends string>(cat: Catalogue<C>, field: string) =>
  (v: string): unknown =>
    parseCode(cat, v, field);

export const codesCheck =
  <C extends string>(cat: Catalogue<C>, field: string) =>
  (v: string): unknown =>
    splitList(v).map((c) => parseCode(cat, c, field));

export const dateCheck =
  (rt: Runtime, field: string) =>
  (v: string): unknown =>
    parseDateInput(v, { today: rt.today, field, kind: 'record' });

export const integerCheck =
  (field: string, range: { min?: number; max?: number } = {}) =>
  (v: string): unknown =>
    parseInteger(v, field, range);

export const staffCheck =
  (rt: Runtime, field = 'worker') =>
  (v: string): unknown =>
    rt.read((ctx) => resolveStaff(ctx, v, field));

export const centerCheck =
  (rt: Runtime, field = 'center') =>
  (v: string): unknown =>
    rt.read((ctx) => resolveCenter(ctx, v, field));

/** A worker who may take new work: people who have left are refused, as the command refuses them. */
export const activeWorkerCheck =
  (rt: Runtime, field = 'worker') =>
  (v: string): unknown =>
    rt.read((ctx) => resolveActiveWorker(ctx, v, field));
