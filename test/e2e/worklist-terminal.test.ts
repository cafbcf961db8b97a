/**
 * Whose worklist, at a real terminal (issue #12): without --worker, the acting user's own
 * list when the actor is a staff member; else the worker is asked for; --no-input refuses
 * naming --worker. util-linux `script` gives the child a terminal (Linux only): elsewhere,
 * without it, these tests are skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDb } from '../helpers/cli.js';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** One run of the bin in a terminal; `keys` are typed once `prompt` shows. */
async function inTerminal(
  args: string[],
  env: Record<string, string>,
  answer?: { prompt: string; keys: string | string[] },
): Promise<{ code: number; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', COLUMNS: '120', ...env },
  });
  let out = '';
  const screen = (): string => out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  if (answer !== undefined) {
    const start = Date.now();
    while (!screen().includes(answer.prompt)) {
      if (Date.now() - start > 10_000) {
        child.kill('SIGKILL');
        throw new Error(`no "${answer.prompt}" on the terminal; it shows:\n${screen()}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 50));
    // Each part waits for the screen to settle: a search redraws its list after a key.
    for (const keys of typeof answer.keys === 'string' ? [answer.keys] : answer.keys) {
      child.stdin.write(keys);
      await new Promise((r) => setTimeout(r, 400));
    }
  }
  const guard = new Promise<number>((_, reject) =>
    setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running; the terminal shows:\n${screen()}`));
    }, 15_000).unref(),
  );
  return { code: await Promise.race([done, guard]), screen: screen() };
}

describe.runIf(hasScript)('worklist at a terminal', () => {
  const t = tempDb();
  const env = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk' };
  beforeAll(async () => {
    for (const args of [
      ['init', '--office-code', 'PTY01', '--office-name', 'x'],
      ['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov'],
      ['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'gov'],
    ]) {
      const r = await runBin(args, { env });
      if (r.code !== 0) throw new Error(r.stderr);
    }
  });
  afterAll(() => t.cleanup());

  it("the acting user's own list when the actor is a staff member", async () => {
    const r = await inTerminal(['--actor', 'مریم رضایی', 'worklist'], env);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Worklist  مریم رضایی (#1)');
  });

  it('an actor who is not staff is asked for the worker', async () => {
    // The worker is searched for: the id finds علی کریمی, and enter takes it.
    const r = await inTerminal(['worklist'], env, { prompt: 'Worker (type part of the name or the id)', keys: ['2', '\r'] });
    expect(r.code).toBe(0);
    expect(r.screen).toContain('Worklist  علی کریمی (#2)');
  });

  it('--no-input: exit 2 naming --worker', async () => {
    const r = await inTerminal(['--no-input', 'worklist'], env);
    expect(r.code).toBe(2);
    expect(r.screen).toContain('missing required option: --worker');
  });
});
