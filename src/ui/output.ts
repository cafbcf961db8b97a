import type { ParvandeError } from '../errors.js';
import { toErrorJson } from '../errors.js';
import { colourFor } from './style.js';
import type { Lang } from './labels.js';

export interface OutputOptions {
  json: boolean;
  lang: Lang;
  calendar: 'jalali' | 'gregorian';
}

/**
 * Data goes to stdout, everything else to stderr. With --json, stdout carries
 * exactly one JSON document and the human view is never drawn.
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

  /** Prints the command's result: the object itself with --json, else what `human` draws. */
  result(data: unknown, human: () => string): void {
    if (this.opts.json) this.out.write(JSON.stringify(data, null, 2) + '\n');
    else {
      const text = human();
      if (text !== '') this.out.write(text.endsWith('\n') ? text : text + '\n');
    }
  }

  /** Raw text to stdout (exports, rendered reports). */
  write(text: string): void {
    this.out.write(text);
  }

  warn(message: string): void {
    const c = colourFor(this.err);
    this.err.write(`${c.yellow('warning:')} ${message}\n`);
  }

  note(message: string): void {
    if (this.opts.json) return;
    this.err.write(`${message}\n`);
  }

  error(e: ParvandeError, hint?: string): void {
    if (this.opts.json) {
      this.err.write(JSON.stringify(toErrorJson(e)) + '\n');
      return;
    }
    const c = colourFor(this.err);
    this.err.write(`${c.red('error:')} ${e.message}${hint ? ` (${hint})` : ''}\n`);
  }
}
