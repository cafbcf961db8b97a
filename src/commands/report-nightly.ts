/**
 * `parvande report nightly`: the run cron or the Task Scheduler starts every night. It writes
 * the month's report files, lists what needs attention by id (never a name), appends what it
 * did to --log, and records the run in the audit trail. (Registered in report.ts.)
 */
import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, ParvandeError, UsageError } from '../errors.js';
import { checkOutputPath, ensurePrivateDir, type OutputGuard } from '../files/output-file.js';
import type { RunLog } from '../files/run-log.js';
import { type Catalogue, REFERRAL_AGENCIES, RISKS } from '../domain/codes.js';
import type { Attention } from '../domain/reports/nightly.js';
import { render, t, tr, type Text } from '../messages/catalogue.js';
import { recordNightlyRun } from '../domain/reports/nightly-run.js';
import { Runtime } from '../runtime.js';
import { translateEscapedError } from '../store/database.js';
import type { Fmt } from '../ui/format.js';
import { VERSION } from '../version.js';
import { fmt } from './shared.js';

/** How many of each nightly list go to stderr and to the log (the files hold up to --limit). */
const LOG_LIST_MAX = 20;

export interface NightlyOptions {
  dir?: string;
  month?: string;
  limit?: string;
  redact?: boolean;
  log?: string;
}

/** What the run has done so far: what the log's last lines and the audit trail say when it fails. */
interface Progress {
  months: string[];
  files: string[];
  /** Whether the database was reached (a refused option is not a run the trail records). */
  started: boolean;
  /** Whether the audit trail was asked to record the run already (it is asked once). */
  recorded: boolean;
}

