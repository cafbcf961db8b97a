import { Command } from 'commander';
import { keepBackups, makeBackup, parseKeep, planRestore, removeLeftovers, restoreBackup } from '../domain/backups.js';
import type { StaleCleanup } from '../store/backup.js';
import { DatabaseError, UsageError } from '../errors.js';
import { checkDatabase, whyCheckFailed, type DbCheck } from '../store/maintenance.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { Runtime } from '../runtime.js';
import { renderCard } from '../ui/table.js';
import { fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';

/** The audit trail's line of the `db check` card. */
function auditTrailLine(t: DbCheck['auditTrail'], f: ReturnType<typeof fmt>): string {
  if (t === null) return 'not checked';
  if (t.missingGuards.length > 0) return `append-only trigger(s) missing: ${t.missingGuards.join(', ')}`;
  if (t.firstBroken !== null) return `broken at entry #${t.firstBroken.id} (${t.firstBroken.why})`;
  // The head's first 16 digits fit the card; --json and the nightly run give it whole.
  return t.head === null ? 'empty' : `${f.n(t.entries)} entries chained; head ${t.head.slice(0, 16)}…`;
}

export function dbCommand(): Command {
  const db = withExamples(
    new Command('db').description('the database file: where it is, migrations, checks'),
    'parvande db path',
    'parvande db check --json',
  );

  withExamples(
    db.command('path').description('print which database file commands use, and why (--db, PARVANDE_DB or the default)'),
    'parvande db path',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const p = rt.dbPath;
    rt.out.result(p, () => p.path);
  });

  withExamples(
    db.command('migrate').description('bring the file to the current schema (other commands also do this on open)'),
    'parvande db migrate --db office.db',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const d = rt.open({ migrate: false });
    const from = d.userVersion;
    const applied = d.migrate();
    const result = { path: d.path, from, to: d.userVersion, applied };
    rt.out.result(result, () =>
      applied.length === 0 ? `schema ${from} is current` : `migrated ${d.path} from schema ${from} to ${d.userVersion}`,
    );
  });

  withExamples(
    db.command('check').description('integrity, foreign keys, schema version and row counts; exit 5 when anything is wrong'),
    'parvande db check --json',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const check = checkDatabase(rt.open({ readonly: true }).outsideTransaction());
    const f = fmt(rt);
    rt.out.result(check, () =>
      renderCard(
        [
          [f.w('path'), check.path],
          ['Schema', `${check.schemaVersion} / ${LATEST_VERSION}`],
          ['Integrity', check.integrity.join('; ')],
          ['Foreign-key problems', check.foreignKeyProblems === null ? 'could not be checked' : String(check.foreignKeyProblems)],
          ...Object.entries(check.counts).map(([k, v]): [string, string] => [k, v === null ? 'damaged: could not be read' : f.n(v)]),
          [
            'Report counts',
            check.reportCounts === null
              ? 'not checked'
              : check.reportCounts.mismatches === 0
                ? 'ok'
                : `${f.n(check.reportCounts.mismatches)} differ from a recount`,
          ],
          ['Audit trail', auditTrailLine(check.auditTrail, f)],
        ],
        { rtl: f.rtl },
      ),
    );
    if (!check.ok) throw new DatabaseError('database-unreadable', `${check.path} ${whyCheckFailed(check)}`);
  });
  withExamples(
    db
      .command('backup')
      .description('a verified, owner-only copy of the database, safe while others keep writing')
      .option('--out <file>', 'where to write it (default: a "backups" folder beside the database)')
      .option(
        '--keep <n>',
        'then keep only the newest n backups of this office in that folder (the new one included); older ones are removed, nothing else is touched',
      ),
    'parvande db backup',
    'parvande db backup --keep 14',
    'parvande db backup --out E:\\backups\\office-1405-09-04.db',
  ).action((opts: { out?: string; keep?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // Checked before anything is written: a bad --keep costs nothing.
    const keep = opts.keep === undefined ? null : parseKeep(opts.keep);
    const ctx = rt.ctx();
    warnRemoved(rt, removeLeftovers(ctx.db.path, opts.out));
    const check = makeBackup(ctx, opts.out);
    const { kept, unrecorded } =
      keep === null ? { kept: { keep: null, removed: [], notRemoved: [] }, unrecorded: null } : keepBackups(ctx, check, keep);
    for (const n of kept.notRemoved) rt.out.warn(`could not remove the older backup ${n.path}: ${n.reason}`);
    if (unrecorded !== null) rt.out.warn(`the audit trail could not record the removed backups: ${unrecorded}`);
    const result = { ...check, ...kept };
    rt.out.result(result, () =>
      [
        `backup written to ${check.path} (${Math.round(check.bytes / 1024)} KiB, integrity ok)`,
        ...kept.removed.map((p) => `removed the older backup ${p}`),
      ].join('\n'),
    );
  });

  withExamples(
    db
      .command('restore')
      .argument('<file>', 'a backup made by "parvande db backup"')
      .option('--yes', 'do not ask for confirmation (required without a terminal)')
      .option('--other-office', 'allow a backup of another office to replace this one')
      .description('replace the database with a verified backup; the replaced file is kept beside it'),
    'parvande db restore backups/parvande-KRJ01-20261125-080102.db',
    'parvande db restore office-backup.db --yes',
  ).action(async (file: string, opts: { yes?: boolean; otherOffice?: boolean }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const plan = planRestore(file, rt.dbPath.path, opts.otherOffice === true);
    if (opts.yes !== true) {
      if (!rt.interactive) throw new UsageError('restore replaces the database: confirm with --yes', 'yes');
      const { confirm } = await import('../ui/prompts.js');
      const ok = await confirm(
        `Replace ${plan.livePath} with the backup of office ${plan.backup.officeCode}? The current file is kept beside it.`,
      );
      if (!ok) throw new UsageError('restore cancelled; nothing was changed');
    }
    warnRemoved(rt, removeLeftovers(plan.livePath));
    const r = restoreBackup(plan, { open: (o) => rt.open(o), actor: rt.actor, command: rt.command });
    rt.out.result(r, () => `restored ${r.livePath} from ${r.backup.path}${r.keptAs ? `; the replaced file is kept as ${r.keptAs}` : ''}`);
  });
  return withPages(db, 'check');
}

/** A stopped backup's partial copy is a copy of the office's data: removing one is said, not done silently. */
function warnRemoved(rt: Runtime, cleanup: StaleCleanup): void {
  if (cleanup.removed === 0) return;
  const what = cleanup.removed === 1 ? '1 partial copy' : `${cleanup.removed} partial copies`;
  rt.out.warn(`removed ${what} left by a backup or restore that was stopped (in ${cleanup.folders.join(', ')})`);
}
