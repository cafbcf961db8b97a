/**
 * CSV and tab-separated text (Excel's "CSV", "CSV UTF-8" and "Unicode text").
 * The file is read twice, both times streamed: a first pass checks encoding,
 * quoting and row widths and finds the header, so that a broken file is refused
 * before anything is imported; the second hands out the rows. A cell that a CSV
 * writer protected from being run as a formula (`'=1+1`) is read as it was (`=1+1`):
 * csv-formula.ts holds the rule.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { t } from '../messages/catalogue.js';
import { restoreFormula } from './csv-formula.js';
import { CsvSyntaxError, CsvTokenizer, detectSeparator } from './csv-tokenizer.js';
import { createDecoder, ENCODING_NAMES, InvalidTextError, readBom, sniffUtf16, type Encoding } from './encoding.js';
import {
  columnLetter,
  columnName,
  fileError,
  findHeaderIndex,
  isBlankRow,
  statInput,
  type OpenOptions,
  type RawRow,
  type TableSource,
} from './source.js';

const CHUNK = 64 * 1024;
const BATCH = 500;

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function parseSeparator(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'tab' || v === '\\t' || value === '\t') return '\t';
  if (v === ',' || v === 'comma') return ',';
  if (v === ';' || v === 'semicolon') return ';';
  throw fileError(t('unknown --separator: expected comma, semicolon or tab'));
}

interface Layout {
  header: string[];
  headerRow: number;
  dataRows: number;
}

class FallBackTo1256 extends Error {}

export async function openCsv(path: string, opts: OpenOptions): Promise<TableSource> {
  const size = statInput(path);
  if (size === 0) throw fileError(t('the file is empty'));
  const head = readHead(path, CHUNK);
  const bom = readBom(head);
  const declared = opts.encoding;
  let encoding: Encoding;
  if (declared !== undefined) {
    if (bom !== null && bom.encoding !== declared) {
      throw fileError(
        t('the file starts with a {found} byte-order mark, but --encoding says {declared}', {
          found: ENCODING_NAMES[bom.encoding],
          declared: ENCODING_NAMES[declared],
        }),
      );
    }
    const looks = sniffUtf16(head);
    if ((declared === 'utf16le' || declared === 'utf16be') && bom === null && looks !== declared) {
      throw fileError(
        t('the file does not look like {declared} text (--encoding): drop --encoding to detect it', { declared: ENCODING_NAMES[declared] }),
      );
    }
    if ((declared === 'utf8' || declared === 'windows-1256') && bom === null && looks !== null) {
      throw fileError(
        t('the file looks like {found} text, but --encoding says {declared}', {
          found: ENCODING_NAMES[looks],
          declared: ENCODING_NAMES[declared],
        }),
      );
    }
    encoding = declared;
  } else {
    encoding = bom?.encoding ?? sniffUtf16(head) ?? 'utf8';
  }
  const skip = bom?.length ?? 0;
  const sample = await decodeSample(head.subarray(skip), encoding);
  if (sample.replace(/[\s\u0000]/g, '') === '') throw fileError(t('the file is empty'));
  const separator = opts.separator !== undefined ? parseSeparator(opts.separator) : detectSeparator(sample);

  let layout: Layout;
  try {
    layout = await scan(path, skip, encoding, separator, declared !== undefined, declared === 'windows-1256');
  } catch (err) {
    if (!(err instanceof FallBackTo1256)) throw err;
    // Not UTF-8 and no BOM: Excel's "CSV" on a Persian Windows writes Windows-1256.
    encoding = 'windows-1256';
    layout = await scan(path, skip, encoding, separator, false, false);
  }
  const { header, headerRow, dataRows } = layout;
  const width = header.length;

  async function* batches(): AsyncGenerator<RawRow[]> {
    const decoder = await createDecoder(encoding);
    let out: RawRow[] = [];
    const tokenizer = new CsvTokenizer(separator, (cells, row) => {
      if (row <= headerRow || isBlankRow(cells)) return;
      if (cells.length < width) while (cells.length < width) cells.push('');
      else if (cells.length > width) cells.length = width;
      // The apostrophe a CSV writer puts before a would-be formula is not part of the value.
      for (let i = 0; i < width; i++) cells[i] = restoreFormula(cells[i] as string);
      out.push({ row, cells });
    });
    try {
      for await (const chunk of createReadStream(path, { start: skip, highWaterMark: CHUNK })) {
        tokenizer.push(decoder.write(chunk as Buffer));
        if (out.length >= BATCH) {
          const ready = out;
          out = [];
          yield ready;
        }
      }
      tokenizer.push(decoder.end());
      tokenizer.end();
    } catch (err) {
      if (err instanceof InvalidTextError || err instanceof CsvSyntaxError) throw fileError(t('the file changed while it was being read'));
      throw err;
    }
    if (out.length > 0) yield out;
  }

  return {
    format: 'csv',
    path,
    encoding,
    bom: bom !== null,
    separator,
    sheet: null,
    header,
    headerRow,
    dataRows,
    size,
    batches,
  };
}

async function decodeSample(bytes: Uint8Array, encoding: Encoding): Promise<string> {
  if (encoding === 'windows-1256') return Buffer.from(bytes).toString('latin1');
  const label = encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  return new TextDecoder(label, { fatal: false }).decode(bytes, { stream: true });
}

/**
 * The first pass: finds the header (skipping blank and title rows), counts the
 * data rows and refuses undecodable text, broken quoting, over-long cells and
 * rows with more filled cells than the header has columns.
 */
