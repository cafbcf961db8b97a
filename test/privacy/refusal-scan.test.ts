/**
 * Every refusal path of every command (issue #10, item 7): for each command and
 * each option or argument that takes a value, the command runs with a planted
 * name, national code, mobile, address and birth date as that value (the other
 * options valid, so that the value reaches its parser), in plain and --json mode.
 * No stderr, and no stdout of a refused run, may hold a planted value: an error
 * names the field and the rule, never what was typed.
 *
 * The commands and their options are read from the program itself, so a new
 * option is scanned without this file changing. Paths (--db, --out, --dir, --package, the
 * file of import and restore) are echoed by design and not scanned: they say
 * where, not who. A run that succeeds prints the data it stored on stdout: only
 * its stderr is searched, and the database is put back as it was.
 */
import type { Command } from 'commander';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { runCli, tempDb } from '../helpers/cli.js';
import { PLANTED as P, plantedIn, plantOffice } from './planted.js';

const t = tempDb();
const db = t.db;
const pristine = join(t.dir, 'pristine.db');
const ids = { case1: '', case2: '' };

/** The values tried in every slot. */
const VALUES = [`${P.firstName} ${P.lastName}`, P.persianName, P.nationalCode, P.mobile, P.landline, P.address, P.birthDate, P.notes];

/** Options and arguments that hold a path: echoed by design ("cannot write /x/y"), not scanned. */
const PATHS = new Set(['--db', '--out', '--dir', '--log', '--package', 'import <file>', 'import office <file>', 'db restore <file>']);

/** Valid values for the rest of each command line, so that the value tried reaches its parser. */
function base(): Record<string, string[]> {
  const c1 = ids.case1;
  const c2 = ids.case2;
  const csv = join(t.dir, 'ok.csv');
  return {
    init: ['--office-code', 'PRV01', '--office-name', 'دفتر'],
    'center add': ['--name', 'مرکز دو', '--kind', 'social-emergency', '--sector', 'gov'],
    'center show': ['1'],
    'staff add': ['--first-name', 'مینا', '--last-name', 'کاظمی', '--role', 'psychologist', '--sector', 'gov'],
    'staff show': ['1'],
    'staff update': ['1', '--degree', 'ba'],
    'staff leave': ['2', '--date', 'today'],
    'roster pattern add': ['--service', 'hotline', '--name', 'عصر', '--start', '14:00', '--end', '20:00'],
    'roster pattern update': ['1', '--name', 'صبح ۲'],
    'roster pattern retire': ['1', '--date', '+30d'],
    'roster assign': ['--staff', '2', '--pattern', '1', '--date', '+1d'],
    'roster unassign': ['1'],
    'roster swap': ['1', '2'],
    'roster gaps': ['--from', 'today', '--to', '+7d'],
    'roster settings': ['--rest-hours', '10'],
    'training course add': ['--title', 'دوره دو', '--from', 'today', '--hours', '4'],
    'training course show': ['1'],
    'training course update': ['1', '--title', 'دوره یک'],
    'training enrol': ['--course', '1', '--staff', '2'],
    'training attend': ['1'],
    'training complete': ['1'],
    'training drop': ['1'],
    'training workshop add': ['--topic', 'life-skills', '--date', 'today', '--female', '3', '--male', '2'],
    'training workshop update': ['1', '--title', 'مهارت'],
    'training settings': ['--certificate-months', '24'],
    'client add': ['--first-name', 'سارا', '--last-name', 'نوری'],
    'client update': ['1', '--county', 'کرج'],
    'client show': ['1'],
    'client find': ['سارا'],
    'case open': ['--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'],
    'case show': [c1],
    'case assign': [c1, '--worker', '2'],
    'case note': [c1, '--text', 'تماس'],
    'case close': [c1, '--reason', 'resolved'],
    'case reopen': [c2],
    'service log': ['--case', c1, '--type', 'social-work'],
    'followup schedule': ['--case', c1, '--due', '+7d'],
    'followup done': ['1'],
    'followup missed': ['1'],
    'followup cancel': ['1'],
    'referral add': ['--case', c1, '--to', 'police', '--agency', 'کلانتری', '--reason', 'گزارش'],
    'referral update': ['1', '--status', 'feedback'],
    'referral settings': ['--answer-days', '14'],
    'referral void': ['1', '--reason', 'اشتباه'],
    'report range': ['--from', '1405/01/01', '--to', '1405/09/01'],
    'report nightly': ['--dir', join(t.dir, 'nightly')],
    import: ['clients', csv],
    export: ['clients', '--out', join(t.dir, 'export.csv')],
    // The whole office: the same commands, another way of working (docs/import-export.md).
    'export office': ['office', '--out', join(t.dir, 'office-export')],
    'import office': ['office', join(t.dir, 'office-export')],
    demo: ['--years', '1'],
    // The value reaches its parser (the settings file is the tests' absent one: nothing is written).
    'config set': ['lang', 'fa'],
    'config get': ['lang'],
    'config unset': ['lang'],
  };
}

interface Slot {
  command: string;
  /** "--note" or the argument's position and name, e.g. "0 <case>". */
  slot: string;
  args: (value: string) => string[];
}

/** Commands whose first argument picks another way of working, scanned that way too (each with its own base). */
const VARIANTS: Readonly<Record<string, readonly string[]>> = { export: ['export office'], import: ['import office'] };

