/**
 * The case story answered through prompts in a real pseudo-terminal, the way a
 * clerk at the desk works. util-linux `script` gives the child a terminal (Linux
 * only): elsewhere, without it, these tests are skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, tempDb } from '../helpers/cli.js';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const DOWN = '\x1b[B';
const ENTER = '\r';

/** One run of the bin in a terminal: wait for a prompt, answer it, then collect the exit code. */
class Terminal {
  private out = '';
  private readonly done: Promise<number>;
  private readonly child;

  constructor(args: string[], env: Record<string, string>) {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    this.child = spawn('script', ['-qfec', quoted, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', COLUMNS: '120', ...env },
    });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.out += d));
    this.done = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }

  /** Everything the terminal showed, without the cursor-movement codes. */
  get screen(): string {
    return this.out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  }

  async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!this.screen.includes(text)) {
      if (Date.now() - start > timeoutMs) throw new Error(`no "${text}" on the terminal; it shows:\n${this.screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for a prompt, then types the keys. */
  async answer(prompt: string, ...keys: string[]): Promise<void> {
    await this.waitFor(prompt);
    // Let the prompt switch the terminal to raw mode before typing.
    await new Promise((r) => setTimeout(r, 50));
    for (const k of keys) {
      this.child.stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  /** A refused answer: waits for the reason shown under it, clears the ten characters typed, types `text`. */
  async retype(reason: string, text: string): Promise<void> {
    await this.waitFor(reason);
    await this.answer(reason, ...Array.from({ length: 10 }, () => '\x7f'), text, ENTER);
  }

  async exit(timeoutMs = 15_000): Promise<number> {
    const guard = new Promise<number>((_, reject) =>
      setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`still running after ${timeoutMs} ms; the terminal shows:\n${this.screen}`));
      }, timeoutMs).unref(),
    );
    return Promise.race([this.done, guard]);
  }
}

describe.runIf(hasScript)('answering prompts in a terminal', () => {
  const t = tempDb();
  const env = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk' };
  beforeAll(async () => {
    const r = await runBin(['init', '--office-code', 'PTY01', '--office-name', 'x'], { env });
    if (r.code !== 0) throw new Error(r.stderr);
  });
  afterAll(() => t.cleanup());

  it('client add, case open, case close and followup done asked for what was missing', async () => {
    const add = new Terminal(['client', 'add'], env);
    await add.answer('First name', 'زهرا', ENTER);
    await add.answer('Last name', 'احمدی', ENTER);
    await add.answer('National code', '0013542419', ENTER);
    await add.answer('Sex', ENTER); // the first choice: female
    await add.answer('Birth date', '۱۳۷۰/۰۵/۱۲', ENTER);
    await add.answer('Mobile', ENTER); // optional: left empty
    expect(await add.exit()).toBe(0);
    expect(add.screen).toContain('Registered               1405/09/04');

    // Given options are not asked for; select prompts take arrow keys.
    const open = new Terminal(['case', 'open', '--risk', 'critical'], env);
    // The client is searched for: the national code finds the one match, and enter takes it.
    await open.answer('Client (type part of the name', '0013542419');
    await open.answer('زهرا احمدی · #1', ENTER);
    await open.answer('Channel', DOWN, ENTER); // hotline, then mobile-team
    await open.answer('Primary problem', DOWN, DOWN, DOWN, ENTER); // the fourth: suicide
    // Asked because a required value was: further problems, center and worker, each left empty.
    await open.answer('Further problems', ENTER);
    await open.answer('? Center', ENTER);
    await open.answer('? Worker', ENTER);
    expect(await open.exit()).toBe(0);
    expect(open.screen).not.toContain('? Risk');
    expect(open.screen).toContain('PTY01-1405-000001');

    const close = new Terminal(['case', 'close', '1405-1'], env);
    await close.answer('Reason for closing', ENTER); // resolved
    await close.answer('Follow-up plan', '7,30,90', ENTER);
    expect(await close.exit()).toBe(0);

    const done = new Terminal(['followup', 'done', '1'], env);
    await done.answer('Outcome', 'no recurrence', ENTER);
    expect(await done.exit()).toBe(0);

    const client = (await runBin(['client', 'show', '1', '--json'], { env })).json();
    expect(client).toMatchObject({
      firstName: 'زهرا',
      lastName: 'احمدی',
      nationalCode: '0013542419',
      sex: 'female',
      birthDate: '1991-08-03',
      mobile: null,
    });
    const kase = (await runBin(['case', 'show', '1', '--json'], { env })).json();
    expect(kase).toMatchObject({
      clientId: 1,
      channel: 'mobile-team',
      primaryCategory: 'suicide',
      risk: 'critical',
      status: 'closed',
      closeReason: 'resolved',
    });
    expect(kase.followups.map((f: { dueOn: string; status: string }) => `${f.dueOn} ${f.status}`)).toEqual([
      '2026-12-25 scheduled',
      '2027-02-23 scheduled',
      '2026-12-02 done',
    ]);
  });

  it('--no-input on a terminal fails at once, naming what is missing', async () => {
    const run = new Terminal(['--no-input', 'case', 'open'], env);
    expect(await run.exit()).toBe(2);
    expect(run.screen).toContain('error: missing required options: --client, --channel, --category, --risk');
  });

  it('a bad answer is asked again with the message a bad flag would get', async () => {
    const add = new Terminal(['client', 'add', '--sex', 'male', '--birth-date', '1360/01/01'], env);
    await add.answer('First name', 'علی', ENTER);
    await add.answer('Last name', 'کریمی', ENTER);
    await add.answer('National code', '1234567890', ENTER);
    // Clear the field, then type a valid code.
    await add.retype('national code fails the checksum', '0023456787');
    await add.answer('Mobile', '0912', ENTER);
    await add.waitFor('mobile number has 4 digits in local form; expected 11 (09 and 9 more)');
    await add.answer('expected 11', '1234567', ENTER);
    expect(await add.exit()).toBe(0);
    const client = (await runBin(['client', 'show', '2', '--json'], { env })).json();
    expect(client).toMatchObject({
      firstName: 'علی',
      nationalCode: '0023456787',
      mobile: '+989121234567',
      sex: 'male',
      birthDate: '1981-03-21',
    });
  });
});

/**
 * The same desk in Persian (the message catalogue, #13): every question, every re-asked answer's
 * reason and the closing line are Persian, for commands beyond case open.
 */
describe.runIf(hasScript)('answering prompts in Persian', () => {
  const t = tempDb();
  const env = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk', PARVANDE_LANG: 'fa' };
  beforeAll(async () => {
    const r = await runBin(['init', '--office-code', 'PTF01', '--office-name', 'x'], { env });
    if (r.code !== 0) throw new Error(r.stderr);
  });
  afterAll(() => t.cleanup());

  it('client add re-asks in Persian; center add, case open, referral add and followup schedule ask in Persian', async () => {
    const add = new Terminal(['client', 'add', '--sex', 'female', '--birth-date', '1370/05/12'], env);
    await add.answer('? نام', 'زهرا', ENTER);
    await add.answer('نام خانوادگی', 'احمدی', ENTER);
    await add.answer('کد ملی', '1234567890', ENTER);
    await add.retype('رقم کنترل کد ملی درست نیست', '0013542419');
    await add.answer('تلفن همراه', ENTER);
    expect(await add.exit()).toBe(0);

    const center = new Terminal(['center', 'add', '--sector', 'gov'], env);
    await center.answer('نام مرکز', 'مرکز مداخله', ENTER);
    await center.answer('? نوع', ENTER);
    expect(await center.exit()).toBe(0);

    const open = new Terminal(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide'], env);
    // Asked because a required value (the risk) was: further problems, center and worker, each left empty.
    await open.answer('مسائل دیگر', ENTER);
    await open.answer('سطح خطر', DOWN, ENTER); // critical, then high
    await open.answer('? مرکز', ENTER);
    await open.answer('? کارشناس', ENTER);
    expect(await open.exit()).toBe(0);

    const referral = new Terminal(['referral', 'add', '--case', '1405-1'], env);
    await referral.answer('نوع دستگاه', ENTER);
    await referral.answer('نام دستگاه', 'کلانتری ۱۲', ENTER);
    await referral.answer('علت ارجاع پرونده چیست؟', 'حمایت قضایی', ENTER);
    expect(await referral.exit()).toBe(0);

    const followup = new Terminal(['followup', 'schedule', '--case', '1405-1'], env);
    await followup.answer('موعد', '1405/13/01', ENTER);
    await followup.retype('ماه ۱۳ وجود ندارد', '+7d');
    expect(await followup.exit()).toBe(0);

    // Nothing English was asked or said on the way (codes and what was typed aside).
    for (const run of [add, center, open, referral, followup]) {
      expect(run.screen).not.toMatch(/\b(?:First|Last|name|Center|Kind|Worker|Due|Why|agency|required)\b/);
    }
    const shown = (await runBin(['case', 'show', '1', '--json'], { env })).json();
    expect(shown.followups).toHaveLength(1);
  });
});
