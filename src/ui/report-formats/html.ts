/**
 * A report as one self-contained HTML page that prints as the province files it:
 * A4 with room to bind on the reading side (right in Persian), "page 1 of 3" in the
 * page margin, the letterhead and the essential figures on the first page with the
 * signing lines, the detail tables after it in two columns, each table's header
 * repeated on every page it runs onto. No script, no font and no link to fetch, so
 * it opens and prints the same on an office PC with no network. Persian pages are
 * dir="rtl"; numbers keep their own left-to-right order and line up on their units
 * digit in both directions.
 */
import type { Fmt } from '../format.js';
import { escapeHtml } from '../html-text.js';
import type { DocChart, DocLetterhead, DocList, DocTable, ReportDoc } from '../views/report-doc.js';
import { reportWord } from '../views/report-labels.js';
import { formatValue } from '../views/report-terminal.js';

/** A CSS string literal: quotes, backslashes, line ends and "<" (which could close the style element) as escapes. */
const cssString = (s: string): string =>
  `"${s.replace(/[\\"<>\n\r\u2028\u2029]/g, (c) => `\\${(c.codePointAt(0) as number).toString(16)} `)}"`;

/** A table this long may run onto the next page or column (its header repeats there); a shorter one moves whole. */
const SPLITTABLE_ROWS = 40;

const STYLE = `
:root { font-family: Vazirmatn, "Segoe UI", Tahoma, "Noto Sans Arabic", "Noto Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 0; font-size: 9pt; line-height: 1.3; }
@media screen { body { max-width: 200mm; margin: 1.5em auto; padding: 0 1em; font-size: 10.5pt; } }
h1 { font-size: 13pt; margin: 0 0 2pt; }
h2 { font-size: 9.5pt; margin: 0 0 2pt; break-after: avoid; }
.meta { margin: 1pt 0; color: #333; }
header.letterhead { display: grid; grid-template-columns: 1fr auto; gap: 1mm 6mm; align-items: start;
  border-bottom: 2.5pt double #333; padding-bottom: 2mm; margin-bottom: 3mm; }
.issuer p { margin: 0; font-weight: bold; line-height: 1.5; }
.issuer p + p { font-weight: normal; }
.heading { grid-column: 1 / -1; text-align: center; }
.ref { justify-self: end; border-collapse: collapse; }
.ref th { font-weight: normal; text-align: start; padding: 1pt 3pt; border: 0; background: none; }
.ref td { padding: 1pt 3pt; border: 0; border-bottom: .5pt dotted #555; min-width: 28mm; unicode-bidi: isolate; }
header.plain { margin-bottom: 4mm; }
.block { columns: 2; column-gap: 6mm; }
.block > section { break-inside: avoid; margin: 0 0 3.5mm; }
.block > section.split { break-inside: auto; }
.block > .wide { column-span: all; }
.details { break-before: page; }
table { border-collapse: collapse; width: 100%; }
th, td { border: .5pt solid #777; padding: .5pt 3pt; vertical-align: top; line-height: 1.25; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
thead th { background: #e6e6e6; font-weight: normal; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
thead th:first-child { font-weight: bold; text-align: start; }
td.l { white-space: pre-wrap; }
tr.total td { font-weight: bold; }
/* A number is written left to right in both languages: aligned to its own end, the units digits line up. */
td.n { direction: ltr; unicode-bidi: isolate; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 3.4em; }
.bar-row { display: flex; align-items: center; margin: 1pt 0; break-inside: avoid; }
.bar-label { flex: 0 0 42%; padding-inline-end: 4pt; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { flex: 1; }
.bar { background: #3a6ea5; height: .8em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bar-value { flex: 0 0 4em; padding: 0 4pt; direction: ltr; unicode-bidi: isolate; text-align: right; font-variant-numeric: tabular-nums; }
.signatures { display: flex; justify-content: space-around; gap: 10mm; margin-top: 8mm; break-inside: avoid; }
.signer { flex: 1; max-width: 70mm; text-align: center; }
.signer .who { font-weight: bold; }
.signer .name { min-height: 1.4em; margin-top: 3pt; border-bottom: .5pt dotted #555; }
.signer .sign { margin-top: 12mm; border-top: .5pt solid #555; padding-top: 1pt; color: #444; }
footer { margin-top: 4mm; color: #666; font-size: 7.5pt; }
@media print { a { color: inherit; } }
`;

/** The page box: A4, the wider margin on the binding side, the page number (and the report's number) in the margin. */
function pageStyle(doc: ReportDoc, fmt: Fmt): string {
  const w = (k: Parameters<typeof reportWord>[0]): string => reportWord(k, fmt.lang);
  const counter = (name: string): string => (fmt.rtl ? `counter(${name}, persian)` : `counter(${name})`);
  const margin = doc.rtl ? '14mm 25mm 16mm 14mm' : '14mm 14mm 16mm 25mm';
  const number = doc.letterhead?.fields[0];
  const box = `font-family: inherit; font-size: 8pt; color: #444; direction: ${doc.rtl ? 'rtl' : 'ltr'};`;
  const pageNo = `${cssString(`${w('page')} `)} ${counter('page')} ${cssString(` ${w('pageOf')} `)} ${counter('pages')}`;
  const numberBox =
    number !== undefined && number.value !== ''
      ? ` @bottom-${doc.rtl ? 'right' : 'left'} { ${box} content: ${cssString(`${number.label}: ${number.value}`)}; }`
      : '';
  return `@page { size: A4; margin: ${margin}; @bottom-center { ${box} content: ${pageNo}; }${numberBox} }`;
}

