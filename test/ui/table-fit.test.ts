/**
 * The one mechanism every list and card goes through to fit 80 columns (issue #13,
 * src/ui/table-fit.ts, table.ts): the column chooser (cut names and labels, leave out droppable columns
 * least useful first, wrap free text, split a grid into panels), truncation by display width
 * at a word's end, and cards mirrored under fa. Property-based: any rows, any width ≥ 40.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTable, renderCard, renderTable, type TableOptions } from '../../src/ui/table.js';
import { displayWidth, fitLines, truncateWords, wrapWords } from '../../src/ui/text-width.js';

const ZWNJ = '\u200c';
/** Words of the office's texts: Persian ones joined by ZWNJ, Latin ones, digits, hyphens. */
const word = fc.oneof(
  fc.constantFrom('علی', 'کریمی', 'فاطمه‌زهرا', 'میرمحمدصادقی‌اصفهانی', 'کودک‌آزاری', 'مرکز', 'مداخله', 'در', 'بحران', '۱۴۰۵/۰۹/۰۴'),
  fc.constantFrom('Sara', 'Ahmadi', 'Montgomery-Wolverhampton', 'of', 'Crisis-intervention', 'center', '#12', 'x'),
  fc
    .array(fc.constantFrom('ا', 'ب', 'پ', 'ی', 'ک', ZWNJ, 'a', 'b', 'Z', '1', '-'), { minLength: 1, maxLength: 14 })
    .map((cs) => cs.join(''))
    .filter((w) => !w.startsWith(ZWNJ) && displayWidth(w) > 0),
);
const text = (maxWords: number) => fc.array(word, { minLength: 0, maxLength: maxWords }).map((ws) => ws.join(' '));
/** A short single-line cell of a column that is never cut (a date, a status). */
const short = fc.constantFrom('', 'yes', 'بله', '1405/09/04', 'Critical', 'بحرانی', '120', '۱۲۰', 'Open');

type Role = 'key' | 'name' | 'cut' | 'wrap' | 'fixed' | 'drop';
const roles = fc.array(fc.constantFrom<Role>('key', 'name', 'cut', 'wrap', 'fixed', 'drop', 'name', 'cut'), { minLength: 1, maxLength: 8 });

const table = roles.chain((rs) =>
  fc.record({
    roles: fc.constant(rs),
    head: fc.tuple(...rs.map(() => fc.constantFrom('ID', 'Name', 'Worker', 'نام', 'کارشناس', 'Date', 'تاریخ', 'Note'))),
    rows: fc.array(
      fc.tuple(
        ...rs.map((r) =>
          r === 'key' ? fc.nat({ max: 99999 }).map((n) => `#${n}`) : r === 'fixed' || r === 'drop' ? short : text(r === 'wrap' ? 12 : 5),
        ),
      ),
      { minLength: 0, maxLength: 6 },
    ),
    width: fc.integer({ min: 40, max: 120 }),
    dropOrder: fc.constant(rs.flatMap((r, i) => (r === 'drop' ? [i] : []))).chain((d) => fc.shuffledSubarray(d, { minLength: d.length })),
  }),
);

const indexes = (rs: Role[], ...want: Role[]): number[] => rs.flatMap((r, i) => (want.includes(r) ? [i] : []));

