/** The people section of the monthly report: staff, shifts, training and workshops join the office's figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestOffice } from './fixture.js';

let o: TestOffice;

beforeAll(async () => {
  o = await TestOffice.create('SEC01');
  o.worker('سارا', 'کریمی');
});
afterAll(() => o.cleanup());

describe('report monthly: the people section', () => {
  it('adds a top-level people key, computed for the month only', async () => {
    const r = await o.report(['monthly', '--month', '1405-09']);
    expect(r.people.range).toEqual({ from: '2026-11-22', to: '2026-12-21' });
    expect(r.people.staff.onRoll).toBe(1);
    expect(Object.keys(r).slice(-3)).toEqual(['previousMonth', 'yearToDate', 'people']);
    expect(r.previousMonth.people).toBeUndefined();
    expect(Object.keys(r.people)).toEqual(['range', 'staff', 'shifts', 'training', 'workshops']);
  });

  it('is drawn as its own tables on the terminal, in English and in Persian', async () => {
    const en = await o.cli(['report', 'monthly']);
    expect(en.stdout).toMatch(/│ Staff on the roll\s+│ People │/);
    expect(en.stdout).toMatch(/│ Total\s+│\s+1 │/);
    const fa = await o.cli(['report', 'monthly', '--lang', 'fa']);
    expect(fa.stdout).toContain('کارکنان شاغل');
    expect(fa.stdout).toContain('کارگاه‌های آموزشی جامعه');
  });

  it('keeps stable row codes in csv', async () => {
    const csv = await o.cli(['report', 'monthly', '--format', 'csv']);
    expect(csv.stdout).toContain('people.staff.onRoll');
    expect(csv.stdout).toContain('people.shifts.byService.hotline');
  });
});
