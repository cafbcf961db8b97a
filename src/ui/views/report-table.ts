/**
 * cli-table3 tables for reports that stay aligned with Persian text and fit the
 * terminal: zero-width characters (ZWNJ in "کودک‌آزاری") are hidden from
 * cli-table3's width count and put back afterwards, and a table wider than the
 * terminal is split into several, each repeating the label column.
 */
import { createTable } from '../cli-table.js';
import { displayWidth, ZeroWidthShield } from '../text-width.js';

export interface ReportTableOptions {
  /** Mirrored columns for right-to-left readers. */
  rtl?: boolean;
  /** Widest allowed line (default 80). */
  maxWidth?: number;
}

/** Column 0 is the label; every other column holds numbers (right-aligned, or left in RTL mirror). */
export function renderReportTable(head: string[], rows: string[][], opts: ReportTableOptions = {}): string {
  const maxWidth = opts.maxWidth ?? 80;
  const groups = splitColumns(head, rows, maxWidth);
  return groups
    .map((cols) =>
      drawTable(
        cols.map((i) => head[i] ?? ''),
        rows.map((r) => cols.map((i) => r[i] ?? '')),
        opts.rtl === true,
      ),
    )
    .join('\n');
}

/** Value columns grouped so that each table, with the label column, fits in maxWidth. */
function splitColumns(head: string[], rows: string[][], maxWidth: number): number[][] {
  const widthOf = (i: number): number => Math.max(displayWidth(head[i] ?? ''), ...rows.map((r) => displayWidth(r[i] ?? ''))) + 3;
  const labelWidth = widthOf(0) + 1;
  const groups: number[][] = [];
  let current: number[] = [0];
  let width = labelWidth;
  for (let i = 1; i < head.length; i++) {
    const w = widthOf(i);
    if (current.length > 1 && width + w > maxWidth) {
      groups.push(current);
      current = [0];
      width = labelWidth;
    }
    current.push(i);
    width += w;
  }
  groups.push(current);
  return groups;
}

function drawTable(head: string[], rows: string[][], rtl: boolean): string {
  const order = head.map((_, i) => i);
  if (rtl) order.reverse();
  const shield = new ZeroWidthShield();
  const hide = (cell: string): string => shield.hide(cell);
  const table = createTable({
    head: order.map((i) => hide(head[i] ?? '')),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    // Labels read from the start of the line; numbers line up on their last digit.
    colAligns: order.map((i) => (i === 0 ? (rtl ? 'right' : 'left') : 'right')),
    wordWrap: false,
  });
  for (const row of rows) table.push(order.map((i) => hide(row[i] ?? '')));
  return shield.restore(table.toString());
}