/** Every command line with one slot given each planted value. */
function slots(program: Command): Slot[] {
  const b = base();
  const out: Slot[] = [];
  const walk = (cmd: Command, path: string[]): void => {
    if (cmd.commands.length > 0) {
      for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
      return;
    }
    for (const command of [path.join(' '), ...(VARIANTS[path.join(' ')] ?? [])]) addSlots(cmd, path, command);
  };
  const addSlots = (cmd: Command, path: string[], command: string): void => {
    const given = b[command] ?? [];
    const positional = given.filter((_, i) => i < cmd.registeredArguments.length);
    const options = given.slice(positional.length);
    cmd.registeredArguments.forEach((a, i) => {
      if (PATHS.has(`${command} <${a.name()}>`)) return;
      out.push({
        command,
        slot: `${i} <${a.name()}>`,
        args: (v) => {
          const pos = [...positional];
          while (pos.length < i) pos.push('1');
          pos[i] = v;
          return [...path, ...pos, ...options];
        },
      });
    });
    for (const o of cmd.options) {
      if (!(o.required || o.optional) || o.long === undefined || PATHS.has(o.long)) continue;
      const flag = o.long;
      out.push({
        command,
        slot: flag,
        args: (v) => {
          const rest: string[] = [];
          for (let i = 0; i < options.length; i++) {
            if (options[i] === flag) i++;
            else rest.push(options[i] as string);
          }
          return [...path, ...positional, ...rest, flag, v];
        },
      });
    }
  };
  walk(program, []);
  // The program's own options that take a value, on a command that writes (--actor is stored).
  for (const flag of ['--lang', '--calendar', '--actor']) {
    out.push({ command: 'client update', slot: flag, args: (v) => [flag, v, 'client', 'update', ...(b['client update'] as string[])] });
  }
  return out;
}

beforeAll(async () => {
  ({ caseNumber: ids.case1 } = await plantOffice(db, 'PRV01'));
  const ok = async (args: string[]): Promise<any> => {
    const r = await runCli(['--db', db, '--json', ...args]);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.json();
  };
  await ok(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await ok(['center', 'add', '--name', 'مرکز', '--kind', 'social-emergency', '--sector', 'gov']);
  await ok(['roster', 'pattern', 'add', '--service', 'hotline', '--name', 'صبح', '--start', '08:00', '--end', '14:00']);
  await ok(['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', 'today']);
  await ok(['training', 'course', 'add', '--title', 'دوره', '--from', 'today', '--hours', '8']);
  await ok(['training', 'enrol', '--course', '1', '--staff', '1']);
  await ok(['training', 'workshop', 'add', '--topic', 'life-skills', '--date', 'today', '--female', '3', '--male', '2']);
  await ok(['referral', 'add', '--case', ids.case1, '--to', 'police', '--agency', 'کلانتری', '--reason', 'گزارش', '--date', '1405/08/20']);
  const list = await ok(['case', 'list']);
  ids.case2 = (list as { caseNumber: string }[]).map((c) => c.caseNumber).find((n) => n !== ids.case1) as string;
  await ok(['case', 'close', ids.case2, '--reason', 'resolved']);
  writeFileSync(join(t.dir, 'ok.csv'), 'first-name,last-name\r\nنگار,صالحی\r\n');
  copyFileSync(db, pristine);
});
afterAll(() => t.cleanup());

/** Puts the database back after a run that stored something. */
function restore(): void {
  for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
  copyFileSync(pristine, db);
}

it('no refusal of any command repeats a planted value, with or without --json', async () => {
  const program = await buildFullProgram();
  const all = slots(program);
  expect(all.length).toBeGreaterThan(200);
  const leaks: string[] = [];
  let refused = 0;
  for (const s of all) {
    for (const value of VALUES) {
      for (const json of [false, true]) {
        const args = ['--db', db, ...(json ? ['--json'] : []), ...s.args(value)];
        const r = await runCli(args, { PARVANDE_TODAY: undefined });
        const label = `${s.command} ${s.slot}=${JSON.stringify(value)}${json ? ' --json' : ''} (exit ${r.code})`;
        for (const found of plantedIn(r.stderr)) leaks.push(`${label}: stderr → ${found}: ${r.stderr.trim()}`);
        if (r.code !== 0) {
          refused++;
          for (const found of plantedIn(r.stdout)) leaks.push(`${label}: stdout → ${found}`);
        } else restore();
      }
    }
  }
  // Most runs are refusals: the scan reaches the parsers, not only successes.
  expect(refused).toBeGreaterThan(all.length * VALUES.length);
  expect(leaks).toEqual([]);
}, 600_000);

it('imports: a file without a header row, and references by name, are refused without repeating a value', async () => {
  const searched: string[] = [];
  // The first row is a client's, not a header: its cells are named by column letter.
  const headerless = join(t.dir, 'headerless.csv');
  writeFileSync(headerless, `${P.firstName},${P.lastName},${P.nationalCode},${P.mobile},"${P.address}"\r\nزهرا,احمدی,,,\r\n`);
  for (const json of [false, true]) {
    const r = await runCli(['--db', db, ...(json ? ['--json'] : []), 'import', 'clients', headerless, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown columns A, B, C, D, E: map each to a field/);
    searched.push(r.stdout, r.stderr);
  }
  // A worker and a client given by name in reference columns: the run's report hides the values.
  const refs = join(t.dir, 'refs.csv');
  writeFileSync(
    refs,
    `client-id,worker-id,channel,category,risk\r\n1,${P.staffFirst} ${P.lastName},hotline,suicide,high\r\n${P.firstName} ${P.lastName},,hotline,suicide,high\r\n`,
  );
  const r = await runCli(['--db', db, '--json', 'import', 'cases', refs, '--dry-run']);
  expect(r.code).toBe(2);
  const errors = r.json<{ errors: { field: string; value: string }[] }>().errors;
  expect(errors.map((e) => [e.field, e.value])).toEqual([
    ['worker-id', '(hidden)'],
    ['client-id', '(hidden)'],
  ]);
  searched.push(r.stdout, r.stderr);
  expect(searched.flatMap((s) => plantedIn(s))).toEqual([]);
});
