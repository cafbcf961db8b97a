/**
 * Tables in 80 columns (issue #12): cells are cut by display width (Persian text, the
 * zero-width non-joiner), at the end of a word where one fits, with "…"; `case list`
 * fits 80 columns whatever the names and labels, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderTable } from '../../src/ui/table.js';
import { displayWidth, truncateWords } from '../../src/ui/text-width.js';
import { makeOffice, type TestOffice } from '../helpers/office.js';

describe('truncateWords', () => {
  it('leaves text that fits as it is', () => {
    expect(truncateWords('علی کریمی', 9)).toBe('علی کریمی');
  });

  it('cuts at the end of the last word that fits, with "…"', () => {
    expect(truncateWords('عبدالحمید شریعتمداری‌نژاد', 12)).toBe('عبدالحمید…');
    expect(truncateWords('Suicidal thoughts or attempt', 20)).toBe('Suicidal thoughts…');
    // The cut falls exactly before a space: the words before it are kept whole.
    expect(truncateWords('افکار یا اقدام به خودکشی', 15)).toBe('افکار یا اقدام…');
  });

  it('splits a word only when the first one alone does not fit', () => {
    expect(truncateWords('Suicidal thoughts', 6)).toBe('Suici…');
    expect(truncateWords('شریعتمداری‌نژاد', 8)).toBe('شریعتمد…');
  });

  it('a zero-width non-joiner joins the parts of a word: no place to cut, and no column', () => {
    // کودک‌آزاری is 9 letters and a ZWNJ: 9 columns.
    expect(displayWidth('کودک‌آزاری')).toBe(9);
    expect(truncateWords('کودک‌آزاری شدید', 12)).toBe('کودک‌آزاری…');
    expect(truncateWords('کودک‌آزاری', 6)).toBe('کودک‌آ…');
  });

  it('never returns more than the width asked', () => {
    for (const text of ['عبدالحمید شریعتمداری‌نژاد', 'Socially harmed women and girls', 'a b c d e f g', 'کودک‌آزاری']) {
      for (let w = 2; w <= 30; w++) expect(displayWidth(truncateWords(text, w)), `${text} @${w}`).toBeLessThanOrEqual(w);
    }
  });
});

describe('renderTable', () => {
  const head = ['Case', 'Risk', 'Client', 'Center'];
  const long = ['TST01-1405-000001', 'Critical', 'عبدالحمید شریعتمداری‌نژاد (#12)', 'مرکز مداخله در بحران شهرستان کرج (#3)'];

  it('narrows the widest cuttable column first until the table fits 80 columns', () => {
    const out = renderTable(head, [long, long.map((c) => c.replace('12', '7'))], { names: [2], cut: [3] });
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(out).toContain('│ TST01-1405-000001 │ Critical │');
  });

  it('keeps a trailing id whole when the name before it is cut', () => {
    const out = renderTable(head, [long], { names: [2, 3] });
    expect(out).toContain('(#12) │');
    expect(out).toContain('(#3) │');
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('a table that fits is not touched', () => {
    const out = renderTable(['A', 'Name'], [['1', 'علی کریمی']], { names: [1] });
    expect(out.split('\n')[3]).toBe('│ 1 │ علی کریمی │');
  });
});

describe('case list in 80 columns', () => {
  let o: TestOffice | undefined;
  afterEach(() => o?.cleanup());

  it('every line fits 80 columns with long Persian names and the longest labels, closed and critical, in both languages', async () => {
    o = await makeOffice();
    await o.json([
      'staff',
      'add',
      '--first-name',
      'عبدالحمید',
      '--last-name',
      'شریعتمداری‌نژاد طباطبایی',
      '--role',
      'social-worker',
      '--sector',
      'gov',
    ]);
    await o.json(['client', 'add', '--first-name', 'فاطمه‌زهرا', '--last-name', 'میرمحمدصادقی‌اصفهانی']);
    for (const category of ['social-harm', 'suicide', 'family-dispute']) {
      await o.json(['case', 'open', '--client', '1', '--channel', 'center', '--category', category, '--risk', 'critical', '--worker', '1']);
    }
    await o.json(['case', 'close', '1', '--reason', 'resolved']);
    for (const lang of ['en', 'fa']) {
      const r = await o.cli(['--lang', lang, 'case', 'list', '--status', 'all']);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l !== '');
      // Head (3 lines), three rows with a rule between them, the bottom rule.
      expect(lines).toHaveLength(3 + 3 + 2 + 1);
      for (const line of lines) expect(displayWidth(line), `${lang}: ${line}`).toBeLessThanOrEqual(80);
    }
    const en = (await o.cli(['case', 'list', '--status', 'all'])).stdout.split('\n');
    expect(en[3]).toBe('│ TST01-1405-000002 │ Open   │ Critical │ Suicidal… │ عبدالحمید… │ 1405/09/04 │');
    expect(en[7]).toBe('│ TST01-1405-000001 │ Closed │ Critical │ Socially… │ عبدالحمید… │ 1405/09/04 │');
  });
});
