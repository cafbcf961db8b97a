import { createTable } from './cli-table.js';
import { fitTable, remap, splitPanels, type TableOptions } from './table-fit.js';
import { displayWidth, padEndTo, padStartTo, SCREEN, wrapWords, ZeroWidthShield } from './text-width.js';
import { showControls } from './visible-text.js';

export { fitTable, SCREEN, type TableOptions };

/** A table or card as data, before it is drawn: what a web page (`--format html`, src/ui/page.ts) is made of. */
export type Drawn = { kind: 'table'; head: string[]; rows: string[][]; numeric: number[] } | { kind: 'card'; pairs: [string, string][] };

/**
 * While a page is being made, tables and cards are kept as data and stand in the view's text
 * as a marker; the views themselves do not know which output they draw for. Views are
 * synchronous, so one module-level sink is enough.
 */
let sink: { drawn: Drawn[]; marker: (n: number) => string } | undefined;

/** Runs `view` with every table and card kept as data: its text (with markers) and what they stand for. */
export function keepingDrawn(view: () => string, marker: (n: number) => string): { text: string; drawn: Drawn[] } {
  const outer = sink;
  sink = { drawn: [], marker };
  try {
    const text = view();
    return { text, drawn: sink.drawn };
  } finally {
    sink = outer;
  }
}

function kept(d: Drawn): string | undefined {
  if (sink === undefined) return undefined;
  sink.drawn.push(d);
  return sink.marker(sink.drawn.length - 1);
}

/** A plain table that fits 80 columns (or `width`) by the steps of `fitTable`; no colour codes inside cells. */
export function renderTable(head: string[], rows: string[][], opts: TableOptions = {}): string {
  const marker = kept({ kind: 'table', head, rows, numeric: opts.numeric ?? [] });
  if (marker !== undefined) return marker;
  const panels = opts.panels === undefined ? null : splitPanels(head, rows, opts, opts.panels);
  if (panels !== null) {
    return panels
      .map((cols) =>
        renderTable(
          cols.map((i) => head[i] ?? ''),
          rows.map((r) => cols.map((i) => r[i] ?? '')),
          { ...remap(opts, cols), panels: undefined },
        ),
      )
      .join('\n');
  }
  // Output shows stored control characters as escapes; measured as drawn, the columns stay aligned.
  const fitted = fitTable(
    head.map(showControls),
    rows.map((r) => r.map(showControls)),
    opts,
  );
  const order = [...fitted.columns];
  if (opts.rtl) order.reverse();
  const numeric = new Set(opts.numeric ?? []);
  // Persian text carries ZWNJ, which cli-table3 would count as a column.
  const shield = new ZeroWidthShield();
  const cell = (text: string): string => shield.hide(text);
  const table = createTable({
    head: order.map((i) => cell(fitted.head[i] ?? '')),
    style: { head: [], border: [], compact: false, 'padding-left': 1, 'padding-right': 1 },
    colAligns: order.map((i) => (numeric.has(i) !== (opts.rtl === true) ? 'right' : 'left')),
    wordWrap: false,
  });
  for (const row of fitted.rows) table.push(order.map((i) => cell(row[i] ?? '')));
  return shield.restore(table.toString());
}

export interface CardOptions {
  /** Mirrored as the tables are: labels on the right, values to their left, both aligned to the right. */
  rtl?: boolean;
  /** Display columns to fit (80 unless a test asks otherwise). */
  width?: number;
}

/** The narrowest a value column gets beside a long label: a few words. */
const VALUE_FLOOR = 20;

/**
 * "Label  value" lines, labels padded to one display width. A value wider than the room left
 * beside the labels goes on over further lines, broken between words (a word longer than the
 * whole room, a path, is the only thing broken inside). Under `rtl` each line is mirrored:
 * the value, aligned to the right, then the label at the right edge.
 */
export function renderCard(pairs: [string, string][], opts: CardOptions = {}): string {
  const marker = kept({ kind: 'card', pairs });
  if (marker !== undefined) return marker;
  const screen = opts.width ?? SCREEN;
  const shown = pairs.filter(([, v]) => v !== '').map(([k, v]): [string, string] => [showControls(k), showControls(v)]);
  const labelWidth = Math.min(Math.max(0, ...shown.map(([k]) => displayWidth(k))), screen - VALUE_FLOOR - 2);
  const room = screen - labelWidth - 2;
  const lines: [string, string][] = [];
  for (const [k, v] of shown) {
    const label = wrapWords(k, labelWidth);
    const value = v.split('\n').flatMap((l) => wrapWords(l, room));
    for (let n = 0; n < Math.max(label.length, value.length); n++) lines.push([label[n] ?? '', value[n] ?? '']);
  }
  if (!opts.rtl) return lines.map(([k, v]) => (v === '' ? k : `${padEndTo(k, labelWidth)}  ${v}`).trimEnd()).join('\n');
  const valueWidth = Math.max(0, ...lines.map(([, v]) => displayWidth(v)));
  return lines.map(([k, v]) => `${padStartTo(v, valueWidth)}  ${padStartTo(k, labelWidth)}`.trimEnd()).join('\n');
}
