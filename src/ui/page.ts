/**
 * A read command's result as one self-contained web page (`--format html`): Windows consoles
 * neither shape nor reorder right-to-left text, a browser does both. The page is made from
 * the same view the terminal gets: its tables and cards are kept as data while it runs
 * (`keepingDrawn` of table.ts) and written as <table> and two-column card tables, its other
 * lines as paragraphs. As the report's page (report-formats/html.ts): no script, no font,
 * no link, nothing fetched; dir="rtl" under fa. Every text is shown as the terminal shows it
 * (control and bidi characters as visible escapes, src/ui/visible-text.ts), then escaped.
 */
import { escapeHtml } from './html-text.js';
import type { Lang } from './labels.js';
import { keepingDrawn, type Drawn } from './table.js';
import { showControls } from './visible-text.js';

export interface PageHeading {
  /** The command, e.g. "parvande case list". */
  command: string;
  /** The office's name and code, when the command read an office. */
  office?: string;
  /** Today in the display calendar and digits. */
  date: string;
  lang: Lang;
}

const STYLE = `
:root { font-family: Vazirmatn, "Segoe UI", Tahoma, "Noto Sans Arabic", "Noto Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 1.5em auto; padding: 0 1em; max-width: 70em; font-size: 11pt; line-height: 1.45; }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 1.2em 0 .3em; }
.meta { margin: 0 0 1em; color: #333; }
p.text { white-space: pre-wrap; margin: .5em 0; }
table { border-collapse: collapse; margin: .3em 0 1em; }
th, td { border: 1px solid #999; padding: 2pt 6pt; vertical-align: top; text-align: start; white-space: pre-wrap; }
thead th { background: #e8e8e8; font-weight: bold; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
table.card th { background: #f3f3f3; font-weight: normal; white-space: nowrap; }
td.n { direction: ltr; unicode-bidi: isolate; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
`;

const text = (s: string): string => escapeHtml(showControls(s));

function tableHtml(d: Extract<Drawn, { kind: 'table' }>): string {
  const numeric = new Set(d.numeric);
  const cell = (v: string, i: number): string => (numeric.has(i) ? `<td class="n">${text(v)}</td>` : `<td>${text(v)}</td>`);
  const head = `<thead><tr>${d.head.map((h) => `<th>${text(h)}</th>`).join('')}</tr></thead>`;
  const rows = d.rows.map((r) => `<tr>${d.head.map((_, i) => cell(r[i] ?? '', i)).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function cardHtml(d: Extract<Drawn, { kind: 'card' }>): string {
  // The terminal's card leaves out empty values; so does the page.
  const rows = d.pairs.filter(([, v]) => v !== '').map(([k, v]) => `<tr><th scope="row">${text(k)}</th><td>${text(v)}</td></tr>`);
  return `<table class="card">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** A random marker: stored text cannot contain it, so it cannot pass for a table. */
function markerMaker(): { marker: (n: number) => string; pattern: RegExp } {
  const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(12))).toString('hex');
  return { marker: (n) => `\u0000${nonce}:${n}\u0000`, pattern: new RegExp(`\u0000${nonce}:(\\d+)\u0000`, 'g') };
}

/** The body of the page: the view's text split at its tables and cards. */
export function pageBody(view: () => string): string {
  const { marker, pattern } = markerMaker();
  const { text: drawnText, drawn } = keepingDrawn(view, marker);
  const parts: string[] = [];
  let last = 0;
  const prose = (s: string, beforeBlock: boolean): void => {
    const t = s.trim();
    if (t === '') return;
    // A single line just before a table is its title (the terminal prints "Timeline" above the timeline).
    parts.push(beforeBlock && !t.includes('\n') ? `<h2>${text(t)}</h2>` : `<p class="text">${text(t)}</p>`);
  };
  for (const m of drawnText.matchAll(pattern)) {
    prose(drawnText.slice(last, m.index), true);
    const d = drawn[Number(m[1])];
    if (d !== undefined) parts.push(d.kind === 'table' ? tableHtml(d) : cardHtml(d));
    last = m.index + m[0].length;
  }
  prose(drawnText.slice(last), false);
  return parts.join('\n');
}

/** The whole page: heading (command, office, date), then what the view drew. */
export function renderPage(view: () => string, heading: PageHeading): string {
  const rtl = heading.lang === 'fa';
  const title = [heading.command, heading.office, heading.date].filter((x): x is string => x !== undefined && x !== '');
  const meta = [heading.office, heading.date].filter((x): x is string => x !== undefined && x !== '').map((x) => `<bdi>${text(x)}</bdi>`);
  return `<!DOCTYPE html>
<html lang="${heading.lang}" dir="${rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.map(text).join(' — ')}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1><bdi>${text(heading.command)}</bdi></h1>
<p class="meta">${meta.join(' · ')}</p>
</header>
<main>
${pageBody(view)}
</main>
</body>
</html>
`;
}
