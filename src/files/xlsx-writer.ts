/**
 * XLSX through exceljs's streaming writer (loaded only when asked for): a
 * right-to-left sheet with a frozen header row, text columns stored as text
 * (national codes and mobiles keep their leading zeros), dates as Excel date
 * cells shown yyyy-mm-dd. Written owner-only under a temporary name, renamed
 * into place when complete.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { restrictToOwner } from '../store/database.js';
import type { CellValue, ColumnSpec, TableWriter } from './writers.js';

function toExcel(value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number);
    return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

export async function xlsxWriter(path: string, columns: readonly ColumnSpec[], sheetName: string): Promise<TableWriter> {
  const ExcelJS = (await import('exceljs')).default;
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(tempPath, { mode: 0o600 });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.width ?? Math.max(12, Math.min(40, c.header.length + 4)),
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'text' ? { numFmt: '@' } : {},
  }));
  let rows = 0;
  return {
    async writeRow(values) {
      sheet.addRow(values.map(toExcel)).commit();
      // Let the zip stream drain now and then, so memory stays flat on big exports.
      if (++rows % 2000 === 0) await new Promise((r) => setImmediate(r));
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      await finished;
      renameSync(tempPath, path);
      restrictToOwner(path);
    },
    abort() {
      stream.destroy();
      rmSync(tempPath, { force: true });
    },
  };
}
