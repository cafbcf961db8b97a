/**
 * A damaged office file (a failing disk overwrote pages in the middle): the file still
 * opens, but reading its tables fails with SQLITE_CORRUPT. Every command that reads it
 * must end with exit 5 and one line on stderr that points to `parvande db check` and
 * `parvande db restore`, never with exit 1 and a raw SqliteError.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClient } from '../../src/domain/clients.js';
import { openCase } from '../../src/domain/cases.js';
import { Runtime } from '../../src/runtime.js';
import { runCli } from '../helpers/cli.js';
import { initAt, scratchDir } from '../hardening/support.js';

const t = scratchDir('parvande-damaged-');
const healthy = join(t.dir, 'healthy.db');
const PAGE = 4096;

beforeAll(async () => {
  await initAt(healthy, 'DMG01');
  // A few hundred clients and cases, through the same domain calls as the commands.
  const rt = new Runtime({ db: healthy }, 'seed');
  try {
    for (let i = 0; i < 300; i++) {
      const c = rt.write((ctx) => addClient(ctx, { firstName: 'مراجع', lastName: `شماره ${i}`, notes: 'یادداشت '.repeat(20) }));
      rt.write((ctx) =>
        openCase(ctx, {
          client: String(c.client.id),
          channel: 'hotline',
          category: i % 2 === 0 ? 'suicide' : 'child-abuse',
          risk: 'high',
          summary: 'خلاصه '.repeat(20),
        }),
      );
    }
  } finally {
    rt.close();
  }
});
afterAll(() => t.cleanup());

/**
 * Overwrites the start of every page in the middle third of the file, and the root page
 * of every table, leaving the schema's own pages whole: the file opens, its tables do not read.
 */
function damage(file: string): void {
  const s = new Database(file, { fileMustExist: true });
  s.pragma('wal_checkpoint(TRUNCATE)');
  const pages = Number(s.pragma('page_count', { simple: true }));
  const schemaPages = new Set(s.prepare(`SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'`).pluck().all() as number[]);
  const roots = s.prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as number[];
  s.close();
  const targets = new Set<number>(roots);
  for (let p = Math.floor(pages / 3); p <= Math.floor((2 * pages) / 3); p++) targets.add(p);
  const fd = openSync(file, 'r+');
  try {
    for (const p of targets) if (p > 1 && !schemaPages.has(p)) writeSync(fd, Buffer.alloc(300, 0x41), 0, 300, (p - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
}

const COMMANDS: string[][] = [
  ['export', 'clients'],
  ['export', 'cases', '--out', 'cases.csv'],
  ['client', 'list'],
  ['case', 'list'],
  ['report', 'monthly'],
  ['audit', 'list'],
];

describe('a damaged office file', () => {
  it('holds a few hundred clients and cases, and the damage leaves it openable but unreadable', () => {
    const s = new Database(healthy, { readonly: true, fileMustExist: true });
    try {
      expect(s.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(300);
      expect(s.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(300);
    } finally {
      s.close();
    }
    const file = join(t.dir, 'probe.db');
    copyFileSync(healthy, file);
    damage(file);
    const s2 = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(Number(s2.pragma('user_version', { simple: true }))).toBeGreaterThan(0);
      expect(() => s2.prepare('SELECT * FROM clients').all()).toThrow(/malformed|corrupt/i);
    } finally {
      s2.close();
    }
  });

  for (const args of COMMANDS) {
    it(`${args.join(' ')}: exit 5, one line naming db check and db restore`, async () => {
      const dir = join(t.dir, args.join('-').replace(/[^a-z-]/g, ''));
      const file = join(dir, 'office.db');
      mkdirSync(dir);
      copyFileSync(healthy, file);
      damage(file);
      const withOut = args.map((a) => (a === 'cases.csv' ? join(dir, a) : a));
      const r = await runCli(['--db', file, ...withOut]);
      expect(r.code, r.stderr).toBe(5);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toContain('parvande db check');
      expect(lines[0]).toContain('parvande db restore');
      expect(lines[0]).not.toMatch(/SqliteError|unexpected failure/);
      // export writes its rows, not JSON: --json is for the others.
      if (args[0] === 'export') return;
      const j = await runCli(['--db', file, ...withOut, '--json']);
      expect(j.code).toBe(5);
      expect(JSON.parse(j.stderr.trim()).error).toMatchObject({
        code: 'database-unreadable',
        message: expect.stringContaining('parvande db restore'),
      });
    });
  }
});
