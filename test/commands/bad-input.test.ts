/**
 * Every kind of bad input is refused with the documented exit code, one clear line
 * naming the field (a JSON error object with --json), and the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, type TestOffice } from '../helpers/office.js';
import { englishWords } from '../lang/english-words.js';

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419']);
  await o.json([
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--opened',
    '1405/09/01',
  ]);
  await o.json(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'runaway', '--risk', 'low']);
  await o.json(['case', 'close', '2', '--reason', 'resolved']);
  await o.json(['followup', 'schedule', '--case', '1', '--due', '+7d']);
  await o.json(['followup', 'done', '1', '--outcome', 'fine']);
});
afterAll(() => o.cleanup());

const ADD = ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری'];
const OPEN = ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'];

interface Bad {
  what: string;
  args: string[];
  exit: number;
  code: string;
  field: string | null;
  message: string | RegExp;
}

const BAD: Bad[] = [
  // Dates that do not exist.
  {
    what: 'Esfand 30 of a common year',
    args: [...ADD, '--birth-date', '1402/12/30'],
    exit: 2,
    code: 'invalid',
    field: 'birth-date',
    message: /^invalid date for --birth-date: /,
  },
  {
    what: 'Mehr 31',
    args: [...OPEN, '--opened', '1405/07/31'],
    exit: 2,
    code: 'invalid',
    field: 'opened',
    message: /^invalid date for --opened: /,
  },
  {
    what: 'Mehr 31 in Persian digits',
    args: ['followup', 'schedule', '--case', '1', '--due', '۱۴۰۵/۰۷/۳۱'],
    exit: 2,
    code: 'invalid',
    field: 'due',
    message: /^invalid date for --due: /,
  },
  {
    what: 'February 30',
    args: ['service', 'log', '--case', '1', '--type', 'legal', '--date', '2026-02-30'],
    exit: 2,
    code: 'invalid',
    field: 'date',
    message: /^invalid date for --date: /,
  },
  {
    what: 'not a date',
    args: ['case', 'list', '--from', 'last week'],
    exit: 2,
    code: 'invalid',
    field: 'from',
    message: /^invalid date for --from: expected e\.g\. 1405\/09\/04/,
  },
  // National codes and mobiles.
  {
    what: 'national code failing the checksum',
    args: [...ADD, '--national-code', '0013542418'],
    exit: 2,
    code: 'invalid',
    field: 'national-code',
    message: 'national code fails the checksum',
  },
  {
    what: 'national code too short',
    args: [...ADD, '--national-code', '13542419'],
    exit: 2,
    code: 'invalid',
    field: 'national-code',
    message: 'national code has 8 digits; expected 10: leading zeros may be missing (codes may begin with 0; type all 10 digits)',
  },
  {
    what: 'national code too long',
    args: [...ADD, '--national-code', '00135424190'],
    exit: 2,
    code: 'invalid',
    field: 'national-code',
    message: 'national code has 11 digits; expected 10',
  },
  {
    what: 'ten equal digits',
    args: [...ADD, '--national-code', '1111111111'],
    exit: 2,
    code: 'invalid',
    field: 'national-code',
    message: 'national code cannot be ten equal digits',
  },
  {
    what: 'letters in a national code',
    args: [...ADD, '--national-code', '00135A2419'],
    exit: 2,
    code: 'invalid',
    field: 'national-code',
    message: 'national code must contain only digits, spaces and dashes',
  },
  {
    what: 'duplicate national code',
    args: [...ADD, '--national-code', '۰۰۱۳۵۴۲۴۱۹'],
    exit: 4,
    code: 'conflict',
    field: 'national-code',
    message: 'this national code is already registered to client #1',
  },
  {
    what: 'mobile too short',
    args: [...ADD, '--mobile', '0912123'],
    exit: 2,
    code: 'invalid',
    field: 'mobile',
    message: 'mobile number has 7 digits in local form; expected 11 (09 and 9 more)',
  },
  {
    what: 'landline as mobile',
    args: [...ADD, '--mobile', '02188776655'],
    exit: 2,
    code: 'invalid',
    field: 'mobile',
    message: 'mobile number must start with 09; landline and other numbers are not accepted',
  },
  {
    what: 'foreign mobile',
    args: [...ADD, '--mobile', '+447700900123'],
    exit: 2,
    code: 'invalid',
    field: 'mobile',
    message: 'mobile number has a foreign country code; only Iranian (+98) numbers are accepted',
  },
  // Codes that do not exist.
  {
    what: 'unknown sex',
    args: [...ADD, '--sex', 'x'],
    exit: 2,
    code: 'invalid',
    field: 'sex',
    message: 'invalid sex: expected one of female, male',
  },
  {
    what: 'unknown channel',
    args: ['case', 'open', '--anonymous', '--channel', 'fax', '--category', 'other', '--risk', 'low'],
    exit: 2,
    code: 'invalid',
    field: 'channel',
    message: 'invalid channel: expected one of hotline, mobile-team, center, base, referral',
  },
  {
    what: 'unknown category',
    args: ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'theft', '--risk', 'low'],
    exit: 2,
    code: 'invalid',
    field: 'category',
    message: /^invalid category: expected one of family-dispute, child-abuse, /,
  },
  {
    what: 'unknown further category',
    args: [...OPEN, '--categories', 'suicide,nope'],
    exit: 2,
    code: 'invalid',
    field: 'categories',
    message: /^invalid categories: expected one of family-dispute, /,
  },
  {
    what: 'unknown risk',
    args: ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'extreme'],
    exit: 2,
    code: 'invalid',
    field: 'risk',
    message: 'invalid risk: expected one of critical, high, medium, low',
  },
  {
    what: 'unknown service type',
    args: ['service', 'log', '--case', '1', '--type', 'nap'],
    exit: 2,
    code: 'invalid',
    field: 'type',
    message: /^invalid type: expected one of crisis-intervention, /,
  },
  {
    what: 'unknown close reason',
    args: ['case', 'close', '1', '--reason', 'bored'],
    exit: 2,
    code: 'invalid',
    field: 'reason',
    message: 'invalid reason: expected one of resolved, referred, unreachable, moved, other',
  },
  {
    what: 'bad yes/no',
    args: [...ADD, '--woman-head', 'maybe'],
    exit: 2,
    code: 'invalid',
    field: 'woman-head',
    message: 'invalid woman-head: expected yes or no',
  },
  {
    what: 'bad limit',
    args: ['case', 'list', '--limit', 'many'],
    exit: 2,
    code: 'invalid',
    field: 'limit',
    message: 'invalid limit: expected a whole number',
  },
  // Conflicts with stored data.
  {
    what: 'closing a closed case',
    args: ['case', 'close', '2', '--reason', 'resolved'],
    exit: 4,
    code: 'conflict',
    field: 'case',
    message: 'case TST01-1405-000002 is already closed',
  },
  {
    what: 'service on a closed case',
    args: ['service', 'log', '--case', '1405-2', '--type', 'social-work'],
    exit: 4,
    code: 'conflict',
    field: 'case',
    message: 'case TST01-1405-000002 is closed: reopen it before logging a service',
  },
  {
    what: 'follow-up finished twice',
    args: ['followup', 'done', '1', '--outcome', 'again'],
    exit: 4,
    code: 'conflict',
    field: 'id',
    message: 'follow-up #1 is already done',
  },
  {
    what: 'reopening an open case',
    args: ['case', 'reopen', '1'],
    exit: 4,
    code: 'conflict',
    field: 'case',
    message: 'case TST01-1405-000001 is not closed',
  },
  // Unknown records.
  {
    what: 'unknown case',
    args: ['case', 'show', '99'],
    exit: 3,
    code: 'not-found',
    field: 'id',
    message: 'no case has the id given for --id',
  },
  {
    what: 'unknown case number',
    args: ['service', 'log', '--case', 'TST01-1405-000099', '--type', 'legal'],
    exit: 3,
    code: 'not-found',
    field: 'case',
    message: 'no case TST01-1405-000099',
  },
  {
    what: 'unknown short case number',
    args: ['followup', 'schedule', '--case', '1405-99', '--due', '+1d'],
    exit: 3,
    code: 'not-found',
    field: 'case',
    message: 'no case 1405-99',
  },
  {
    what: 'unknown client',
    args: [...OPEN.slice(0, 2), '--client', '77', ...OPEN.slice(4)],
    exit: 3,
    code: 'not-found',
    field: 'client',
    message: 'no client has the id given for --client',
  },
  {
    what: 'unknown client to show',
    args: ['client', 'show', '77'],
    exit: 3,
    code: 'not-found',
    field: 'id',
    message: 'no client has the id given for --id',
  },
  {
    what: 'unknown client to update',
    args: ['client', 'update', '77', '--county', 'x'],
    exit: 3,
    code: 'not-found',
    field: 'id',
    message: 'no client has the id given for --id',
  },
  {
    what: 'unknown national code',
    args: ['client', 'show', '0023456787'],
    exit: 3,
    code: 'not-found',
    field: 'id',
    message: 'no client with this national code',
  },
  {
    what: 'unknown worker',
    args: ['case', 'assign', '1', '--worker', '55'],
    exit: 3,
    code: 'not-found',
    field: 'worker',
    message: 'no staff member has the id given for --worker',
  },
  {
    what: 'unknown follow-up',
    args: ['followup', 'cancel', '55'],
    exit: 3,
    code: 'not-found',
    field: 'id',
    message: 'no follow-up has the id given for --id',
  },
  // Missing values, without a terminal: every missing option is named.
  {
    what: 'case open with nothing',
    args: ['case', 'open'],
    exit: 2,
    code: 'missing-input',
    field: 'client',
    message: 'missing required options: --client, --channel, --category, --risk',
  },
  {
    what: 'anonymous case open',
    args: ['case', 'open', '--anonymous', '--risk', 'low'],
    exit: 2,
    code: 'missing-input',
    field: 'channel',
    message: 'missing required options: --channel, --category',
  },
  {
    what: 'client add with nothing',
    args: ['client', 'add', '--sex', 'female'],
    exit: 2,
    code: 'missing-input',
    field: 'first-name',
    message: 'missing required options: --first-name, --last-name',
  },
  {
    what: 'case close with no reason',
    args: ['case', 'close', '1'],
    exit: 2,
    code: 'missing-input',
    field: 'reason',
    message: 'missing required option: --reason',
  },
  {
    what: 'center add',
    args: ['center', 'add', '--kind', 'other'],
    exit: 2,
    code: 'missing-input',
    field: 'name',
    message: 'missing required options: --name, --sector',
  },
  {
    what: 'blank required value',
    args: ['client', 'add', '--first-name', '  ', '--last-name', 'x'],
    exit: 2,
    code: 'missing-input',
    field: 'first-name',
    message: 'missing required option: --first-name',
  },
  // Usage.
  {
    what: 'unknown option',
    args: ['case', 'list', '--colour', 'red'],
    exit: 2,
    code: 'usage',
    field: null,
    message: 'unknown option --colour',
  },
  { what: 'unknown command', args: ['case', 'delete', '1'], exit: 2, code: 'usage', field: null, message: /^unknown command$/ },
  { what: 'missing argument', args: ['case', 'show'], exit: 2, code: 'usage', field: null, message: 'missing required argument <case>' },
  {
    what: 'bad --lang',
    args: ['--lang', 'de', 'case', 'list'],
    exit: 2,
    code: 'usage',
    field: null,
    message: '--lang: expected one of en, fa',
  },
];

describe('bad input is refused and changes nothing', () => {
  it.each(BAD)('$what → exit $exit', async (bad) => {
    const before = dumpDb(o.db);
    const human = await o.cli(bad.args);
    expect(human.code).toBe(bad.exit);
    expect(human.stdout).toBe('');
    const lines = human.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(human.stderr).not.toMatch(/\n\s+at /);
    const json = await o.cli([...bad.args, '--json']);
    expect(json.code).toBe(bad.exit);
    expect(json.stdout).toBe('');
    const err = JSON.parse(json.stderr) as { error: { code: string; message: string; field: string | null } };
    expect(Object.keys(err)).toEqual(['error']);
    expect(Object.keys(err.error)).toEqual(['code', 'message', 'field']);
    expect(err.error.code).toBe(bad.code);
    expect(err.error.field).toBe(bad.field);
    if (typeof bad.message === 'string') expect(err.error.message).toBe(bad.message);
    else expect(err.error.message).toMatch(bad.message);
    expect(lines[0]).toBe(`error: ${err.error.message}`);
    expect(dumpDb(o.db)).toBe(before);
  });
});

describe('under --lang fa the same refusals are one Persian line (the message catalogue, #13)', () => {
  // A bad --lang itself leaves no language asked for: that refusal is in English.
  it.each(BAD.filter((b) => !b.args.includes('--lang')))('$what → exit $exit, in Persian', async (bad) => {
    const before = dumpDb(o.db);
    const r = await o.cli(['--lang', 'fa', ...bad.args]);
    expect(r.code).toBe(bad.exit);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^خطا: /);
    expect(englishWords(lines[0] as string)).toEqual([]);
    const json = await o.cli(['--lang', 'fa', ...bad.args, '--json']);
    const err = JSON.parse(json.stderr) as { error: { code: string; message: string; field: string | null } };
    expect(err.error.code).toBe(bad.code);
    expect(err.error.field).toBe(bad.field);
    expect(lines[0]).toBe(`خطا: ${err.error.message}`);
    expect(dumpDb(o.db)).toBe(before);
  });
});

describe('a bad --lang is refused in the language the variable or the settings file asks for', () => {
  it('PARVANDE_LANG=fa with --lang de: one Persian line; without it, English', async () => {
    const fa = await o.cli(['--lang', 'de', 'case', 'list'], { PARVANDE_LANG: 'fa' });
    expect(fa.code).toBe(2);
    expect(fa.stderr).toBe('خطا: --lang: یکی از این‌ها را بدهید: en, fa\n');
    const en = await o.cli(['--lang', 'de', 'case', 'list']);
    expect(en.stderr).toBe('error: --lang: expected one of en, fa\n');
  });
});

describe('dates are accepted in every documented form', () => {
  // 1405/09/04 is 2026-11-25, the pinned office date.
  const FORMS: [string, string][] = [
    ['1405/09/20', '2026-12-11'],
    ['1405-9-20', '2026-12-11'],
    ['۱۴۰۵/۰۹/۲۰', '2026-12-11'],
    ['١٤٠٥-٩-٢٠', '2026-12-11'],
    ['2026-12-11', '2026-12-11'],
    ['۲۰۲۶-۱۲-۱۱', '2026-12-11'],
    ['today', '2026-11-25'],
    ['yesterday', '2026-11-24'],
    ['+7d', '2026-12-02'],
    ['-3d', '2026-11-22'],
    ['+۷d', '2026-12-02'],
  ];
  it.each(FORMS)('%s → %s', async (typed, iso) => {
    const f = await o.json(['followup', 'schedule', '--case', '1', '--due', typed]);
    expect(f.dueOn).toBe(iso);
  });
});

describe('privacy: an error never repeats a name, national code or mobile that was typed', () => {
  const SECRETS = ['0013542418', '0023456787', '09121234567', '0912123', '9121234567', 'سارا', 'نوری', 'Sara Nouri', 'مریم رضایی'];
  const RUNS: string[][] = [
    ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', '0013542418', '--mobile', '09121234567'],
    ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--mobile', '0912123'],
    ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', '0013542419'],
    ['client', 'show', '0023456787'],
    ['client', 'show', '9121234567'],
    ['client', 'update', '1', '--mobile', '9121234567999'],
    ['case', 'open', '--client', '09121234567', '--channel', 'hotline', '--category', 'other', '--risk', 'low'],
    ['case', 'open', '--client', 'Sara Nouri', '--channel', 'hotline', '--category', 'other', '--risk', 'low'],
    ['case', 'show', 'سارا نوری'],
    ['case', 'list', '--client', 'سارا'],
    ['followup', 'list', '--worker', 'Sara Nouri'],
    ['case', 'assign', '1', '--worker', 'سارا نوری'],
  ];
  it.each(RUNS)('%s %s …', async (...args) => {
    for (const json of [false, true]) {
      const r = await o.cli(json ? [...args, '--json'] : args);
      expect(r.code).not.toBe(0);
      for (const s of SECRETS) expect(r.stderr, `${s} in ${r.stderr}`).not.toContain(s);
    }
  });
});
