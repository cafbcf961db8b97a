/** The `parvande …` examples of the manual's pages, as the docs tests read them. */

/** Words as a POSIX shell splits them (quotes, backslash line joins); good enough for examples. */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else word = (word ?? '') + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) out.push(word);
  return out;
}

/** Every `parvande …` command of the shell blocks of a page, continuation lines joined, comments and `&&` tails cut. */
export function examples(markdown: string): string[] {
  const blocks: string[] = [];
  let block: string[] | null = null;
  let shell = false;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence && block === null) {
      block = [];
      shell = ['', 'sh', 'bash', 'console'].includes(fence[1] ?? '');
    } else if (fence && block !== null) {
      if (shell) blocks.push(block.join('\n'));
      block = null;
    } else block?.push(line);
  }
  const out: string[] = [];
  for (const text of blocks) {
    for (const raw of text.replace(/\\\n\s*/g, ' ').split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      for (const part of line.split(/\s*(?:&&|\|\||;)\s*/)) if (part.startsWith('parvande ')) out.push(part);
    }
  }
  return out;
}
