import { Command } from 'commander';
import { listAudit } from '../domain/audit-trail.js';
import { tr, type Lang } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { renderTable } from '../ui/table.js';
import { fmt, limitOption, parseLimit, withExamples } from './shared.js';
import { withPages } from './page-options.js';

export function auditCommand(): Command {
  const audit = withExamples(
    new Command('audit').description('the audit trail: who wrote or viewed what, when (append-only)'),
    'parvande audit list --record case:12',
  );
  withExamples(
    audit
      .command('list')
      .description('entries of the audit trail, newest first')
      .option('--record <type[:id]>', 'e.g. case, case:12, case:KRJ01-1405-000012, client:3, followup:7')
      .option('--actor <name>', 'only entries of this user (here --actor filters; reading the trail records nothing)')
      .option('--from <date>', 'on or after this date')
      .option('--to <date>', 'on or before this date')
      .addOption(limitOption(100)),
    'parvande audit list --record case:KRJ01-1405-000012',
    'parvande audit list --actor maryam --from 1405/09/01 --json',
  ).action((opts: { record?: string; actor?: string; from?: string; to?: string; limit?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // --actor is also the program's global option (who is acting), and commander hands it to the
    // program wherever it stands: here, where nothing is written, it can only mean the filter.
    const actor = opts.actor ?? rt.globals.actor;
    const rows = rt.read((ctx) => listAudit(ctx, { ...opts, actor, limit: parseLimit(opts.limit) }));
    const f = fmt(rt);
    rt.out.result(rows, () =>
      rows.length === 0
        ? f.w('none')
        : renderTable(
            ['#', f.w('date'), f.w('actor'), tr(rt.lang, 'Command'), tr(rt.lang, 'Action'), tr(rt.lang, 'Record'), tr(rt.lang, 'Fields')],
            rows.map((r) => [
              f.n(r.id),
              f.timestamp(r.at),
              r.actor,
              r.command,
              r.action,
              `${r.recordType}${r.recordId ? ':' + r.recordId : ''}`,
              detailText(r.action, r.detail, rt.lang),
            ]),
            // In 80 columns: the fields go on over lines of their cell and a long actor name is cut; then the action
            // goes (the command says it: "case close"), then the command. Which record and which fields are never cut.
            { rtl: f.rtl, numeric: [0], names: [2], wrap: [6], drop: [4, 3] },
          ),
    );
  });
  return withPages(audit, 'list');
}

/**
 * An entry's detail as read: an export's (`rows 3,csv,redacted`, src/domain/audit.ts
 * recordExport) in the reader's words; else the field names one after another (`status,note`,
 * codes as typed), a space after each comma so that they go on over lines.
 */
function detailText(action: string, detail: string | null, lang: Lang): string {
  const [rows, format, redacted] = (detail ?? '').split(',');
  const count = /^rows (\d+)$/.exec(rows ?? '')?.[1];
  if (action === 'export' && count !== undefined && format !== undefined) {
    if (redacted === 'redacted') return tr(lang, 'rows {count}, {format}, redacted', { count: Number(count), format });
    if (redacted === 'not redacted') return tr(lang, 'rows {count}, {format}, not redacted', { count: Number(count), format });
  }
  return (detail ?? '').replaceAll(',', ', ');
}
