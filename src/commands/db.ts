import { Command } from 'commander';
import { keepBackups, makeBackup, parseKeep, planRestore, removeLeftovers, restoreBackup } from '../domain/backups.js';
import { changeOfficeKey, checkCanChangeKey, type EncryptResult } from '../domain/encryption.js';
import type { StaleCleanup } from '../store/backup.js';
import { DatabaseError, type DatabaseErrorCode, UsageError } from '../errors.js';
import { t, tr, type Lang } from '../messages/catalogue.js';
import { checkDatabase, checkFailure, type DbCheck } from '../store/maintenance.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { Runtime } from '../runtime.js';
import { renderCard } from '../ui/table.js';
import { tableLabel } from '../ui/labels.js';
import { fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';
import { newOfficeKey } from './unlock.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const UNREADABLE: DatabaseErrorCode = 'database-unreadable';

/** The audit trail's line of the `db check` card. */
function auditTrailLine(trail: DbCheck['auditTrail'], f: ReturnType<typeof fmt>, lang: Lang): string {
  if (trail === null) return tr(lang, 'not checked');
  if (trail.missingGuards.length > 0) {
    return tr(lang, 'append-only trigger(s) missing: {triggers}', { triggers: trail.missingGuards.join(', ') });
  }
  if (trail.firstBroken !== null) {
    return tr(lang, 'broken at entry #{id} ({why})', { id: trail.firstBroken.id, why: trail.firstBroken.why });
  }
  // The head's first 16 digits fit the card; --json and the nightly run give it whole.
  return trail.head === null
    ? tr(lang, 'empty')
    : tr(lang, '{entries} entries chained; head {head}…', { entries: f.n(trail.entries), head: trail.head.slice(0, 16) });
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
      applied.length === 0
        ? tr(rt.lang, 'schema {version} is current', { version: from })
        : tr(rt.lang, 'migrated {path} from schema {from} to {to}', { path: d.path, from, to: d.userVersion }),
    );
  });

  withExamples(
    db.command('check').description('integrity, foreign keys, schema version and row counts; exit 5 when anything is wrong'),
    'parvande db check --json',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const opened = rt.open({ readonly: true });
    const encrypted = opened.encrypted;
    const check = checkDatabase(opened.outsideTransaction());
    const f = fmt(rt);
    rt.out.result(check, () =>
      renderCard(
        [
          [f.w('path'), check.path],
          [tr(rt.lang, 'Schema'), `${f.n(check.schemaVersion)} / ${f.n(LATEST_VERSION)}`],
          [tr(rt.lang, 'Encryption'), encrypted ? tr(rt.lang, 'encrypted (sqlcipher)') : tr(rt.lang, 'none')],
          // SQLite's own lines stay as it writes them; its one word for a whole file is ours to say.
          [
            tr(rt.lang, 'Integrity'),
            check.integrity.length === 1 && check.integrity[0] === 'ok' ? tr(rt.lang, 'ok') : check.integrity.join('; '),
          ],
          [
            tr(rt.lang, 'Foreign-key problems'),
            check.foreignKeyProblems === null ? tr(rt.lang, 'could not be checked') : f.n(check.foreignKeyProblems),
          ],
          ...Object.entries(check.counts).map(([k, v]): [string, string] => [
            tableLabel(k, rt.lang),
            v === null ? tr(rt.lang, 'damaged: could not be read') : f.n(v),
          ]),
          [
            tr(rt.lang, 'Report counts'),
            check.reportCounts === null
              ? tr(rt.lang, 'not checked')
              : check.reportCounts.mismatches === 0
                ? tr(rt.lang, 'ok')
                : tr(rt.lang, '{count} differ from a recount', { count: f.n(check.reportCounts.mismatches) }),
          ],
          [tr(rt.lang, 'Audit trail'), auditTrailLine(check.auditTrail, f, rt.lang)],
        ],
        { rtl: f.rtl },
      ),
    );
    if (!check.ok) throw new DatabaseError(UNREADABLE, checkFailure(check));
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
    for (const n of kept.notRemoved)
      rt.out.warn(t('could not remove the older backup {path}: {reason}', { path: n.path, reason: n.reason }));
    if (unrecorded !== null) rt.out.warn(t('the audit trail could not record the removed backups: {reason}', { reason: unrecorded }));
    const result = { ...check, ...kept };
    rt.out.result(result, () =>
      [
        tr(rt.lang, 'backup written to {path} ({size} KiB, integrity ok)', { path: check.path, size: Math.round(check.bytes / 1024) }),
        ...kept.removed.map((p) => tr(rt.lang, 'removed the older backup {path}', { path: p })),
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
      if (!rt.interactive) throw new UsageError(t('restore replaces the database: confirm with --yes'), 'yes');
      const { confirm } = await import('../ui/prompts.js');
      const ok = await confirm(
        tr(rt.lang, 'Replace {path} with the backup of office {office}? The current file is kept beside it.', {
          path: plan.livePath,
          office: plan.backup.officeCode ?? '',
        }),
        rt.lang,
      );
      if (!ok) throw new UsageError(t('restore cancelled; nothing was changed'));
    }
    warnRemoved(rt, removeLeftovers(plan.livePath));
    const r = restoreBackup(plan, { open: (o) => rt.open(o), actor: rt.actor, command: rt.command });
    rt.out.result(r, () =>
      r.keptAs
        ? tr(rt.lang, 'restored {path} from {backup}; the replaced file is kept as {kept}', {
            path: r.livePath,
            backup: r.backup.path,
            kept: r.keptAs,
          })
        : tr(rt.lang, 'restored {path} from {backup}', { path: r.livePath, backup: r.backup.path }),
    );
  });

  withExamples(
    db
      .command('encrypt')
      .description(
        'encrypt the office file in place with a new passphrase (asked twice, or PARVANDE_KEY_FILE); verified before it replaces the plain file',
      ),
    'parvande db encrypt',
    'PARVANDE_KEY_FILE=/root/parvande.key parvande db encrypt --db office.db',
  ).action((_o: unknown, cmd: Command) => changeKey(cmd, 'encrypt'));

  withExamples(
    db
      .command('rekey')
      .description(
        'change the passphrase of an encrypted office file (the current one from the prompt or PARVANDE_KEY_FILE, the new one asked twice or PARVANDE_NEW_KEY_FILE)',
      ),
    'parvande db rekey',
    'PARVANDE_KEY_FILE=old.key PARVANDE_NEW_KEY_FILE=new.key parvande db rekey --db office.db',
  ).action((_o: unknown, cmd: Command) => changeKey(cmd, 'rekey'));
  return withPages(db, 'check');
}

