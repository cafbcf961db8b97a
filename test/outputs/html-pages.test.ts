/**
 * `--format html`, `--out` and `--open` of the read commands (issue #13, Terminal): one
 * self-contained page per result, well-formed, right to left under fa, every stored text
 * escaped (a name planted with markup, an ampersand, quotes and a control character).
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runCli, tempDb } from '../helpers/cli.js';

const t = tempDb();
const HOSTILE_FIRST = '<script>alert(1)</script>';
const HOSTILE_LAST = `O'Neil & "Co" <img src=x onerror=alert(2)>`;
// --open's temporary pages go into the test's own folder (os.tmpdir() reads TMPDIR), removed with it.
const env = { PARVANDE_TODAY: '2026-11-25', TMPDIR: t.dir, TEMP: t.dir, TMP: t.dir };
const cli = (...args: string[]) => runCli(['--db', t.db, ...args], env);

beforeAll(async () => {
  const steps = [
    ['init', '--office-code', 'HTM01', '--office-name', 'اورژانس <b>کرج</b> & "شمال"'],
    ['center', 'add', '--name', 'مرکز <i>مداخله</i>', '--kind', 'social-emergency', '--sector', 'gov'],
    ['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی & <u>', '--role', 'social-worker', '--sector', 'gov'],
    ['client', 'add', '--first-name', HOSTILE_FIRST, '--last-name', HOSTILE_LAST, '--sex', 'female'],
    ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--sex', 'female'],
    ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--worker', '1'],
    ['case', 'note', '1405-1', '--text', 'a note with <b>markup</b> & "quotes"'],
  ];
  for (const s of steps) {
    const r = await cli(...s);
    expect(r.code, `${s.join(' ')}: ${r.stderr}`).toBe(0);
  }
  // An old version or the sqlite3 shell may have stored a control character: shown as an escape, never raw.
  const db = new Database(t.db);
  db.prepare("UPDATE clients SET first_name = 'زهرا' || char(27) || '[2J' WHERE id = 2").run();
  db.close();
});
afterAll(() => t.cleanup());

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/** Tags balance (a stack of open elements), and no "<" or ">" is left outside a tag: every text was escaped. */
function checkWellFormed(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const body = html.slice('<!DOCTYPE html>'.length).replace(/<style>[^<]*<\/style>/, '<style></style>');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g)) {
    const [, close, name] = m as unknown as [string, string, string];
    if (VOID.has(name)) continue;
    if (close === '') stack.push(name);
    else expect(stack.pop(), `</${name}>`).toBe(name);
  }
  expect(stack).toEqual([]);
  const text = body.replace(/<\/?[a-z][a-z0-9]*(?:\s+[a-z-]+="[^"<>]*")*\s*>/g, '');
  expect(text).not.toMatch(/[<>]/);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/https?:/i);
  // An event handler could only be an attribute of a real tag; the page's tags carry none.
  for (const m of body.matchAll(/<[a-z][^>]*>/g)) expect(m[0]).not.toMatch(/\son[a-z]+=/i);
  // No raw control character but the line feed.
  expect(html).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
}

