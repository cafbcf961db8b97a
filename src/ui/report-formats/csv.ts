/**
 * A report as one CSV file: each table under its title, with the stable row
 * codes in the first column. UTF-8 with a BOM and CRLF, so that Excel on a
 * Persian Windows opens it with the letters intact.
 */
import { csvCell } from '../../files/writers.js';
import type { ReportDoc } from '../views/report-doc.js';
import { reportWord } from '../views/report-labels.js';
import type { Lang } from '../labels.js';

export async function renderReportCsv(doc: ReportDoc, lang: Lang): Promise<Buffer> {
  const rows: (string | number)[][] = [[doc.title], [doc.office], [doc.period], []];
  for (const t of doc.tables) {
    rows.push([t.title]);
    rows.push([reportWord('code', lang), ...t.head]);
    for (const r of t.rows) rows.push([r.code, r.label, ...r.values.map((v) => (v === null ? '' : v))]);
    rows.push([]);
  }
  for (const l of doc.lists) {
    rows.push([l.title]);
    rows.push(l.head);
    rows.push(...l.rows);
    if (l.more > 0) rows.push([`… ${l.more} ${reportWord('andMore', lang)}`]);
    rows.push([]);
  }
  // Every cell through csvCell: text that would run as a formula is neutralised there, numbers stay numbers.
  const text = rows.map((r) => `${r.map((v) => csvCell(v, ',')).join(',')}\r\n`).join('');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
