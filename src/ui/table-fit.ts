/**
 * Choosing a table's columns and cutting its cells to a width (80 columns unless asked): one
 * mechanism for every list, declared per list by the roles of its columns. Drawing is table.ts's.
 */
import { displayWidth, SCREEN, truncateWords, wrapWords } from './text-width.js';

export interface TableOptions {
  /** Right-to-left readers scan from the right: the columns are mirrored. */
  rtl?: boolean;
  /** Column indexes whose cells are numbers, aligned right. */
  numeric?: number[];
  /**
   * Column indexes of names (a worker, a client, a center). When a table is wider than its
   * width, the widest of its name and `cut` columns is narrowed first, a column at a time,
   * until the table fits: a name keeps at least NAME_FLOOR columns (its header's width if
   * that is more) while the table can fit so. A trailing id, `Sara Ahmadi (#3)`, is never cut.
   */
  names?: number[];
  /** Column indexes of long labels (a problem, a center) that may be cut, down to their header's width. */
  cut?: number[];
  /**
   * Column indexes that may be left out, least useful first, before a name or label is cut
   * below its whole width (up to NAME_WHOLE columns). Each view says in its comment where a
   * left-out column is still read (`show`, `--json`). Ids and names are never listed here.
   */
  drop?: number[];
  /**
   * Column indexes of free text a reader needs whole (a timeline's note): narrowed like the
   * labels, down to WRAP_FLOOR, and broken between words onto further lines of the cell
   * instead of cut.
   */
  wrap?: number[];
  /**
   * A grid whose columns are all data (the roster's shifts): when it cannot fit, it is drawn
   * as several tables one under the other, each with these leading columns (the day) and as
   * many of the others as fit, rather than any column being left out.
   */
  panels?: number[];
  /** Display columns to fit (80 unless a test asks otherwise). */
  width?: number;
}

/** "علی کریمی", "Maryam Rez…": a first name and most of a last one. */
const NAME_FLOOR = 12;
/** A name or label this wide or narrower is worth leaving out a droppable column to show whole. */
const NAME_WHOLE = 24;
/** A cell cut as far as it can go: one letter and "…". */
const LAST_RESORT = 2;
/** A wrapped text keeps a few words a line, and its longest word whole up to WRAP_WORD columns. */
const WRAP_FLOOR = 16;
const WRAP_WORD = 30;

/** A trailing id in parentheses, `(#12)` or `(#۱۲)`: kept whole when the name before it is cut. */
const TRAILING_ID = / \(#[0-9۰-۹]+\)$/;

/** Columns a cell takes: its widest line (roster cells hold several). */
function cellWidth(text: string): number {
  return text.includes('\n') ? Math.max(...text.split('\n').map(displayWidth)) : displayWidth(text);
}

/** One line cut to `width` columns at a word's end where it can be, keeping a trailing id whole. */
function cutLine(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const id = TRAILING_ID.exec(text)?.[0] ?? '';
  const room = width - displayWidth(id);
  // A name with no room left beside its id keeps the id alone: the id still names the record.
  if (id !== '' && room < 2) return id.trim();
  return truncateWords(text.slice(0, text.length - id.length), room) + id;
}

/** Every line of a cell cut to `width` columns. */
function cutCell(text: string, width: number): string {
  return text.includes('\n')
    ? text
        .split('\n')
        .map((l) => cutLine(l, width))
        .join('\n')
    : cutLine(text, width);
}

/** Every line of a cell broken between words to `width` columns. */
function wrapCell(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((l) => wrapWords(l, width))
    .join('\n');
}

export interface Fitted {
  /** The columns kept, in their original order. */
  columns: number[];
  head: string[];
  rows: string[][];
}

/** Each column takes its content plus a space either side and one border; the table one more border. */
const drawnWidth = (widths: number[]): number => widths.reduce((sum, w) => sum + w + 3, 1);

/** What a table's options say of each column's width: as drawn whole, and the floors it may be narrowed to. */
class ColumnPlan {
  readonly names: Set<number>;
  readonly wrapped: Set<number>;
  readonly cuttable: number[];
  readonly natural: number[];
  /** A wrapped column's longest word (up to WRAP_WORD): no word is broken while the table can fit without. */
  private readonly longestWord: number[];

  constructor(
    private readonly head: string[],
    rows: string[][],
    opts: TableOptions,
  ) {
    this.names = new Set(opts.names ?? []);
    this.wrapped = new Set(opts.wrap ?? []);
    this.cuttable = [...new Set([...this.names, ...(opts.cut ?? []), ...this.wrapped])];
    this.natural = head.map((h, i) => Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ''))));
    this.longestWord = head.map((_, i) =>
      this.wrapped.has(i) ? Math.min(WRAP_WORD, Math.max(0, ...rows.flatMap((r) => (r[i] ?? '').split(/\s+/).map(displayWidth)))) : 0,
    );
  }

  /** A header's width; a wrapped column's header goes over lines too, so its widest word. */
  header(i: number): number {
    const h = this.head[i] ?? '';
    return this.wrapped.has(i) ? Math.max(0, ...h.split(/\s+/).map(displayWidth)) : cellWidth(h);
  }

  /** The first floor: a name keeps NAME_FLOOR, a wrapped text WRAP_FLOOR, a label its header. */
  floor(i: number): number {
    return Math.max(
      this.header(i),
      this.names.has(i) ? NAME_FLOOR : this.wrapped.has(i) ? Math.max(WRAP_FLOOR, this.longestWord[i] as number) : 0,
    );
  }

  /** A name or label whole (up to NAME_WHOLE), a wrapped text at its floor: what droppable columns give way to. */
  whole(i: number): number {
    return this.wrapped.has(i) ? this.floor(i) : Math.max(this.floor(i), Math.min(this.natural[i] as number, NAME_WHOLE));
  }

  /** The drawn width of `columns` with the cuttable ones at `floor` (or whole when narrower). */
  widthAt(columns: number[], floor: (i: number) => number): number {
    return drawnWidth(
      columns.map((i) => (this.cuttable.includes(i) ? Math.min(this.natural[i] as number, floor(i)) : (this.natural[i] as number))),
    );
  }
}

