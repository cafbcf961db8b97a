/**
 * A spreadsheet-like file read as a header and rows of text cells, whatever its
 * format: CSV/TSV in any of the office encodings, XLSX, or a JSON array. This
 * layer knows bytes, encodings and cell types; it knows nothing of clients or
 * cases. Structural problems (broken quoting, a truncated XLSX, merged cells,
 * too many cells in a row) are found before the first row is handed out, so an
 * import refused for them has written nothing.
 */
import { extname } from 'node:path';
import { t } from '../messages/catalogue.js';
import { fileError, type OpenOptions, type TableFormat, type TableSource } from './source.js';

function formatOf(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.json') return 'json';
  if (ext === '.xls') throw fileError(t('old Excel .xls files cannot be read: save the sheet as .xlsx or as CSV UTF-8'));
  if (ext === '.ods') throw fileError(t('OpenDocument .ods files cannot be read: save the sheet as .xlsx or as CSV UTF-8'));
  return 'csv';
}

/** `format` overrides the file name's extension (standard input has none). */
export async function openTable(path: string, opts: OpenOptions & { format?: TableFormat | undefined } = {}): Promise<TableSource> {
  const format = opts.format ?? formatOf(path);
  if (format === 'xlsx') {
    if (opts.encoding !== undefined) throw fileError(t('--encoding applies to CSV and text files, not XLSX'));
    const { openXlsx } = await import('./xlsx-source.js');
    return openXlsx(path, opts);
  }
  if (opts.sheet !== undefined) throw fileError(t('--sheet applies to XLSX files only'));
  if (format === 'json') {
    const { openJson } = await import('./json-source.js');
    return openJson(path);
  }
  const { openCsv } = await import('./csv-source.js');
  return openCsv(path, opts);
}
