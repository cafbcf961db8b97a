/**
 * The rejects file: the refused rows of an import, in the input's own format
 * (same encoding, separator and columns, plus an "error" column), so a clerk can
 * fix them in the same program and import that file. It sits beside the input
 * (standard input: stdin.rejects.<ext> in the current folder) and never replaces
 * a file: when the name is taken, the next free one of NAME-2, NAME-3, … is used.
 * Owner-only: it holds the same personal data as the input.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isStdio } from './output-file.js';
import type { TableFormat, TableSource } from './source.js';
import { csvWriter, fileSink, jsonWriter, type TableWriter } from './writers.js';

/** Where the refused rows of `input` go first (before any numbering). */
function rejectsPath(input: string, format: TableFormat = 'csv'): string {
  if (isStdio(input)) return resolve(`stdin.rejects.${format}`);
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(dirname(input), `${stem}.rejects${ext === '' ? '.csv' : ext}`);
}

export interface RejectsFile {
  /** The file's name: final once closed. */
  readonly path: string;
  write(rows: readonly { cells: readonly string[]; error: string }[]): Promise<void>;
  close(): Promise<void>;
  abort(): void;
}

/**
 * `input` is what the person named (a file, or `-`); `protect` the database in use,
 * never a rejects file whatever its name.
 */
export async function openRejects(source: TableSource, input: string, protect: readonly string[]): Promise<RejectsFile> {
  const sink = fileSink(rejectsPath(input, source.format), { field: 'file', protect }, { asNew: true });
  const header = [...source.header, 'error'];
  let writer: TableWriter;
  try {
    if (source.format === 'xlsx') {
      const { xlsxWriter } = await import('./xlsx-writer.js');
      writer = await xlsxWriter(
        sink,
        header.map((h) => ({ header: h, kind: 'text' as const })),
        'rejects',
      );
    } else if (source.format === 'json') {
      writer = jsonWriter(sink, header);
    } else {
      writer = await csvWriter(
        sink,
        header.map((h) => ({ header: h, kind: 'text' as const })),
        {
          encoding: source.encoding ?? 'utf8',
          bom: source.bom,
          separator: source.separator ?? ',',
        },
      );
    }
  } catch (err) {
    sink.abort();
    throw err;
  }
  const width = source.header.length;
  return {
    get path() {
      return sink.path;
    },
    async write(rows) {
      for (const r of rows) {
        const cells = r.cells.slice(0, width);
        while (cells.length < width) cells.push('');
        await writer.writeRow([...cells, r.error]);
      }
    },
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}
