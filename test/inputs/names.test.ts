/**
 * Names are matched by one key and stored by one rule, whichever way they come in.
 * The key folds ة into ه and reads Arabic presentation forms (from PDFs and old
 * systems) as the letters they draw; the stored name keeps ة but takes Persian
 * ی ک for Arabic ي ك and letters for presentation glyphs, in `client add`,
 * `staff add` and import alike.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchingKey, normalizeLetters } from '../../src/lang/persian.js';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';

// Presentation forms written out by hand (isolated, final, initial, medial), not computed.
const FATEMEH_GLYPHS = '\ufed3\ufe8e\ufec3\ufee4\ufeea'; // ﻓﺎﻃﻤﻪ
const ALI_GLYPHS = '\ufecb\ufee0\ufef2'; // ﻋﻠﻲ (Arabic yeh, final form)
const KARIMI_GLYPHS = '\ufedb\ufeae\ufef4\ufee4\ufef2'; // ﻛﺮﻴﻤﻲ

describe('matchingKey', () => {
  it('ة and ه, presentation forms and letters give one key', () => {
    expect(matchingKey('فاطمة')).toBe(matchingKey('فاطمه'));
    expect(matchingKey(FATEMEH_GLYPHS)).toBe(matchingKey('فاطمه'));
    expect(matchingKey(`${ALI_GLYPHS} ${KARIMI_GLYPHS}`)).toBe(matchingKey('علی کریمی'));
    expect(matchingKey('\ufefb')).toBe(matchingKey('لا')); // the lam-alef ligature
  });

  it('property: the key of a text is the key of its NFKC form, and ة counts as ه', () => {
    // Arabic letters, their presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFC) and ة in any mix.
    const glyph = fc.oneof(
      fc.integer({ min: 0xfe70, max: 0xfefc }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xfb50, max: 0xfbff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیةيكۀ ‌'),
    );
    fc.assert(
      fc.property(
        fc.array(glyph, { maxLength: 12 }).map((a) => a.join('')),
        (s) => {
          expect(matchingKey(s)).toBe(matchingKey(s.normalize('NFKC')));
          expect(matchingKey(s)).toBe(matchingKey(s.normalize('NFKC').replace(/\u0629/g, '\u0647')));
          const key = matchingKey(s);
          expect(key).not.toContain('\u0629');
          expect([...key].filter((ch) => ch.normalize('NFKC') !== ch)).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('normalizeLetters (the stored form)', () => {
  it('keeps ة, takes Persian ی ک, and letters for presentation glyphs', () => {
    expect(normalizeLetters('فاطمة')).toBe('فاطمة');
    expect(normalizeLetters('علي كريمي')).toBe('علی کریمی');
    expect(normalizeLetters(FATEMEH_GLYPHS)).toBe('فاطمه');
    expect(normalizeLetters(KARIMI_GLYPHS)).toBe('کریمی');
  });

  it('property: applying it twice changes nothing', () => {
    const glyph = fc.oneof(
      fc.integer({ min: 0xfe70, max: 0xfefc }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(...'ابپتفاطمةيكیک ‌\u064e\u0654'),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(
      fc.property(
        fc.array(glyph, { maxLength: 10 }).map((a) => a.join('')),
        (s) => {
          expect(normalizeLetters(normalizeLetters(s))).toBe(normalizeLetters(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
});
afterAll(() => o.cleanup());

describe('commands and import store the same bytes and match each other', () => {
  it('client add and import of the same names store the same bytes', async () => {
    const rows: [string, string][] = [
      ['فاطمة', 'علي كريمي'],
      [FATEMEH_GLYPHS, KARIMI_GLYPHS],
      ['زهرا', 'احمدي'],
    ];
    for (const [first, last] of rows) await o.json(['client', 'add', '--first-name', first, '--last-name', last]);
    const file = join(o.dir, 'clients.csv');
    writeFileSync(file, `first-name,last-name,birth-date\r\n${rows.map(([f, l]) => `${f},${l},1370/01/01`).join('\r\n')}\r\n`);
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.json().inserted).toBe(3);
    const stored = query<{ first_name: string; last_name: string }>(o.db, 'SELECT first_name, last_name FROM clients ORDER BY id');
    expect(stored.slice(0, 3)).toEqual([
      { first_name: 'فاطمة', last_name: 'علی کریمی' },
      { first_name: 'فاطمه', last_name: 'کریمی' },
      { first_name: 'زهرا', last_name: 'احمدی' },
    ]);
    expect(stored.slice(3)).toEqual(stored.slice(0, 3));
    const bytes = (s: { first_name: string; last_name: string }): string => Buffer.from(`${s.first_name}|${s.last_name}`).toString('hex');
    expect(stored.slice(3).map(bytes)).toEqual(stored.slice(0, 3).map(bytes));
  });

  it('client find and staff references match across ة/ه and presentation forms', async () => {
    const found = await o.json<{ id: number }[]>(['client', 'find', 'فاطمه']);
    expect(found.map((c) => c.id).sort()).toEqual([1, 2, 4, 5]);
    await o.json(['staff', 'add', '--first-name', 'فاطمة', '--last-name', 'رضايي', '--role', 'social-worker', '--sector', 'gov']);
    expect(query(o.db, 'SELECT first_name, last_name FROM staff')).toEqual([{ first_name: 'فاطمة', last_name: 'رضایی' }]);
    expect((await o.json(['staff', 'show', `${FATEMEH_GLYPHS} رضایی`])).id).toBe(1);
    expect((await o.json(['staff', 'show', 'فاطمه رضائی'])).id).toBe(1);
  });
});
