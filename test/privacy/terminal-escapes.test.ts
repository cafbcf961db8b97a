/**
 * Terminal escape injection (issue #10, item 6), end to end in-process: every
 * command and import refuses control and bidi characters in free text and in
 * --actor / PARVANDE_USER (exit 2, naming the field and the code point, never the
 * text); what is already stored (older rows, the sqlite3 shell) is drawn with such
 * characters made visible in every human view, while --json keeps it exact.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOffice, oneLine, type TestOffice } from '../helpers/office.js';

/** Sets the window title, clears the screen, then hides the rest: what a hostile note would hold. */
const ESC = '\u001b]0;owned\u0007\u001b[2J';
const RLO = 'evil\u202etxt.exe';
const CSI8 = 'x\u009b2Jy';
/** Anything the terminal would act on. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let o: TestOffice;
let caseNumber = '';

beforeAll(async () => {
  o = await makeOffice('ESC01');
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--notes', 'plain']);
  const c = await o.json([
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
    '--worker',
    '1',
  ]);
  caseNumber = c.caseNumber;
  await o.json(['followup', 'schedule', '--case', caseNumber, '--due', '+7d']);
  await o.json(['center', 'add', '--name', 'مرکز', '--kind', 'social-emergency', '--sector', 'gov']);
});
afterAll(() => o.cleanup());

describe('refused on the way in', () => {
  const cases: { what: string; args: () => string[]; field: string; cp: string }[] = [
    { what: 'client notes', args: () => ['client', 'update', '1', '--notes', `call back ${ESC}`], field: 'notes', cp: 'U+001B' },
    { what: 'client address (C1)', args: () => ['client', 'update', '1', '--address', CSI8], field: 'address', cp: 'U+009B' },
    {
      what: 'client first name (bidi)',
      args: () => ['client', 'add', '--first-name', RLO, '--last-name', 'x'],
      field: 'first-name',
      cp: 'U+202E',
    },
    {
      what: 'case summary',
      args: () => [
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
        '--summary',
        `s ${ESC}`,
      ],
      field: 'summary',
      cp: 'U+001B',
    },
    { what: 'case note', args: () => ['case', 'note', caseNumber, '--text', `a\u2067b`], field: 'text', cp: 'U+2067' },
    {
      what: 'case close note',
      args: () => ['case', 'close', caseNumber, '--reason', 'resolved', '--note', `n${ESC}`],
      field: 'note',
      cp: 'U+001B',
    },
    {
      what: 'service note',
      args: () => ['service', 'log', '--case', caseNumber, '--type', 'social-work', '--note', `n${ESC}`],
      field: 'note',
      cp: 'U+001B',
    },
    {
      what: 'follow-up note',
      args: () => ['followup', 'schedule', '--case', caseNumber, '--due', '+7d', '--note', `n${CSI8}`],
      field: 'note',
      cp: 'U+009B',
    },
    { what: 'follow-up outcome', args: () => ['followup', 'done', '1', '--outcome', `safe ${ESC}`], field: 'outcome', cp: 'U+001B' },
    { what: 'staff field', args: () => ['staff', 'update', '1', '--field', `x\u202ay`], field: 'field', cp: 'U+202A' },
    {
      what: 'center name',
      args: () => ['center', 'add', '--name', `m${ESC}`, '--kind', 'social-emergency', '--sector', 'gov'],
      field: 'name',
      cp: 'U+001B',
    },
    {
      what: 'workshop note',
      args: () => ['training', 'workshop', 'add', '--date', 'today', '--topic', 'life-skills', '--note', `n${ESC}`],
      field: 'note',
      cp: 'U+001B',
    },
    {
      what: 'course title',
      args: () => ['training', 'course', 'add', '--title', `t${ESC}`, '--from', 'today', '--hours', '4'],
      field: 'title',
      cp: 'U+001B',
    },
    { what: '--actor', args: () => ['--actor', `head${ESC}`, 'client', 'update', '1', '--county', 'کرج'], field: 'actor', cp: 'U+001B' },
    {
      what: '--actor (bidi)',
      args: () => ['--actor', `head\u202e`, 'case', 'note', caseNumber, '--text', 'x'],
      field: 'actor',
      cp: 'U+202E',
    },
  ];
  for (const c of cases) {
    it(`${c.what}: exit 2 naming ${c.field} and ${c.cp}, nothing stored`, async () => {
      for (const json of [false, true]) {
        const r = await o.cli([...(json ? ['--json'] : []), ...c.args()]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        const line = oneLine(r);
        expect(line).not.toMatch(RAW);
        expect(line).not.toMatch(/owned|evil|call back|safe /);
        if (json) {
          const e = JSON.parse(line).error;
          expect(e.field).toBe(c.field);
          expect(e.message).toContain(`(${c.cp})`);
        } else
          expect(line).toMatch(
            new RegExp(`^error: (PARVANDE_USER: )?${c.field} contains a (bidi )?control character \\(${c.cp.replace('+', '\\+')}\\)`),
          );
      }
    });
  }

  it('PARVANDE_USER follows the same rules as --actor', async () => {
    const r = await o.cli(['--json', 'case', 'note', caseNumber, '--text', 'x'], { PARVANDE_USER: `clerk${ESC}` });
    expect(r.code).toBe(2);
    const e = JSON.parse(oneLine(r)).error;
    expect(e).toEqual({
      code: 'invalid',
      field: 'actor',
      message: 'PARVANDE_USER: actor contains a control character (U+001B); control characters are not allowed in text',
    });
  });

  it('--actor of more than 100 characters is refused; 100 are accepted', async () => {
    const r = await o.cli(['--json', '--actor', 'a'.repeat(101), 'case', 'note', caseNumber, '--text', 'x']);
    expect(r.code).toBe(2);
    expect(JSON.parse(oneLine(r)).error).toEqual({
      code: 'invalid',
      field: 'actor',
      message: 'actor is 101 characters long; at most 100 allowed',
    });
    const ok = await o.cli(['--json', '--actor', 'a'.repeat(100), 'case', 'note', caseNumber, '--text', 'x']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('ZWNJ, ZWJ and RLM stay allowed in notes and names', async () => {
    const r = await o.cli([
      '--json',
      'client',
      'update',
      '1',
      '--notes',
      'می\u200cرود\u200f (۲)\nخط دوم\tو\u200d',
      '--first-name',
      'زهرا\u200cسادات',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().notes).toBe('می\u200cرود\u200f (۲)\nخط دوم\tو\u200d');
  });

  it('imports refuse them too, in a name (not silently stripped), a note and a summary', async () => {
    const file = join(o.dir, 'hostile.csv');
    writeFileSync(
      file,
      ['first-name,last-name,notes', `ok,row,fine`, `"evil\u202eman",x,`, `a,b,"n ${ESC}"`, `c,d,"n\u009b"`].join('\r\n') + '\r\n',
    );
    const r = await o.cli(['--json', 'import', 'clients', file, '--dry-run']);
    expect(r.code).toBe(2);
    const report = r.json();
    const reasons = JSON.stringify(report);
    expect(reasons).toContain('first-name contains a bidi control character (U+202E)');
    expect(reasons).toContain('notes contains a control character (U+001B)');
    expect(reasons).toContain('notes contains a control character (U+009B)');
    expect(reasons).not.toMatch(/evil|owned/);
    expect(r.stderr).not.toMatch(RAW);
    const cases = join(o.dir, 'hostile-cases.csv');
    writeFileSync(cases, `client-id,channel,category,risk,summary\r\n1,hotline,suicide,high,"s ${ESC}"\r\n`);
    const c = await o.cli(['--json', 'import', 'cases', cases, '--dry-run']);
    expect(c.code).toBe(2);
    expect(c.stdout).toContain('summary contains a control character (U+001B)');
  });
});

describe('already stored: drawn visibly, exact in --json', () => {
  beforeAll(() => {
    // What the sqlite3 shell or an older version could have written.
    const d = new Database(o.db);
    try {
      d.prepare('UPDATE clients SET notes = ?, address = ?, first_name = ? WHERE id = 1').run(`n ${ESC}`, CSI8, `ز${'\u202e'}هرا`);
      d.prepare('UPDATE cases SET summary = ? WHERE id = 1').run(`s ${ESC}`);
      d.prepare(`UPDATE case_events SET text = ?, actor = ? WHERE case_id = 1`).run(RLO, `act${ESC}`);
    } finally {
      d.close();
    }
    // The audit trail cannot be rewritten: a row written by a hostile actor name, as an older version accepted it.
    const a = new Database(o.db);
    try {
      a.prepare(
        `INSERT INTO audit_log (at, actor, command, action, record_type, record_id, detail) VALUES (?, ?, 'client update', 'update', 'client', '1', ?)`,
      ).run('2026-11-25T08:00:00.000Z', `boss${ESC}`, `notes${CSI8}`);
    } finally {
      a.close();
    }
  });

  const views: { what: string; args: () => string[]; expect: string[] }[] = [
    { what: 'client show', args: () => ['client', 'show', '1'], expect: ['n \\x1b]0;owned\\x07\\x1b[2J', 'x\\x9b2Jy', 'ز<U+202E>هرا'] },
    { what: 'client list', args: () => ['client', 'list'], expect: ['ز<U+202E>هرا'] },
    {
      what: 'case show',
      args: () => ['case', 'show', caseNumber],
      // A user name is cut to fit 80 columns (issue #13): what is left of it is still drawn as escapes.
      expect: ['s \\x1b]0;owned\\x07\\x1b[2J', 'evil<U+202E>txt.exe', 'act\\x1b]0;owned'],
    },
    { what: 'audit list', args: () => ['audit', 'list'], expect: ['boss\\x1b]0;', 'notesx\\x9b2Jy'] },
  ];
  for (const v of views) {
    it(`${v.what} shows them as escapes, in English and Persian`, async () => {
      for (const lang of ['en', 'fa']) {
        const r = await o.cli(['--lang', lang, ...v.args()]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(RAW);
        for (const e of v.expect) expect(r.stdout).toContain(e);
      }
    });
  }

  it('--json keeps the stored text exact', async () => {
    const c = await o.json(['client', 'show', '1']);
    expect(c.notes).toBe(`n ${ESC}`);
    expect(c.address).toBe(CSI8);
    const k = await o.json(['case', 'show', caseNumber]);
    expect(k.summary).toBe(`s ${ESC}`);
    const audit = await o.json(['audit', 'list']);
    expect(audit.some((x: { actor: string }) => x.actor === `boss${ESC}`)).toBe(true);
  });
});
