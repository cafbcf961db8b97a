/**
 * The nightly run in the audit trail: who ran it (the actor: the account cron or the Task
 * Scheduler runs it under, or --actor), which month(s), how many files, and how it ended.
 * The trail records what was done to the records; a run that writes the office's figures
 * into files is such an act, and a run that failed half-way is one an administrator must see.
 */
import { recordAudit } from '../audit.js';
import type { WriteCtx } from '../context.js';

export interface NightlyRunRecord {
  /** The Jalali months written (`1405-09`; two on a month's first day). */
  months: readonly string[];
  /** Report files written before the end (all of them on success). */
  files: number;
  /** 0 when it succeeded, else the exit code it failed with. */
  exitCode: number;
}

/** One entry: `report:1405-09 nightly files:3,outcome:ok` (or `outcome:exit-2`). Counts only, never a name. */
export function recordNightlyRun(ctx: WriteCtx, run: NightlyRunRecord): void {
  const outcome = run.exitCode === 0 ? 'ok' : `exit-${run.exitCode}`;
  recordAudit(ctx, 'nightly', 'report', run.months.join(','), [`files:${run.files}`, `outcome:${outcome}`]);
}
