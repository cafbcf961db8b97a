/**
 * Fuzzed command lines: random subcommands from the real program, real and made-up
 * option names, and nasty values (Persian and Arabic digits, RTL marks, ZWNJ, control
 * characters, huge and empty strings, impossible Jalali dates). Whatever comes in, the
 * CLI answers with a documented exit code (0, 2, 3, 4 or 5): exit 1 ("unexpected") or
 * a stack trace is a crash and fails the test.
 *
 * `demo` is left out: a valid run writes a whole made-up office (thousands of rows).
 * PARVANDE_FUZZ_RUNS raises the number of in-process command lines (default 6000).
 */
import type { Command } from 'commander';
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { runBin, runCli, type CliResult } from '../helpers/cli.js';
import { Dumper, initAt, scratchDir } from './support.js';

const RUNS = Number(process.env.PARVANDE_FUZZ_RUNS ?? '6000');
const BIN_RUNS = 40;

interface Leaf {
  path: string[];
  options: { flag: string; takesValue: boolean }[];
  args: number;
}

/** Every runnable command of the real program, with its options and positional arguments. */
function leaves(cmd: Command, path: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  for (const sub of cmd.commands) {
    const p = [...path, sub.name()];
    if (sub.commands.length > 0) out.push(...leaves(sub, p));
    else {
      out.push({
        path: p,
        options: sub.options
          .filter((o) => o.long !== undefined)
          .map((o) => ({ flag: o.long as string, takesValue: o.required || o.optional })),
        args: sub.registeredArguments.length,
      });
    }
  }
  return out;
}

const program = await buildFullProgram();
const LEAVES = leaves(program).filter((l) => l.path[0] !== 'demo');
const GROUPS = program.commands.map((c) => c.name()).filter((n) => n !== 'demo');
const GLOBAL_FLAGS = ['--json', '--lang', '--calendar', '--actor', '--no-input', '--help', '--version'];

/** Values people (and broken scripts) type. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '2',
  '3',
  '#1',
  '۱',
  '٣',
  '۱۴۰۵/۰۹/۰۴',
  '٢٠٢٦-١١-٢٥',
  '1402/12/30',
  '1403/12/30',
  '1405/07/31',
  '1405/13/01',
  '1405/00/00',
  '0000/00/00',
  '9999-12-31',
  '2026-02-29',
  '2024-02-29',
  '1299/01/01',
  '1500/01/01',
  '+7d',
  '-7d',
  '+99999d',
  '-99999m',
  '+1m',
  'today',
  'yesterday',
  '1405-09',
  '1405-13',
  '13',
  '1405',
  '99999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1.5',
  '١٫٥',
  '12,000',
  '۱۲،۰۰۰',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '{"a":1}',
  '[]',
  'null',
  'undefined',
  'true',
  'yes',
  'بله',
  'خیر',
  'TST01-1405-000001',
  'tst01-1405-000001',
  '1405-1',
  '1405-999999',
  'case:1',
  'client:',
  ':',
  'case:TST01-1405-000001',
  'followup:1',
  '0013542419',
  '۰۰۱۳۵۴۲۴۱۹',
  '0013542418',
  '09121234567',
  '+989121234567',
  '00989121234567',
  'hotline',
  'mobile-team',
  'suicide',
  'child-abuse',
  'critical',
  'resolved',
  'hotline-call',
  'social-worker',
  'gov',
  'ngo',
  'female',
  'خط تلفن ۱۲۳',
  'zahra',
  'زهرا',
  'علي',
  'محمد\u200cعلی',
  '\u200c',
  '\u200f',
  '\u200e',
  '\u202b1405\u202c',
  '\u202e12\u202c',
  '\u200fزهرا\u200f',
  '\ufeff1',
  'a\tb',
  'a\nb',
  'a\r\nb',
  '\u0001',
  '\u001b[31mred',
  '\u007f',
  '\u0008\u0008',
  'x\u000b',
  '\u2028',
  '\ud800',
  '😀',
  'é',
  'e\u0301',
  '7,30,90',
  '۷،۳۰،۹۰',
  '0,0',
  ',',
  '،',
  ';',
  'csv',
  'xlsx',
  'html',
  'json',
  'table',
  'fa',
  'en',
  'jalali',
  'gregorian',
  '--',
  '-',
  '--json',
  '-h',
  '.',
  '..',
  'nul',
  'CON',
  'a:b',
  'report.csv',
  'out.xlsx',
];

/** Paths must stay inside the scratch folder: no absolute paths, no climbing out. */
function tame(value: string): string {
  let v = value.replace(/\.\.(?=[/\\])/g, '__');
  if (/^[/\\~]/.test(v)) v = `x${v}`;
  return v;
}

