/**
 * CSV formula injection (OWASP "CSV injection"): a spreadsheet runs a CSV cell that
 * starts with = + - @ (and, after a tab or carriage return, what follows), so a name
 * or note such as `=HYPERLINK("http://x","y")` would attack whoever opens the file.
 * The one rule, both ways: a text cell written to CSV that starts with a trigger, after
 * any number of apostrophes, gets one apostrophe more (`=1+1` → `'=1+1`, `'=1+1` →
 * `''=1+1`), and a cell read from CSV that starts with apostrophes before a trigger loses
 * one. Writing then reading gives every string back exactly; a person's own `'=1+1`
 * (Excel's way to type text that looks like a formula) reads as `=1+1`, as Excel shows it.
 * Typed numbers are not text and are written as they are (`-3`): csvCell decides.
 */

/** Cells a spreadsheet would take for a formula (OWASP's list). */
const TRIGGERED = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const APOSTROPHE = 39;

/** The text as written to a CSV cell: one more apostrophe before a trigger. */
export function neutraliseFormula(text: string): string {
  return TRIGGERED.test(text) ? `'${text}` : text;
}

/** A CSV cell's text as it was before neutraliseFormula (cheap for the usual cell: one character compared). */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && ESCAPED.test(cell) ? cell.slice(1) : cell;
}
