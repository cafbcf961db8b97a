/**
 * XLSX through exceljs's streaming writer (loaded only when asked for): a
 * right-to-left sheet with a frozen header row, text columns stored as text
 * (national codes and mobiles keep their leading zeros), dates as Excel date
 * cells shown yyyy-mm-dd. The bytes go to a ByteSink: a file sink (owner-only,
 * exclusive temporary file renamed into place when complete) or standard output.
 */
import { Writable } from 'node:stream';
import type { ByteSink, CellValue, ColumnSpec, TableWriter } from './writers.js';

function toExcel(value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number);
    return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

export async function xlsxWriter(sink: ByteSink, columns: readonly ColumnSpec[], sheetName: string): Promise<TableWriter> {
  const ExcelJS = (await import('exceljs')).default;
  // The sink writes synchronously; a failure (a full disk) fails the stream and so the commit.
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        sink.write(chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  // Kept until the next row or the close: an unheard 'error' would end the process.
  let failure: unknown = null;
  stream.on('error', (err) => {
    failure ??= err;
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
      if (failure !== null) throw failure;
      sheet.addRow(values.map(toExcel)).commit();
      // Let the zip stream drain now and then, so memory stays flat on big exports.
      if (++rows % 2000 === 0) await new Promise((r) => setImmediate(r));
    },
    async close() {
      sheet.commit();
      if (failure !== null) throw failure;
      // Resolves once the zip has reached the sink (the stream's 'finish').
      await workbook.commit();
      sink.close();
    },
    abort() {
      stream.destroy();
      sink.abort();
    },
  };
}
