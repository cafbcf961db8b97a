// Renders the command reference (docs/reference.md) from the program itself: every command's
// description, usage, arguments, options and examples, as `--help` prints them. Plain JavaScript
// so that `npm run docs` (generate.mjs, on the compiled dist/) and the test that checks the
// committed file (reference.test.ts, on src/) share one renderer.

export const REFERENCE_PATH = 'docs/reference.md';

/** A table cell: no pipes or line breaks to break the row. */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** What a command's --help prints after its options (examples, notes), as commander would write it. */
function afterHelp(cmd) {
  let text = '';
  cmd.emit('afterHelp', { error: false, command: cmd, write: (s) => (text += s) });
  const examples = [];
  const notes = [];
  let inExamples = false;
  for (const line of text.split('\n')) {
    if (line === 'Examples:') inExamples = true;
    else if (inExamples && line.startsWith('  $ ')) examples.push(line.slice(4));
    else {
      inExamples = false;
      if (line.trim() !== '') notes.push(line.trim());
    }
  }
  return { examples, notes };
}

/** The full name of a command: `parvande case open`. */
function fullName(cmd) {
  const names = [];
  for (let c = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const anchor = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');

function optionsTable(help, options) {
  const shown = options.filter((o) => o.long !== '--help');
  if (shown.length === 0) return [];
  return [
    '| option | meaning |',
    '|---|---|',
    ...shown.map((o) => `| \`${cell(help.optionTerm(o))}\` | ${cell(help.optionDescription(o))} |`),
    '',
  ];
}

function section(help, cmd, depth, lines) {
  const title = fullName(cmd);
  lines.push(`${'#'.repeat(Math.min(depth, 4))} ${title}`, '', cell(cmd.description() || '(no description)'), '');
  lines.push('```', help.commandUsage(cmd), '```', '');
  const args = help.visibleArguments(cmd);
  if (args.length > 0) {
    lines.push(
      '| argument | meaning |',
      '|---|---|',
      ...args.map((a) => `| \`${cell(help.argumentTerm(a))}\` | ${cell(help.argumentDescription(a))} |`),
      '',
    );
  }
  lines.push(...optionsTable(help, help.visibleOptions(cmd)));
  const { examples, notes } = afterHelp(cmd);
  if (examples.length > 0) lines.push('Examples:', '', '```sh', ...examples, '```', '');
  if (notes.length > 0) lines.push(...notes, '');
  // The groups sit beside the global options, not under them.
  for (const sub of cmd.commands) section(help, sub, cmd.parent ? depth + 1 : depth, lines);
}

/** The reference as Markdown, for a program with every command group loaded (buildFullProgram). */
export function renderReference(program) {
  const help = program.createHelp();
  const lines = [
    '# Command reference',
    '',
    '<!-- Generated from the program by `npm run docs` (test/docs/generate.mjs). Do not edit by hand:',
    '     change the description, options or examples in src/ and run `npm run docs`. -->',
    '',
    'Every command and subcommand as its `--help` shows it. What the commands do, and why, is told by',
    'subject in [Commands](commands.md), [Reports](reports.md), [Import and export](import-export.md) and',
    '[Staff, roster, training](people.md); `--json` shapes are in [JSON output](json.md).',
    '',
    `- [${program.name()}](#${anchor(program.name())}) (global options)`,
    ...program.commands.map((c) => `- [${fullName(c)}](#${anchor(fullName(c))}): ${cell(c.description())}`),
    '',
  ];
  section(help, program, 2, lines);
  return `${lines.join('\n').trimEnd()}\n`;
}
