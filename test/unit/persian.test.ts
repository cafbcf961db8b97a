import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchingKey, normalizeLetters } from '../../src/lang/persian.js';

const ZWNJ = '\u200c';

describe('normalizeLetters', () => {
  it('maps Arabic yeh and kaf to Persian ones', () => {
    expect(normalizeLetters('علي')).toBe('علی');
    expect(normalizeLetters('مصطفى')).toBe('مصطفی');
    expect(normalizeLetters('كريم')).toBe('کریم');
  });

  it('leaves teh marbuta, ZWNJ and diacritics (the stored name stays as typed)', () => {
    expect(normalizeLetters('فاطمة')).toBe('فاطمة');
    expect(normalizeLetters(`محمد${ZWNJ}علی`)).toBe(`محمد${ZWNJ}علی`);
    expect(normalizeLetters('مُحمّد')).toBe('مُحمّد');
  });

  it('trims, collapses whitespace and converts digits', () => {
    expect(normalizeLetters('  محمد \t\n  رضا  ')).toBe('محمد رضا');
    expect(normalizeLetters('پلاک ۱۲ و ٣٤')).toBe('پلاک 12 و 34');
  });

  it('composes to NFC and drops invisible bidi marks', () => {
    expect(normalizeLetters('\u0627\u0653رش')).toBe('آرش');
    expect(normalizeLetters('\u200fزهرا\u200e')).toBe('زهرا');
    expect(normalizeLetters('\ufeffنرگس')).toBe('نرگس');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeLetters(normalizeLetters(s))).toBe(normalizeLetters(s));
      }),
    );
  });
});

describe('matchingKey', () => {
  it('gives one key for the usual spellings of a name', () => {
    const key = matchingKey('محمدعلی');
    expect(matchingKey(`محمد${ZWNJ}علي`)).toBe(key);
    expect(matchingKey('محمد علی')).toBe(key);
    expect(matchingKey('مُحمّد علي')).toBe(key);
    expect(matchingKey(' محمد\u200dعلى ')).toBe(key);
    expect(matchingKey('محـــمد علی')).toBe(key);
  });

  it('folds hamza and madda forms', () => {
    expect(matchingKey('أحمد')).toBe(matchingKey('احمد'));
    expect(matchingKey('إسماعیل')).toBe(matchingKey('اسماعیل'));
    expect(matchingKey('آرش')).toBe(matchingKey('ارش'));
    expect(matchingKey('ٱمین')).toBe(matchingKey('امین'));
    expect(matchingKey('مؤمنی')).toBe(matchingKey('مومنی'));
    expect(matchingKey('خانۀ')).toBe(matchingKey('خانه'));
    expect(matchingKey('خانهٔ')).toBe(matchingKey('خانه'));
    expect(matchingKey('پوئی')).toBe(matchingKey('پویی'));
  });

  it('lower-cases Latin letters and keeps distinct names apart', () => {
    expect(matchingKey('Ali REZAEI')).toBe('alirezaei');
    expect(matchingKey('فاطمة')).toBe(matchingKey('فاطمه')); // ة folds to ه (issue #10)
    expect(matchingKey('کاظم')).not.toBe(matchingKey('کاظمی'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(matchingKey(matchingKey(s))).toBe(matchingKey(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(matchingKey(matchingKey(s))).toBe(matchingKey(s));
      }),
    );
  });

  const letters = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءئ'];
  const marks = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0654', '\u0653', '\u0670', '\u0640'];
  const name = fc
    .array(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 3 })
    .map((words) => words.map((w) => w.join('')).join(' '));
  // For each character: maybe swap to the Arabic form, maybe follow it with ZWNJ, a mark or a space.
  const noise = fc.array(fc.record({ swap: fc.boolean(), after: fc.constantFrom('', '', '', ZWNJ, '\u200d', ' ', ...marks) }), {
    minLength: 30,
    maxLength: 30,
  });
  const ARABIC_FORM: Readonly<Record<string, string>> = { ی: 'ي', ک: 'ك' };

  it('does not change when ZWNJ, diacritics or spaces are inserted or Arabic letter forms are used', () => {
    fc.assert(
      fc.property(name, noise, (clean, edits) => {
        const messy = [...clean]
          .map((ch, i) => {
            const edit = edits[i % edits.length]!;
            return (edit.swap ? (ARABIC_FORM[ch] ?? ch) : ch) + edit.after;
          })
          .join('');
        expect(matchingKey(messy)).toBe(matchingKey(clean));
        expect(matchingKey(clean)).not.toMatch(/[\s\u200c\u200d\u064a\u0643]/);
      }),
    );
  });
});
