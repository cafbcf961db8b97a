/**
 * The web page a read command was asked for (`--format html`, `--out`, `--open`: the options
 * src/commands/page-options.ts adds), checked before any database is read, and its delivery:
 * --out, a temporary file to open, or standard output. Runtime.of finds the request and turns
 * its Output into a page writer, so every view that goes through renderTable / renderCard and
 * Output.result becomes a page unchanged.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { t, type Text } from '../messages/catalogue.js';
import { checkOutputPath, isStdio, writePrivateFile, writePrivateTempFile, type OutputGuard } from '../files/output-file.js';
import type { Lang } from './labels.js';
import { openInBrowser } from './opener.js';
import { renderPage } from './page.js';

export interface PageRequest {
  /** The checked --out file (absolute), or undefined for standard output or a temporary file. */
  target?: string;
  /** As typed, for the "wrote …" note. */
  out?: string;
  guard: OutputGuard;
  open: boolean;
}

interface PageFlags {
  format?: string;
  out?: string;
  force?: boolean;
  open?: boolean;
}

/**
 * The page a command was asked for, or undefined for the terminal's table. Checked before any
 * database is read: --json with a page on standard output (as the reports refuse it), --out
 * or --open with --format table, and the --out file itself.
 */
export function pageRequest(cmd: Command, json: boolean, dbPath: () => string): PageRequest | undefined {
  if (!cmd.options.some((o) => o.long === '--open')) return undefined;
  const flags = cmd.opts<PageFlags>();
  const wantsPage = flags.format === 'html' || flags.out !== undefined || flags.open === true;
  if (!wantsPage) return undefined;
  if (flags.format === 'table') {
    throw new UsageError(
      t('{flag} writes the web page: use it with --format html', { flag: flags.open === true ? '--open' : '--out' }),
      'format',
    );
  }
  const toFile = flags.out !== undefined && !isStdio(flags.out);
  // As the reports: the JSON and the page cannot both be standard output; with --out FILE or --open they are not.
  if (json && !toFile && flags.open !== true) {
    throw new UsageError(t('--json and --format html both print on stdout: add --out FILE (or --open) for the page'), 'format');
  }
  const guard: OutputGuard = { field: 'out', protect: [dbPath()], force: flags.force === true };
  if (flags.open === true && flags.out !== undefined && !toFile) {
    throw new UsageError(t('--open shows a file: give --out FILE, or leave --out out for a temporary file'), 'out');
  }
  const target = toFile ? checkOutputPath(flags.out as string, guard) : undefined;
  return { target, out: flags.out, guard, open: flags.open === true };
}

/** A file name for the temporary page: the command's words, nothing the user typed. */
export function pageFileName(command: string): string {
  return `${command.trim().split(/\s+/).join('-') || 'parvande'}.html`;
}

export interface PageContext {
  command: string;
  lang: Lang;
  /** Today in the display calendar and digits. */
  date: string;
  /** The office's name and code, when the command read one. */
  office: () => string | undefined;
  note: (message: Text | string) => void;
  warn: (message: Text | string) => void;
}

/** Makes the view into a page and puts it where it was asked: --out, a temporary file to open, or standard output. */
export function deliverPage(req: PageRequest, ctx: PageContext, human: () => string, stdout: (html: string) => void): void {
  const html = renderPage(human, { command: `parvande ${ctx.command}`, office: ctx.office(), date: ctx.date, lang: ctx.lang });
  let file: string | undefined;
  if (req.target !== undefined) {
    writePrivateFile(req.target, html, req.guard);
    ctx.note(t('wrote {file}', { file: req.out ?? req.target }));
    file = req.target;
  } else if (req.open) {
    file = writePrivateTempFile(pageFileName(ctx.command), html, 'open');
  } else {
    stdout(html);
  }
  if (req.open && file !== undefined) {
    // The path is said, so the page can be opened (and removed) by hand if no browser starts.
    ctx.note(t('opening {file}', { file }));
    openInBrowser(file, ctx.warn);
  }
}
