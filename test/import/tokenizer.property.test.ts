/**
 * The hand-written CSV tokenizer against csv-parse, and against its own writer,
 * on random input cut into random chunks (a cell, a quote pair or a CRLF split
 * across two chunks must come out the same).
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, detectSeparator } from '../../src/files/csv-tokenizer.js';
import { csvCell } from '../../src/files/writers.js';
import { restoreFormula } from '../../src/files/csv-formula.js';

function tokenize(chunks: string[], sep = ','): { rows: string[][]; numbers: number[] } {
  const rows: string[][] = [];
  const numbers: number[] = [];
  const t = new CsvTokenizer(sep, (cells, row) => {
    rows.push(cells);
    numbers.push(row);
  });
  for (const c of chunks) t.push(c);
  t.end();
  return { rows, numbers };
}

/** Cuts text at the given fractions into pieces (some empty). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * (text.length + 1))))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const cellChars = fc.constantFrom('a', 'b', 'ی', 'ك', '\u200c', ',', ';', '\t', '"', ' ', '\n', '\r', '\r\n', '۱', '9');
const cell = fc.array(cellChars, { maxLength: 6 }).map((a) => a.join(''));
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('round trip with the writer', () => {
  test.each([[','], [';'], ['\t']])('separator %j: written rows read back the same, however the text is cut', (sep) => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        cuts,
        (rows, eol, trailing, at) => {
          const last = rows[rows.length - 1] as string[];
          // A last row of one empty cell is only a row when a line break follows it.
          const end = trailing || (last.length === 1 && last[0] === '') ? eol : '';
          const text = rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join(eol) + end;
          const got = tokenize(cut(text, at), sep);
          // The CSV reader takes off the apostrophe csvCell puts before a would-be formula.
          expect(got.rows.map((r) => r.map(restoreFormula))).toEqual(rows);
          expect(got.numbers).toEqual(rows.map((_, i) => i + 1));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('agrees with csv-parse', () => {
  const token = (eol: string) => fc.constantFrom('a', 'ی', ',', '"', ' ', eol);
  const input = fc.constantFrom('\n', '\r\n').chain((eol) =>
    fc.tuple(
      fc.constant(eol),
      fc.array(token(eol), { maxLength: 30 }).map((t) => t.join('')),
    ),
  );

  const strict = (text: string): string[][] | null => {
    try {
      return parse(text, { relax_column_count: true }) as string[][];
    } catch {
      return null;
    }
  };
  const relaxed = (text: string): string[][] | null => {
    try {
      return parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
    } catch {
      return null;
    }
  };
  const mine = (chunks: string[]): string[][] | null => {
    try {
      return tokenize(chunks).rows;
    } catch (err) {
      if (err instanceof CsvSyntaxError) return null;
      throw err;
    }
  };

  test('whatever strict csv-parse reads, the tokenizer reads the same', () => {
    fc.assert(
      fc.property(input, cuts, ([, text], at) => {
        const expected = strict(text);
        if (expected === null) return;
        expect(mine(cut(text, at))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('where both read a file leniently (a quote inside a cell), they agree', () => {
    fc.assert(
      fc.property(input, cuts, ([, text], at) => {
        const expected = relaxed(text);
        const got = mine(cut(text, at));
        if (expected === null || got === null) return;
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('an unclosed quote is an error in both', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '\n'), { maxLength: 10 }), (parts) => {
        const text = `x,"${parts.join('')}`;
        expect(strict(text)).toBeNull();
        expect(mine([text])).toBeNull();
      }),
    );
  });
});

describe('tokenizer details', () => {
  test('row numbers count records, not lines', () => {
    expect(tokenize(['a,"x\ny"\nb,c\r\nd']).numbers).toEqual([1, 2, 3]);
  });

  test('a lone CR ends a record (old Mac files); CRLF is one break', () => {
    expect(tokenize(['a\rb\r\nc\n']).rows).toEqual([['a'], ['b'], ['c']]);
    expect(tokenize(['a\r', '\nb']).rows).toEqual([['a'], ['b']]);
  });

  test('text after a closing quote names the row and column', () => {
    const err = (() => {
      try {
        tokenize(['a,b\nc,"d"e\n']);
      } catch (e) {
        return e as CsvSyntaxError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect([err?.row, err?.column]).toEqual([2, 2]);
  });

  test('a cell longer than Excel holds is refused while it is read, not after the whole file', () => {
    const t = new CsvTokenizer(',', () => undefined, 10);
    t.push('a,"0123456');
    expect(() => t.push('7890123')).toThrow(/longer than 10 characters/);
  });

  test('separator detection: the most frequent of comma, semicolon and tab outside quotes', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('"a;b;c",d\n1,2')).toBe(',');
    expect(detectSeparator('نام')).toBe(',');
  });
});
