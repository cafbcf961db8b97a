/**
 * The printed report's head (issue #13): `report settings` sets who prepares and who
 * approves the report and its number's prefix; the html report prints the province's
 * and county's Welfare Organization, the office name before its code, a number that
 * is the same every time a month is printed, the day it was made, and the signing
 * lines (blank when unset, when the person has left, and with --redact).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, tempDb, type CliResult } from '../helpers/cli.js';

const t = tempDb();
const cli = (args: string[]): Promise<CliResult> => runBin(['--db', t.db, ...args]);
const html = async (args: string[]): Promise<string> => {
  const out = join(t.dir, `r-${Math.random().toString(36).slice(2)}.html`);
  const r = await cli(['report', 'monthly', '--month', '1405-08', '--format', 'html', '--out', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
};
const PREPARER = 'مریم رستمی';
const HEAD = 'رضا توکلی';
const LEFT = 'کاوه زمانی';

beforeAll(async () => {
  const init = await cli([
    'init',
    '--office-code',
    'KRJ01',
    '--office-name',
    'اورژانس اجتماعی کرج',
    '--county',
    'کرج',
    '--province',
    'البرز',
  ]);
  expect(init.code, init.stderr).toBe(0);
  for (const [first, last] of [PREPARER.split(' '), HEAD.split(' '), LEFT.split(' ')] as [string, string][]) {
    const r = await cli(['staff', 'add', '--first-name', first, '--last-name', last, '--role', 'social-worker', '--sector', 'gov']);
    expect(r.code, r.stderr).toBe(0);
  }
  expect((await cli(['staff', 'leave', '3', '--date', 'today'])).code).toBe(0);
}, 60_000);
afterAll(() => t.cleanup());

describe('report settings refuses bad input and changes nothing', () => {
  it('an unknown staff member, a person who has left, an empty or over-long prefix', async () => {
    const before = (await cli(['--json', 'report', 'settings'])).stdout;
    const unknown = await cli(['report', 'settings', '--prepared-by', 'نرگس ناشناس']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe('error: no staff member has the name given for --prepared-by\n');
    const gone = await cli(['report', 'settings', '--approved-by', '3', '--prepared-by', '1']);
    expect(gone.code).toBe(4);
    expect(gone.stderr).toMatch(/^error: staff member #3 is no longer active and cannot sign the report\n$/);
    const empty = await cli(['report', 'settings', '--number-prefix', '  ']);
    expect(empty.code).toBe(2);
    const long = await cli(['report', 'settings', '--number-prefix', 'x'.repeat(41)]);
    expect(long.code).toBe(2);
    const control = await cli(['report', 'settings', '--number-prefix', 'a\u202eb']);
    expect(control.code).toBe(2);
    // The refused runs wrote nothing, not even the part that was valid (--prepared-by 1 above).
    expect((await cli(['--json', 'report', 'settings'])).stdout).toBe(before);
  });
});

describe('the letterhead', () => {
  it('unset: the office code as the prefix, blank lines to sign by hand', async () => {
    const s = await cli(['--json', 'report', 'settings']);
    expect(s.json()).toEqual({ preparedBy: null, approvedBy: null, numberPrefix: null, printedPrefix: 'KRJ01' });
    const page = await html(['--lang', 'fa']);
    expect(page).toContain('<p>سازمان بهزیستی کشور</p>');
    expect(page).toContain('اداره کل بهزیستی استان \u2068البرز\u2069');
    expect(page).toContain('اداره بهزیستی شهرستان \u2068کرج\u2069');
    expect(page).toContain('\u2068اورژانس اجتماعی کرج\u2069 (کد \u2068KRJ01\u2069)');
    expect(page).toContain('<th>شماره:</th><td>\u2068KRJ01/۱۴۰۵/۰۸\u2069</td>');
    expect(page).toContain('<th>تاریخ:</th><td>۱۴۰۵/۰۹/۰۴</td>');
    expect(page.match(/<div class="name"><\/div>/g)).toHaveLength(2);
    expect(page).toContain('تهیه‌کننده');
    expect(page).toContain('تأییدکننده');
  });

  it('set: the names from the staff register and a number stable for the month', async () => {
    const s = await cli(['--json', 'report', 'settings', '--prepared-by', PREPARER, '--approved-by', '2', '--number-prefix', '۷۲۰/ص']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.json()).toEqual({
      preparedBy: { id: 1, name: PREPARER, active: true },
      approvedBy: { id: 2, name: HEAD, active: true },
      numberPrefix: '۷۲۰/ص',
      printedPrefix: '۷۲۰/ص',
    });
    const fa = await html(['--lang', 'fa']);
    expect(fa).toContain(`<div class="name">${PREPARER}</div>`);
    expect(fa).toContain(`<div class="name">${HEAD}</div>`);
    expect(fa).toContain('\u2068۷۲۰/ص/۱۴۰۵/۰۸\u2069');
    // The same month printed again, another day, has the same number.
    const again = await runBin(['--db', t.db, 'report', 'monthly', '--month', '1405-08', '--format', 'html'], {
      env: { PARVANDE_TODAY: '2026-12-20' },
    });
    expect(again.stdout).toContain('\u2068۷۲۰/ص/1405/08\u2069');
    expect(again.stdout).toContain('<th>Date:</th><td>1405/09/29</td>');
    expect(again.stdout).toContain('Prepared by');
  });

  it("the nightly run's html file carries the same letterhead (and --redact names no one there either)", async () => {
    const { readdirSync } = await import('node:fs');
    for (const redact of [false, true]) {
      const dir = join(t.dir, `nightly-${redact}`);
      const r = await cli(['--lang', 'fa', 'report', 'nightly', '--month', '1405-08', '--dir', dir, ...(redact ? ['--redact'] : [])]);
      expect(r.code, r.stderr).toBe(0);
      const page = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.html')) as string), 'utf8');
      expect(page).toContain('class="letterhead"');
      expect(page).toContain('\u2068۷۲۰/ص/۱۴۰۵/۰۸\u2069');
      if (redact) expect(page).not.toContain(PREPARER);
      else expect(page).toContain(`<div class="name">${PREPARER}</div>`);
    }
  });

  it('--redact names no one: the signing lines stay blank', async () => {
    const page = await html(['--redact']);
    expect(page).not.toContain(PREPARER);
    expect(page).not.toContain(HEAD);
    expect(page.match(/<div class="name"><\/div>/g)).toHaveLength(2);
  });

  it('cleared, one line at a time', async () => {
    const r = await cli(['--json', 'report', 'settings', '--no-approved-by', '--no-number-prefix']);
    expect(r.json()).toMatchObject({ approvedBy: null, numberPrefix: null, printedPrefix: 'KRJ01', preparedBy: { id: 1 } });
    const page = await html([]);
    expect(page).toContain(`<div class="name">${PREPARER}</div>`);
    expect(page).not.toContain(HEAD);
    expect(page).toContain('\u2068KRJ01/1405/08\u2069');
    // A report narrowed to one worker is not the month's filed report: it has no number.
    const narrowed = await html(['--worker', '1']);
    expect(narrowed).toContain('<th>No.:</th><td></td>');
    expect(narrowed).not.toContain('KRJ01/1405/08');
  });

  it('prints on A4 with page numbers, headers that repeat, and numbers aligned on their units digit', async () => {
    const fa = await html(['--lang', 'fa']);
    expect(fa).toContain('@page { size: A4; margin: 14mm 25mm 16mm 14mm;');
    expect(fa).toContain('@bottom-center {');
    expect(fa).toContain('content: "صفحه " counter(page, persian) " از " counter(pages, persian);');
    expect(fa).toContain('thead { display: table-header-group; }');
    expect(fa).toMatch(/td\.n \{ direction: ltr; unicode-bidi: isolate; text-align: right; font-variant-numeric: tabular-nums;/);
    // The essential figures first, the detail on the pages after.
    const key = fa.indexOf('<main class="block key">');
    const details = fa.indexOf('<div class="block details">');
    expect(key).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(key);
    expect(fa.slice(key, details)).toContain('<th>خدمات به تفکیک مسیر دریافت</th>');
    expect(fa.slice(details)).toContain('<th>خدمات به تفکیک مسئله و نوع خدمت</th>');
    expect(fa).not.toMatch(/https?:|<script|<link|src=|@import|url\(/i);
    const en = await html([]);
    expect(en).toContain('@page { size: A4; margin: 14mm 14mm 16mm 25mm;');
    expect(en).toContain('content: "Page " counter(page) " of " counter(pages);');
  });
});
