/**
 * Issue #13: at a terminal, a command that will ask for something first checks the values
 * given as flags (and the record its argument names), so a clerk never answers questions
 * only to lose them to a bad flag. In-process with a stand-in terminal: each run gives a bad
 * value and leaves a required one out, and must end before any question is drawn, with the
 * error the command itself reports, and nothing written. The real terminal is
 * test/e2e/pickers-terminal.test.ts.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { captureOutput } from '../helpers/cli.js';
import { dumpDb, makeOffice, type TestOffice } from '../helpers/office.js';

/** Runs the program in this process as if stdin and stdout were a terminal. */
async function atTerminal(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const realStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  const stdoutTty = process.stdout.isTTY;
  // A terminal nobody types at: a question would wait on it (or fail), and the test would see it.
  const fake = Object.assign(new Readable({ read() {} }), { isTTY: true, setRawMode: () => fake });
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => fake });
  (process.stdout as { isTTY?: boolean }).isTTY = true;
  try {
    const r = await captureOutput(() =>
      Promise.race([run(args), new Promise<number>((_, reject) => setTimeout(() => reject(new Error('a question was asked')), 5_000))]),
    );
    return { code: r.value, stdout: r.stdout, stderr: r.stderr };
  } finally {
    (process.stdout as { isTTY?: boolean }).isTTY = stdoutTty;
    if (realStdin !== undefined) Object.defineProperty(process, 'stdin', realStdin);
    fake.destroy();
  }
}

let office: TestOffice;

beforeAll(async () => {
  office = await makeOffice('FLG01');
  await office.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419']);
  await office.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await office.json(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
  await office.json(['followup', 'schedule', '--case', '1405-1', '--due', '+7d']);
  await office.json(['service', 'log', '--case', '1405-1', '--type', 'hotline-call', '--worker', '1']);
});
afterAll(() => office.cleanup());

// [command as typed, exit code, the start of the error line]
const CASES: [string[], number, string][] = [
  [['case', 'open', '--risk', 'banana'], 2, 'error: invalid risk'],
  [['case', 'open', '--channel', 'hotline', '--categories', 'suicide,banana'], 2, 'error: invalid categories'],
  [['case', 'open', '--client', '99'], 3, 'error: no client'],
  [['case', 'open', '--anonymous', '--opened', '1405/13/01'], 2, 'error:'],
  [['case', 'open', '--client', '1', '--worker', '99'], 3, 'error: no staff member'],
  [['case', 'open', '--client', '1', '--center', '99'], 3, 'error: no center'],
  [['case', 'assign', '1405-99'], 3, 'error: no case'],
  [['case', 'note', '1405-1', '--date', '1405/13/01'], 2, 'error:'],
  [['case', 'close', '1405-1', '--followup-plan', 'soon'], 2, 'error:'],
  [['case', 'close', '1405-1', '--reason', 'banana'], 2, 'error: invalid reason'],
  [['center', 'add', '--kind', 'banana'], 2, 'error: invalid kind'],
  [['client', 'add', '--sex', 'banana'], 2, 'error: invalid sex'],
  [['client', 'add', '--national-code', '1234567890'], 2, 'error: national code fails the checksum'],
  [['followup', 'schedule', '--case', '1405-99'], 3, 'error: no case'],
  [['followup', 'schedule', '--case', '1405-1', '--due', 'soon'], 2, 'error:'],
  [['followup', 'done', '99'], 3, 'error:'],
  [['followup', 'reschedule', '99'], 3, 'error:'],
  [['referral', 'add', '--case', '1405-1', '--to', 'banana'], 2, 'error: invalid to'],
  [['referral', 'update', '99'], 3, 'error:'],
  [['referral', 'void', '99'], 3, 'error:'],
  [['roster', 'pattern', 'add', '--service', 'banana'], 2, 'error: invalid service'],
  [['roster', 'assign', '--staff', '99'], 3, 'error: no staff member'],
  [['service', 'log', '--minutes', '99999'], 2, 'error:'],
  [['service', 'correct', '99'], 3, 'error:'],
  [['service', 'void', '99'], 3, 'error:'],
  [['staff', 'add', '--role', 'banana'], 2, 'error: invalid role'],
  [['training', 'course', 'add', '--hours', 'many'], 2, 'error:'],
  [['training', 'workshop', 'add', '--topic', 'banana'], 2, 'error: invalid topic'],
  [['training', 'enrol', '--staff', '99'], 3, 'error: no staff member'],
  [['init', '--office-code', 'کرج'], 2, 'error:'],
  [['report', 'range', '--from', '1405/13/01'], 2, 'error:'],
];

describe('a bad flag is refused before the first question (issue #13)', () => {
  it.each(CASES)('%j', async (args, code, message) => {
    for (const lang of ['en', 'fa']) {
      const before = dumpDb(office.db);
      const r = await atTerminal(['--db', office.db, '--lang', lang, ...args]);
      expect(r.stdout).toBe(''); // no question drawn
      // The words are checked in English; Persian messages are the message catalogue's (its own test).
      if (lang === 'en') expect(r.stderr.startsWith(message), r.stderr).toBe(true);
      else expect(r.stderr).not.toBe('');
      expect(r.code).toBe(code);
      expect(dumpDb(office.db)).toBe(before);
    }
  });

  it('a command typed complete at a terminal asks nothing, not even the optional questions', async () => {
    const r = await atTerminal([
      '--db',
      office.db,
      'case',
      'open',
      '--client',
      '1',
      '--channel',
      'hotline',
      '--category',
      'runaway',
      '--risk',
      'low',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('?');
    await office.json(['case', 'close', '1405-2', '--reason', 'resolved']);
  });

  it('without a terminal the order stays: the missing options are named first', async () => {
    const r = await office.cli(['case', 'open', '--risk', 'banana']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing required options: --client, --channel, --category');
  });
});
