/**
 * What scripts rely on, through the built bin: it never waits for input without a
 * terminal, exit codes mean what the README says, and every command's --help has examples.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { BIN, ROOT, runBin, runCli, tempDb, type CliResult } from '../helpers/cli.js';

const t = tempDb();
const ENV = { PARVANDE_DB: t.db };
beforeAll(async () => {
  for (const args of [
    ['init', '--office-code', 'E2E01', '--office-name', 'x'],
    ['client', 'add', '--first-name', 'a', '--last-name', 'b', '--national-code', '0013542419'],
    ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'other', '--risk', 'low'],
  ]) {
    const r = await runBin(args, { env: ENV });
    if (r.code !== 0) throw new Error(r.stderr);
  }
});
afterAll(() => t.cleanup());

/** Runs the bin with stdin a pipe that is never closed, as under a scheduler; kills it after `guardMs`. */
function runWithOpenStdin(args: string[], guardMs = 15_000): Promise<CliResult & { timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...ENV, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, guardMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      child.stdin.destroy();
      resolvePromise({ code: code ?? -1, stdout, stderr, timedOut, json: () => JSON.parse(stdout) });
    });
  });
}

describe('without a terminal it never waits for input', () => {
  it('stdin left open: exits with 2, naming every missing option', async () => {
    const r = await runWithOpenStdin(['case', 'open']);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: missing required options: --client, --channel, --category, --risk\n');
    const j = await runWithOpenStdin(['client', 'add', '--json']);
    expect(j.timedOut).toBe(false);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stderr)).toEqual({
      error: { code: 'missing-input', message: 'missing required options: --first-name, --last-name', field: 'first-name' },
    });
  });

  it('with --no-input too, and a complete command still succeeds with stdin open', async () => {
    const r = await runWithOpenStdin(['--no-input', 'followup', 'schedule', '--case', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: missing required option: --due\n');
    const ok = await runWithOpenStdin(['followup', 'schedule', '--case', '1', '--due', '+7d', '--json']);
    expect(ok.timedOut).toBe(false);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ id: 1, dueOn: '2026-12-02' });
  });
});

describe('exit codes', () => {
  it('0 ok, 2 invalid, 3 not found, 4 conflict, 5 database', async () => {
    const dir = tempDb();
    try {
      const notDb = join(dir.dir, 'text.db');
      writeFileSync(notDb, 'plain text, not a database\n'.repeat(100));
      const newer = join(dir.dir, 'newer.db');
      const raw = new Database(newer);
      raw.pragma('user_version = 999');
      raw.close();
      const cases: [string[], number][] = [
        [['case', 'list'], 0],
        [['--version'], 0],
        [['--help'], 0],
        [['client', 'add', '--first-name', 'a', '--last-name', 'b', '--national-code', '0013542418'], 2],
        [['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low', '--opened', '1402/12/30'], 2],
        [['case', 'list', '--bogus'], 2],
        [['case'], 2],
        [['case', 'show', '99'], 3],
        [['client', 'show', '42'], 3],
        [['client', 'add', '--first-name', 'c', '--last-name', 'd', '--national-code', '0013542419'], 4],
        [['case', 'reopen', '1'], 4],
        [['--db', notDb, 'case', 'list'], 5],
        [['--db', newer, 'case', 'list'], 5],
        [['--db', join(dir.dir, 'missing.db'), 'case', 'list'], 5],
      ];
      const results = await Promise.all(cases.map(([args]) => runBin(args, { env: ENV })));
      expect(results.map((r, i) => [cases[i]?.[0].join(' '), r.code])).toEqual(cases.map(([args, code]) => [args.join(' '), code]));
      for (const r of results.filter((x) => x.code !== 0)) expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      dir.cleanup();
    }
  });

  it('--version prints the version alone', async () => {
    const r = await runBin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('--help', () => {
  function paths(cmd: Command, prefix: string[] = []): string[][] {
    const out: string[][] = [prefix];
    for (const sub of cmd.commands) out.push(...paths(sub, [...prefix, sub.name()]));
    return out;
  }
  let all: string[][] = [];
  beforeAll(async () => {
    all = paths(await buildFullProgram());
  });

  it('every command and subcommand has --help with examples', async () => {
    expect(all.length).toBeGreaterThan(30);
    for (const p of all) {
      const r = await runCli([...p, '--help']);
      expect(r.code, p.join(' ')).toBe(0);
      expect(r.stdout, `parvande ${p.join(' ')} --help`).toContain('Examples:');
      expect(r.stdout).toMatch(/\$ parvande /);
    }
  });

  it('the built bin answers --help the same way', async () => {
    const [top, sub] = await Promise.all([runBin(['--help']), runBin(['case', 'close', '--help'])]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Examples:');
    expect(top.stdout).toContain(
      'Exit codes: 0 ok, 2 invalid input, 3 not found, 4 conflict with stored data, 5 database locked/unreadable/newer, 1 unexpected.',
    );
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('$ parvande case close 1405-12 --reason resolved --followup-plan 7,30,90');
  });
});
