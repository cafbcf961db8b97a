/**
 * The provincial roll-up: several offices' files, each opened read-only, added
 * into one report. A file that is missing, of another schema version, without
 * an office, or of an office already given is refused before anything is read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictError, DatabaseError, NotFoundError, UsageError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import type { Db } from '../../store/database.js';
import { LATEST_VERSION } from '../../store/migrations/index.js';
import { withReadOnlyFiles, writeToFile } from '../../store/office-files.js';
import { selectOffice } from '../../store/office.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { Pseudonyms, readRedactionKey, redactionKey, redactReport } from '../redact.js';
import { buildRollup, type AnyReport, type ReportPlan, type Rollup } from './build.js';

interface OfficeFile {
  file: string;
  db: Db;
  code: string;
}

/**
 * Opens every file with `open` (read-only) and checks each as it opens, so that a
 * refusal names the first file at fault and opens no further one.
 */
function openOfficeFiles(files: readonly string[], open: (file: string) => Db): OfficeFile[] {
  const opened: OfficeFile[] = [];
  files.forEach((file, i) => {
    const which = t('--db #{n} ({file})', { n: i + 1, file });
    if (!existsSync(resolve(file))) throw new NotFoundError(t('no database at {which}', { which }), 'db');
    const db = open(file);
    const version = db.userVersion;
    if (version !== LATEST_VERSION) {
      throw new DatabaseError(
        version > LATEST_VERSION ? 'database-newer' : 'database-unreadable',
        version > LATEST_VERSION
          ? t('{which} has schema version {version}; this parvande reads version {latest}: upgrade parvande', {
              which,
              version,
              latest: LATEST_VERSION,
            })
          : t('{which} has schema version {version}; this parvande reads version {latest}: run "parvande db migrate" on that file first', {
              which,
              version,
              latest: LATEST_VERSION,
            }),
      );
    }
    const office = db.read((r) => selectOffice(r));
    if (office === undefined)
      throw new NotFoundError(t('{which} has no office: it was never set up with "parvande init"', { which }), 'db');
    const twin = opened.find((o) => o.code === office.code);
    if (twin !== undefined) {
      throw new ConflictError(
        t('office {code} is given twice: {first} and {second}; each office may appear once', {
          code: office.code,
          first: twin.file,
          second: file,
        }),
        'db',
      );
    }
    opened.push({ file, db, code: office.code });
  });
  return opened;
}

export interface RollupOptions {
  /** The office's date: the reports' "as of". */
  today: ReadCtx['today'];
  /**
   * For files that leave the office: each office's workers named by that office's own
   * pseudonyms. An office that never made a redacted file gets its key written into its
   * own file (the roll-up's only write), by `who` (asked only then).
   */
  redact?: { who: () => Omit<WriteCtx, 'db'> } | undefined;
}

/**
 * The roll-up of `files` (two or more), each office's report read in its own
 * snapshot through a read-only connection; every file is closed before it returns.
 */
export function rollUpOffices<R extends AnyReport>(files: readonly string[], plan: ReportPlan<R>, options: RollupOptions): Rollup<R> {
  if (files.length < 2) throw new UsageError(t('a roll-up needs at least two --db files'), 'db');
  const { today, redact } = options;
  const read = withReadOnlyFiles((open) => {
    const offices = openOfficeFiles(files, open);
    const rollup = buildRollup(
      offices.map((o) => ({
        file: o.file,
        read: <T>(fn: (ctx: Pick<ReadCtx, 'db' | 'today'>) => T): T => o.db.read((db) => fn({ db, today })),
      })),
      plan,
    );
    const keys =
      redact !== undefined ? offices.map((o) => ({ file: o.file, code: o.code, key: o.db.read((db) => readRedactionKey({ db })) })) : [];
    return { rollup, keys };
  });
  if (redact === undefined) return read.rollup;
  const byOffice: Record<string, R> = {};
  for (const o of read.keys) {
    // This office's first redacted file: its key is written into its own file.
    const key = o.key ?? writeToFile(o.file, (db) => redactionKey({ ...redact.who(), db }));
    byOffice[o.code] = redactReport(read.rollup.byOffice[o.code] as R, new Pseudonyms(key));
  }
  return { ...read.rollup, byOffice };
}
