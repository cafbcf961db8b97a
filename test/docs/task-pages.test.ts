/**
 * The task pages (docs/intake.md … docs/province.md) are sequences of commands that work: each
 * page's commands run in order, as written, on the demo office of 1405/09/04 in a folder of their
 * own, and exit 0 except where the page says they are refused.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDb } from '../helpers/cli.js';
import { examples, words } from './examples.js';

const PAGES = ['intake', 'social-worker', 'office-head', 'administrator', 'importing', 'province'];

/** The lines a page shows failing, with the exit code it says they give. */
const REFUSED: Record<string, number> = {
  'parvande import clients old.csv --dry-run': 2, // unknown columns
  'parvande import clients new-clients.csv': 2, // rows refused, the rest stored
  'parvande import clients new-clients.rejects.csv': 2, // rows still wrong are refused again
};

const t = tempDb();
const cwd = process.cwd();
// The pages' `parvande config set …` write a settings file of this test's own (the office stays PARVANDE_DB's).
const env = {
  PARVANDE_DB: t.db,
  PARVANDE_TODAY: '2026-11-25',
  PARVANDE_USER: 'clerk',
  PARVANDE_CONFIG: join(t.dir, 'settings', 'config.json'),
};

beforeAll(async () => {
  // Relative paths on the pages (azar.html, backups/, reports) land in the temporary folder.
  process.chdir(t.dir);
  const demo = await runCli(['--db', t.db, 'demo'], env);
  if (demo.code !== 0) throw new Error(demo.stderr);
  copyFileSync(join(ROOT, 'fixtures', 'import', 'clients-windows-1256.csv'), 'مددجویان.csv');
  copyFileSync(join(ROOT, 'fixtures', 'import', 'bad-rows.csv'), 'new-clients.csv');
  writeFileSync('old.csv', 'نام کوچک,last-name,نام پدر\nسارا,نوری,حسن\n');
  // A province sheet of cases with no risk column (importing.md gives it one with --set).
  writeFileSync('province-cases.csv', 'مسیر دریافت,نوع مسئله,تاریخ تشکیل\nhotline,child-abuse,1405/08/01\n');
}, 120_000);

afterAll(() => {
  process.chdir(cwd);
  t.cleanup();
});

/** A page's path that only exists on the page's machine becomes one here. */
function localise(line: string): string {
  const backup = line.includes('db restore') ? readdirSync('backups').sort()[0] : undefined;
  return line
    .replace(/E:\\backups\\/g, `${t.dir}/`)
    .replace(/backups\/parvande-[\w-]+\.db/, backup === undefined ? '$&' : `backups/${backup}`);
}

describe('the task pages run as written on the demo office', () => {
  for (const page of PAGES) {
    it(page, async () => {
      const ran: string[] = [];
      for (const line of examples(readFileSync(join(ROOT, 'docs', `${page}.md`), 'utf8'))) {
        const r = await runCli(words(localise(line)).slice(1), env);
        ran.push(`${r.code} ${line}${r.code === (REFUSED[line] ?? 0) ? '' : `\n    ${r.stderr.trim()}`}`);
      }
      expect(ran.length).toBeGreaterThan(3);
      expect(ran).toEqual(
        ran.map((l) => l.split('\n')[0] as string).map((l) => `${REFUSED[l.slice(l.indexOf(' ') + 1)] ?? 0}${l.slice(l.indexOf(' '))}`),
      );
    }, 120_000);
  }
});