const printable = fc.string({ unit: 'grapheme', maxLength: 40 });
const control = fc.string({ unit: fc.integer({ min: 1, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 });
const huge = fc.tuple(fc.constantFrom('ا', '9', 'a', '۹', '\u200c', ' '), fc.constantFrom(300, 5_000, 70_000)).map(([c, n]) => c.repeat(n));
const valueArb: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.constantFrom(...NASTY), weight: 10 },
    { arbitrary: printable, weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom(...NASTY), control, fc.constantFrom(...NASTY)).map(([a, b, c]) => a + b + c), weight: 2 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: fc.integer({ min: -5, max: 2_000_000 }).map(String), weight: 2 },
  )
  .map(tame);

interface Argv {
  argv: string[];
}

function argvFor(leaf: Leaf, db: string): fc.Arbitrary<Argv> {
  const realFlag = leaf.options.length > 0 ? fc.constantFrom(...leaf.options) : fc.constant({ flag: '--help', takesValue: false });
  const anyFlag = fc.oneof(
    { arbitrary: realFlag, weight: 16 },
    {
      arbitrary: fc.constantFrom(...GLOBAL_FLAGS).map((flag) => ({ flag, takesValue: ['--lang', '--calendar', '--actor'].includes(flag) })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom('--nope', '--case', '--client', '--date', '--out', '-x', '--', '---x', '--=1')
        .map((flag) => ({ flag, takesValue: true })),
      weight: 1,
    },
  );
  const option = fc.tuple(anyFlag, valueArb, fc.constantFrom('space', 'space', 'equals', 'bare')).map(([o, v, form]) => {
    if (!o.takesValue || form === 'bare') return [o.flag];
    return form === 'equals' ? [`${o.flag}=${v}`] : [o.flag, v];
  });
  const positionals = fc.oneof(
    { arbitrary: fc.array(valueArb, { minLength: leaf.args, maxLength: leaf.args }), weight: 6 },
    { arbitrary: fc.array(valueArb, { minLength: Math.max(0, leaf.args - 1), maxLength: leaf.args + 1 }), weight: 1 },
  );
  const dbChoice = fc.oneof(
    { arbitrary: fc.constant(['--db', db]), weight: 12 },
    { arbitrary: fc.constant([] as string[]), weight: 3 },
    {
      arbitrary: fc.constantFrom(['--db', 'missing.db'], ['--db', '.'], ['--db', ''], ['--db', db, '--db', db], ['--db', 'x'.repeat(5000)]),
      weight: 1,
    },
  );
  return fc
    .tuple(dbChoice, fc.array(option, { maxLength: 8 }), positionals, fc.boolean(), fc.integer({ min: 0, max: 8 }))
    .map(([dbArgs, opts, pos, json, at]) => {
      const tail = [...opts.flat(), ...pos];
      // Positionals and options in any order, as people type them.
      const i = Math.min(at, tail.length);
      return { argv: [...dbArgs, ...leaf.path, ...tail.slice(0, i), ...(json ? ['--json'] : []), ...tail.slice(i)] };
    });
}

/** A command line that is not even a real command: a bare group, an unknown word, nothing at all. */
function oddArgv(db: string): fc.Arbitrary<Argv> {
  return fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...GROUPS).map((g) => [g]),
        fc.array(valueArb, { maxLength: 3 }),
      ),
      fc.array(valueArb, { maxLength: 3 }),
    )
    .map(([head, rest]) => ({ argv: ['--db', db, ...head, ...rest] }));
}

