/**
 * XLSX through exceljs's streaming reader (loaded only here: it costs 223 ms).
 * Before any row: the ZIP directory and every part are checked (zip.ts: a truncated
 * or damaged file is refused, never half read), cell values become text in xlsx-cells.ts,
 * the sheet is chosen (first, or --sheet), and the sheet's merged cells are
 * found. A merge inside the data would hide values (only its first cell holds
 * one), so it is refused rather than read as blanks.
 */
import type { Row } from 'exceljs';
import { t, type Text } from '../messages/catalogue.js';
import {
  cellProblem,
  columnLetter,
  columnName,
  fileError,
  findHeaderIndex,
  isBlankRow,
  statInput,
  type CellProblem,
  type OpenOptions,
  type RawRow,
  type TableSource,
} from './source.js';
import { cellText } from './xlsx-cells.js';
import { readZipDirectory, readZipText, streamZipEntry, ZipError, type ZipEntry } from './zip.js';

const BATCH = 500;

interface SheetRef {
  name: string;
  path: string;
}

interface Merge {
  ref: string;
  top: number;
  left: number;
  bottom: number;
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference past Unicode (a damaged file) stays as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1] as string) : undefined;
};

function damaged(reason: Text): never {
  throw fileError(t('the XLSX file is truncated or damaged ({reason}): save it again from Excel', { reason }));
}

