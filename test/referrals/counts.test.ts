/**
 * The referral figures of the reports (sent by kind of agency, answered, awaiting an
 * answer at the period's end) against the independent oracle (test/reports/oracle.ts
 * expectedReferrals, a recount of what the test wrote, with its own calendar), after
 * adds, reminders, answers, later feedback, corrections of the record (referrals voided,
 * case updates, service voids and corrections) and cases closed and reopened; in every period of the
 * monthly, year and range reports, in every format, in the province roll-up, and `db
 * check` holds the triggers to the recount.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { addDaysIso, expectedReferrals, jd, monthBounds, seeded } from '../reports/oracle.js';
import { TestOffice, type CaseRecord, type ReferralRecord, type ServiceRecord } from '../reports/fixture.js';

const TODAY = '2026-11-25'; // 1405/09/04
const AGENCIES = ['police', 'court', 'hospital', 'school', 'health', 'welfare-center', 'ngo', 'other'];
const ANSWERS = ['accepted', 'declined', 'feedback'] as const;

let o: TestOffice;
let other: TestOffice;

/** A few months of an office's life, day by day, from a seed. */
async function build(office: TestOffice, seed: number): Promise<void> {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const open: CaseRecord[] = [];
  const closed: CaseRecord[] = [];
  const services: ServiceRecord[] = [];
  office.batch(() => {
    for (let day = jd(1405, 5, 20); day <= TODAY; day = addDaysIso(day, 1)) {
      if (rnd() < 0.4) open.push(office.openCase({ opened: day, category: 'child-abuse' }));
      for (const c of [...open]) {
        const r = rnd();
        if (r < 0.12) office.referral(c, day, pick(AGENCIES));
        else if (r < 0.16) services.push(office.service({ date: day, type: 'social-work', case: c }));
        else if (r < 0.19 && c.opened < day) {
          office.close(c, day, 'referred');
          open.splice(open.indexOf(c), 1);
          closed.push(c);
        }
      }
      if (rnd() < 0.15 && closed.length > 0) {
        const c = pick(closed);
        if ((c.events.at(-1) as { on: string }).on <= day) {
          office.reopen(c, day);
          closed.splice(closed.indexOf(c), 1);
          open.push(c);
        }
      }
      for (const r of office.referrals) {
        if (r.sent >= day) continue;
        const x = rnd();
        if (r.answered === null && x < 0.06) office.updateReferral(r, day, pick(ANSWERS));
        else if (r.answered === null && x < 0.08) office.updateReferral(r, day, 'sent');
        else if (r.answered !== null && r.answered < day && x < 0.02) office.updateReferral(r, day, 'feedback');
      }
    }
    // Corrections of the record, today: referrals recorded by mistake voided (answered ones and awaited ones).
    for (const r of office.referrals) if (rnd() < 0.1) office.voidReferral(r, TODAY);
    // Voids and corrected services.
    for (const s of services) {
      const x = rnd();
      if (x < 0.2) office.voidService(s, TODAY);
      else if (x < 0.4) office.correctService(s, TODAY, { type: 'psychology' });
    }
  });
  // And corrections of cases: an opening date moved back, a problem corrected (each through the command).
  for (const c of office.cases.slice(0, 6)) {
    const r = await office.cli([
      'case',
      'update',
      String(c.id),
      '--opened',
      addDaysIso(c.opened, -3),
      '--category',
      'suicide',
      '--reason',
      'اصلاح',
    ]);
    if (r.code !== 0) throw new Error(r.stderr);
    c.opened = addDaysIso(c.opened, -3);
  }
}

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  other = await TestOffice.create('SVJ01', 'other.db');
  await build(o, 7);
  await build(other, 8);
});
afterAll(() => {
  o.cleanup();
  other.cleanup();
});

const month = (m: number) => monthBounds(1405, m);

