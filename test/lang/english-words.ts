/**
 * The English words left in a Persian text once what a clerk types or reads as-is is taken
 * out: placeholders, code in backticks, flags and their values, command lines, file names,
 * environment variables and acronyms, hyphenated codes, the office's own codes and the names
 * of programs. What remains is an English word a Persian message should not hold.
 */
import * as codes from '../../src/domain/codes.js';
import * as peopleCodes from '../../src/domain/people/codes.js';
import { CALENDARS, LANGS, SETTING_KEYS } from '../../src/config/settings.js';

/** Codes a clerk types as they are (the office's code lists, settings, languages, calendars, formats). */
const CODES = new Set<string>([
  ...([...Object.values(codes), ...Object.values(peopleCodes)] as unknown[])
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v))
    .flatMap((cat) => Object.keys(cat)),
  ...LANGS,
  ...CALENDARS,
  ...SETTING_KEYS,
  // Encodings, output formats, shells and cipher names, typed as they are.
  'utf8',
  'KiB',
  'MiB',
  'table',
  'all',
  'stdout',
  'stderr',
  'csv',
  'xlsx',
  'json',
  'html',
  'text',
  'md',
  'markdown',
  'bash',
  'powershell',
  'zsh',
  'sqlcipher',
  'sqlite3',
  // Programs and places named as their makers name them.
  'Excel',
  'LibreOffice',
  'Chromium',
  'Windows',
  'PowerShell',
  'Node',
  'SQLite',
  'Task',
  'Scheduler',
  'Notepad',
  'Calc',
  'macOS',
  'Linux',
]);

export function englishWords(persian: string): string[] {
  const rest = persian
    .replace(/\{[a-zA-Z][a-zA-Z0-9]*\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/(^|[\s(«"'،:[])--?[a-zA-Z][\w-]*(=[^\s)»"'،]*)?/g, ' ')
    .replace(/\bparvande(\s+[a-z][a-z0-9-]*)*/g, ' ')
    .replace(/[\w./\\-]*\.(csv|xlsx|xls|json|html|db|log|txt|pdf|sql|ps1|cmd|bak|key)\b/gi, ' ')
    .replace(/(?:\b[A-Za-z]:)?[/\\][^\s،؛()«»]*/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ')
    .replace(/\b[A-Za-z0-9]+(-[A-Za-z0-9]+)+\b/g, ' ')
    .replace(/\b[A-Za-z]*[0-9][A-Za-z0-9]*\b/g, ' ');
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length > 1 && !CODES.has(w));
}
