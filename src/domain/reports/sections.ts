/**
 * Extra top-level sections of the monthly report, computed for the report's
 * month inside the same snapshot. Adding one is one entry in REPORT_SECTIONS,
 * e.g. `{ key: 'people', compute: (ctx, period) => peopleFigures(ctx, period) }`:
 * its result appears under that key in --json, and the terminal, csv, xlsx and
 * html show its numbers as one table of "path: value" rows
 * (extraSectionTables in src/ui/views/report-document.ts).
 */
import type { ReadCtx } from '../context.js';
import { peopleFigures } from '../people/report-figures.js';
import type { Period } from './period.js';

export interface ReportSection {
  /** The top-level key in the report, e.g. `people`. */
  key: string;
  compute: (ctx: Pick<ReadCtx, 'db' | 'today'>, period: Period) => unknown;
}

/** Staff on the roll, shifts planned and covered, training and workshops (issue "staff register, roster and training"). */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  { key: 'people', compute: (ctx, period) => peopleFigures(ctx, { from: period.from, to: period.to }) },
];

/** The extra sections for one period, keyed as they appear in the report. */
export function computeSections(ctx: Pick<ReadCtx, 'db' | 'today'>, period: Period): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of REPORT_SECTIONS) out[s.key] = s.compute(ctx, period);
  return out;
}
