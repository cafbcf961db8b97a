/**
 * The built bin run in a real terminal, the way a clerk at the desk sees it: a tmux pane of a
 * given size (80×30 by default), keys typed with `send-keys`, the screen read with
 * `capture-pane`. Each terminal has its own tmux server (a socket of its own), removed by
 * `close()`. Tests using it are skipped where tmux is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

let count = 0;

const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

export class TmuxTerminal {
  private readonly socket: string;
  private readonly dir: string;
  private readonly exitFile: string;

  constructor(args: string[], env: Record<string, string>, size: { width: number; height: number } = { width: 80, height: 30 }) {
    this.socket = `parvande-${process.pid}-${++count}`;
    this.dir = mkdtempSync(join(tmpdir(), 'parvande-tmux-'));
    this.exitFile = join(this.dir, 'exit');
    const fullEnv: Record<string, string> = { NO_COLOR: '1', LANG: 'C.UTF-8', ...env };
    // The exit code goes to a file; the pane then waits, so its last screen can still be read.
    const command = `cd ${quote(ROOT)} && ${[process.execPath, BIN, ...args].map(quote).join(' ')}; echo $? > ${quote(this.exitFile)}; sleep 600`;
    const r = this.tmux([
      'new-session',
      '-d',
      '-s',
      't',
      '-x',
      String(size.width),
      '-y',
      String(size.height),
      ...Object.entries(fullEnv).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
      command,
    ]);
    if (r.status !== 0) throw new Error(`tmux did not start: ${r.stderr}`);
  }

  private tmux(args: string[]): ReturnType<typeof spawnSync> {
    return spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, TMUX: '' } });
  }

  /** What the pane shows now, wrapped lines joined, trailing blank lines dropped. */
  get screen(): string {
    return String(this.tmux(['capture-pane', '-p', '-J', '-t', 't']).stdout ?? '').trimEnd();
  }

  async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!this.screen.includes(text)) {
      if (Date.now() - start > timeoutMs) throw new Error(`no "${text}" on the terminal; it shows:\n${this.screen}`);
      await sleep(50);
    }
  }

  /** Text typed as it is (Persian too). */
  async type(text: string): Promise<void> {
    this.tmux(['send-keys', '-t', 't', '-l', text]);
    // Let the search prompt read the office and redraw its list.
    await sleep(400);
  }

  /** tmux key names: Enter, Down, Up, Space, C-c. */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.tmux(['send-keys', '-t', 't', k]);
      await sleep(250);
    }
  }

  /** Waits for a question, then presses the keys. */
  async answer(question: string, ...keys: string[]): Promise<void> {
    await this.waitFor(question);
    await sleep(150);
    await this.press(...keys);
  }

  async exit(timeoutMs = 15_000): Promise<number> {
    const start = Date.now();
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() - start > timeoutMs) throw new Error(`still running after ${timeoutMs} ms; the terminal shows:\n${this.screen}`);
      await sleep(50);
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  close(): void {
    this.tmux(['kill-server']);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
