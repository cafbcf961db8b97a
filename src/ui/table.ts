import { createTable } from './cli-table.js';
import { ZeroWidthShield } from './text-width.js';
import { showControls } from './visible-text.js';

export interface TableOptions {
  /** Right-to-left readers scan from the right: the columns are mirrored. */
  rtl?: boolean;
  /** Column indexes whose cells are numbers, aligned right. */
  numeric?: number[];
}

/** A plain table that fits 80 columns when its content does; no colour codes inside cells. */
export function renderTable(head: string[], rows: string[][], opts: TableOptions = {}): string {
  const order = head.map((_, i) => i);
  if (opts.rtl) order.reverse();
  const numeric = new Set(opts.numeric ?? []);
  // Persian text carries ZWNJ, which cli-table3 would count as a column.
  const shield = new ZeroWidthShield();
  // Output shows stored control characters as escapes; measured as drawn, the columns stay aligned.
  const cell = (text: string): string => shield.hide(showControls(text));
  const table = createTable({
    head: order.map((i) => cell(head[i] ?? '')),
    style: { head: [], border: [], compact: false, 'padding-left': 1, 'padding-right': 1 },
    colAligns: order.map((i) => (numeric.has(i) !== (opts.rtl === true) ? 'right' : 'left')),
    wordWrap: false,
  });
  for (const row of rows) table.push(order.map((i) => cell(row[i] ?? '')));
  return shield.restore(table.toString());
}

/** "Label: value" lines, labels padded to one width. */
export function renderCard(pairs: [string, string][]): string {
  const shown = pairs.filter(([, v]) => v !== '');
  const width = Math.max(0, ...shown.map(([k]) => [...k].length));
  return shown.map(([k, v]) => `${k.padEnd(width + (k.length - [...k].length))}  ${v}`).join('\n');
}
