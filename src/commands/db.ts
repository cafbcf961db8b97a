import { Command } from 'commander';
import { DatabaseError } from '../errors.js';
import { checkDatabase } from '../store/maintenance.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { Runtime } from '../runtime.js';
import { renderCard } from '../ui/table.js';
import { fmt, withExamples } from './shared.js';

export function dbCommand(): Command {
  const db = new Command('db').description('the database file: where it is, migrations, checks');

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
    rt.out.result(result, () => (applied.length === 0 ? `schema ${from} is current` : `migrated ${d.path} from schema ${from} to ${d.userVersion}`));
  });

  withExamples(
    db.command('check').description('integrity, foreign keys, schema version and row counts; exit 5 when anything is wrong'),
    'parvande db check --json',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const check = checkDatabase(rt.open({ readonly: true }));
    const f = fmt(rt);
    rt.out.result(check, () =>
      renderCard([
        [f.w('path'), check.path],
        ['Schema', `${check.schemaVersion} / ${LATEST_VERSION}`],
        ['Integrity', check.integrity.join('; ')],
        ['Foreign-key problems', String(check.foreignKeyProblems)],
        ...Object.entries(check.counts).map(([k, v]): [string, string] => [k, f.n(v)]),
      ]),
    );
    if (!check.ok) throw new DatabaseError('database-unreadable', `${check.path} failed its check`);
  });
  return db;
}