/**
 * Chooses the columns and cuts the cells so that the table fits `width` display columns:
 *   1. the names, labels and texts (`names`, `cut`, `wrap`) are narrowed, widest first, to
 *      their floors (a name NAME_FLOOR, a text WRAP_FLOOR, a label its header);
 *   2. but first, while the names and labels whole (up to NAME_WHOLE columns) and the texts at
 *      their floors do not fit, the `drop` columns are left out one at a time, least useful first;
 *   3. with every droppable column gone, names and texts may go down to their header's width;
 *   4. and only where nothing else fits (a very narrow width) are names, labels and their
 *      headers cut to one letter and "…".
 * Ids and the other columns are never cut. A cut at a word's end may leave a column narrower
 * than its room: what it leaves goes back to the other cut columns, names first.
 */
export function fitTable(head: string[], rows: string[][], opts: TableOptions = {}): Fitted {
  const screen = opts.width ?? SCREEN;
  const plan = new ColumnPlan(head, rows, opts);
  const { names, wrapped, natural } = plan;
  const firstFloor = (i: number): number => plan.floor(i);
  const headerFloor = (i: number): number => plan.header(i);

  // Which columns: leave out droppable ones until the rest fits with names and labels whole (up to
  // NAME_WHOLE) and texts at their floors.
  let columns = head.map((_, i) => i);
  for (const d of opts.drop ?? []) {
    if (plan.widthAt(columns, (i) => plan.whole(i)) <= screen) break;
    columns = columns.filter((i) => i !== d);
  }
  let stage = firstFloor;
  if (plan.widthAt(columns, firstFloor) > screen) stage = plan.widthAt(columns, headerFloor) <= screen ? headerFloor : () => LAST_RESORT;
  const kept = new Set(columns);
  const cutHere = plan.cuttable.filter((i) => kept.has(i));

  const widths = new Map(columns.map((i) => [i, natural[i] as number]));
  const total = (): number => drawnWidth([...widths.values()]);
  const narrow = (floor: (i: number) => number): void => {
    while (total() > screen) {
      let widest = -1;
      for (const i of cutHere) {
        const w = widths.get(i) as number;
        if (w > floor(i) && (widest < 0 || w > (widths.get(widest) as number))) widest = i;
      }
      if (widest < 0) return;
      widths.set(widest, (widths.get(widest) as number) - 1);
    }
  };
  // Names first keep a first name and most of a last one; below that only where it makes the table fit.
  narrow(firstFloor);
  if (stage !== firstFloor) narrow(stage);

  const outHead = [...head];
  const outRows = rows.map((r) => [...r]);
  const recut = (i: number): void => {
    const room = widths.get(i) as number;
    const fitCell = wrapped.has(i) ? wrapCell : cutCell;
    outHead[i] = fitCell(head[i] ?? '', Math.max(room, LAST_RESORT));
    for (const [k, r] of rows.entries()) (outRows[k] as string[])[i] = fitCell(r[i] ?? '', room);
    widths.set(i, Math.max(cellWidth(outHead[i] ?? ''), ...outRows.map((r) => cellWidth(r[i] ?? ''))));
  };
  for (const i of cutHere) recut(i);
  const byPriority = [...cutHere].sort((a, b) => Number(names.has(b)) - Number(names.has(a)));
  for (const i of byPriority) {
    const w = widths.get(i) as number;
    if (w >= (natural[i] as number)) continue;
    const room = Math.min(natural[i] as number, screen - (total() - w - 3) - 3);
    if (room > w) {
      widths.set(i, room);
      recut(i);
    }
  }
  return { columns, head: outHead, rows: outRows };
}

/** The options of a table narrowed to some of its columns, their indexes renumbered. */
export function remap(opts: TableOptions, cols: number[]): TableOptions {
  const to = (list: number[] | undefined): number[] | undefined => list?.flatMap((i) => (cols.includes(i) ? [cols.indexOf(i)] : []));
  return { ...opts, numeric: to(opts.numeric), names: to(opts.names), cut: to(opts.cut), drop: to(opts.drop), wrap: to(opts.wrap) };
}

/**
 * A grid too wide for its width, as groups of columns (each with the leading `keep`
 * columns) that each fit with their names and labels at their floors; null when it fits whole.
 */
export function splitPanels(head: string[], rows: string[][], opts: TableOptions, keep: number[]): number[][] | null {
  const screen = opts.width ?? SCREEN;
  const plan = new ColumnPlan(head, rows, opts);
  const floors = head.map((_, i) =>
    plan.cuttable.includes(i) ? Math.min(plan.natural[i] as number, plan.floor(i)) : (plan.natural[i] as number),
  );
  if (drawnWidth(floors) <= screen) return null;
  const keys = keep.filter((i) => i < head.length);
  const base = drawnWidth(keys.map((i) => floors[i] as number));
  const groups: number[][] = [];
  let group: number[] = [];
  let used = base;
  for (const [i, w] of floors.entries()) {
    if (keys.includes(i)) continue;
    if (group.length > 0 && used + w + 3 > screen) {
      groups.push(group);
      group = [];
      used = base;
    }
    group.push(i);
    used += w + 3;
  }
  if (group.length > 0) groups.push(group);
  return groups.length <= 1 ? null : groups.map((g) => [...keys, ...g]);
}
