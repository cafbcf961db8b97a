/**
 * `referral add` and `referral update` ask on a terminal for what is missing, as `case open`
 * and `followup done` do (src/ui/prompts.ts through Runtime.fill), in a real pseudo-terminal
 * (util-linux `script`, Linux only: skipped elsewhere). Without a terminal they never ask:
 * test/referrals/commands.test.ts holds the exit 2 naming the missing flags.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDb } from '../helpers/cli.js';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const DOWN = '\x1b[B';
const ENTER = '\r';

function terminal(args: string[], env: Record<string, string>) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', COLUMNS: '120', ...env },
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const screen = (): string => out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    screen,
    async answer(prompt: string, ...keys: string[]): Promise<void> {
      const start = Date.now();
      while (!screen().includes(prompt)) {
        if (Date.now() - start > 10_000) throw new Error(`no "${prompt}" on the terminal; it shows:\n${screen()}`);
        await sleep(20);
      }
      await sleep(50);
      for (const k of keys) {
        child.stdin.write(k);
        await sleep(30);
      }
    },
    async exit(): Promise<number> {
      const guard = new Promise<number>((_, reject) =>
        setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`still running; the terminal shows:\n${screen()}`));
        }, 15_000).unref(),
      );
      return Promise.race([done, guard]);
    },
  };
}

describe.runIf(hasScript)('referral commands ask on a terminal', () => {
  const t = tempDb();
  const env = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk' };
  beforeAll(async () => {
    for (const args of [
      ['init', '--office-code', 'PTY02', '--office-name', 'x'],
      ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'child-abuse', '--risk', 'high', '--opened', '1405/09/01'],
    ]) {
      const r = await runBin(args, { env });
      if (r.code !== 0) throw new Error(r.stderr);
    }
  });
  afterAll(() => t.cleanup());

  it('referral add asks for the kind, the agency and the reason; referral update for the status and the date', async () => {
    const add = terminal(['referral', 'add', '--case', '1405-1'], env);
    await add.answer('Kind of agency', DOWN, ENTER); // police, then court
    await add.answer("The agency's name", 'دادگاه خانواده', ENTER);
    await add.answer('Why is the case referred?', 'حضانت موقت', ENTER);
    expect(await add.exit()).toBe(0);
    expect(add.screen()).not.toContain('Case number or id');

    const update = terminal(['referral', 'update', '1'], env);
    await update.answer('Status', DOWN, ENTER); // sent, then accepted
    await update.answer('Day of the answer', ENTER); // empty: today
    expect(await update.exit()).toBe(0);

    const [r] = (await runBin(['referral', 'list', '--json'], { env })).json();
    expect(r).toMatchObject({
      agencyKind: 'court',
      agency: 'دادگاه خانواده',
      reason: 'حضانت موقت',
      status: 'accepted',
      answeredOn: '2026-11-25',
    });
  });
});