async function scan(
  path: string,
  skip: number,
  encoding: Encoding,
  separator: string,
  declared: boolean,
  checkNotUtf8: boolean,
): Promise<Layout> {
  const decoder = await createDecoder(encoding);
  const utf8 = checkNotUtf8 ? new TextDecoder('utf-8', { fatal: true }) : null;
  let stillUtf8 = true;
  let sawHighBytes = false;
  const lead: { cells: string[]; row: number }[] = [];
  let nonBlankLead = 0;
  let header: string[] | null = null;
  let headerRow = 0;
  let dataRows = 0;

  const checkRow = (cells: string[], row: number): void => {
    if (isBlankRow(cells)) return;
    const h = header as string[];
    if (cells.length > h.length) {
      for (let i = h.length; i < cells.length; i++) {
        if ((cells[i] as string).trim() !== '') {
          throw fileError(
            t('{cells} cells, but the header has {columns} columns (a separator inside a value that is not quoted?)', {
              cells: cells.length,
              columns: h.length,
            }),
            { row, column: columnLetter(i) },
          );
        }
      }
    }
    dataRows++;
  };
  const settleHeader = (): void => {
    const index = findHeaderIndex(lead.map((l) => l.cells));
    const found = lead[index];
    if (found === undefined) throw fileError(t('the file has no header row: it holds only blank lines'));
    header = trimTrailingEmpty(found.cells.map(restoreFormula));
    headerRow = found.row;
    for (const l of lead.slice(index + 1)) checkRow(l.cells, l.row);
    lead.length = 0;
  };
  const tokenizer = new CsvTokenizer(separator, (cells, row) => {
    if (header !== null) return checkRow(cells, row);
    lead.push({ cells, row });
    if (!isBlankRow(cells)) nonBlankLead++;
    if (nonBlankLead >= 3) settleHeader();
  });

  try {
    for await (const chunk of createReadStream(path, { start: skip, highWaterMark: CHUNK })) {
      const bytes = chunk as Buffer;
      if (utf8 !== null && stillUtf8) {
        if (!sawHighBytes && bytes.some((b) => b >= 0x80)) sawHighBytes = true;
        try {
          utf8.decode(bytes, { stream: true });
        } catch {
          stillUtf8 = false;
        }
      }
      tokenizer.push(decoder.write(bytes));
    }
    tokenizer.push(decoder.end());
    tokenizer.end();
  } catch (caught) {
    let err = caught;
    if (err instanceof InvalidTextError) {
      if (!declared && encoding === 'utf8') throw new FallBackTo1256();
      // The text before the undecodable bytes gives their row; broken quoting in it comes first.
      try {
        tokenizer.push(err.validPrefix);
      } catch (earlier) {
        err = earlier;
      }
    }
    if (err instanceof InvalidTextError) {
      const name = ENCODING_NAMES[encoding];
      throw fileError(
        encoding === 'utf8'
          ? t('the text is not valid {encoding}: the file looks like Windows-1256 (try --encoding windows-1256, or drop --encoding)', {
              encoding: name,
            })
          : t('the text is not valid {encoding}', { encoding: name }),
        { row: tokenizer.currentRow },
      );
    }
    if (err instanceof CsvSyntaxError) {
      const column = header !== null ? columnName(header, err.column - 1) : columnLetter(err.column - 1);
      throw fileError(err.text, { row: err.row, column });
    }
    throw err;
  }
  if (header === null) settleHeader();
  if (checkNotUtf8 && stillUtf8 && sawHighBytes) {
    throw fileError(t('the file is UTF-8 text, but --encoding says Windows-1256: drop --encoding or give --encoding utf8'));
  }
  const h = header as unknown as string[];
  if (h.length === 0 || isBlankRow(h)) throw fileError(t('the file has no header row'));
  if (dataRows === 0) throw fileError(t('the file has a header but no data rows'), { row: headerRow });
  return { header: h, headerRow, dataRows };
}

/** Excel often writes separators after the last named column; they are not columns. */
function trimTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] as string).trim() === '') n--;
  return cells.slice(0, n);
}
