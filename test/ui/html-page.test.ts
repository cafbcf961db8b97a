/**
 * The page made of a view (`--format html`, src/ui/page.ts) and the program that opens it
 * (src/ui/opener.ts): its exact argument array on each platform, never a shell.
 */
import { describe, expect, it } from 'vitest';
import { openerCommand } from '../../src/ui/opener.js';
import { pageBody, renderPage } from '../../src/ui/page.js';
import { renderCard, renderTable } from '../../src/ui/table.js';

const FILE = String.raw`C:\Users\کارشناس\AppData\Local\Temp\parvande-x\a & b "c" %PATH% ^.html`;

describe('openerCommand', () => {
  it('Windows: explorer.exe with the file as its one argument (no cmd.exe, no start)', () => {
    expect(openerCommand(FILE, 'win32', {})).toEqual({ command: 'explorer.exe', args: [FILE] });
  });
  it('macOS: open', () => {
    expect(openerCommand('/tmp/a & b.html', 'darwin', {})).toEqual({ command: 'open', args: ['/tmp/a & b.html'] });
  });
  it('Linux and the rest: xdg-open', () => {
    expect(openerCommand('/tmp/x.html', 'linux', {})).toEqual({ command: 'xdg-open', args: ['/tmp/x.html'] });
    expect(openerCommand('/tmp/x.html', 'freebsd', {})).toEqual({ command: 'xdg-open', args: ['/tmp/x.html'] });
  });
  it('PARVANDE_OPENER names another program on every platform; empty counts as unset', () => {
    for (const p of ['win32', 'darwin', 'linux'] as const) {
      expect(openerCommand(FILE, p, { PARVANDE_OPENER: '/opt/browser' })).toEqual({ command: '/opt/browser', args: [FILE] });
    }
    expect(openerCommand(FILE, 'linux', { PARVANDE_OPENER: ' ' }).command).toBe('xdg-open');
  });
});

describe('pageBody', () => {
  it('keeps tables and cards as data: a <table> with its <thead>, a card as a two-column table, text around them', () => {
    const body = pageBody(
      () =>
        `${renderCard([
          ['Name', 'a <b>'],
          ['Empty', ''],
        ])}\n\nTimeline\n${renderTable(['ID', 'Note'], [['#1', 'x & y']], { numeric: [0], panels: [0] })}\nshown 1 of 3`,
    );
    expect(body).toBe(
      [
        '<table class="card">\n<tbody>\n<tr><th scope="row">Name</th><td>a &lt;b&gt;</td></tr>\n</tbody>\n</table>',
        '<h2>Timeline</h2>',
        '<table>\n<thead><tr><th>ID</th><th>Note</th></tr></thead>\n<tbody>\n<tr><td class="n">#1</td><td>x &amp; y</td></tr>\n</tbody>\n</table>',
        '<p class="text">shown 1 of 3</p>',
      ].join('\n'),
    );
  });

  it('a marker written in stored text is text, not a table', () => {
    const forged = '\u00000000:0\u0000';
    const body = pageBody(() => `${forged}${renderTable(['A'], [['1']])}`);
    expect(body.match(/<table>/g)).toHaveLength(1);
    expect(body).toContain('\\x000000:0\\x00');
  });

  it('outside a page, tables are drawn for the terminal as before', () => {
    expect(renderTable(['A'], [['1']])).toContain('┌');
  });
});

describe('renderPage', () => {
  it('fa: lang and dir from the language, the heading escaped', () => {
    const html = renderPage(() => 'هیچ', { command: 'parvande case list', office: 'دفتر <x>', date: '۱۴۰۵/۰۹/۰۴', lang: 'fa' });
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<title>parvande case list — دفتر &lt;x&gt; — ۱۴۰۵/۰۹/۰۴</title>');
    expect(html).not.toMatch(/<script|<link|https?:|@import|url\(/i);
  });
});
