/**
 * The monthly report as a provincial directorate receives it (issue #13): the html
 * page printed by headless Chromium to PDF, in Persian and in English, for the demo
 * office (a county office, `parvande demo` at its default size). Checked with
 * poppler's tools: A4 pages (595 × 842 pt), at most 4 of them, "page N of M" on
 * every page (Persian digits in Persian), the letterhead on the first, and every
 * glyph drawn by an embedded real font (no Type 3 fallback, no U+FFFD in the text).
 *
 * Skipped, saying so, only where no Chromium is found (`.ci/run` installs it with
 * the fonts and poppler-utils). PARVANDE_PRINT_PICTURES=DIR also writes each page
 * as a PNG into DIR, to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

const CANDIDATES = [
  process.env.PARVANDE_CHROMIUM,
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];
// A full path is taken when it exists (Chrome on Windows prints no version and would open a window).
const found = (c: string | undefined): c is string =>
  c !== undefined && c !== '' && (isAbsolute(c) ? existsSync(c) : spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
const chromium = CANDIDATES.find(found);
if (chromium === undefined)
  console.log('print: no Chromium found here (chromium, google-chrome or PARVANDE_CHROMIUM), so printing the report to PDF is skipped');

const work = mkdtempSync(join(tmpdir(), 'parvande-print-'));
const db = join(work, 'demo.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tool = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`${cmd} is needed to read the printed PDF (Debian: apt-get install poppler-utils)`);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

/** Bidi marks and embeddings pdftotext adds around right-to-left runs. */
const plain = (s: string): string => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const persian = (n: number): string => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] as string);

async function printed(lang: 'en' | 'fa'): Promise<string> {
  const html = join(work, `azar-${lang}.html`);
  const pdf = join(work, `azar-${lang}.pdf`);
  const r = await runBin(['--db', db, '--lang', lang, 'report', 'monthly', '--month', '1405-08', '--format', 'html', '--out', html]);
  expect(r.code, r.stderr).toBe(0);
  execFileSync(
    chromium as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${join(work, `profile-${lang}`)}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(html).href,
    ],
    { stdio: 'ignore', timeout: 90_000 },
  );
  const pictures = process.env.PARVANDE_PRINT_PICTURES;
  if (pictures !== undefined && pictures !== '') {
    mkdirSync(pictures, { recursive: true });
    tool('pdftoppm', ['-png', '-r', '50', pdf, join(pictures, `monthly-${lang}`)]);
  }
  return pdf;
}

describe.skipIf(chromium === undefined)('the monthly report printed by Chromium', () => {
  beforeAll(async () => {
    const demo = await runBin(['--db', db, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    const s = await runBin(['--db', db, 'report', 'settings', '--prepared-by', '1', '--approved-by', '2']);
    expect(s.code, s.stderr).toBe(0);
  }, 120_000);

  for (const lang of ['fa', 'en'] as const) {
    it(`--lang ${lang}: A4, at most 4 pages, numbered, the letterhead first, every glyph in an embedded font`, async () => {
      const pdf = await printed(lang);
      const info = tool('pdfinfo', [pdf]);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(4);
      // Every page's MediaBox, not only the first: 595.28 × 841.89 pt, as Chromium rounds it.
      const boxes = tool('pdfinfo', ['-f', '1', '-l', String(pages), '-box', pdf]);
      const sizes = [...boxes.matchAll(/^Page\s+\d+ MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$/gm)];
      expect(sizes).toHaveLength(pages);
      for (const [, x0, y0, x1, y1] of sizes) {
        expect(Math.round(Number(x1) - Number(x0))).toBe(595);
        expect(Math.round(Number(y1) - Number(y0))).toBe(842);
      }
      for (let p = 1; p <= pages; p++) {
        const text = plain(tool('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-']));
        if (lang === 'en') expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
        else {
          // pdftotext gives a right-to-left line in the order it is drawn: the words, in any order.
          const line = text.split('\n').find((l) => l.includes('صفحه')) ?? '';
          expect(
            line
              .split(/\s+/)
              .filter((w) => w !== '')
              .sort(),
            `page ${p}`,
          ).toEqual(['صفحه', 'از', persian(p), persian(pages)].sort());
        }
        if (p === 1) {
          // The words in reading order (pdftotext's default layout mode).
          const read = plain(tool('pdftotext', ['-f', '1', '-l', '1', pdf, '-']));
          expect(read).toContain(lang === 'fa' ? 'سازمان بهزیستی کشور' : 'State Welfare Organization of Iran');
          expect(read).toContain(lang === 'fa' ? 'تهیه‌کننده' : 'Prepared by');
          expect(read).toContain(lang === 'fa' ? 'خدمات به تفکیک مسیر' : 'Services by channel');
        }
      }
      const all = tool('pdftotext', [pdf, '-']);
      expect(all).not.toContain('\ufffd');
      const fonts = tool('pdffonts', [pdf])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f, 'a Type 3 font is drawn glyphs, not text').not.toMatch(/Type 3/);
        // name, type…, encoding, then emb sub uni: every font embedded.
        expect(f.split(/\s+/).slice(-5, -2)[0], f).toBe('yes');
      }
    }, 120_000);
  }
});
