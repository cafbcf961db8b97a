/**
 * Writing tables: CSV (UTF-8 with a BOM so Excel shows Persian, or the encoding
 * of the file being answered), JSON and XLSX (xlsx-writer.ts), to a file or to
 * standard output. Files go through output-file.ts: an exclusive owner-only
 * temporary file renamed into place when complete, so a reader never sees half
 * a file and a crash leaves no partial one.
 */
import { createPrivateTemp, type OutputGuard } from './output-file.js';
import { bomOf, encodeText, type Encoding } from './encoding.js';
import { neutraliseFormula } from './csv-formula.js';

/** A cell to write. Dates are ISO `YYYY-MM-DD` marked as dates so XLSX stores a real date cell. */
export type CellValue = string | number | boolean | null | { date: string };

export interface ColumnSpec {
  header: string;
  /** text: always stored as text (national codes keep their zeros); date: an Excel date cell. */
  kind: 'text' | 'date' | 'number' | 'bool';
  width?: number;
}

export interface TableWriter {
  writeRow(values: readonly CellValue[]): Promise<void>;
  /** Finishes the file (renamed into place) or the stream. */
  close(): Promise<void>;
  /** Drops a file never finished. */
  abort(): void;
}

export interface ByteSink {
  write(chunk: Buffer): void;
  close(): void;
  abort(): void;
}

export interface FileSink extends ByteSink {
  /** Where the file is, once closed: the target, or with `asNew` the first free numbered name. */
  readonly path: string;
}

/**
 * An owner-only file for a target already checked with checkOutputPath. On
 * close it replaces the target (checked again), or with `asNew` takes the first
 * free name of target, target-2, … and replaces nothing.
 */
export function fileSink(target: string, guard: OutputGuard, opts: { asNew?: boolean } = {}): FileSink {
  const temp = createPrivateTemp(target, guard);
  let path = target;
  let buffered: Buffer[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    const all = Buffer.concat(buffered, size);
    buffered = [];
    size = 0;
    temp.write(all);
  };
  return {
    get path() {
      return path;
    },
    write(chunk) {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= 256 * 1024) flush();
    },
    close() {
      flush();
      if (opts.asNew === true) path = temp.commitAsNew();
      else temp.commit();
    },
    abort() {
      buffered = [];
      size = 0;
      temp.discard();
    },
  };
}

/** Bytes to a callback (stdout): nothing to rename or remove. */
export function streamSink(write: (chunk: Buffer) => void): ByteSink {
  return { write, close: () => undefined, abort: () => undefined };
}

const needsQuotes = (s: string, sep: string): boolean =>
  s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r') || s !== s.trim();

/**
 * One CSV cell. Text that a spreadsheet would run as a formula is neutralised
 * (csv-formula.ts); typed numbers, ISO dates and yes/no are not text a person typed
 * and are written as they are (a count of -3 stays a number).
 */
export function csvCell(value: CellValue, sep: string): string {
  let s: string;
  if (value === null) return '';
  if (typeof value === 'object') s = value.date;
  else if (typeof value === 'boolean') s = value ? 'yes' : 'no';
  else if (typeof value === 'number') s = String(value);
  else s = neutraliseFormula(value);
  return needsQuotes(s, sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  encoding?: Encoding;
  bom?: boolean;
  separator?: string;
}

/** CSV with CRLF line ends (what Excel writes); UTF-8 with a BOM unless told otherwise. */
export async function csvWriter(sink: ByteSink, columns: readonly ColumnSpec[], opts: CsvOptions = {}): Promise<TableWriter> {
  const encoding = opts.encoding ?? 'utf8';
  const sep = opts.separator ?? ',';
  const bom = bomOf(encoding, opts.bom ?? true);
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    sink.write(await encodeText(pending.join(''), encoding));
    pending = [];
    pendingLength = 0;
  };
  const line = (values: readonly CellValue[]): string => values.map((v) => csvCell(v, sep)).join(sep) + '\r\n';
  if (bom.length > 0) sink.write(bom);
  pending.push(line(columns.map((c) => c.header)));
  return {
    async writeRow(values) {
      const text = line(values);
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= 64 * 1024) await flush();
    },
    async close() {
      await flush();
      sink.close();
    },
    abort: () => sink.abort(),
  };
}

/** A JSON array, one record per line, keys as given (camelCase for exports). */
export function jsonWriter(sink: ByteSink, keys: readonly string[]): TableWriter {
  let count = 0;
  let pending: string[] = ['['];
  let pendingLength = 0;
  const flush = (): void => {
    sink.write(Buffer.from(pending.join(''), 'utf8'));
    pending = [];
    pendingLength = 0;
  };
  return {
    async writeRow(values) {
      const obj: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        const v = values[i] ?? null;
        obj[k] = v !== null && typeof v === 'object' ? v.date : v;
      });
      const text = (count++ === 0 ? '\n' : ',\n') + JSON.stringify(obj);
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= 64 * 1024) flush();
    },
    async close() {
      pending.push(count === 0 ? ']\n' : '\n]\n');
      flush();
      sink.close();
    },
    abort: () => sink.abort(),
  };
}