describe('an attack test: stored names with markup', () => {
  it('client list and client show escape the planted name in both languages', async () => {
    for (const lang of ['en', 'fa']) {
      const list = await cli('--lang', lang, 'client', 'list', '--format', 'html');
      expect(list.code, list.stderr).toBe(0);
      checkWellFormed(list.stdout);
      expect(list.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(list.stdout).toContain('O&#39;Neil &amp; &quot;Co&quot; &lt;img src=x onerror=alert(2)&gt;');
      // The control character is shown as the terminal shows it.
      expect(list.stdout).toContain('زهرا\\x1b[2J');
      const show = await cli('--lang', lang, 'client', 'show', '1', '--format', 'html');
      expect(show.code, show.stderr).toBe(0);
      checkWellFormed(show.stdout);
      expect(show.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('the office name in the title and heading is escaped', async () => {
    const r = await cli('center', 'list', '--format', 'html');
    checkWellFormed(r.stdout);
    expect(r.stdout).toMatch(
      /<title>parvande center list — اورژانس &lt;b&gt;کرج&lt;\/b&gt; &amp; &quot;شمال&quot; \(HTM01\) — 1405\/09\/04<\/title>/,
    );
    expect(r.stdout).toContain('مرکز &lt;i&gt;مداخله&lt;/i&gt;');
  });
});

describe('every read command as a page', () => {
  const COMMANDS: [string[], string[]][] = [
    [
      ['client', 'list'],
      ['#1', '#2'],
    ],
    [['client', 'find', 'زهرا'], ['#2']],
    [['client', 'show', '2'], ['#2']],
    [['case', 'list'], ['HTM01-1405-000001']],
    [
      ['case', 'show', '1405-1'],
      ['HTM01-1405-000001', 'a note with &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot;'],
    ],
    [['center', 'list'], ['#1']],
    [['center', 'show', '1'], ['#1']],
    [
      ['staff', 'list'],
      ['#1', 'رضایی &amp; &lt;u&gt;'],
    ],
    [['staff', 'show', '1'], ['#1']],
    [['service', 'list'], []],
    [['followup', 'list'], []],
    [['referral', 'list'], []],
    [['roster', 'pattern', 'list'], []],
    [['roster', 'show'], []],
    [['roster', 'gaps'], []],
    [['roster', 'on-duty'], []],
    [['training', 'course', 'list'], []],
    [['training', 'workshop', 'list'], []],
    [['training', 'enrolments'], []],
    [['training', 'compliance'], []],
    [['worklist', '--worker', '1'], []],
    [['audit', 'list'], ['case open']],
    [['db', 'check'], []],
    [['config', 'list'], ['lang']],
  ];
  for (const [args, ids] of COMMANDS) {
    it(`${args.join(' ')}: en and fa`, async () => {
      for (const lang of ['en', 'fa'] as const) {
        const r = await cli('--lang', lang, ...args, '--format', 'html');
        expect(r.code, r.stderr).toBe(0);
        checkWellFormed(r.stdout);
        expect(r.stdout).toContain(lang === 'fa' ? '<html lang="fa" dir="rtl">' : '<html lang="en" dir="ltr">');
        const shown = lang === 'fa' ? ids.map(persianDigitsOf) : ids;
        for (const id of shown) expect(r.stdout).toContain(id);
      }
    });
  }

  it('the page holds every id the terminal table shows, as a <table> with a <thead>', async () => {
    const table = await cli('case', 'list');
    const page = await cli('case', 'list', '--format', 'html');
    expect(page.stdout).toMatch(/<table>\n<thead><tr><th>/);
    for (const n of table.stdout.match(/HTM01-\d{4}-\d{6}/g) ?? []) expect(page.stdout).toContain(n);
  });

  it('Persian digits under fa, as the terminal shows them', async () => {
    const r = await cli('--lang', 'fa', 'client', 'list', '--format', 'html');
    expect(r.stdout).toContain('#۲');
    expect(r.stdout).toContain('۱۴۰۵/۰۹/۰۴');
  });

  it('--format table is the terminal table, unchanged', async () => {
    const plain = await cli('client', 'list');
    const table = await cli('client', 'list', '--format', 'table');
    expect(table.stdout).toBe(plain.stdout);
    expect(table.stdout).not.toContain('<!DOCTYPE');
    expect(table.stdout).toContain('<script>');
  });
});

describe('refusals', () => {
  it('--json with --format html on standard output is exit 2; with --out the JSON is printed and the page written', async () => {
    for (const extra of [[], ['--out', '-']]) {
      const r = await cli('--json', 'case', 'list', '--format', 'html', ...extra);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(JSON.parse(r.stderr).error.code).toBe('usage');
    }
    const out = join(t.dir, 'json-and-page.html');
    const r = await cli('--json', 'case', 'list', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ caseNumber: string }[]>()[0]?.caseNumber).toBe('HTM01-1405-000001');
    checkWellFormed(readFileSync(out, 'utf8'));
  });

  it('--out or --open with --format table is exit 2', async () => {
    expect((await cli('case', 'list', '--format', 'table', '--out', join(t.dir, 'x.html'))).code).toBe(2);
    expect(await cli('case', 'list', '--format', 'table', '--open')).toMatchObject({ code: 2 });
  });

  it('an unknown --format is exit 2', async () => {
    expect((await cli('case', 'list', '--format', 'pdf')).code).toBe(2);
  });

  it('--out over the database is refused, even with --force, and the database is intact', async () => {
    const before = readFileSync(t.db);
    for (const extra of [[], ['--force']]) {
      const r = await cli('case', 'list', '--format', 'html', '--out', t.db, ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('database in use');
    }
    expect(readFileSync(t.db).subarray(0, 16).toString('latin1')).toBe(before.subarray(0, 16).toString('latin1'));
    expect((await cli('case', 'list', '--format', 'html', '--out', `${t.db}-wal`)).code).toBe(2);
  });

  it('export and report keep their own --format', async () => {
    expect((await cli('report', 'monthly', '--format', 'csv', '--month', '9')).code).toBe(0);
  });
});

describe('--out and --open', () => {
  it('--out writes the page owner-only, and replaces a file only with --force', async () => {
    const out = join(t.dir, 'cases.html');
    const r = await cli('--lang', 'fa', 'case', 'list', '--format', 'html', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    checkWellFormed(readFileSync(out, 'utf8'));
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);
    expect((await cli('case', 'list', '--format', 'html', '--out', out)).code).toBe(2);
    expect((await cli('case', 'list', '--format', 'html', '--out', out, '--force')).code).toBe(0);
  });

  it('--out implies the page', async () => {
    const out = join(t.dir, 'staff.html');
    expect((await cli('staff', 'list', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<!DOCTYPE html>');
  });

  /** A stand-in for the browser that records the arguments it was given, one per line. */
  function recordingOpener(name: string): { script: string; record: string } {
    const record = join(t.dir, `${name}.args`);
    const script = join(t.dir, `${name}.sh`);
    writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}.tmp'\nmv '${record}.tmp' '${record}'\n`);
    chmodSync(script, 0o700);
    return { script, record };
  }

  async function recorded(record: string): Promise<string[]> {
    for (let i = 0; i < 100 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 50));
    return readFileSync(record, 'utf8').split('\n').slice(0, -1);
  }

  it.skipIf(process.platform === 'win32')('--open writes a new owner-only temporary page and calls the opener with it alone', async () => {
    const { script, record } = recordingOpener('open');
    const r = await runCli(['--db', t.db, '--lang', 'fa', 'client', 'list', '--open'], { ...env, PARVANDE_OPENER: script });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const args = await recorded(record);
    expect(args).toHaveLength(1);
    const file = args[0] as string;
    expect(r.stderr).toContain(file);
    expect(file.startsWith(join(t.dir, 'parvande-page-'))).toBe(true);
    expect(file.endsWith('client-list.html')).toBe(true);
    const page = readFileSync(file, 'utf8');
    checkWellFormed(page);
    expect(page).toContain('dir="rtl"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('--open with --out opens that file, whose name may hold & and quotes', async () => {
    const { script, record } = recordingOpener('open-out');
    const out = join(t.dir, `a & b "c" 'd'.html`);
    const r = await runCli(['--db', t.db, 'case', 'list', '--format', 'html', '--out', out, '--open'], { ...env, PARVANDE_OPENER: script });
    expect(r.code, r.stderr).toBe(0);
    expect(await recorded(record)).toEqual([out]);
    checkWellFormed(readFileSync(out, 'utf8'));
  });

  it('an opener that cannot be started is a warning naming the page; the command succeeds (the built program)', async () => {
    const r = await runBin(['--db', t.db, 'center', 'list', '--open'], {
      env: { ...env, PARVANDE_OPENER: join(t.dir, 'no-such-browser') },
    });
    expect(r.code, r.stderr).toBe(0);
    const file = /opening (\S+\.html)/.exec(r.stderr)?.[1] as string;
    expect(r.stderr).toContain(`warning: could not start ${join(t.dir, 'no-such-browser')}`);
    expect(r.stderr).toContain(`open ${file} yourself`);
    expect(file).toMatch(/parvande-page-[^/\\]+[/\\]center-list\.html$/);
    checkWellFormed(readFileSync(file, 'utf8'));
  });

  it('--open needs no terminal and asks nothing', async () => {
    const { script, record } = recordingOpener('open-notty');
    const r = await runCli(['--db', t.db, 'db', 'check', '--open'], { ...env, PARVANDE_OPENER: script });
    expect(r.code, r.stderr).toBe(0);
    expect(await recorded(record)).toHaveLength(1);
  });
});

function persianDigitsOf(s: string): string {
  return s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] as string);
}
