/**
 * A streaming CSV tokenizer: text goes in chunk by chunk, records come out with
 * their row numbers (row = record, as Excel numbers them, so a quoted cell with
 * line breaks stays one row). Handles quoted cells, doubled quotes, line breaks
 * inside quotes, CRLF, LF and lone CR. A quote inside an unquoted cell is kept
 * as text (hand-typed files have `5" screen`); text after a closing quote is an
 * error, as in csv-parse. Hand-written because the parser is most of an
 * import's cost: it resumes mid-cell across chunks instead of re-scanning.
 */

import { render, t, type Text } from '../messages/catalogue.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Excel holds at most 32,767 characters in a cell and 16,384 columns in a row. */
const MAX_CELL_LENGTH = 32_767;
const MAX_FIELDS = 16_384;

export class CsvSyntaxError extends Error {
  readonly row: number;
  /** 1-based field position in the record. */
  readonly column: number;
  /** The message, to be rendered in the reader's language (`message` holds the English). */
  readonly text: Text;
  constructor(row: number, column: number, message: Text) {
    super(render(message, 'en'));
    this.text = message;
    this.row = row;
    this.column = column;
  }
}

export type RecordSink = (cells: string[], row: number) => void;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
  AfterCr,
}

export class CsvTokenizer {
  private state = State.FieldStart;
  private cells: string[] = [];
  /** Text of the current cell carried over from earlier chunks. */
  private cur = '';
  private row = 1;
  private readonly sep: number;
  private readonly sink: RecordSink;
  private readonly maxCell: number;

  constructor(separator: string, sink: RecordSink, maxCell = MAX_CELL_LENGTH) {
    if (separator.length !== 1) throw new Error('separator must be one character');
    this.sep = separator.charCodeAt(0);
    this.sink = sink;
    this.maxCell = maxCell;
  }

  /** The row being read (the number the next record will carry). */
  get currentRow(): number {
    return this.row;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.AfterCr:
          if (text.charCodeAt(i) === LF) i++;
          this.state = State.FieldStart;
          break;
        case State.FieldStart:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else {
            i = this.scanPlainRecords(text, i);
          }
          break;
        case State.Unquoted:
          i = this.scanUnquoted(text, i);
          break;
        case State.Quoted:
          i = this.scanQuoted(text, i);
          break;
        case State.QuoteSeen:
          i = this.afterQuote(text, i);
          break;
      }
    }
  }

  /** End of input: the last record may lack a line break; an open quote is an error. */
  end(): void {
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError(this.row, this.cells.length + 1, t('a quoted cell is never closed (a missing " ?)'));
      case State.QuoteSeen:
      case State.Unquoted:
        this.pushCell(this.cur);
        this.cur = '';
        this.finishRecord();
        break;
      case State.FieldStart:
        // "a,b," at the very end: the separator promised one more (empty) cell.
        if (this.cells.length > 0) {
          this.pushCell('');
          this.finishRecord();
        }
        break;
      case State.AfterCr:
        break;
    }
    this.state = State.FieldStart;
  }

  /**
   * The common case in one tight loop: unquoted cells, record after record,
   * from the start of a cell (nothing carried over) until a quoted cell or the
   * chunk's end. Each stop is left in the state the general path would reach
   * there, so the two paths cut the same cells and records.
   */
  private scanPlainRecords(text: string, from: number): number {
    const n = text.length;
    const sep = this.sep;
    const maxCell = this.maxCell;
    let start = from;
    for (;;) {
      let j = start;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j++;
      }
      if (j === n) {
        // The chunk ends inside the cell: the general path carries it over.
        this.state = State.Unquoted;
        return start;
      }
      if (j - start > maxCell) this.checkLength(j - start);
      // Over the limits: pushCell refuses it with the general path's message.
      if (this.cells.length >= MAX_FIELDS) this.pushCell('');
      this.cells.push(text.slice(start, j));
      if (c === sep) {
        start = j + 1;
      } else {
        this.finishRecord();
        if (c === CR) {
          if (j + 1 === n) {
            this.state = State.AfterCr;
            return n;
          }
          if (text.charCodeAt(j + 1) === LF) j++;
        }
        start = j + 1;
      }
      // At the start of the next cell.
      if (start === n || text.charCodeAt(start) === QUOTE) {
        this.state = State.FieldStart;
        return start;
      }
    }
  }

  private scanUnquoted(text: string, from: number): number {
    const n = text.length;
    const sep = this.sep;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === sep) {
        this.pushCell(this.cur === '' ? text.slice(from, i) : this.cur + text.slice(from, i));
        this.cur = '';
        this.state = State.FieldStart;
        return i + 1;
      }
      if (c === LF || c === CR) {
        this.pushCell(this.cur === '' ? text.slice(from, i) : this.cur + text.slice(from, i));
        this.cur = '';
        this.finishRecord();
        this.state = c === CR ? State.AfterCr : State.FieldStart;
        return i + 1;
      }
    }
    this.cur += text.slice(from, n);
    this.checkLength(this.cur.length);
    return n;
  }

  private scanQuoted(text: string, from: number): number {
    const q = text.indexOf('"', from);
    if (q < 0) {
      this.cur += text.slice(from);
      this.checkLength(this.cur.length);
      return text.length;
    }
    this.cur += text.slice(from, q);
    this.state = State.QuoteSeen;
    return q + 1;
  }

  private afterQuote(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      this.cur += '"';
      this.state = State.Quoted;
      return i + 1;
    }
    if (c === this.sep || c === LF || c === CR) {
      this.pushCell(this.cur);
      this.cur = '';
      if (c === this.sep) this.state = State.FieldStart;
      else {
        this.finishRecord();
        this.state = c === CR ? State.AfterCr : State.FieldStart;
      }
      return i + 1;
    }
    throw new CsvSyntaxError(
      this.row,
      this.cells.length + 1,
      t('text after the closing quote of a quoted cell (a quote inside it not doubled?)'),
    );
  }

  private pushCell(value: string): void {
    this.checkLength(value.length);
    if (this.cells.length >= MAX_FIELDS) {
      throw new CsvSyntaxError(this.row, this.cells.length + 1, t('more than {max} cells in one row', { max: MAX_FIELDS }));
    }
    this.cells.push(value);
  }

  private checkLength(length: number): void {
    if (length > this.maxCell) {
      throw new CsvSyntaxError(
        this.row,
        this.cells.length + 1,
        t('a cell is longer than {max} characters (more than Excel holds; an unclosed quote?)', { max: this.maxCell }),
      );
    }
  }

  private finishRecord(): void {
    const cells = this.cells;
    this.cells = [];
    const row = this.row++;
    this.sink(cells, row);
  }
}

/**
 * The separator of a file: the one of comma, semicolon and tab that occurs most
 * often outside quotes in its first lines. A file with none has one column.
 */
export function detectSeparator(sample: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 20; i++) {
    const ch = sample[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (ch === ',' || ch === ';' || ch === '\t') counts[ch]++;
      else if (ch === '\n') lines++;
    }
  }
  if (counts['\t'] >= counts[','] && counts['\t'] >= counts[';'] && counts['\t'] > 0) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}
