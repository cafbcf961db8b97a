/** An extra top-level section of the monthly report (how the staff and training figures join it). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, type ReportSection } from '../../src/domain/reports/sections.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;
const section: ReportSection = {
  key: 'people',
  compute: (ctx, period) => ({ range: { from: period.from, to: period.to }, staff: { onRoll: (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n } }),
};

beforeAll(async () => {
  o = await TestOffice.create('SEC01');
  o.worker('سارا', 'کریمی');
  (REPORT_SECTIONS as ReportSection[]).push(section);
});
afterAll(() => {
  (REPORT_SECTIONS as ReportSection[]).splice(REPORT_SECTIONS.indexOf(section), 1);
  o.cleanup();
});

describe('REPORT_SECTIONS', () => {
  it('adds a top-level key to report monthly --json, computed for the month in the same snapshot', async () => {
    const r = await o.report(['monthly', '--month', '1405-09']);
    expect(r.people).toEqual({ range: { from: '2026-11-22', to: '2026-12-21' }, staff: { onRoll: 1 } });
    expect(Object.keys(r).slice(-3)).toEqual(['previousMonth', 'yearToDate', 'people']);
    expect(r.previousMonth.people).toBeUndefined();
  });

  it('shows its numbers in the terminal table too', async () => {
    const t = await o.cli(['report', 'monthly']);
    expect(t.stdout).toMatch(/│ staff\.onRoll\s+│\s+1 │/);
  });
});