function head(cells: string[]): string {
  return `<thead><tr>${cells.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
}

function sectionClass(rows: number, wide: boolean): string {
  const c = [rows > SPLITTABLE_ROWS ? 'split' : '', wide ? 'wide' : ''].filter((x) => x !== '').join(' ');
  return c === '' ? '<section>' : `<section class="${c}">`;
}

function table(t: DocTable, fmt: Fmt): string {
  if (t.rows.length === 0) return `<section><h2>${escapeHtml(t.title)}</h2><p>${escapeHtml(reportWord('none', fmt.lang))}</p></section>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr${r.code.endsWith('.total') ? ' class="total"' : ''}><td class="l">${escapeHtml(r.label)}</td>${r.values.map((v) => `<td class="n">${escapeHtml(formatValue(v, fmt))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  // The first heading cell is the table's title (as on the terminal): repeated with the header on every page.
  const heading = t.head[0] === t.title ? '' : `<h2>${escapeHtml(t.title)}</h2>`;
  return `${sectionClass(t.rows.length, t.head.length > 4)}${heading}<table>\n${head(t.head)}\n<tbody>\n${rows}\n</tbody>\n</table></section>`;
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
  if (l.rows.length === 0) return `<section class="wide"><h2>${escapeHtml(l.title)}: ${escapeHtml(count)}</h2></section>`;
  const rows = l.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const more = l.more > 0 ? `<p>… ${escapeHtml(fmt.n(l.more))} ${escapeHtml(reportWord('andMore', fmt.lang))}</p>` : '';
  return `${sectionClass(l.rows.length, true)}<h2>${escapeHtml(l.title)}: ${escapeHtml(count)}</h2><table>\n${head(l.head)}\n<tbody>\n${rows}\n</tbody>\n</table>${more}</section>`;
}

function letterhead(doc: ReportDoc, l: DocLetterhead, fmt: Fmt): string {
  const fields = l.fields.map((f) => `<tr><th>${escapeHtml(f.label)}:</th><td>${escapeHtml(f.value)}</td></tr>`).join('');
  const attachments = `<tr><th>${escapeHtml(reportWord('attachments', fmt.lang))}:</th><td>${escapeHtml(reportWord('detailTables', fmt.lang))}</td></tr>`;
  return `<header class="letterhead">
<div class="issuer">${l.issuer.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>
<table class="ref">${fields}${attachments}</table>
<div class="heading"><h1>${escapeHtml(doc.title)}</h1><p class="meta">${escapeHtml(doc.period)}</p>${scopeLine(doc)}</div>
</header>`;
}

/** A report narrowed to a center or a worker says so under its title (the office line ends with it). */
function scopeLine(doc: ReportDoc): string {
  const at = doc.office.indexOf(' · ');
  return at < 0 ? '' : `<p class="meta">${escapeHtml(doc.office.slice(at + 3))}</p>`;
}

function signatures(l: DocLetterhead, fmt: Fmt): string {
  const sign = escapeHtml(reportWord('signature', fmt.lang));
  const people = l.signers
    .map(
      (s) =>
        `<div class="signer"><div class="who">${escapeHtml(s.label)}</div><div class="name">${escapeHtml(s.name)}</div><div class="sign">${sign}</div></div>`,
    )
    .join('\n');
  return `<div class="signatures">\n${people}\n</div>`;
}

export function renderReportHtml(doc: ReportDoc, fmt: Fmt): Buffer {
  const lang = fmt.lang;
  const keyIds = new Set(doc.keyTables ?? []);
  const key = doc.tables.filter((t) => keyIds.has(t.id));
  const rest = doc.tables.filter((t) => !keyIds.has(t.id));
  const top =
    doc.letterhead === undefined
      ? `<header class="plain">
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.office)}</p>
<p class="meta">${escapeHtml(doc.period)} — ${escapeHtml(reportWord('figuresAsOf', lang))} ${escapeHtml(doc.asOf)}</p>
</header>`
      : letterhead(doc, doc.letterhead, fmt);
  const asOf =
    doc.letterhead === undefined ? '' : `<p class="meta">${escapeHtml(reportWord('figuresAsOf', lang))} ${escapeHtml(doc.asOf)}</p>`;
  const first =
    key.length === 0
      ? ''
      : `<main class="block key">
${key.map((t) => table(t, fmt)).join('\n')}
</main>
${asOf}
${doc.letterhead === undefined ? '' : signatures(doc.letterhead, fmt)}`;
  const details = [...doc.lists.map((l) => list(l, fmt)), ...rest.map((t) => table(t, fmt)), ...doc.charts.map((c) => chart(c, fmt))];
  const page = `<!DOCTYPE html>
<html lang="${lang}" dir="${doc.rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${pageStyle(doc, fmt)}
${STYLE}</style>
</head>
<body>
${top}
${first}
<div class="block${key.length === 0 ? '' : ' details'}">
${details.join('\n')}
</div>
<footer>${doc.letterhead === undefined ? '' : `<bdi>${escapeHtml(doc.office)}</bdi> · `}${escapeHtml(reportWord('generatedBy', lang))}</footer>
</body>
</html>
`;
  return Buffer.from(page, 'utf8');
}
