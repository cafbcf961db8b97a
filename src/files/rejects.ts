/**
 * The rejects file: the refused rows of an import, beside the input, in the
 * input's own format (same encoding, separator and columns, plus an "error"
 * column), so a clerk can fix them in the same program and import that file.
 * Owner-only: it holds the same personal data as the input.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { TableSource } from './source.js';
import { csvWriter, fileSink, jsonWriter, type TableWriter } from './writers.js';

export function rejectsPath(input: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(dirname(input), `${stem}.rejects${ext === '' ? '.csv' : ext}`);
}

export interface RejectsFile {
  path: string;
  write(rows: readonly { cells: readonly string[]; error: string }[]): Promise<void>;
  close(): Promise<void>;
  abort(): void;
}

export async function openRejects(source: TableSource): Promise<RejectsFile> {
  const path = rejectsPath(source.path);
  const header = [...source.header, 'error'];
  let writer: TableWriter;
  if (source.format === 'xlsx') {
    const { xlsxWriter } = await import('./xlsx-writer.js');
    writer = await xlsxWriter(path, header.map((h) => ({ header: h, kind: 'text' as const })), 'rejects');
  } else if (source.format === 'json') {
    writer = jsonWriter(fileSink(path), header);
  } else {
    writer = await csvWriter(fileSink(path), header.map((h) => ({ header: h, kind: 'text' as const })), {
      encoding: source.encoding ?? 'utf8', bom: source.bom, separator: source.separator ?? ',',
    });
  }
  const width = source.header.length;
  return {
    path,
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