function encryptedLine(rt: Runtime, r: EncryptResult, action: 'encrypt' | 'rekey'): string {
  const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
  return action === 'encrypt'
    ? tr(rt.lang, 'encrypted {path} ({rows} rows verified); keep the passphrase sealed: without it nothing in the file can be read', {
        path: r.path,
        rows,
      })
    : tr(rt.lang, 'changed the key of {path} ({rows} rows verified); the old passphrase no longer opens it', { path: r.path, rows });
}

/** A stopped backup's partial copy is a copy of the office's data: removing one is said, not done silently. */
function warnRemoved(rt: Runtime, cleanup: StaleCleanup): void {
  if (cleanup.removed === 0) return;
  const folders = cleanup.folders.join(', ');
  rt.out.warn(
    cleanup.removed === 1
      ? t('removed 1 partial copy left by a backup or restore that was stopped (in {folders})', { folders })
      : t('removed {count} partial copies left by a backup or restore that was stopped (in {folders})', {
          count: cleanup.removed,
          folders,
        }),
  );
}

/** `db encrypt` and `db rekey`: checked, the new key asked (or read), old leftovers removed, then the verified copy. */
async function changeKey(cmd: Command, kind: 'encrypt' | 'rekey'): Promise<void> {
  const rt = Runtime.of(cmd);
  const path = rt.dbPath.path;
  checkCanChangeKey(path, kind);
  const newKey = await newOfficeKey(rt, kind === 'encrypt' ? 'PARVANDE_KEY_FILE' : 'PARVANDE_NEW_KEY_FILE');
  warnRemoved(rt, removeLeftovers(path));
  const request = { path, newKey, actor: rt.actor, command: rt.command };
  const r = changeOfficeKey(request, kind);
  rt.out.result(r, () => encryptedLine(rt, r, kind));
}
