/**
 * A JSON array of flat objects (what `parvande export --format json` writes),
 * streamed: the array is split into its elements without holding the file, and
 * each element is parsed alone. The columns are the keys seen in any element.
 */
import { createReadStream } from 'node:fs';
import * as z from 'zod/mini';
import { t } from '../messages/catalogue.js';
import { fileError, numberText, statInput, type RawRow, type TableSource } from './source.js';

const MAX_ELEMENT = 1024 * 1024;

/** Splits `[ {...}, {...} ]` into element texts as chunks arrive. */
class ArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private ended = false;
  private current = '';
  private count = 0;
  private readonly sink: (text: string, index: number) => void;

  constructor(sink: (text: string, index: number) => void) {
    this.sink = sink;
  }

  push(text: string): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (!this.started) {
        if (ch === '[') {
          this.started = true;
          this.depth = 1;
          from = i + 1;
        } else if (!/\s/.test(ch) && ch !== '\ufeff')
          throw fileError(t('the JSON file is not an array of records (it must start with "[")'));
        continue;
      }
      if (this.ended) {
        if (!/\s/.test(ch)) throw fileError(t('text after the end of the JSON array'));
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) {
          this.ended = true;
          this.emit(this.current + text.slice(from, i));
          this.current = '';
        }
      } else if (ch === ',' && this.depth === 1) {
        this.emit(this.current + text.slice(from, i));
        this.current = '';
        from = i + 1;
      }
    }
    if (this.started && !this.ended) {
      this.current += text.slice(from);
      if (this.current.length > MAX_ELEMENT)
        throw fileError(t('a JSON record is larger than {size} MB', { size: 1 }), { row: this.count + 1 });
    }
  }

  end(): void {
    if (!this.started) throw fileError(t('the file is empty'));
    if (!this.ended) throw fileError(t('the JSON array is never closed (a truncated file?)'), { row: this.count + 1 });
  }

  private emit(text: string): void {
    if (text.trim() === '') {
      if (this.count === 0 && this.ended) return;
      throw fileError(t('an empty element in the JSON array (two commas in a row?)'), { row: this.count + 1 });
    }
    this.sink(text, ++this.count);
  }
}

/** A record is a JSON object: an array, a bare value or null is none. */
const JsonObject = z.looseObject({});
/** A cell: text, a number, true/false or null, or a list of texts and numbers (read as `a,b`, as `categories`). */
const JsonCell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);
type JsonCell = z.infer<typeof JsonCell>;

/**
 * The record's cells in the file's order; a nested value is refused, naming the row
 * and its key. Each value is checked on its own rather than the object as a zod
 * record: that is cheaper, names the key, and a record schema passes over a
 * `__proto__` key, which here is a column like any other.
 */
function cellsOf(obj: Record<string, unknown>, row: number): [key: string, value: JsonCell][] {
  const entries = Object.entries(obj);
  for (const [key, value] of entries) {
    if (!JsonCell.safeParse(value).success) {
      throw fileError(t('a nested value; expected text, a number, true/false or null'), { row, column: `"${key}"` });
    }
  }
  return entries as [string, JsonCell][];
}

function cellText(v: JsonCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.join(',');
}

/** The file's records, a chunk's worth at a time. */
async function* readElements(path: string): AsyncGenerator<{ obj: Record<string, unknown>; row: number }[]> {
  let out: { obj: Record<string, unknown>; row: number }[] = [];
  const splitter = new ArraySplitter((text, row) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw fileError(t('not valid JSON'), { row });
    }
    if (!JsonObject.safeParse(parsed).success) throw fileError(t('not a JSON object'), { row });
    // The parsed object itself: zod's copy would turn a `__proto__` key into a prototype.
    out.push({ obj: parsed as Record<string, unknown>, row });
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Buffer): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw fileError(t('the JSON file is not valid UTF-8 text'));
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    splitter.push(decode(chunk as Buffer));
    if (out.length > 0) {
      const ready = out;
      out = [];
      yield ready;
    }
  }
  splitter.push(decode());
  splitter.end();
  if (out.length > 0) yield out;
}

export async function openJson(path: string): Promise<TableSource> {
  const size = statInput(path);
  if (size === 0) throw fileError(t('the file is empty'));
  const header: string[] = [];
  const seen = new Set<string>();
  let dataRows = 0;
  for await (const batch of readElements(path)) {
    for (const { obj, row } of batch) {
      for (const [key] of cellsOf(obj, row)) {
        if (!seen.has(key)) {
          seen.add(key);
          header.push(key);
        }
      }
      dataRows++;
    }
  }
  if (dataRows === 0) throw fileError(t('the JSON array has no records'));

  async function* batches(): AsyncGenerator<RawRow[]> {
    const index = new Map(header.map((h, i) => [h, i]));
    for await (const batch of readElements(path)) {
      yield batch.map(({ obj, row }) => {
        const cells = new Array<string>(header.length).fill('');
        for (const [key, value] of cellsOf(obj, row)) {
          const i = index.get(key);
          if (i === undefined) throw fileError(t('the file changed while it was being read'));
          cells[i] = cellText(value);
        }
        return { row, cells };
      });
    }
  }

  return {
    format: 'json',
    path,
    encoding: null,
    bom: false,
    separator: null,
    sheet: null,
    header,
    headerRow: 0,
    dataRows,
    size,
    batches,
  };
}
