/**
 * The provincial roll-up: several offices' files, each opened read-only, added
 * into one report. A file that is missing, of another schema version, without
 * an office, or of an office already given is refused before anything is read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictError, DatabaseError, NotFoundError, UsageError } from '../../errors.js';
import type { Db } from '../../store/database.js';
import { LATEST_VERSION } from '../../store/migrations/index.js';
import { selectOffice } from '../../store/office.js';

export interface OfficeFile {
  file: string;
  db: Db;
  code: string;
  name: string;
}

/**
 * Opens every file with `open` (read-only) and checks them; on any refusal the
 * files opened so far are closed again.
 */
export function openOfficeFiles(files: readonly string[], open: (path: string) => Db): OfficeFile[] {
  if (files.length < 2) throw new UsageError('a roll-up needs at least two --db files', 'db');
  const opened: OfficeFile[] = [];
  try {
    files.forEach((file, i) => {
      const which = `--db #${i + 1} (${file})`;
      if (!existsSync(resolve(file))) throw new NotFoundError(`no database at ${which}`, 'db');
      const db = open(file);
      const entry: OfficeFile = { file, db, code: '', name: '' };
      opened.push(entry);
      const version = db.userVersion;
      if (version !== LATEST_VERSION) {
        throw new DatabaseError(
          version > LATEST_VERSION ? 'database-newer' : 'database-unreadable',
          `${which} has schema version ${version}; this parvande reads version ${LATEST_VERSION}: ` +
            (version > LATEST_VERSION ? 'upgrade parvande' : 'run "parvande db migrate" on that file first'),
        );
      }
      const office = selectOffice(db);
      if (office === undefined) throw new NotFoundError(`${which} has no office: it was never set up with "parvande init"`, 'db');
      const twin = opened.find((o) => o.code === office.code);
      if (twin !== undefined) {
        throw new ConflictError(`office ${office.code} is given twice: ${twin.file} and ${file}; each office may appear once`, 'db');
      }
      entry.code = office.code;
      entry.name = office.name;
    });
  } catch (err) {
    for (const o of opened) o.db.close();
    throw err;
  }
  return opened;
}
