/**
 * The building blocks of the --json contract: the value shapes every command's
 * output is made of (ISO dates, UTC timestamps, ids, counts, codes of the one
 * catalogue). The schemas in this folder describe what `--json` prints; nothing
 * on the program's run-time path imports them (see index.ts).
 */
import * as z from 'zod';
import { codesOf, type Catalogue } from '../domain/codes.js';

/** A day, ISO `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A moment in UTC, ISO with `Z` (`createdAt`, `updatedAt`, `at`). */
export const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
/** Local wall-clock time of a shift, `YYYY-MM-DDTHH:MM`, no zone. */
export const localInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
/** A time of day, `HH:MM`. */
export const clockTime = z.string().regex(/^\d{2}:\d{2}$/);
/** A Jalali month, `1405-09`. */
export const jalaliMonth = z.string().regex(/^\d{4}-\d{2}$/);

export const id = z.number().int().positive();
export const count = z.number().int().nonnegative();

/** One code of a catalogue (src/domain/codes.ts): what is stored and printed, never a label. */
export function codeOf<C extends string>(cat: Catalogue<C>) {
  return z.enum(codesOf(cat) as [C, ...C[]]);
}

/** Every code of a catalogue as a key (0 when nothing happened), so the keys never change. */
export function byCode<C extends string, T extends z.ZodType>(
  codes: Catalogue<C> | readonly string[],
  value: T,
  extra: readonly string[] = [],
) {
  const keys = [...(Array.isArray(codes) ? codes : codesOf(codes as Catalogue<C>)), ...extra];
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<string, T>);
}

/** The schemas of one command group: the command's words after the group's name (`pattern add`), '' for the group itself. */
export type GroupContracts = Readonly<Record<string, z.ZodType>>;
