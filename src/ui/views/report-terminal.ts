/** A report on the terminal: its tables and bar charts, in 80 columns. */
import { renderBarChart } from '../charts.js';
import type { Fmt } from '../format.js';
import { reportWord } from './report-labels.js';
import type { DocList, DocTable, ReportDoc } from './report-doc.js';
import { renderReportTable } from './report-table.js';
import { decimal } from '../labels.js';

const TERMINAL_WIDTH = 80;

/** A figure as the reader writes it; a median may be a half (Persian decimal separator ٫). */
export function formatValue(v: number | null, fmt: Fmt): string {
  if (v === null) return '–';
  const text = fmt.n(v);
  return decimal(text, fmt.lang);
}

/** Sub-rows are indented at the start of the line: the left in English, the right in Persian. */
function indent(label: string, rtl: boolean): string {
  if (!rtl) return label;
  const body = label.trimStart();
  return body + ' '.repeat(label.length - body.length);
}

function drawTable(t: DocTable, fmt: Fmt): string {
  if (t.rows.length === 0) return `${t.title}\n  ${reportWord('none', fmt.lang)}`;
  return renderReportTable(
    t.head,
    t.rows.map((r) => [indent(r.label, fmt.rtl), ...r.values.map((v) => formatValue(v, fmt))]),
    { rtl: fmt.rtl, maxWidth: TERMINAL_WIDTH },
  );
}

function drawList(l: DocList, fmt: Fmt): string {
  if (l.rows.length === 0) return `${l.title}: ${reportWord('none', fmt.lang)}`;
  const lines = [
    `${l.title}: ${fmt.n(l.rows.length + l.more)}`,
    renderReportTable(l.head, l.rows, { rtl: fmt.rtl, maxWidth: TERMINAL_WIDTH }),
  ];
  if (l.more > 0) lines.push(`… ${fmt.n(l.more)} ${reportWord('andMore', fmt.lang)}`);
  return lines.join('\n');
}

export function renderReportTerminal(doc: ReportDoc, fmt: Fmt): string {
  const parts = [
    [doc.title, doc.office, `${doc.period}   (${reportWord('figuresAsOf', fmt.lang)} ${doc.asOf})`].filter((s) => s !== '').join('\n'),
    ...doc.tables.map((t) => drawTable(t, fmt)),
    ...doc.charts.map((c) =>
      renderBarChart(c.title, c.items, {
        width: TERMINAL_WIDTH,
        rtl: fmt.rtl,
        format: (n) => fmt.n(n),
        empty: reportWord('noActivity', fmt.lang),
      }),
    ),
    ...doc.lists.map((l) => drawList(l, fmt)),
  ];
  return parts.join('\n\n') + '\n';
}
