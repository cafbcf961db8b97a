import { Command } from 'commander';
import {
  listCases,
  parseAssignCaseInput,
  parseCaseNoteInput,
  parseCloseCaseInput,
  parseOpenCaseInput,
  parseReopenCaseInput,
  recordCaseAssignment,
  recordCaseClosing,
  recordCaseNote,
  recordCaseOpening,
  recordCaseReopening,
  resolveCase,
  resolveCaseClient,
  showCase,
  validateCaseOpening,
  type RawOpenCase,
} from '../domain/cases.js';
import { parseUpdateCaseInput, recordCaseUpdate, type RawUpdateCase } from '../domain/case-updates.js';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, RISKS } from '../domain/codes.js';
import { readQuietDays, writeQuietDays } from '../domain/worklist.js';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { caseCard, caseDetail, caseTable, closeResult } from '../ui/views/cases.js';
import { quietDaysCard } from '../ui/views/worklist.js';
import { parseFollowupPlan } from '../domain/followup-plan.js';
import { askOpenCase } from './case-questions.js';
import { codeCheck, dateCheck, staffCheck, staffSearch } from './pick.js';
import { choose, codeList, fmt, limitOption, parseLimit, validateWith, withExamples } from './shared.js';
import { withPages } from './page-options.js';

export function caseCommand(): Command {
  const kase = withExamples(
    new Command('case').description('case files (پرونده): open, assign, note, close, reopen, update'),
    'parvande case open --client 12 --channel hotline --category suicide --risk high',
    'parvande case list --status open --risk high',
    'parvande --lang fa case list --status open --open',
    'parvande case close 1405-12 --reason resolved --followup-plan 7,30,90',
  );

  withExamples(
    kase
      .command('open')
      .description('open a case file for a client, or an anonymous one (hotline callers often stay anonymous)')
      .option('--client <id>', 'client id or national code')
      .option('--anonymous', 'the person stays anonymous')
      .option('--channel <channel>', `channel: ${codeList(CHANNELS)}`)
      .option('--category <category>', `primary problem: ${codeList(CATEGORIES)}`)
      .option('--categories <list>', 'further problems, comma separated')
      .option('--risk <risk>', `risk level: ${codeList(RISKS)}`)
      .option('--center <center>', 'center id or name')
      .option('--worker <staff>', 'assigned worker: staff id or full name')
      .option('--opened <date>', 'opening date (default today)')
      .option('--summary <text>', 'short description'),
    'parvande case open --client 12 --channel hotline --category suicide --risk high --worker 3',
    'parvande case open --anonymous --channel hotline --category child-abuse --categories family-dispute --risk critical',
  ).action(async (opts: RawOpenCase, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await askOpenCase(rt, opts);
    // The client is looked up first, then the values parsed, then the rules applied: the order errors are reported in.
    const c = rt.write((ctx) => {
      const client = resolveCaseClient(ctx, o);
      return recordCaseOpening(ctx, validateCaseOpening(ctx, client, parseOpenCaseInput(o, ctx.today)));
    });
    rt.out.note(t('opened case {number}', { number: c.caseNumber }));
    rt.out.result(c, () => caseCard(c, fmt(rt)));
  });

  withExamples(
    kase
      .command('show')
      .argument('<case>', 'case number (KRJ01-1405-000012), 1405-12, or id')
      .description('a case with its timeline, services and follow-ups (the view is recorded)'),
    'parvande case show KRJ01-1405-000012',
    'parvande case show 1405-12 --json',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // A write, not a read: the view itself goes into the audit trail.
    const c = rt.write((ctx) => showCase(ctx, ref));
    rt.out.result(c, () => caseDetail(c, fmt(rt)));
  });

  withExamples(
    kase
      .command('list')
      .description('cases, most urgent first (open before closed, then by risk, then oldest)')
      .option('--status <status>', 'open, closed or all', 'open')
      .option('--worker <staff>', 'assigned worker')
      .option('--unassigned', 'only cases with nobody assigned')
      .option('--category <category>', 'carrying this problem (primary or further)')
      .option('--risk <risk>', `risk level: ${codeList(RISKS)}`)
      .option('--channel <channel>', `channel: ${codeList(CHANNELS)}`)
      .option('--center <center>', 'center id or name')
      .option('--client <id>', 'client id or national code')
      .option('--from <date>', 'opened on or after')
      .option('--to <date>', 'opened on or before')
      .addOption(limitOption()),
    'parvande case list --status open --worker 3 --category child-abuse --risk high',
  ).action((opts: Parameters<typeof listCases>[1] & { limit?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listCases(ctx, { ...opts, limit: parseLimit(opts.limit as unknown as string) }));
    rt.out.result(rows, () => caseTable(rows, fmt(rt)));
  });

  withExamples(
    kase
      .command('assign')
      .argument('<case>', 'case')
      .option('--worker <staff>', 'staff id or full name')
      .option('--date <date>', 'default today')
      .description('assign (or reassign) the case to a worker'),
    'parvande case assign KRJ01-1405-000012 --worker 4',
  ).action(async (ref: string, opts: { worker?: string; date?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        {
          key: 'worker',
          option: 'worker',
          message: tr(rt.lang, 'Worker (type part of the name or the id)'),
          search: staffSearch(rt),
        },
      ],
      { given: () => rt.read((ctx) => resolveCase(ctx, ref)), flags: { date: dateCheck(rt, 'date') } },
    );
    const c = rt.write((ctx) => recordCaseAssignment(ctx, resolveCase(ctx, ref), parseAssignCaseInput(o, ctx.today)));
    rt.out.result(c, () => caseCard(c, fmt(rt)));
  });

  withExamples(
    kase
      .command('note')
      .argument('<case>', 'case')
      .option('--text <text>', 'the note')
      .option('--date <date>', 'default today')
      .description('add a note to the case timeline'),
    'parvande case note 1405-12 --text "home visit arranged with the school counsellor"',
  ).action(async (ref: string, opts: { text?: string; date?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [{ key: 'text', option: 'text', message: tr(rt.lang, 'Note') }], {
      given: () => rt.read((ctx) => resolveCase(ctx, ref)),
      flags: { date: dateCheck(rt, 'date') },
    });
    const e = rt.write((ctx) => recordCaseNote(ctx, resolveCase(ctx, ref), parseCaseNoteInput(o, ctx.today)));
    rt.out.result(e, () => tr(rt.lang, 'note {id} added', { id: fmt(rt).id(e.id) }));
  });

  withExamples(
    kase
      .command('close')
      .argument('<case>', 'case')
      .option('--reason <reason>', `reason for closing: ${codeList(CLOSE_REASONS)}`)
      .option('--date <date>', 'closing date (default today)')
      .option('--note <text>', 'closing note')
      .option('--followup-plan <days>', 'schedule follow-ups this many days after closing, e.g. 7,30,90')
      .option('--worker <staff>', 'who does the planned follow-ups (default the case worker)')
      .description('close the case; optionally schedule a follow-up plan'),
    'parvande case close 1405-12 --reason resolved --followup-plan 7,30,90',
  ).action(
    async (ref: string, opts: { reason?: string; date?: string; note?: string; followupPlan?: string; worker?: string }, cmd: Command) => {
      const rt = Runtime.of(cmd);
      const o = await rt.fill(
        opts,
        [
          { key: 'reason', option: 'reason', message: tr(rt.lang, 'Reason for closing'), choices: choose(CLOSE_REASONS, rt) },
          {
            key: 'followupPlan',
            option: 'followup-plan',
            message: tr(rt.lang, 'Follow-up plan, days after closing (e.g. 7,30,90), empty for none'),
            optional: true,
            validate: validateWith(parseFollowupPlan),
          },
        ],
        {
          given: () => rt.read((ctx) => resolveCase(ctx, ref)),
          flags: { reason: codeCheck(CLOSE_REASONS, 'reason'), date: dateCheck(rt, 'date'), worker: staffCheck(rt) },
        },
      );
      const r = rt.write((ctx) => recordCaseClosing(ctx, resolveCase(ctx, ref), parseCloseCaseInput(o, ctx.today)));
      if (r.stillScheduled > 0) {
        rt.out.warn(
          t('case {number} still has {count} follow-up(s) scheduled from before closing; they stay due', {
            number: r.case.caseNumber,
            count: r.stillScheduled,
          }),
        );
      }
      rt.out.result({ ...r.case, plannedFollowups: r.plannedFollowups, stillScheduled: r.stillScheduled }, () => closeResult(r, fmt(rt)));
    },
  );

  withExamples(
    kase
      .command('reopen')
      .argument('<case>', 'case')
      .option('--date <date>', 'default today')
      .option('--note <text>', 'why it is reopened')
      .description('reopen a closed case'),
    'parvande case reopen 1405-12 --note "harm recurred"',
  ).action((ref: string, opts: { date?: string; note?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const c = rt.write((ctx) => recordCaseReopening(ctx, resolveCase(ctx, ref), parseReopenCaseInput(opts, ctx.today)));
    rt.out.result(c, () => caseCard(c, fmt(rt)));
  });

  withExamples(
    kase
      .command('update')
      .argument('<case>', 'case')
      .option('--risk <risk>', `risk level: ${codeList(RISKS)}`)
      .option('--category <category>', `the primary problem: ${codeList(CATEGORIES)}`)
      .option('--categories <list>', 'the further problems, comma separated, replacing the list ("" for none)')
      .option('--center <center>', 'center id or name')
      .option('--summary <text>', 'short description, replacing the one recorded')
      .option('--channel <channel>', `channel: ${codeList(CHANNELS)}`)
      .option('--opened <date>', 'the opening date')
      .option('--client <id>', 'link an anonymous case to a registered client (id or national code), once')
      .option('--reason <text>', 'why the record is corrected (needed for --opened, --channel, --category, --categories)')
      .description('correct or complete a case: risk, problems, center, summary, channel, opening date, client of an anonymous case'),
    'parvande case update 1405-12 --risk critical',
    'parvande case update 1405-12 --category suicide --categories family-dispute --reason "the call was about a suicide attempt"',
    'parvande case update 1405-12 --client 12',
  ).action((ref: string, opts: RawUpdateCase, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const r = rt.write((ctx) => recordCaseUpdate(ctx, resolveCase(ctx, ref), parseUpdateCaseInput(opts, ctx.today)));
    rt.out.result({ ...r.case, changed: r.changed }, () => caseCard(r.case, fmt(rt)));
  });

  withExamples(
    kase
      .command('settings')
      .description(
        "show or set the days an open high- or critical-risk case may go without a service before its worker's worklist shows it (default 7)",
      )
      .option('--quiet-days <n>', 'days, 1 to 365'),
    'parvande case settings --quiet-days 10',
  ).action((opts: { quietDays?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const quietDays =
      opts.quietDays === undefined
        ? rt.read((ctx) => readQuietDays(ctx))
        : rt.write((ctx) => writeQuietDays(ctx, opts.quietDays as string));
    rt.out.result({ quietDays }, () => quietDaysCard(quietDays, fmt(rt)));
  });
  return withPages(kase, 'show', 'list');
}
