/**
 * Which dates of a range an assignment repeats on. The Iranian work week runs
 * Saturday to Wednesday; Thursday is a half day and Friday the weekend, so
 * `weekdays` means Saturday–Wednesday (name Thursday too if it should count).
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { addDays, diffDays, type IsoDate } from '../../lang/dates.js';
import { splitList } from '../fields.js';
import { matchingKey } from '../../lang/persian.js';
import { WEEKDAYS, WEEKDAY_ORDER } from '../people/codes.js';
import { weekdayIndex } from './clock.js';

export const REPEAT_WORDS = ['daily', 'weekdays', 'every-other-day', 'weekly'] as const;
/** Longest range one command may fill: a year and a day. */
export const MAX_RANGE_DAYS = 366;

const ALIASES: Readonly<Record<string, string>> = {
  'every-day': 'daily',
  روزانه: 'daily',
  هرروز: 'daily',
  workdays: 'weekdays',
  روزهایکاری: 'weekdays',
  روزکاری: 'weekdays',
  alternate: 'every-other-day',
  یکروزدرمیان: 'every-other-day',
  'every-week': 'weekly',
  هفتگی: 'weekly',
};

function weekdayOf(word: string): number | undefined {
  const key = matchingKey(word.replace(/^every[-\s]?/i, '').replace(/^هر/, ''));
  const i = WEEKDAY_ORDER.findIndex(
    (d) => matchingKey(d) === key || matchingKey(WEEKDAYS[d].fa) === key || matchingKey(d.slice(0, 3)) === key,
  );
  return i < 0 ? undefined : i;
}

/**
 * The dates from `from` to `to` (inclusive) picked by `repeat`: daily,
 * weekdays (Sat–Wed), every-other-day (from, from+2, …), weekly (the weekday of
 * `from`), or weekday names such as `saturday` or `saturday,tuesday` (also
 * Persian: شنبه، سه‌شنبه).
 */
export function expandRepeat(from: string, to: string, repeat: string): IsoDate[] {
  if (to < from) throw new ValidationError(t('--to is before --from'), 'to');
  const span = diffDays(from, to) + 1;
  if (span > MAX_RANGE_DAYS)
    throw new ValidationError(t('the range has {days} days; at most {max} at a time', { days: span, max: MAX_RANGE_DAYS }), 'to');
  const word = ALIASES[matchingKey(repeat).replace(/_/g, '-')] ?? repeat.trim().toLowerCase().replace(/_/g, '-');
  let pick: (date: IsoDate, i: number) => boolean;
  if (word === 'daily') pick = () => true;
  else if (word === 'weekdays') pick = (d) => weekdayIndex(d) <= 4;
  else if (word === 'every-other-day') pick = (_d, i) => i % 2 === 0;
  else if (word === 'weekly') pick = (_d, i) => i % 7 === 0;
  else {
    const days = new Set<number>();
    for (const part of splitList(repeat)) {
      const d = weekdayOf(part);
      if (d === undefined) {
        throw new ValidationError(
          t('invalid --repeat: expected {words} or weekday names such as saturday or saturday,tuesday', { words: REPEAT_WORDS.join(', ') }),
          'repeat',
        );
      }
      days.add(d);
    }
    if (days.size === 0) throw new ValidationError(t('--repeat is empty'), 'repeat');
    pick = (d) => days.has(weekdayIndex(d));
  }
  const dates: IsoDate[] = [];
  for (let i = 0; i < span; i++) {
    const d = addDays(from, i);
    if (pick(d, i)) dates.push(d);
  }
  return dates;
}
