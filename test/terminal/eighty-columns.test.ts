/**
 * Every list and card in a real 80-column terminal (issue #13): tmux draws an 80×40 window,
 * the built bin runs each read command of an office with the longest names in both languages
 * (and an import's and an export's summary),
 * and what the pane holds (its whole history) is read back. No line is wider than 80 columns,
 * tmux wrapped nothing (the pane read with wrapped lines joined has as many lines as without),
 * each command exits 0 and every id it lists is still on the screen.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../src/lang/digits.js';
import { displayWidth } from '../../src/ui/text-width.js';
import { BIN, ROOT, runBin, tempDb } from '../helpers/cli.js';
import { englishWords } from '../lang/english-words.js';
import { READS, SEED } from './long-names-office.js';

/** Words the seed office stored in Latin letters (a name, the actor's login): data, not words of parvande. */
const STORED = new Set([
  ...SEED.flat()
    .filter((a) => !a.startsWith('-'))
    .flatMap((a) => a.match(/[A-Za-z]+/g) ?? []),
  'clerk',
]);

const t = tempDb();
/** A tmux server of this test's own, on its own socket: nothing else's sessions are touched. */
const SOCKET = `parvande-80-${process.pid}`;
const ENV = { PARVANDE_TODAY: '2026-11-25', TZ: 'Asia/Tehran', NO_COLOR: '1', PARVANDE_USER: 'clerk', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-u', '-L', SOCKET, '-f', join(t.dir, 'tmux.conf'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...ENV },
  });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

/**
 * The read commands, and the summaries of an import (a dry run of a file that updates the
 * client with the long name) and of an export.
 */
function commandsFor(lang: 'en' | 'fa'): { args: string[]; ids: string[] }[] {
  return [
    ...READS,
    { args: ['import', 'clients', join(t.dir, 'clients.csv'), '--dry-run'], ids: [] },
    { args: ['export', 'clients', '--out', join(t.dir, `clients-${lang}.csv`)], ids: [] },
  ];
}

/** Runs every command in an 80×40 pane, each after a marker line, and returns the pane's history: joined and as drawn. */
async function runInPane(lang: 'en' | 'fa'): Promise<{ joined: string[]; drawn: string[] }> {
  const script = join(t.dir, `reads-${lang}.sh`);
  const lines = [...Object.entries(ENV).map(([k, v]) => `export ${k}=${quote(v)}`), `cd ${quote(ROOT)}`];
  commandsFor(lang).forEach(({ args }, n) => {
    lines.push(`echo '@@ ${n}'`, [process.execPath, BIN, '--db', t.db, '--lang', lang, ...args].map(quote).join(' '), `echo "@@ exit $?"`);
  });
  lines.push(`echo '@@ end'`, 'sleep 600');
  writeFileSync(script, lines.join('\n') + '\n');
  const session = `reads-${lang}`;
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '40', `sh ${quote(script)}`);
  const capture = (...flags: string[]): string[] =>
    tmux('capture-pane', '-p', '-S', '-', ...flags, '-t', session)
      .split('\n')
      .map((l) => l.trimEnd());
  const start = Date.now();
  while (!capture('-J').includes('@@ end')) {
    if (Date.now() - start > 120_000) throw new Error(`the commands did not finish; the pane shows:\n${capture('-J').join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The session stays until afterAll ends the server: ending the last session would stop the
  // server while the next language's session starts on the same socket.
  return { joined: capture('-J'), drawn: capture() };
}

/** The lines each command printed, by its place in READS, and its exit code. */
function byCommand(lines: string[]): { output: string[]; exit: string }[] {
  const out: { output: string[]; exit: string }[] = [];
  let current: { output: string[]; exit: string } | null = null;
  for (const line of lines) {
    if (/^@@ \d+$/.test(line)) {
      current = { output: [], exit: '' };
      out.push(current);
    } else if (line.startsWith('@@ exit ')) {
      if (current !== null) current.exit = line.slice('@@ exit '.length);
      current = null;
    } else current?.output.push(line);
  }
  return out;
}

describe('every list and card in an 80-column terminal (tmux)', () => {
  /** The audit trail's record types and field names (`enrolment:3`, `status, score`): codes as stored, shown as they are. */
  // 'clients': the kind of the export the pane itself runs, recorded before audit list reads the trail.
  const auditCodes = new Set<string>(['clients']);
  beforeAll(async () => {
    writeFileSync(join(t.dir, 'tmux.conf'), 'set -g history-limit 50000\nset -g status off\n');
    writeFileSync(
      join(t.dir, 'clients.csv'),
      'first-name,last-name,birth-date,notes\r\nفاطمه‌زهرا,میرمحمدصادقی‌اصفهانی,1388/02/11,دومین پرونده همان مددجو که در مرکز مداخله در بحران خانواده و کودک ثبت شد\r\n',
    );
    for (const args of SEED) {
      const r = await runBin(['--db', t.db, '--no-input', ...args], { env: ENV });
      if (r.code !== 0) throw new Error(`parvande ${args.join(' ')}: ${r.stderr}`);
    }
    const trail = (await runBin(['--db', t.db, 'audit', 'list', '--limit', '1000', '--json'], { env: ENV })).json() as {
      action: string;
      recordType: string;
      detail: string | null;
    }[];
    for (const e of trail) {
      auditCodes.add(e.recordType);
      if (e.action !== 'export') for (const w of (e.detail ?? '').match(/[A-Za-z]+/g) ?? []) auditCodes.add(w);
    }
  }, 120_000);
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { encoding: 'utf8' });
    t.cleanup();
  });

  for (const lang of ['en', 'fa'] as const) {
    it(`--lang ${lang}: no line over 80 columns, nothing wrapped, every id shown`, async () => {
      const pane = await runInPane(lang);
      // tmux joins the lines it wrapped (-J): as many lines either way means it wrapped none.
      expect(pane.joined.length).toBe(pane.drawn.length);
      for (const line of pane.joined) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      const outputs = byCommand(pane.joined);
      const commands = commandsFor(lang);
      expect(outputs).toHaveLength(commands.length);
      commands.forEach(({ args, ids }, n) => {
        const o = outputs[n] as { output: string[]; exit: string };
        const text = o.output.join('\n');
        expect(o.exit, `${args.join(' ')}:\n${text}`).toBe('0');
        expect(o.output.filter((l) => l !== '').length, args.join(' ')).toBeGreaterThan(0);
        for (const id of ids) expect(text, `${args.join(' ')} shows ${id}`).toContain(lang === 'fa' ? toPersianDigits(id) : id);
        // Under fa every word of the screen is Persian (the message catalogue), but what was stored as typed.
        if (lang === 'fa')
          expect(
            englishWords(text).filter((w) => !STORED.has(w) && !auditCodes.has(w)),
            args.join(' '),
          ).toEqual([]);
      });
    }, 180_000);
  }
});
