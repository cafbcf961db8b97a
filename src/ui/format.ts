import type { Catalogue } from '../domain/codes.js';
import { datesForReading, formatDate, formatTimestamp } from '../lang/dates.js';
import { codeLabel, digits, num, word, type Lang, type Word, listOf } from './labels.js';
import type { OutputOptions } from './output.js';

/** Turns stored values into what a reader of the chosen language and calendar expects. */
export class Fmt {
  readonly lang: Lang;
  readonly calendar: 'jalali' | 'gregorian';

  constructor(opts: Pick<OutputOptions, 'lang' | 'calendar'>) {
    this.lang = opts.lang;
    this.calendar = opts.calendar;
  }

  get rtl(): boolean {
    return this.lang === 'fa';
  }

  /**
   * A message a view quotes (an import's reason for a refused row), its ISO days in the display
   * calendar as every message line shows them (src/ui/output.ts); --json keeps them ISO.
   */
  said(message: string): string {
    return datesForReading(message, { calendar: this.calendar, lang: this.lang });
  }

  /** Items one after another, with the reader's comma (، in Persian). */
  list(items: readonly string[]): string {
    return listOf(items, this.lang);
  }

  date(iso: string | null | undefined): string {
    return iso ? formatDate(iso, { calendar: this.calendar, lang: this.lang }) : '';
  }

  timestamp(iso: string | null | undefined): string {
    return iso ? formatTimestamp(iso, { calendar: this.calendar, lang: this.lang }) : '';
  }

  code<C extends string>(cat: Catalogue<C>, code: string | null | undefined): string {
    return codeLabel(cat, code, this.lang);
  }

  w(key: Word): string {
    return word(key, this.lang);
  }

  n(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : num(value, this.lang);
  }

  text(value: string | null | undefined): string {
    return value ? digits(value, this.lang) : '';
  }

  yesNo(value: boolean): string {
    return this.w(value ? 'yes' : 'no');
  }

  id(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : digits(`#${value}`, this.lang);
  }

  /** A record a card points to: its name, then its id (`Sara Ahmadi (#3)`). */
  named(name: string | null | undefined, id: number | null | undefined): string {
    if (id === null || id === undefined) return '';
    return name ? `${name} (${this.id(id)})` : this.id(id);
  }

  person(p: { firstName: string; lastName: string } | null | undefined): string {
    return p ? `${p.firstName} ${p.lastName}` : '';
  }
}
