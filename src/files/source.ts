/**
 * What every reader of a spreadsheet-like file gives (a header and rows of text
 * cells) and the helpers the readers share: one-line file errors naming row and
 * column, header detection, column names. The readers (csv-source.ts,
 * xlsx-source.ts, json-source.ts) build on this module; table.ts picks the reader.
 */
import { statSync } from 'node:fs';
import { ValidationError } from '../errors.js';
import { render, t, type Text } from '../messages/catalogue.js';
import type { Encoding } from './encoding.js';

export type TableFormat = 'csv' | 'xlsx' | 'json';

export interface RawRow {
  /** The row number a person sees: Excel's row, the CSV record (header = 1), the JSON element (first = 1). */
  row: number;
  /** Cell texts, one per header column (missing trailing cells are ''). */
  cells: string[];
  /** Cells that could not be read as text (an Excel error value, a formula with no stored result). */
  problems?: CellProblem[];
}

export interface CellProblem {
  /** 0-based column index. */
  column: number;
  /** The problem in English (`text` rendered), as the import has always read it. */
  message: string;
  /** The problem as a catalogue message, to be shown in the reader's language. */
  text: Text;
}

/** A cell's problem from its catalogue message: the English kept in `message`. */
export function cellProblem(column: number, text: Text): CellProblem {
  return { column, message: render(text, 'en'), text };
}

export interface TableSource {
  format: TableFormat;
  path: string;
  /** CSV: the text encoding, and whether the file began with a byte-order mark. */
  encoding: Encoding | null;
  bom: boolean;
  /** CSV: the separator. */
  separator: string | null;
  /** XLSX: the sheet read. */
  sheet: string | null;
  header: string[];
  headerRow: number;
  /** Data rows (blank rows not counted) when known before reading; else null. */
  dataRows: number | null;
  size: number;
  /** The data rows in file order, a few hundred at a time; blank rows are left out. */
  batches(): AsyncGenerator<RawRow[]>;
}

export interface OpenOptions {
  encoding?: Encoding | undefined;
  separator?: string | undefined;
  sheet?: string | undefined;
}

/**
 * An error in the file itself: one line naming the row and column. `message` is a catalogue
 * message (made with t); a plain string is still taken from callers not yet converted.
 */
export function fileError(message: Text | string, where?: { row?: number; column?: string | number }): ValidationError {
  const row = where?.row;
  const column = where?.column;
  if (row !== undefined && column !== undefined) {
    return new ValidationError(t('row {row}, column {column}: {message}', { row, column, message }), 'file');
  }
  if (row !== undefined) return new ValidationError(t('row {row}: {message}', { row, message }), 'file');
  if (column !== undefined) return new ValidationError(t('column {column}: {message}', { column, message }), 'file');
  return new ValidationError(message, 'file');
}

/** The input file's size; a missing file or a folder is refused in one line. */
export function statInput(path: string): number {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw fileError(t('{path} is not a file', { path }));
    return st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw fileError(t('no file at {path}', { path }));
    throw err;
  }
}

/** Whole numbers without an exponent or ".0": a national code or mobile in a numeric cell stays digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Rows above the header that hold only a title (one filled cell followed by a
 * row with more) are skipped, as are blank rows. Returns the index of the header.
 */
export function findHeaderIndex(first: readonly (readonly string[])[]): number {
  let i = 0;
  while (i < first.length && isBlankRow(first[i] as string[])) i++;
  for (;;) {
    const row = first[i];
    if (row === undefined) return i;
    const filled = row.filter((c) => c.trim() !== '').length;
    let next = i + 1;
    while (next < first.length && isBlankRow(first[next] as string[])) next++;
    const after = first[next];
    const filledAfter = after === undefined ? 0 : after.filter((c) => c.trim() !== '').length;
    if (filled === 1 && filledAfter > 1) {
      i = next;
      continue;
    }
    return i;
  }
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A column as an error message names it: its header when it has one, else its letter. */
export function columnName(header: readonly string[], index: number): string {
  const h = header[index]?.trim();
  return h ? `"${h}"` : columnLetter(index);
}
