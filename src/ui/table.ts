import { createTable } from './cli-table.js';
import { displayWidth, truncateTo, ZeroWidthShield } from './text-width.js';
import { showControls } from './visible-text.js';

export interface TableOptions {
  /** Right-to-left readers scan from the right: the columns are mirrored. */
  rtl?: boolean;
  /** Column indexes whose cells are numbers, aligned right. */
  numeric?: number[];
  /**
   * Column indexes of names (a worker, a client, a center): they share what 80 columns leave
   * after the other columns, each cut with "…" to that room but never below its header's width.
   * A table that fits 80 columns with the names at their headers' width keeps fitting; one already
   * wider (long category labels) gives a name at least NAME_FLOOR columns, since 80 columns are lost
   * there anyway and a name cut to a few letters names nobody.
   */
  names?: number[];
}

const SCREEN = 80;
/** "علی کریمی", "Maryam Rez…": a first name and most of a last one. */
const NAME_FLOOR = 12;

/** The rows with the name columns cut to their share of the screen. */
function fitNames(head: string[], rows: string[][], names: readonly number[]): string[][] {
  const width = (i: number): number => Math.max(displayWidth(head[i] ?? ''), ...rows.map((r) => displayWidth(r[i] ?? '')));
  // Each column takes its content plus a space either side and one border; the table one more border.
  const others = head.reduce((sum, _, i) => (names.includes(i) ? sum : sum + width(i) + 3), 1);
  const share = Math.floor((SCREEN - others) / names.length) - 3;
  const heads = names.reduce((sum, i) => sum + displayWidth(head[i] ?? '') + 3, 0);
  // The floor only where 80 columns were lost already: a table that fits keeps fitting.
  const floor = others + heads <= SCREEN ? 0 : NAME_FLOOR;
  const room = new Map(names.map((i) => [i, Math.max(displayWidth(head[i] ?? ''), floor, share)]));
  return rows.map((r) => r.map((c, i) => (room.has(i) ? truncateTo(c, room.get(i) as number) : c)));
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
  const fitted =
    opts.names && opts.names.length > 0
      ? fitNames(
          head,
          rows.map((r) => r.map(showControls)),
          opts.names,
        )
      : rows;
  for (const row of fitted) table.push(order.map((i) => cell(row[i] ?? '')));
  return shield.restore(table.toString());
}

/** "Label: value" lines, labels padded to one width. */
export function renderCard(pairs: [string, string][]): string {
  const shown = pairs.filter(([, v]) => v !== '');
  const width = Math.max(0, ...shown.map(([k]) => [...k].length));
  return shown.map(([k, v]) => `${k.padEnd(width + (k.length - [...k].length))}  ${v}`).join('\n');
}