describe('referral figures equal the oracle', () => {
  it('the history built is rich enough to test: answered, reminded, awaiting, closed and reopened cases', () => {
    const rs: ReferralRecord[] = o.referrals;
    expect(rs.length).toBeGreaterThan(40);
    expect(rs.filter((r) => r.answered === null).length).toBeGreaterThan(5);
    expect(rs.filter((r) => r.answered !== null && r.answered.slice(0, 7) !== r.sent.slice(0, 7)).length).toBeGreaterThan(3);
    expect(o.cases.filter((c) => c.events.some((e) => e.kind === 'reopened')).length).toBeGreaterThan(0);
    expect(o.services.filter((s) => s.voided === true).length).toBeGreaterThan(0);
    expect(rs.filter((r) => r.voided === true && r.answered !== null).length).toBeGreaterThan(0);
    expect(rs.filter((r) => r.voided === true && r.answered === null).length).toBeGreaterThan(0);
  });

  for (const m of [6, 7, 8, 9]) {
    it(`monthly 1405-0${m}: this month, the month before and the year to date`, async () => {
      const r = await o.report(['monthly', '--month', `1405-0${m}`]);
      const b = month(m);
      expect(r.referrals).toEqual(expectedReferrals(o, b.from, b.to, TODAY));
      const p = month(m - 1);
      expect(r.previousMonth.referrals).toEqual(expectedReferrals(o, p.from, p.to, TODAY));
      expect(r.yearToDate.referrals).toEqual(expectedReferrals(o, jd(1405, 1, 1), b.to, TODAY));
    });
  }

  it('the year report: each month and the whole year', async () => {
    const r = await o.report(['year', '--year', '1405']);
    for (let m = 1; m <= 12; m++) {
      const b = month(m);
      expect(r.months[m - 1].referrals, `month ${m}`).toEqual(expectedReferrals(o, b.from, b.to, TODAY));
    }
    expect(r.total.referrals).toEqual(expectedReferrals(o, jd(1405, 1, 1), month(12).to, TODAY));
  });

  it('a free range that cuts months', async () => {
    const r = await o.report(['range', '--from', '1405/06/17', '--to', '1405/08/09']);
    expect(r.referrals).toEqual(expectedReferrals(o, jd(1405, 6, 17), jd(1405, 8, 9), TODAY));
  });

  it('the roll-up of two offices adds them up', async () => {
    const r = await runCli(['--db', o.path, '--db', other.path, 'report', 'monthly', '--month', '1405-08', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const b = month(8);
    const a = expectedReferrals(o, b.from, b.to, TODAY);
    const z = expectedReferrals(other, b.from, b.to, TODAY);
    const total = r.json().total.referrals;
    expect(total).toEqual({
      sent: a.sent + z.sent,
      sentByAgency: Object.fromEntries(AGENCIES.map((k) => [k, (a.sentByAgency[k] ?? 0) + (z.sentByAgency[k] ?? 0)])),
      answered: a.answered + z.answered,
      awaitingAtEnd: a.awaitingAtEnd + z.awaitingAtEnd,
    });
    expect(r.json().byOffice.SVJ01.referrals).toEqual(z);
  });

  it('db check finds the counts the triggers kept equal to a recount', async () => {
    for (const office of [o, other]) {
      const r = await office.cli(['db', 'check', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json().ok).toBe(true);
    }
  });
});

describe('referral figures in every format', () => {
  it('terminal, CSV, XLSX and HTML show the same rows', async () => {
    const b = month(9);
    const e = expectedReferrals(o, b.from, b.to, TODAY);
    const terminal = await o.cli(['report', 'monthly', '--month', '1405-09']);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).toContain('Referrals to other agencies');
    expect(terminal.stdout).toMatch(new RegExp(`Awaiting an answer at end\\s*│\\s*${e.awaitingAtEnd}\\b`));
    const csv = await o.cli(['report', 'monthly', '--month', '1405-09', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const row = (code: string): string | undefined => csv.stdout.split(/\r?\n/).find((l) => l.startsWith(`${code},`));
    expect(row('referrals.sent')?.split(',')[2]).toBe(String(e.sent));
    expect(row('referrals.sentByAgency.police')?.split(',')[2]).toBe(String(e.sentByAgency.police));
    expect(row('referrals.answered')?.split(',')[2]).toBe(String(e.answered));
    expect(row('referrals.awaitingAtEnd')?.split(',')[2]).toBe(String(e.awaitingAtEnd));
    const html = join(o.dir, 'azar.html');
    expect((await o.cli(['report', 'monthly', '--month', '1405-09', '--format', 'html', '--out', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Awaiting an answer at end');
    const xlsx = join(o.dir, 'azar.xlsx');
    expect((await o.cli(['report', 'monthly', '--month', '1405-09', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => cells.push(JSON.stringify(r.values))));
    expect(cells.some((c) => c.includes('Awaiting an answer at end') && c.includes(`,${e.awaitingAtEnd},`))).toBe(true);
  });
});
