/**
 * A report as an Excel workbook: a cover sheet, then one sheet per table (and
 * per list), numbers as numbers, right-to-left sheets for Persian. exceljs is
 * loaded only here: it costs a quarter of a second to load.
 */
import type { ReportDoc } from '../views/report-doc.js';
import { reportWord } from '../views/report-labels.js';
import type { Lang } from '../labels.js';

const SHEET_NAME_MAX = 31;

/** Excel refuses []:*?/\ in sheet names, names over 31 characters and duplicates. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, SHEET_NAME_MAX) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function renderReportXlsx(doc: ReportDoc, lang: Lang): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parvande';
  const views = [{ rightToLeft: doc.rtl }];
  const taken = new Set<string>();

  const cover = wb.addWorksheet(sheetName(reportWord('rangeReport', lang), taken), { views });
  for (const line of [doc.title, doc.office, doc.period]) cover.addRow([line]);
  cover.getColumn(1).width = 60;
  cover.getRow(1).font = { bold: true, size: 14 };

  for (const t of doc.tables) {
    const ws = wb.addWorksheet(sheetName(t.title, taken), { views });
    const head = ws.addRow(t.head);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow([r.label.trim(), ...r.values]);
    ws.getColumn(1).width = Math.min(50, Math.max(12, ...[t.head[0] ?? '', ...t.rows.map((r) => r.label)].map((s) => s.length + 2)));
    for (let c = 2; c <= t.head.length; c++) ws.getColumn(c).width = Math.max(12, (t.head[c - 1] ?? '').length + 2);
  }
  for (const l of doc.lists) {
    const ws = wb.addWorksheet(sheetName(l.title, taken), { views });
    ws.addRow(l.head).font = { bold: true };
    for (const r of l.rows) ws.addRow(r);
    if (l.more > 0) ws.addRow([`… ${l.more} ${reportWord('andMore', lang)}`]);
    for (let c = 1; c <= l.head.length; c++) ws.getColumn(c).width = 22;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
