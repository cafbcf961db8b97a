/**
 * Finding a client, a worker or a center from part of a name, for the search prompts:
 * the typed text becomes matching keys (src/lang/persian.ts: ي/ی, ك/ک, ZWNJ and spaces
 * do not matter), one per word, and the store reads at most `limit` matches.
 */
import { toLatinDigits } from '../lang/digits.js';
import { matchingKey } from '../lang/persian.js';
import {
  selectCenterPicks,
  selectClientPicks,
  selectStaffPicks,
  type CenterPick,
  type ClientPick,
  type StaffPick,
} from '../store/pickers.js';
import type { ReadCtx } from './context.js';

export type { CenterPick, ClientPick, StaffPick };

/** Matches shown at once: enough to find a namesake, few enough to read at a glance. */
export const PICK_LIMIT = 10;

/** A client's name must be typed, at least this many letters of it: an empty search lists nobody's name. */
export const CLIENT_MIN_LETTERS = 2;

interface Term {
  keys: string[];
  /** The term as digits ("12", "۱۲", "#12", "0013…"), or null when it holds anything else. */
  digits: string | null;
}

function readTerm(text: string | undefined): Term {
  const t = (text ?? '').trim();
  const d = toLatinDigits(t).replace(/^#/, '').replace(/[\s-]/g, '');
  if (/^\d+$/.test(d)) return { keys: [], digits: d.length > 12 ? d.slice(0, 12) : d };
  const keys = t
    .split(/\s+/)
    .map((w) => matchingKey(w))
    .filter((k) => k !== '');
  return { keys, digits: null };
}

export function pickClients(ctx: Pick<ReadCtx, 'db'>, text: string | undefined, limit = PICK_LIMIT): ClientPick[] {
  const term = readTerm(text);
  if (term.digits === null && term.keys.join('').length < CLIENT_MIN_LETTERS) return [];
  return selectClientPicks(ctx.db, { ...term, limit });
}

export function pickStaff(ctx: Pick<ReadCtx, 'db'>, text: string | undefined, limit = PICK_LIMIT): StaffPick[] {
  const term = readTerm(text);
  return selectStaffPicks(ctx.db, { keys: term.keys, id: term.digits === null ? null : Number(term.digits), limit });
}

export function pickCenters(ctx: Pick<ReadCtx, 'db'>, text: string | undefined, limit = PICK_LIMIT): CenterPick[] {
  const term = readTerm(text);
  return selectCenterPicks(ctx.db, { keys: term.keys, id: term.digits === null ? null : Number(term.digits), limit });
}
