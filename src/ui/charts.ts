/**
 * Horizontal bar charts for the terminal, drawn with block characters so that
 * they survive a pipe, a log file and a Windows console. With Persian the
 * chart is mirrored: the label stands at the right and the bar grows leftwards.
 */
import { displayWidth, padEndTo, padStartTo, truncateTo } from './text-width.js';

export interface BarItem {
  label: string;
  value: number;
}

export interface BarChartOptions {
  /** Total width in columns (default 80). */
  width?: number;
  rtl?: boolean;
  /** How a value is written (thousands separators, Persian digits). */
  format?: (n: number) => string;
  /** Shown when every value is zero. */
  empty?: string;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `units` columns, in eighths of a column. */
function bar(value: number, max: number, columns: number, rtl: boolean): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * columns * 8));
  const full = '█'.repeat(Math.floor(eighths / 8));
  // Partial blocks are left-aligned glyphs: a bar growing leftwards uses whole blocks only.
  if (rtl) return '█'.repeat(Math.max(1, Math.round(eighths / 8)));
  return full + (EIGHTHS[eighths % 8] ?? '');
}

export function renderBarChart(title: string, items: readonly BarItem[], opts: BarChartOptions = {}): string {
  const width = opts.width ?? 80;
  const format = opts.format ?? ((n: number) => n.toLocaleString('en-US'));
  const rtl = opts.rtl === true;
  const lines = [rtl ? padStartTo(title, width) : title];
  const max = Math.max(0, ...items.map((i) => i.value));
  if (items.length === 0 || max === 0) {
    lines.push(rtl ? padStartTo(opts.empty ?? '-', width) : `  ${opts.empty ?? '-'}`);
    return lines.join('\n');
  }
  const labelWidth = Math.min(28, Math.max(...items.map((i) => displayWidth(i.label))));
  const valueWidth = Math.max(...items.map((i) => displayWidth(format(i.value))));
  // "  label │ bar value" (or mirrored): 2 + label + 3 + bar + 1 + value.
  const barWidth = Math.max(10, width - 2 - labelWidth - 3 - 1 - valueWidth);
  for (const item of items) {
    const label = truncateTo(item.label, labelWidth);
    const value = format(item.value);
    const b = bar(item.value, max, barWidth, rtl);
    if (rtl) {
      const left = `${padStartTo(value, valueWidth)} ${padStartTo(b, barWidth)}`;
      lines.push(`${left} │ ${padStartTo(label, labelWidth)}`);
    } else {
      lines.push(`  ${padEndTo(label, labelWidth)} │ ${b}${b === '' ? '' : ' '}${value}`.trimEnd());
    }
  }
  return lines.join('\n');
}
