import type { ParvandeError } from '../errors.js';
import { toErrorJson } from '../errors.js';
import { datesForReading } from '../lang/dates.js';
import { render, tr, type Text } from '../messages/catalogue.js';
import { colourFor } from './style.js';
import type { Lang } from './labels.js';
import { fitLines } from './text-width.js';
import { showControls } from './visible-text.js';

export interface OutputOptions {
  json: boolean;
  lang: Lang;
  calendar: 'jalali' | 'gregorian';
}

/**
 * Data goes to stdout, everything else to stderr. With --json, stdout carries
 * exactly one JSON document and the human view is never drawn.
 *
 * Every human line (views, warnings, notes, errors) passes through showControls
 * here, the one place all of them meet: a control or bidi character in stored
 * text is shown as an escape, never sent to the terminal. JSON escapes by itself
 * and stays exact; raw data (exports, report files on stdout) stays exact when
 * piped and is made visible only on a terminal.
 */
export class Output {
  readonly opts: OutputOptions;
  private readonly out: NodeJS.WriteStream;
  private readonly err: NodeJS.WriteStream;

  constructor(opts: OutputOptions, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr) {
    this.opts = opts;
    this.out = out;
    this.err = err;
  }

  get json(): boolean {
    return this.opts.json;
  }

  /**
   * `--format html` (src/ui/page-delivery.ts): each result goes to `page`, which makes
   * the view into a web page and writes it where it was asked (standard output, --out, --open).
   */
  private page: ((human: () => string, stdout: (html: string) => void) => void) | undefined;

  asPage(page: (human: () => string, stdout: (html: string) => void) => void): void {
    this.page = page;
  }

  /** Prints the command's result: the object itself with --json, else what `human` draws (or its page). */
  result(data: unknown, human: () => string): void {
    if (this.opts.json) {
      this.out.write(JSON.stringify(data, null, 2) + '\n');
      // A page asked with --json goes to a file (--out, --open): standard output has the JSON.
      this.page?.(human, () => undefined);
    } else if (this.page !== undefined) this.page(human, (html) => this.out.write(html));
    else {
      const text = this.fit(showControls(human()));
      if (text !== '') this.out.write(text.endsWith('\n') ? text : text + '\n');
    }
  }

  /** Raw text or bytes to stdout (exports, rendered reports; XLSX only when stdout is redirected). */
  write(text: string | Uint8Array): void {
    // Bytes are XLSX, which never reaches a terminal (src/files/output-file.ts checkBinaryStdout).
    this.out.write(typeof text === 'string' && this.out.isTTY === true ? showControls(text) : text);
  }

  /** Catalogue messages (src/messages/catalogue.ts) are rendered in the command's language; a string is already rendered. */
  warn(message: Text | string): void {
    const c = colourFor(this.err);
    this.err.write(`${c.yellow(tr(this.opts.lang, 'warning:'))} ${showControls(this.readable(message))}\n`);
  }

  note(message: Text | string): void {
    if (this.opts.json) return;
    this.err.write(`${showControls(this.readable(message))}\n`);
  }

  error(e: ParvandeError, hint?: Text | string): void {
    if (this.opts.json) {
      this.err.write(JSON.stringify(toErrorJson(e, this.opts.lang)) + '\n');
      return;
    }
    const c = colourFor(this.err);
    this.err.write(
      `${c.red(tr(this.opts.lang, 'error:'))} ${showControls(this.readable(e.text))}${hint ? ` (${showControls(this.readable(hint))})` : ''}\n`,
    );
  }

  /** A message's ISO days in the display calendar: a person reads dates as the office writes them (with --json, stderr keeps ISO for scripts). */
  private readable(message: Text | string): string {
    const text = render(message, this.opts.lang);
    return this.opts.json ? text : datesForReading(text, this.opts);
  }

  /**
   * On a terminal, a line of a result wider than 80 columns (a summary) is broken between
   * words rather than left for the terminal to break inside one; tables and cards already
   * fit. Piped or redirected, lines stay whole for whatever reads them.
   */
  private fit(text: string): string {
    return this.out.isTTY === true ? fitLines(text) : text;
  }
}
