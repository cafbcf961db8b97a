import { createTable } from './cli-table.js';
import { displayWidth, truncateWords, ZeroWidthShield } from './text-width.js';
import { showControls } from './visible-text.js';

export interface TableOptions {
  /** Right-to-left readers scan from the right: the columns are mirrored. */
  rtl?: boolean;
  /** Column indexes whose cells are numbers, aligned right. */
  numeric?: number[];
  /**
   * Column indexes of names (a worker, a client, a center). When a table is wider than 80
   * columns, the widest of its name and `cut` columns is narrowed first, a column at a
   * time, until the table fits: a name keeps at least NAME_FLOOR columns (its header's
   * width if that is more) while the table can fit so, and goes down to its header's width
   * only where that makes the table fit. A trailing id, `Sara Ahmadi (#3)`, is never cut.
   */
  names?: number[];
  /** Column indexes of long labels (a problem, a center) that may be cut, down to their header's width. */
  cut?: number[];
}

const SCREEN = 80;
/** "علی کریمی", "Maryam Rez…": a first name and most of a last one. */
const NAME_FLOOR = 12;

/** A trailing id in parentheses, `(#12)` or `(#۱۲)`: kept whole when the name before it is cut. */
const TRAILING_ID = / \(#[0-9۰-۹]+\)$/;

/** `text` cut to `width` columns at a word's end where it can be, keeping a trailing id whole. */
function cutCell(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const id = TRAILING_ID.exec(text)?.[0] ?? '';
  const room = width - displayWidth(id);
  // A name with no room left beside its id keeps the id alone: the id still names the record.
  if (id !== '' && room < 2) return id.trim();
  return truncateWords(text.slice(0, text.length - id.length), room) + id;
}

/**
 * Narrows the cuttable columns until the table fits 80 columns, or they are at their
 * floors. Each column takes its content plus a space either side and one border; the
 * table one more border.
 */
function fitColumns(head: string[], rows: string[][], opts: TableOptions): string[][] {
  const names = new Set(opts.names ?? []);
  const cuttable = [...new Set([...names, ...(opts.cut ?? [])])];
  if (cuttable.length === 0) return rows;
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const original = [...widths];
  const total = (): number => widths.reduce((sum, w) => sum + w + 3, 1);
  if (total() <= SCREEN) return rows;
  const headerWidth = (i: number): number => displayWidth(head[i] ?? '');
  const narrow = (floor: (i: number) => number): void => {
    while (total() > SCREEN) {
      let widest = -1;
      for (const i of cuttable) {
        if ((widths[i] as number) > floor(i) && (widest < 0 || (widths[i] as number) > (widths[widest] as number))) widest = i;
      }
      if (widest < 0) return;
      widths[widest] = (widths[widest] as number) - 1;
    }
  };
  // Names first keep a first name and most of a last one; below that only where it makes the table fit.
  const atHeaders = widths.reduce((sum, w, i) => sum + (cuttable.includes(i) ? Math.min(w, headerWidth(i)) : w) + 3, 1);
  narrow((i) => (names.has(i) ? Math.max(headerWidth(i), NAME_FLOOR) : headerWidth(i)));
  if (atHeaders <= SCREEN) narrow(headerWidth);
  // A cut at a word's end can leave a column narrower than its room: what it leaves goes to
  // the other cut columns, names first, each taking what the rest of the table leaves it.
  const cutRows = rows.map((r) => [...r]);
  const recut = (i: number): void => {
    rows.forEach((r, k) => ((cutRows[k] as string[])[i] = cutCell(r[i] ?? '', widths[i] as number)));
    widths[i] = Math.max(headerWidth(i), ...cutRows.map((r) => displayWidth(r[i] ?? '')));
  };
  for (const i of cuttable) recut(i);
  const byPriority = [...cuttable].sort((a, b) => Number(names.has(b)) - Number(names.has(a)));
  for (const i of byPriority) {
    if ((widths[i] as number) >= (original[i] as number)) continue;
    const rest = total() - (widths[i] as number) - 3;
    const room = Math.min(original[i] as number, SCREEN - rest - 3);
    if (room > (widths[i] as number)) {
      widths[i] = room;
      recut(i);
    }
  }
  return cutRows;
}

/** A plain table that fits 80 columns when its content, cut where the options allow, does; no colour codes inside cells. */
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
  const fitted = fitColumns(
    head,
    rows.map((r) => r.map(showControls)),
    opts,
  );
  for (const row of fitted) table.push(order.map((i) => cell(row[i] ?? '')));
  return shield.restore(table.toString());
}

/** "Label: value" lines, labels padded to one width. */
export function renderCard(pairs: [string, string][]): string {
  const shown = pairs.filter(([, v]) => v !== '');
  const width = Math.max(0, ...shown.map(([k]) => [...k].length));
  return shown.map(([k, v]) => `${k.padEnd(width + (k.length - [...k].length))}  ${v}`).join('\n');
}