const scratch = scratchDir('parvande-fuzz-');
// The commands run in a folder two levels down, so that a relative "..": still lands in scratch.
const cwd = join(scratch.dir, 'a', 'b');
let db = '';
const home = process.cwd();
const ENV = (): Record<string, string> => ({
  PARVANDE_DB: db,
  XDG_DATA_HOME: join(scratch.dir, 'xdg'),
  LOCALAPPDATA: join(scratch.dir, 'xdg'),
  PARVANDE_USER: 'fuzz',
  PARVANDE_BUSY_TIMEOUT_MS: '2000',
  // `--open` writes its page into a new folder of the temporary folder: the scratch one, removed with it.
  TMPDIR: scratch.dir,
  TEMP: scratch.dir,
  TMP: scratch.dir,
  // `config set` may be fuzzed into a valid setting: it lands in scratch, never in the tester's own file.
  PARVANDE_CONFIG: join(scratch.dir, 'settings', 'config.json'),
});

beforeAll(async () => {
  mkdirSync(cwd, { recursive: true });
  db = await initAt(join(cwd, 'office.db'), 'TST01');
  for (const args of [
    ['center', 'add', '--name', 'مرکز مداخله', '--kind', 'social-emergency', '--sector', 'gov'],
    ['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov'],
    ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419'],
    ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--worker', '1'],
    ['case', 'open', '--anonymous', '--channel', 'mobile-team', '--category', 'child-abuse', '--risk', 'critical'],
    ['service', 'log', '--case', '1', '--type', 'crisis-intervention', '--minutes', '40'],
    ['followup', 'schedule', '--case', '1', '--due', '+7d'],
    ['case', 'close', '2', '--reason', 'resolved', '--followup-plan', '7,30'],
  ]) {
    const r = await runCli(['--db', db, ...args], ENV());
    if (r.code !== 0) throw new Error(`seed ${args.join(' ')}: ${r.stderr}`);
  }
  process.chdir(cwd);
});
afterAll(() => {
  process.chdir(home);
  scratch.cleanup();
});

/** A crash: exit 1, a JavaScript stack trace, or the "unexpected failure" line. */
function crashed(r: CliResult): string | null {
  if (![0, 2, 3, 4, 5].includes(r.code)) return `exit ${r.code}`;
  if (/\n\s+at .+:\d+:\d+\)?/.test(r.stderr) || /unexpected failure/.test(r.stderr)) return 'stack trace or unexpected failure';
  return null;
}

const show = (argv: string[]): string => JSON.stringify(argv.map((a) => (a.length > 60 ? `${a.slice(0, 20)}…(${a.length} chars)` : a)));

describe('fuzzed command lines', () => {
  it(`never crash in-process (${RUNS} command lines)`, async () => {
    const seen = new Map<number, number>();
    const arb = fc.oneof(
      { arbitrary: fc.constantFrom(...LEAVES).chain((leaf) => argvFor(leaf, db)), weight: 12 },
      { arbitrary: oddArgv(db), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ argv }) => {
        const r = await runCli(argv, ENV());
        seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
        const crash = crashed(r);
        if (crash !== null) throw new Error(`${crash}: parvande ${show(argv)}\n${r.stderr.slice(0, 2000)}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The fuzz reached past argument parsing: commands ran, found nothing, and refused.
    expect(seen.get(0) ?? 0).toBeGreaterThan(RUNS / 20);
    expect(seen.get(2) ?? 0).toBeGreaterThan(RUNS / 4);
    expect(seen.get(3) ?? 0).toBeGreaterThan(0);
    // Whatever was thrown at it, the office file is whole.
    const d = new Dumper(db);
    try {
      expect(d.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(d.all('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      d.close();
    }
  }, 600_000);

  it(`never crash through the built bin (${BIN_RUNS} command lines)`, async () => {
    // One argument of a real process is limited (128 KiB on Linux): huge values are cut to 20,000 characters.
    const arb = fc
      .constantFrom(...LEAVES)
      .chain((leaf) => argvFor(leaf, db))
      .map(({ argv }) => ({ argv: argv.map((a) => a.slice(0, 20_000)) }));
    await fc.assert(
      fc.asyncProperty(arb, async ({ argv }) => {
        const r = await runBin(argv, { env: ENV(), cwd });
        const crash = crashed(r);
        if (crash !== null) throw new Error(`${crash}: parvande ${show(argv)}\n${r.stderr.slice(0, 2000)}`);
      }),
      { numRuns: BIN_RUNS, endOnFailure: true },
    );
  }, 300_000);
});
