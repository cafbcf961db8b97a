/**
 * Writing tables: CSV (UTF-8 with a BOM so Excel shows Persian, or the encoding
 * of the file being answered), JSON and XLSX (xlsx-writer.ts). Files are
 * written owner-only under a temporary name and renamed into place when
 * complete, so a reader never sees half a file and a crash leaves no partial one.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { restrictToOwner } from '../store/database.js';
import { bomOf, encodeText, type Encoding } from './encoding.js';

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

/** An owner-only file written under a temporary name and renamed over `path` on close. */
export function fileSink(path: string): ByteSink & { tempPath: string } {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tempPath, 'w', 0o600);
  restrictToOwner(tempPath);
  let buffered: Buffer[] = [];
  let size = 0;
  let open = true;
  const flush = (): void => {
    if (size === 0) return;
    const all = Buffer.concat(buffered, size);
    let done = 0;
    while (done < all.length) done += writeSync(fd, all, done, all.length - done);
    buffered = [];
    size = 0;
  };
  return {
    tempPath,
    write(chunk) {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= 256 * 1024) flush();
    },
    close() {
      flush();
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      renameSync(tempPath, path);
      restrictToOwner(path);
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      rmSync(tempPath, { force: true });
    },
  };
}

/** Bytes to a callback (stdout): nothing to rename or remove. */
export function streamSink(write: (chunk: Buffer) => void): ByteSink {
  return { write, close: () => undefined, abort: () => undefined };
}

const needsQuotes = (s: string, sep: string): boolean =>
  s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r') || s !== s.trim();

export function csvCell(value: CellValue, sep: string): string {
  let s: string;
  if (value === null) return '';
  if (typeof value === 'object') s = value.date;
  else if (typeof value === 'boolean') s = value ? 'yes' : 'no';
  else s = String(value);
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
