/**
 * The report's file formats and where the bytes go: a file written owner-only
 * and whole (a temporary file renamed into place, so a reader never sees half a
 * report), or stdout.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fmt } from '../format.js';
import type { ReportDoc } from '../views/report-doc.js';
import { renderReportTerminal } from '../views/report-terminal.js';
import type { ReportFormat } from './format-name.js';

export { parseReportFormat, REPORT_FORMATS, type ReportFormat } from './format-name.js';

export async function renderReport(doc: ReportDoc, format: ReportFormat, fmt: Fmt): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return (await import('./csv.js')).renderReportCsv(doc, fmt.lang);
    case 'xlsx':
      return (await import('./xlsx.js')).renderReportXlsx(doc, fmt.lang);
    case 'html':
      return (await import('./html.js')).renderReportHtml(doc, fmt);
    default:
      return Buffer.from(renderReportTerminal(doc, fmt), 'utf8');
  }
}

const isPosix = process.platform !== 'win32';

/** Creates the folder owner-only (0700) when missing. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isPosix) chmodSync(dir, 0o700);
}

/** Writes `data` to `path` owner-only (0600), all or nothing, and flushed to disk. */
export function writePrivateFile(path: string, data: Buffer): void {
  const target = resolve(path);
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    if (isPosix) chmodSync(tmp, 0o600);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
