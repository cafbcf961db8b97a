/**
 * A report as one self-contained, printable HTML page: the office, the tables
 * and the charts (CSS bars), with no script, no font and no link to fetch, so it
 * opens the same on an office PC with no network. Persian pages are dir="rtl".
 */
import type { Fmt } from '../format.js';
import type { DocChart, DocList, DocTable, ReportDoc } from '../views/report-doc.js';
import { reportWord } from '../views/report-labels.js';
import { formatValue } from '../views/report-terminal.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
body { font-family: Vazirmatn, "Segoe UI", Tahoma, "Noto Sans Arabic", Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
.meta { color: #555; margin: .1em 0; }
section { break-inside: avoid; margin-top: 1.6em; }
h2 { font-size: 1.1em; border-bottom: 1px solid #999; padding-bottom: .2em; }
table { border-collapse: collapse; min-width: 50%; }
th, td { border: 1px solid #bbb; padding: .25em .6em; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
[dir=rtl] td.n { text-align: left; }
td.l { white-space: pre; }
.chart { width: 100%; max-width: 48em; }
.bar-row { display: flex; align-items: center; margin: .15em 0; }
.bar-label { flex: 0 0 16em; padding-inline-end: .6em; }
.bar-track { flex: 1; }
.bar { background: #3a6ea5; height: 1em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bar-value { flex: 0 0 6em; padding-inline-start: .6em; font-variant-numeric: tabular-nums; }
footer { margin-top: 2em; color: #777; font-size: .85em; }
@media print { body { margin: 1cm; } section { page-break-inside: avoid; } }
`;

function table(t: DocTable, fmt: Fmt): string {
  if (t.rows.length === 0) return `<section><h2>${escapeHtml(t.title)}</h2><p>${escapeHtml(reportWord('none', fmt.lang))}</p></section>`;
  const head = `<tr>${t.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr><td class="l">${escapeHtml(r.label)}</td>${r.values.map((v) => `<td class="n">${escapeHtml(formatValue(v, fmt))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<section><h2>${escapeHtml(t.title)}</h2><table>\n${head}\n${rows}\n</table></section>`;
}

function chart(c: DocChart, fmt: Fmt): string {
  const max = Math.max(0, ...c.items.map((i) => i.value));
  if (max === 0) return `<section><h2>${escapeHtml(c.title)}</h2><p>${escapeHtml(reportWord('noActivity', fmt.lang))}</p></section>`;
  const rows = c.items
    .map((i) => {
      const pct = ((i.value / max) * 100).toFixed(1);
      return `<div class="bar-row"><div class="bar-label">${escapeHtml(i.label)}</div><div class="bar-track"><div class="bar" style="width:${pct}%"></div></div><div class="bar-value">${escapeHtml(fmt.n(i.value))}</div></div>`;
    })
    .join('\n');
  return `<section><h2>${escapeHtml(c.title)}</h2><div class="chart">\n${rows}\n</div></section>`;
}

function list(l: DocList, fmt: Fmt): string {
  const count = fmt.n(l.rows.length + l.more);
  if (l.rows.length === 0) return `<section><h2>${escapeHtml(l.title)}: ${escapeHtml(count)}</h2></section>`;
  const head = `<tr>${l.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = l.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const more = l.more > 0 ? `<p>… ${escapeHtml(fmt.n(l.more))} ${escapeHtml(reportWord('andMore', fmt.lang))}</p>` : '';
  return `<section><h2>${escapeHtml(l.title)}: ${escapeHtml(count)}</h2><table>\n${head}\n${rows}\n</table>${more}</section>`;
}

export function renderReportHtml(doc: ReportDoc, fmt: Fmt): Buffer {
  const lang = fmt.lang;
  const page = `<!DOCTYPE html>
<html lang="${lang}" dir="${doc.rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.office)}</p>
<p class="meta">${escapeHtml(doc.period)} — ${escapeHtml(reportWord('figuresAsOf', lang))} ${escapeHtml(doc.asOf)}</p>
</header>
${doc.lists.map((l) => list(l, fmt)).join('\n')}
${doc.charts.map((c) => chart(c, fmt)).join('\n')}
${doc.tables.map((t) => table(t, fmt)).join('\n')}
<footer>${escapeHtml(reportWord('generatedBy', lang))}</footer>
</body>
</html>
`;
  return Buffer.from(page, 'utf8');
}
