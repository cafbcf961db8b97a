/**
 * Tables drawn in 80 columns break a long text over several lines of its cell (a timeline's
 * entry and note). `unwrapRows` puts each row of every table back on one line, each cell's
 * lines joined by a space, so a test can look for a whole entry as it was written.
 */
export function unwrapRows(drawn: string): string {
  const out: string[] = [];
  let row: string[] = [];
  const flush = (): void => {
    if (row.length === 0) return;
    const cells = row.map((l) => l.split('│').slice(1, -1));
    const joined = (cells[0] ?? []).map((_, c) =>
      cells
        .map((line) => (line[c] ?? '').trim())
        .filter((t) => t !== '')
        .join(' '),
    );
    out.push(`│ ${joined.join(' │ ')} │`);
    row = [];
  };
  for (const line of drawn.split('\n')) {
    if (line.startsWith('│')) row.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}
