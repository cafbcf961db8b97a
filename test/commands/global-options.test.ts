import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../src/runtime.js';
import { runCli } from '../helpers/cli.js';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--birth-date', '1370/05/12']);
  await o.json(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
  return o;
}

describe('global options are accepted before or after the command', () => {
  it('--json and --db in either place give the same result', async () => {
    const o = await office();
    const forms = [
      ['--json', '--db', o.db, 'client', 'list'],
      ['--db', o.db, 'client', 'list', '--json'],
      ['client', 'list', '--json', '--db', o.db],
      ['client', '--db', o.db, 'list', '--json'],
      ['--json', 'client', 'list', '--db', o.db],
    ];
    const outs = [];
    // One at a time: runCli captures the process's own stdout.
    for (const f of forms) outs.push(await runCli(f));
    for (const r of outs) {
      expect(r.code).toBe(0);
      expect(r.json()).toHaveLength(1);
    }
    expect(new Set(outs.map((r) => r.stdout)).size).toBe(1);
  });

  it('--actor before or after the command goes into the audit trail', async () => {
    const o = await office();
    await runCli(['--actor', 'clerk-a', '--db', o.db, 'client', 'add', '--first-name', 'a', '--last-name', 'b']);
    await runCli(['--db', o.db, 'client', 'add', '--first-name', 'c', '--last-name', 'd', '--actor', 'clerk-b']);
    expect(
      query(o.db, `SELECT actor, record_id AS id FROM audit_log WHERE record_type = 'client' AND record_id IN ('2', '3') ORDER BY id`),
    ).toEqual([
      { actor: 'clerk-a', id: '2' },
      { actor: 'clerk-b', id: '3' },
    ]);
  });

  it('--lang fa prints Persian labels and digits; --calendar gregorian shows ISO dates', async () => {
    const o = await office();
    const fa = await o.cli(['--lang', 'fa', 'client', 'show', '1']);
    expect(fa.stdout).toContain('۱۳۷۰/۰۵/۱۲');
    expect(fa.stdout).toContain('تاریخ تولد');
    expect(fa.stdout).toContain('#۱');
    const faList = await o.cli(['case', 'list', '--lang', 'fa']);
    expect(faList.stdout).toContain('TST۰۱-۱۴۰۵-۰۰۰۰۰۱');
    // Cut at a word's end to fit 80 columns beside the Persian headers.
    expect(faList.stdout).toContain('افکار یا اقدام…');
    const greg = await o.cli(['client', 'show', '1', '--calendar', 'gregorian']);
    expect(greg.stdout).toContain('Birth date               1991-08-03');
    expect(greg.stdout).toContain('Registered               2026-11-25');
    // JSON is the same whatever the language and calendar: codes and ISO dates.
    const j1 = await o.json(['case', 'show', '1', '--lang', 'fa', '--calendar', 'jalali']);
    const j2 = await o.json(['case', 'show', '1', '--lang', 'en', '--calendar', 'gregorian']);
    expect(j1.openedOn).toBe('2026-11-25');
    expect(j1.channel).toBe('hotline');
    expect({ ...j1, events: [] }).toEqual({ ...j2, events: [] });
  });

  it('--no-input never prompts, even on a terminal', () => {
    const stdin = process.stdin as { isTTY?: boolean };
    const stdout = process.stdout as { isTTY?: boolean };
    const saved = [stdin.isTTY, stdout.isTTY];
    stdin.isTTY = true;
    stdout.isTTY = true;
    try {
      expect(new Runtime({}, 'x').interactive).toBe(true);
      expect(new Runtime({ input: false }, 'x').interactive).toBe(false);
      stdout.isTTY = false;
      expect(new Runtime({}, 'x').interactive).toBe(false);
    } finally {
      [stdin.isTTY, stdout.isTTY] = saved;
    }
  });

  it('the actor is --actor, else PARVANDE_USER, else the OS user', () => {
    const saved = process.env.PARVANDE_USER;
    try {
      process.env.PARVANDE_USER = 'from-env';
      expect(new Runtime({ actor: ' from-option ' }, 'x').actor).toBe('from-option');
      expect(new Runtime({}, 'x').actor).toBe('from-env');
      process.env.PARVANDE_USER = '';
      expect(new Runtime({}, 'x').actor).toBe(userInfo().username);
      delete process.env.PARVANDE_USER;
      expect(new Runtime({}, 'x').actor).toBe(userInfo().username);
    } finally {
      if (saved === undefined) delete process.env.PARVANDE_USER;
      else process.env.PARVANDE_USER = saved;
    }
  });
});
