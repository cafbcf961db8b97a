import { Command } from 'commander';
import { REFERRAL_AGENCIES, REFERRAL_STATUSES } from '../domain/codes.js';
import { parseDateInput } from '../lang/dates.js';
import {
  listReferrals,
  parseAddReferralInput,
  parseUpdateReferralInput,
  recordReferral,
  recordReferralUpdate,
  recordReferralVoid,
  parseVoidReason,
  resolveReferral,
  resolveReferralCase,
  validateReferral,
  type RawAddReferral,
  type RawUpdateReferral,
  type ReferralListFilter,
} from '../domain/referrals.js';
import { readAnswerDays, writeAnswerDays } from '../domain/referral-settings.js';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { referralCard, referralSettingsCard, referralTable } from '../ui/views/referrals.js';
import { codeCheck, dateCheck } from './pick.js';
import { choose, codeList, fmt, limitOption, parseLimit, validateWith, withExamples } from './shared.js';
import { withPages } from './page-options.js';

export function referralCommand(): Command {
  const referral = withExamples(
    new Command('referral').description('referrals (ارجاع) of cases to other agencies, and the answers chased from them'),
    'parvande referral add --case 1405-12 --to police --agency "کلانتری ۱۲" --reason "گزارش کودک‌آزاری"',
    'parvande referral update 3 --status accepted --date 1405/09/10',
    'parvande referral list --pending --older-than 14d',
    'parvande referral void 3 --reason "recorded on the wrong case"',
  );

  withExamples(
    referral
      .command('add')
      .description('record that a case was referred to another agency (status: sent)')
      .option('--case <case>', 'case number or id')
      .option('--to <kind>', `kind of agency: ${codeList(REFERRAL_AGENCIES)}`)
      .option('--agency <name>', "the agency's name, e.g. the police station or hospital")
      .option('--date <date>', 'day it was sent (default today)')
      .option('--reason <text>', 'why the case is referred'),
    'parvande referral add --case 1405-12 --to police --agency "کلانتری ۱۲ کرج" --reason "گزارش کودک‌آزاری"',
    'parvande referral add --case 1405-12 --to hospital --agency "بیمارستان امام" --date 1405/09/02 --reason "معاینه پزشکی قانونی"',
  ).action(async (opts: RawAddReferral, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'case', option: 'case', message: tr(rt.lang, 'Case number or id') },
        { key: 'to', option: 'to', message: tr(rt.lang, 'Kind of agency'), choices: choose(REFERRAL_AGENCIES, rt) },
        { key: 'agency', option: 'agency', message: tr(rt.lang, "The agency's name") },
        { key: 'reason', option: 'reason', message: tr(rt.lang, 'Why is the case referred?') },
      ],
      {
        flags: {
          case: (v) => rt.read((ctx) => resolveReferralCase(ctx, v)),
          to: codeCheck(REFERRAL_AGENCIES, 'to'),
          date: dateCheck(rt, 'date'),
        },
      },
    );
    // The case is looked up first, then the values parsed, then the rules applied: the order errors are reported in.
    const r = rt.write((ctx) => {
      const c = resolveReferralCase(ctx, o.case);
      return recordReferral(ctx, validateReferral(ctx, c, parseAddReferralInput(o, ctx.today)));
    });
    rt.out.note(t('referral #{id} recorded on case {number}', { id: r.id, number: r.caseNumber }));
    rt.out.result(r, () => referralCard(r, fmt(rt), rt.today));
  });

  withExamples(
    referral
      .command('update')
      .argument('<id>', 'referral id')
      .description("record the agency's answer (or a reminder sent again); each change is kept in the referral's history")
      .option('--status <status>', `${codeList(REFERRAL_STATUSES)} (sent again: a reminder, while no answer has come)`)
      .option('--date <date>', 'day of the answer (default today)')
      .option('--note <text>', 'what the agency said'),
    'parvande referral update 3 --status accepted --date 1405/09/10',
    'parvande referral update 3 --status feedback --note "جلسه دادگاه برگزار شد"',
  ).action(async (id: string, opts: RawUpdateReferral, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'status', option: 'status', message: tr(rt.lang, 'Status'), choices: choose(REFERRAL_STATUSES, rt) },
        {
          key: 'date',
          option: 'date',
          message: tr(rt.lang, 'Day of the answer (1405/09/10, today, ...), empty for today'),
          optional: true,
          validate: validateWith((v) => parseDateInput(v, { today: rt.today, field: 'date', kind: 'record' })),
        },
      ],
      { given: () => rt.read((ctx) => resolveReferral(ctx, id)), flags: { status: codeCheck(REFERRAL_STATUSES, 'status') } },
    );
    const r = rt.write((ctx) => recordReferralUpdate(ctx, resolveReferral(ctx, id), parseUpdateReferralInput(o, ctx.today)));
    rt.out.result(r, () => referralCard(r, fmt(rt), rt.today));
  });

  withExamples(
    referral
      .command('list')
      .description("referrals, oldest first, with the case's worker (who chases the answer)")
      .option('--pending', 'only those with no answer yet')
      .option('--older-than <days>', 'sent more than this many days ago: 14d, 2w')
      .option('--worker <staff>', "the case's worker: staff id or full name")
      .option('--case <case>', 'case number or id')
      .option('--all', 'voided referrals too (by default they are left out)')
      .addOption(limitOption()),
    'parvande referral list --pending --older-than 14d',
    'parvande referral list --worker 3 --pending',
    'parvande referral list --case 1405-12 --json',
  ).action((opts: Omit<ReferralListFilter, 'limit'> & { limit?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listReferrals(ctx, { ...opts, limit: parseLimit(opts.limit) }));
    rt.out.result(rows, () => referralTable(rows, fmt(rt), rt.today));
  });

  withExamples(
    referral
      .command('void')
      .argument('<id>', 'referral id')
      .description('void a referral recorded by mistake: it stays in the record, marked, and leaves every count and list')
      .option('--reason <text>', 'why it is voided (required)'),
    'parvande referral void 3 --reason "recorded on the wrong case"',
  ).action(async (id: string, opts: { reason?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [{ key: 'reason', option: 'reason', message: tr(rt.lang, 'Why is the referral voided?') }], {
      given: () => rt.read((ctx) => resolveReferral(ctx, id)),
    });
    const r = rt.write((ctx) => recordReferralVoid(ctx, resolveReferral(ctx, id), parseVoidReason(o.reason)));
    rt.out.note(t('referral #{id} voided', { id: r.id }));
    rt.out.result(r, () => referralCard(r, fmt(rt), rt.today));
  });

  withExamples(
    referral
      .command('settings')
      .description('show or set the days an agency has to answer before the nightly run lists the referral (default 14)')
      .option('--answer-days <n>', 'days, 1 to 365'),
    'parvande referral settings --answer-days 21',
  ).action((opts: { answerDays?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const answerDays =
      opts.answerDays === undefined
        ? rt.read((ctx) => readAnswerDays(ctx))
        : rt.write((ctx) => writeAnswerDays(ctx, opts.answerDays as string));
    rt.out.result({ answerDays }, () => referralSettingsCard(answerDays, fmt(rt)));
  });
  return withPages(referral, 'list');
}