describe('fitting a table to any width ≥ 40', () => {
  it('every line fits, ids are kept whole, and each cell is whole or cut at a word boundary when there is one', () => {
    fc.assert(
      fc.property(table, ({ roles: rs, head, rows, width, dropOrder }) => {
        const opts: TableOptions = {
          names: indexes(rs, 'name'),
          cut: indexes(rs, 'cut'),
          wrap: indexes(rs, 'wrap'),
          drop: dropOrder,
          numeric: indexes(rs, 'key'),
          width,
        };
        // What can never give way (ids, dates) fits beside a letter of each cut column: the promise holds from there.
        const fixed = rs.map((r, i) =>
          r === 'key' || r === 'fixed'
            ? Math.max(displayWidth(head[i] as string), ...rows.map((row) => displayWidth(row[i] as string)))
            : 2,
        );
        fc.pre(fixed.reduce((s, w, i) => s + (rs[i] === 'drop' ? 0 : w + 3), 1) <= width);
        const drawn = renderTable(head, rows, opts);
        for (const line of drawn.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);

        const fitted = fitTable(head, rows, opts);
        for (const i of rs.keys()) if (rs[i] !== 'drop') expect(fitted.columns).toContain(i);
        rows.forEach((row, k) => {
          for (const i of fitted.columns) {
            const was = row[i] as string;
            const shown = (fitted.rows[k] as string[])[i] as string;
            if (rs[i] === 'wrap') {
              // Wrapped, never cut: every letter still there, in order.
              expect(shown.replace(/[\s]/g, '')).toBe(was.replace(/\s/g, ''));
            } else if (rs[i] === 'name' || rs[i] === 'cut') {
              if (shown === was) continue;
              expect(shown.endsWith('…'), shown).toBe(true);
              const kept = shown.slice(0, -1);
              expect(was.startsWith(kept), `${was} → ${shown}`).toBe(true);
              // At the end of a word, unless even the first word did not fit (then no space was kept).
              expect(/\s/.test(was.charAt(kept.length)) || !/\s/.test(kept), `${was} → ${shown}`).toBe(true);
            } else expect(shown).toBe(was);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a droppable column goes only when names and labels would not fit whole, least useful first', () => {
    const head = ['ID', 'Name', 'County', 'Birth date', 'Mobile'];
    const short = [['#1', 'علی کریمی', 'کرج', '1380/01/01', '09121234567']];
    const opts = { names: [1], drop: [2, 3, 4] };
    expect(fitTable(head, short, opts).columns).toEqual([0, 1, 2, 3, 4]);
    const long = [['#1', 'فاطمه‌زهرا میرمحمدصادقی‌اصفهانی', 'ساوجبلاغ و نظرآباد', '1380/01/01', '09121234567']];
    // Without the county the name (up to 24 columns) fits: the birth date and mobile stay.
    expect(fitTable(head, long, opts).columns).toEqual([0, 1, 3, 4]);
    expect(fitTable(head, long, { ...opts, width: 40 }).columns).toEqual([0, 1]);
  });

  it('a wrapped text goes on over lines of its cell, broken between words', () => {
    const note = 'مادر گزارش داد که پس از مشاجره شدید خانوادگی کودک از خانه رفته و دو شب در پارک مانده است';
    const fitted = fitTable(['Date', 'Note', 'By'], [['1405/09/04', note, 'clerk']], { wrap: [1] });
    const cell = (fitted.rows[0] as string[])[1] as string;
    expect(cell.split('\n').length).toBeGreaterThan(1);
    expect(cell.split('\n').join(' ')).toBe(note);
    const out = renderTable(['Date', 'Note', 'By'], [['1405/09/04', note, 'clerk']], { wrap: [1] });
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('a grid too wide is drawn as panels, each with its leading column, every column once', () => {
    const head = ['Day', ...Array.from({ length: 7 }, (_, i) => `Shift ${i + 1}`)];
    const row = ['Saturday 1405/09/01', ...Array.from({ length: 7 }, () => 'عبدالحمید شریعتمداری‌نژاد')];
    const out = renderTable(head, [row], { wrap: [1, 2, 3, 4, 5, 6, 7], panels: [0] });
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const tables = out.split('\n').filter((l) => l.startsWith('┌'));
    expect(tables.length).toBeGreaterThan(1);
    expect(out.split('\n').filter((l) => l.includes('Saturday 1405/09/01'))).toHaveLength(tables.length);
    for (let i = 1; i <= 7; i++) expect(out.match(new RegExp(`Shift ${i}\\b`, 'g'))).toHaveLength(1);
    expect(out).not.toContain('…');
  });
});

describe('cutting and breaking text by display width', () => {
  it('truncateWords: never wider than asked, a prefix with "…", at a word end when one fits', () => {
    fc.assert(
      fc.property(text(8), fc.integer({ min: 2, max: 60 }), (t, w) => {
        const cut = truncateWords(t, w);
        expect(displayWidth(cut)).toBeLessThanOrEqual(w);
        if (displayWidth(t) <= w) {
          expect(cut).toBe(t);
          return;
        }
        expect(cut.endsWith('…')).toBe(true);
        const kept = cut.slice(0, -1);
        expect(t.startsWith(kept)).toBe(true);
        const first = t.split(' ')[0] as string;
        if (displayWidth(first) <= w - 1) expect(/\s/.test(t.charAt(kept.length)), `${t} @${w} → ${cut}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('wrapWords: lines within the width, the words in order, a word broken only when wider than the line', () => {
    fc.assert(
      fc.property(text(20), fc.integer({ min: 8, max: 80 }), (t, w) => {
        const lines = wrapWords(t, w);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(w);
        if (t.split(' ').every((x) => displayWidth(x) <= w)) expect(lines.join(' ')).toBe(t);
        else expect(lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('fitLines keeps short lines and the indentation of a long one', () => {
    const long = `  row 12: ${'کودک‌آزاری '.repeat(12).trim()}`;
    const out = fitLines(`short\n${long}`).split('\n');
    expect(out[0]).toBe('short');
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(out.slice(1).every((l) => l.startsWith('  '))).toBe(true);
  });
});

describe('cards', () => {
  const pairs: [string, string][] = [
    ['شناسه', '#۱'],
    ['نام', 'فاطمه‌زهرا میرمحمدصادقی‌اصفهانی'],
    ['زن سرپرست خانوار', 'خیر'],
    ['یادداشت', 'مادر گزارش داد که پس از مشاجره شدید خانوادگی کودک از خانه رفته و دو شب در پارک محله مانده است؛ هماهنگی انجام شد'],
    ['خالی', ''],
  ];

  it('English: labels on the left padded to one display width, long values broken between words', () => {
    const en = renderCard([
      ['ID', '#1'],
      ['Woman head of household', 'no'],
      ['Notes', 'word '.repeat(30).trim()],
    ]).split('\n');
    expect(en[0]).toBe('ID                       #1');
    expect(en[1]).toBe('Woman head of household  no');
    expect(en.length).toBeGreaterThan(3);
    for (const l of en) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(en[3]?.startsWith(' '.repeat(25) + 'word')).toBe(true);
  });

  it('Persian: mirrored, each label at the right edge, its value just to its left, aligned in display columns', () => {
    const lines = renderCard(pairs, { rtl: true }).split('\n');
    const labelWidth = displayWidth('زن سرپرست خانوار');
    const right = displayWidth(lines[0] as string);
    expect(right).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe(`${' '.repeat(right - labelWidth - 2 - 2)}#۱  ${' '.repeat(labelWidth - displayWidth('شناسه'))}شناسه`);
    expect(lines[2]?.endsWith('خیر  زن سرپرست خانوار')).toBe(true);
    for (const l of lines) {
      // A line with a label ends at the right edge; a value's further line ends where the values do.
      const label = pairs.find(([k]) => l.endsWith(k))?.[0];
      expect(displayWidth(l)).toBe(label === undefined ? right - labelWidth - 2 : right);
    }
    // The note goes on over lines, its words in order; the empty value is left out.
    const note = lines.slice(3).map((l) => l.replace('یادداشت', '').trim());
    expect(note.join(' ')).toBe(pairs[3]?.[1]);
    expect(lines.join('\n')).not.toContain('خالی');
  });
});