export async function runNightly(opts: NightlyOptions, cmd: Command): Promise<void> {
  const rt = Runtime.of(cmd);
  // The log first: one that cannot be written is exit 2 before any work, and every later failure reaches it.
  let log: RunLog | undefined;
  if (opts.log !== undefined) {
    const { RunLog } = await import('../files/run-log.js');
    const protect = rt.dbPaths.length > 0 ? rt.dbPaths : [rt.dbPath.path];
    log = RunLog.open(opts.log, { field: 'log', protect });
  }
  const progress: Progress = { months: [], files: [], started: false, recorded: false };
  const started = Date.now();
  try {
    log?.line(`start: parvande ${VERSION} report nightly; database ${rt.dbPaths.length > 1 ? rt.dbPaths.join(', ') : rt.dbPath.path}`);
    await nightly(rt, opts, progress, log);
    log?.line(`end: ok, ${progress.files.length} files, exit 0 (${seconds(started)} s)`);
  } catch (thrown) {
    const err = translateEscapedError(thrown);
    const exitCode = err instanceof ParvandeError ? err.exitCode : ExitCode.unexpected;
    const message = err instanceof ParvandeError ? err.message : `unexpected failure: ${err instanceof Error ? err.name : String(err)}`;
    if (progress.started && !progress.recorded) recordRun(rt, progress, exitCode, log);
    try {
      log?.line(`error: exit ${exitCode}: ${message}`);
      log?.line(`end: failed, ${progress.files.length} files, exit ${exitCode} (${seconds(started)} s)`);
    } catch {
      // The log itself failed (a full disk): the error on stderr is all there is.
    }
    throw thrown;
  } finally {
    log?.close();
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/**
 * The run in the audit trail. A failed run is recorded too when it reached the database (unless
 * the database itself failed, exit 5: nothing can be written to it then); a failed run whose entry
 * the trail cannot take says so in the log and on stderr, and keeps its own exit code. A run that
 * succeeded but cannot be recorded fails: an unrecorded run is not a finished one.
 */
function recordRun(rt: Runtime, progress: Progress, exitCode: number, log: RunLog | undefined): void {
  progress.recorded = true;
  if (exitCode === ExitCode.database) return;
  try {
    rt.write((ctx) => recordNightlyRun(ctx, { months: progress.months, files: progress.files.length, exitCode }));
  } catch (thrown) {
    const err = translateEscapedError(thrown);
    const why = err instanceof ParvandeError ? err.text : t('unexpected failure');
    if (exitCode === 0) throw thrown;
    rt.out.warn(t('the audit trail could not record this run: {why}', { why }));
    try {
      log?.line(`warning: the audit trail could not record this run: ${render(why, 'en')}`);
    } catch {
      // as above
    }
  }
}

async function nightly(rt: Runtime, opts: NightlyOptions, progress: Progress, log: RunLog | undefined): Promise<void> {
  if (rt.dbPaths.length > 1) throw new UsageError(t('report nightly reads one office: give one --db'), 'db');
  const { parseInteger } = await import('../domain/fields.js');
  const limit = parseInteger(opts.limit ?? '200', 'limit', { min: 0, max: 100_000 });
  const { monthsForNightly } = await import('../domain/reports/build.js');
  const { nightlyFileName, readNightly } = await import('../domain/reports/nightly.js');
  const today = rt.today;
  const months = monthsForNightly(opts.month, today);
  const dbPath = rt.dbPath.path;
  // The folder is checked (and made) before the database is read.
  const dir = ensurePrivateDir(opts.dir ?? join(dirname(resolve(dbPath)), 'reports'), 'dir');
  progress.months = [...months];
  log?.line(`months ${months.join(', ')}; folder ${dir}`);
  progress.started = true;
  const read = rt.read((ctx) => readNightly(ctx, months, limit), { readonly: true });
  if (opts.redact === true) {
    const { redactReport, reportPseudonyms } = await import('../domain/redact.js');
    const pseudonyms = reportPseudonyms(rt);
    read.reports = read.reports.map((r) => redactReport(r, pseudonyms));
    read.attention = redactReport(read.attention, pseudonyms);
  }
  const { renderReport } = await import('../ui/report-formats/index.js');
  const { writePrivateFile } = await import('../files/output-file.js');
  const { attentionLists, monthlyDoc } = await import('../ui/views/report-document.js');
  const f = fmt(rt);
  // Its own dated names: a re-run the same day replaces them (force), but never a
  // database, and a planted link is replaced as a link, never followed. Every name
  // is checked before the first file is written.
  const guard: OutputGuard = { field: 'dir', protect: [dbPath], force: true };
  const EXTS = ['html', 'csv', 'xlsx'] as const;
  const planned = read.reports.map((report) => ({
    report,
    paths: EXTS.map((ext) =>
      checkOutputPath(join(dir, nightlyFileName((report.office ?? { code: 'office' }).code, report.period.month ?? '', today, ext)), guard),
    ),
  }));
  // A report file written over the log would throw its earlier lines away.
  if (log !== undefined && planned.some((p) => p.paths.some((path) => sameName(path, log.path)))) {
    throw new UsageError(t('--log {file} is one of the report files of this run: give the log another name', { file: log.path }), 'log');
  }
  // The html file is the printable one: the same letterhead and signing lines as `report monthly --format html`.
  const { readLetterhead } = await import('../domain/reports/letterhead.js');
  const { letterheadDoc } = await import('../ui/views/report-letterhead.js');
  for (const { report, paths } of planned) {
    const doc = monthlyDoc(report, f);
    doc.lists = attentionLists(read.attention, f);
    doc.letterhead = letterheadDoc(
      rt.read((ctx) => readLetterhead(ctx, report.period, { redact: opts.redact === true, narrowed: false }), { readonly: true }),
      f,
    );
    for (const [i, ext] of EXTS.entries()) {
      const path = paths[i] as string;
      writePrivateFile(path, await renderReport(doc, ext, f), guard);
      progress.files.push(path);
      log?.line(`wrote ${path}`);
    }
  }
  const current = read.reports[read.reports.length - 1] as (typeof read.reports)[number];
  const a = read.attention;
  const summary = {
    office: current.office?.code ?? '',
    month: current.period.month,
    asOf: current.period.asOf,
    services: current.services.total,
    casesOpened: current.cases.opened,
    casesOpenAtEnd: current.cases.openAtEnd,
    followupsOverdue: a.overdueFollowups.total,
    casesUnassigned: a.unassignedCases.total,
    referralsOverdue: a.overdueReferrals.total,
    files: progress.files,
    // The chain's head before this run's own entry: kept in the job's log or mail, it proves what the trail held (docs/storage.md).
    auditTrail: read.auditTrail,
  };
  const headLine = t('audit trail: {count} entries, head {head}', { count: read.auditTrail.entries, head: read.auditTrail.head ?? '-' });
  if (log !== undefined) {
    // The log is English under any --lang, with its ids and ISO days: administrators and their scripts read it.
    log.line(
      `office ${summary.office} ${summary.month}: ${summary.services} services, ${summary.casesOpened} cases opened, ${summary.casesOpenAtEnd} open`,
    );
    log.line(
      `attention: ${summary.followupsOverdue} follow-ups overdue, ${summary.casesUnassigned} open cases with nobody assigned, ` +
        `${summary.referralsOverdue} referrals with no answer`,
    );
    for (const line of attentionLines(a, isoFmt)) log.line(render(line, 'en'));
    log.line(render(headLine, 'en'));
  }
  if (!rt.out.json) for (const line of [...attentionLines(a, readerFmt(f)), headLine]) rt.out.note(line);
  recordRun(rt, progress, 0, log);
  // The summary is a log (a cron job mails it): the files name the workers, it keeps their ids.
  const overdue = a.overdueFollowups.items.map((o) => ({ id: o.id, caseNumber: o.caseNumber, dueOn: o.dueOn, workerId: o.workerId }));
  const referrals = a.overdueReferrals.items.map(({ workerName: _name, ...r }) => r);
  rt.out.result(
    {
      ...summary,
      log: log?.path ?? null,
      attention: {
        ...a,
        overdueFollowups: { ...a.overdueFollowups, items: overdue },
        overdueReferrals: { ...a.overdueReferrals, items: referrals },
      },
    },
    () =>
      tr(
        rt.lang,
        'parvande nightly {office} {month}: {services} services, {opened} cases opened, {open} open, {followups} follow-ups overdue, {unassigned} open cases unassigned, {referrals} referrals with no answer; {files} files in {folder}',
        {
          office: summary.office,
          month: String(summary.month),
          services: summary.services,
          opened: summary.casesOpened,
          open: summary.casesOpenAtEnd,
          followups: summary.followupsOverdue,
          unassigned: summary.casesUnassigned,
          referrals: summary.referralsOverdue,
          files: progress.files.length,
          folder: dir,
        },
      ),
  );
}

/** How an attention line writes ids, days and codes. */
type LineFmt = Pick<Fmt, 'id' | 'date'> & { code: (cat: Catalogue<string>, code: string) => string };

/** How the log writes them: `#12`, ISO days, codes (it is read by administrators and scripts, in any language). */
const isoFmt: LineFmt = {
  id: (value) => (value === null || value === undefined ? '-' : `#${value}`),
  date: (iso) => iso ?? '-',
  code: (_cat, code) => code,
};

/** How stderr writes them: the reader's digits and calendar; under fa a code's Persian label (English keeps the code). */
function readerFmt(f: Fmt): LineFmt {
  return {
    id: (value) => f.id(value),
    date: (iso) => f.date(iso),
    code: (cat, code) => (f.lang === 'fa' ? f.code(cat, code) : code),
  };
}

/**
 * What needs attention, one line each: counts, ids, case numbers, dates and the kind of agency,
 * never a name nor a referral's reason (this goes to a cron mail and a log). The first few of each
 * list; all of them (up to --limit) are in the files.
 */
function attentionLines(a: Attention, f: LineFmt): Text[] {
  const lines: Text[] = [];
  const worker = (id: number | null): string => (id === null ? '-' : f.id(id));
  for (const o of a.overdueFollowups.items.slice(0, LOG_LIST_MAX)) {
    lines.push(
      t('overdue follow-up {id}: case {case}, due {due}, worker {worker}', {
        id: f.id(o.id),
        case: o.caseNumber,
        due: f.date(o.dueOn),
        worker: worker(o.workerId),
      }),
    );
  }
  if (a.overdueFollowups.total > LOG_LIST_MAX)
    lines.push(t('… {count} more overdue follow-ups: see the report files', { count: a.overdueFollowups.total - LOG_LIST_MAX }));
  for (const c of a.unassignedCases.items.slice(0, LOG_LIST_MAX)) {
    lines.push(
      t('open case with nobody assigned: {case} (opened {opened}, risk {risk})', {
        case: c.caseNumber,
        opened: f.date(c.openedOn),
        risk: f.code(RISKS, c.risk),
      }),
    );
  }
  if (a.unassignedCases.total > LOG_LIST_MAX)
    lines.push(
      t('… {count} more open cases with nobody assigned: see the report files', { count: a.unassignedCases.total - LOG_LIST_MAX }),
    );
  for (const r of a.overdueReferrals.items.slice(0, LOG_LIST_MAX)) {
    lines.push(
      t('referral {id} with no answer after {days} days: case {case}, sent {sent} to {agency}, worker {worker}', {
        id: f.id(r.id),
        days: a.overdueReferrals.answerDays,
        case: r.caseNumber,
        sent: f.date(r.sentOn),
        agency: f.code(REFERRAL_AGENCIES, r.agencyKind),
        worker: worker(r.workerId),
      }),
    );
  }
  if (a.overdueReferrals.total > LOG_LIST_MAX)
    lines.push(t('… {count} more referrals with no answer: see the report files', { count: a.overdueReferrals.total - LOG_LIST_MAX }));
  return lines;
}

/** Windows and macOS compare file names without regard to case. */
function sameName(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