async function listSheets(path: string, entries: Map<string, ZipEntry>): Promise<SheetRef[]> {
  const book = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (book === undefined || rels === undefined)
    throw fileError(t('not an XLSX workbook (no xl/workbook.xml): save it as .xlsx from Excel'));
  const targets = new Map<string, string>();
  for (const m of (await readZipText(path, rels)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sheets: SheetRef[] = [];
  for (const m of (await readZipText(path, book)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
    const target = rid === undefined ? undefined : targets.get(rid);
    if (name === undefined || target === undefined) continue;
    sheets.push({ name, path: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
  }
  return sheets;
}

function parseRef(ref: string): Merge | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { ref, top: Number(m[2]), left: col(m[1] as string), bottom: Number(m[4]) };
}

/** The sheet's merged ranges and its number of <row> elements, read from the raw XML. */
async function scanSheet(path: string, entry: ZipEntry): Promise<{ merges: Merge[]; rows: number }> {
  const merges: Merge[] = [];
  let rows = 0;
  let carry = '';
  await streamZipEntry(path, entry, (text) => {
    const s = carry + text;
    for (let i = s.indexOf('<row '); i >= 0; i = s.indexOf('<row ', i + 5)) rows++;
    for (const m of s.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
      const merge = parseRef(m[1] as string);
      if (merge !== null) merges.push(merge);
    }
    // Keep the tail: a tag may be split between two chunks (and was not counted yet).
    const cut = s.lastIndexOf('<');
    carry = cut >= 0 && s.length - cut < 200 ? s.slice(cut) : '';
    if (carry.startsWith('<row ')) rows--;
  });
  return { merges, rows };
}

export async function openXlsx(path: string, opts: OpenOptions): Promise<TableSource> {
  const size = statInput(path);
  if (size === 0) throw fileError(t('the file is empty'));
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(path, size);
  } catch (err) {
    if (err instanceof ZipError) damaged(err.text);
    throw err;
  }
  let sheets: SheetRef[];
  let scanned: { merges: Merge[]; rows: number };
  let sheet: SheetRef;
  try {
    sheets = await listSheets(path, entries);
    if (sheets.length === 0) throw fileError(t('the workbook has no sheets'));
    const wanted = opts.sheet?.trim();
    const found =
      wanted === undefined
        ? sheets[0]
        : (sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase()));
    if (found === undefined) {
      throw fileError(
        t('no sheet has the name given for --sheet; the workbook has {sheets}', { sheets: sheets.map((s) => `"${s.name}"`).join(', ') }),
      );
    }
    sheet = found;
    const entry = entries.get(sheet.path);
    if (entry === undefined) damaged(t('sheet "{sheet}" is missing', { sheet: sheet.name }));
    scanned = await scanSheet(path, entry);
    // exceljs reads every part in turn and, on one it cannot inflate, stops without a word (the
    // import would wait forever): every other part is inflated once here first (the sheet just was).
    for (const [name, part] of entries) if (name !== sheet.path) await streamZipEntry(path, part, () => undefined);
  } catch (err) {
    if (err instanceof ZipError) damaged(err.text);
    throw err;
  }

  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows = readRows(reader, sheet.name);
  const close = async (): Promise<void> => {
    await rows.return(undefined);
    (reader as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
  };

  // The header: the first rows are read now, so that columns can be checked before any data row.
  const lead: { row: number; values: unknown[] }[] = [];
  let nonBlank = 0;
  let done = false;
  try {
    while (nonBlank < 3) {
      const next = await rows.next();
      if (next.done) {
        done = true;
        break;
      }
      lead.push(next.value);
      if (!isBlankRow(next.value.values.map((v) => cellText(v).text))) nonBlank++;
    }
  } catch (err) {
    await close().catch(() => undefined);
    throw translateReadError(err);
  }
  const leadTexts = lead.map((l) => l.values.map((v) => cellText(v).text));
  const index = findHeaderIndex(leadTexts);
  const headerLead = lead[index];
  if (headerLead === undefined) {
    await close();
    throw fileError(t('sheet "{sheet}" is empty', { sheet: sheet.name }));
  }
  const headerTexts = leadTexts[index] as string[];
  let width = headerTexts.length;
  while (width > 0 && (headerTexts[width - 1] as string).trim() === '') width--;
  const header = headerTexts.slice(0, width);
  const headerRow = headerLead.row;
  const merge = scanned.merges.filter((m) => m.bottom >= headerRow).sort((a, b) => a.top - b.top || a.left - b.left)[0];
  if (merge !== undefined) {
    await close();
    throw fileError(
      t('merged cells {ref} cannot be imported (only the first cell holds the value): unmerge them and fill in every cell', {
        ref: merge.ref,
      }),
      {
        row: merge.top,
        column: merge.top === headerRow ? columnLetter(merge.left) : columnName(header, merge.left),
      },
    );
  }
  const pending = lead.slice(index + 1);
  if (done && pending.every((p) => isBlankRow(p.values.map((v) => cellText(v).text)))) {
    await close();
    throw fileError(t('sheet "{sheet}" has a header but no data rows', { sheet: sheet.name }), { row: headerRow });
  }

  const toRaw = (r: { row: number; values: unknown[] }): RawRow | null => {
    const cells = new Array<string>(width).fill('');
    let problems: CellProblem[] | undefined;
    let filled = false;
    for (let c = 0; c < r.values.length; c++) {
      const { text, problem } = cellText(r.values[c]);
      if (problem !== undefined) (problems ??= []).push(cellProblem(c, problem));
      if (text.trim() === '') continue;
      filled = true;
      if (c < width) cells[c] = text;
      else (problems ??= []).push(cellProblem(c, t('a value in column {column}, which has no header', { column: columnLetter(c) })));
    }
    if (!filled && problems === undefined) return null;
    return problems === undefined ? { row: r.row, cells } : { row: r.row, cells, problems };
  };

  async function* batches(): AsyncGenerator<RawRow[]> {
    let out: RawRow[] = [];
    for (const p of pending) {
      const raw = toRaw(p);
      if (raw !== null) out.push(raw);
    }
    try {
      for (;;) {
        const next = await rows.next();
        if (next.done) break;
        const raw = toRaw(next.value);
        if (raw !== null) out.push(raw);
        if (out.length >= BATCH) {
          const ready = out;
          out = [];
          yield ready;
        }
      }
    } catch (err) {
      throw translateReadError(err);
    } finally {
      await close().catch(() => undefined);
    }
    if (out.length > 0) yield out;
  }

  return {
    format: 'xlsx',
    path,
    encoding: null,
    bom: false,
    separator: null,
    sheet: sheet.name,
    header,
    headerRow,
    dataRows: Math.max(0, scanned.rows - headerRow),
    size,
    batches,
  };
}

/** exceljs's rows of one sheet as (Excel row number, values by 0-based column). */
async function* readRows(reader: AsyncIterable<unknown>, sheetName: string): AsyncGenerator<{ row: number; values: unknown[] }> {
  for await (const ws of reader) {
    const worksheet = ws as AsyncIterable<Row> & { name: string };
    if (worksheet.name !== sheetName) continue;
    for await (const row of worksheet) {
      // exceljs leaves holes for empty cells: Array.from makes them undefined, so that every map sees them.
      const values = row.values as unknown[];
      yield { row: row.number, values: Array.from(values.slice(1)) };
    }
    return;
  }
  throw fileError(t('sheet "{sheet}" could not be read from the workbook', { sheet: sheetName }));
}

function translateReadError(err: unknown): unknown {
  if (err instanceof Error && !('exitCode' in err)) {
    return fileError(
      t('the XLSX file could not be read ({reason}): save it again from Excel', { reason: err.message.split('\n')[0] as string }),
    );
  }
  return err;
}
