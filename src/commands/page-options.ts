/**
 * `--format table|html`, `--out`, `--force` and `--open` for every read command that prints a
 * list or a card (issue #13: Windows consoles do not shape right-to-left text; a browser does).
 * One mechanism: a command only adds the options (`pageOptions`, `withPages`); Runtime.of finds
 * them and turns its Output into a page writer (src/ui/page-delivery.ts).
 */
import { Option, type Command } from 'commander';

export const PAGE_FORMATS = ['table', 'html'] as const;

/** Adds the page options to a read command. */
export function pageOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'table (the terminal) or html (a web page, right to left under fa)').choices(PAGE_FORMATS))
    .option('--out <file>', 'write the html page to this file (owner-only); - for standard output')
    .option('--force', 'replace an existing --out file (never a database)')
    .option('--open', 'show the html page in the default browser (written to a new owner-only temporary file)');
}

/** Adds the page options to the named read commands of a group ('list', 'pattern list'); a name not found is a programming error. */
export function withPages(group: Command, ...paths: string[]): Command {
  for (const path of paths) {
    let cmd: Command | undefined = group;
    for (const name of path.split(' ')) cmd = cmd?.commands.find((c) => c.name() === name);
    if (cmd === undefined) throw new Error(`withPages: no command "${group.name()} ${path}"`);
    pageOptions(cmd);
  }
  return group;
}
