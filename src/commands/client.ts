import { Command } from 'commander';
import {
  findClients,
  listClients,
  parseClientInput,
  parseClientUpdateInput,
  recordClientUpdate,
  registerClient,
  resolveClient,
  showClient,
} from '../domain/clients.js';
import { recordClientMerge, type ClientMergeResult } from '../domain/client-merges.js';
import { parseDateInput } from '../lang/dates.js';
import { parseBool } from '../domain/fields.js';
import { parseMobile } from '../domain/mobile.js';
import { parseNationalCode } from '../domain/national-code.js';
import { SEXES } from '../domain/codes.js';
import { UsageError } from '../errors.js';
import { t, tr, type Lang } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { clientCard, clientTable, duplicatesNote } from '../ui/views/clients.js';
import { choose, fieldList, fmt, limitOption, parseLimit, validateWith, withExamples } from './shared.js';
import { codeCheck } from './pick.js';
import { withPages } from './page-options.js';
import { listOf } from '../ui/labels.js';

interface ClientOpts {
  firstName?: string;
  lastName?: string;
  nationalCode?: string;
  birthDate?: string;
  sex?: string;
  mobile?: string;
  address?: string;
  county?: string;
  informalSettlement?: boolean | string;
  womanHead?: boolean | string;
  notes?: string;
  registered?: string;
}

function clientFields(cmd: Command, forUpdate: boolean): Command {
  return cmd
    .option('--first-name <name>', 'first name (نام)')
    .option('--last-name <name>', 'last name (نام خانوادگی)')
    .option('--national-code <code>', 'national code (کد ملی), 10 digits, checksum-checked')
    .option('--birth-date <date>', 'birth date, Jalali (1370/05/12) or ISO')
    .option('--sex <sex>', 'female or male (زن / مرد)')
    .option('--mobile <number>', 'mobile number, 09xxxxxxxxx or +989xxxxxxxxx')
    .option('--address <text>', 'address')
    .option('--county <name>', 'county (شهرستان)')
    .option('--informal-settlement [yes|no]', 'lives in an informal settlement')
    .option('--woman-head [yes|no]', 'a woman heads the household')
    .option('--notes <text>', 'notes')
    .option('--registered <date>', forUpdate ? 'registration date' : 'registration date (default today)');
}

function toInput(o: ClientOpts) {
  return {
    firstName: o.firstName,
    lastName: o.lastName,
    nationalCode: o.nationalCode,
    birthDate: o.birthDate,
    sex: o.sex,
    mobile: o.mobile,
    address: o.address,
    county: o.county,
    informalSettlement: o.informalSettlement,
    womanHead: o.womanHead,
    notes: o.notes,
    registeredOn: o.registered,
  };
}

export function clientCommand(): Command {
  const client = withExamples(
    new Command('client').description('register, update and find clients (مددجو)'),
    'parvande client add --first-name زهرا --last-name احمدی --sex female',
    'parvande client find احمدی',
  );

  withExamples(
    clientFields(client.command('add').description('register a client; warns when the name matches someone already registered'), false),
    'parvande client add --first-name "زهرا" --last-name "احمدی" --national-code 0013542419 --birth-date 1370/05/12 --sex female --mobile 09121234567',
  ).action(async (opts: ClientOpts, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'firstName', option: 'first-name', message: tr(rt.lang, 'First name (نام)') },
        { key: 'lastName', option: 'last-name', message: tr(rt.lang, 'Last name (نام خانوادگی)') },
        {
          key: 'nationalCode',
          option: 'national-code',
          message: tr(rt.lang, 'National code (کد ملی), empty if unknown'),
          optional: true,
          validate: validateWith((v) => parseNationalCode(v)),
        },
        { key: 'sex', option: 'sex', message: tr(rt.lang, 'Sex (جنسیت)'), choices: choose(SEXES, rt), optional: true },
        {
          key: 'birthDate',
          option: 'birth-date',
          message: tr(rt.lang, 'Birth date (تاریخ تولد), e.g. 1370/05/12'),
          optional: true,
          validate: validateWith((v) => parseDateInput(v, { today: rt.today, field: 'birth-date', kind: 'birth' })),
        },
        {
          key: 'mobile',
          option: 'mobile',
          message: tr(rt.lang, 'Mobile (تلفن همراه)'),
          optional: true,
          validate: validateWith((v) => parseMobile(v)),
        },
      ],
      { flags: { sex: codeCheck(SEXES, 'sex') } },
    );
    const res = rt.write((ctx) => registerClient(ctx, parseClientInput(toInput(o), ctx.today).fields));
    if (res.possibleDuplicates.length > 0) rt.out.warn(duplicatesNote(res.possibleDuplicates));
    rt.out.result({ ...res.client, possibleDuplicates: res.possibleDuplicates }, () => clientCard(res.client, fmt(rt)));
  });

  withExamples(
    clientFields(client.command('update').argument('<id>', 'client id or national code').description("change a client's details"), true),
    'parvande client update 12 --mobile 09351112233 --informal-settlement yes',
  ).action(async (id: string, opts: ClientOpts, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const res = rt.write((ctx) => recordClientUpdate(ctx, resolveClient(ctx, id, 'id'), parseClientUpdateInput(toInput(opts), ctx.today)));
    if (res.possibleDuplicates.length > 0) rt.out.warn(duplicatesNote(res.possibleDuplicates));
    rt.out.result({ ...res.client, possibleDuplicates: res.possibleDuplicates }, () => clientCard(res.client, fmt(rt)));
  });

  withExamples(
    client.command('show').argument('<id>', 'client id or national code').description("one client's record"),
    'parvande client show 12',
    'parvande client show 0013542419 --json',
  ).action((id: string, _opts: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // Reading a client's record is itself recorded (as case show): a write.
    const c = rt.write((ctx) => showClient(ctx, id));
    rt.out.result(
      c,
      () =>
        (c.mergedInto === null ? '' : `${tr(rt.lang, 'merged into client #{id}: its cases are there', { id: c.mergedInto })}\n`) +
        clientCard(c, fmt(rt)),
    );
  });

  withExamples(
    client
      .command('merge')
      .argument('<keep>', 'the client kept: id or national code')
      .argument('<other>', 'the client merged into it: id or national code')
      .option('--yes', 'do not ask for confirmation (required without a terminal)')
      .description(
        "merge two records of one person: OTHER's cases and enrolments move to KEEP, KEEP's empty fields are filled from OTHER, and OTHER stays as a pointer to KEEP",
      ),
    'parvande client merge 12 57',
    'parvande client merge 0013542419 57 --yes --json',
  ).action(async (keep: string, other: string, opts: { yes?: boolean }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // Look both up before asking, so that a wrong reference is said before the question.
    const pair = rt.read((ctx) => ({
      keep: resolveClient(ctx, keep, 'keep', { merged: 'allow' }).id,
      other: resolveClient(ctx, other, 'other', { merged: 'allow' }).id,
    }));
    if (opts.yes !== true) {
      if (!rt.interactive) throw new UsageError(t('a merge cannot be undone: confirm with --yes'), 'yes');
      const { confirm } = await import('../ui/prompts.js');
      const ok = await confirm(
        tr(rt.lang, 'Merge client #{other} into client #{keep}? This cannot be undone.', { other: pair.other, keep: pair.keep }),
        rt.lang,
      );
      if (!ok) throw new UsageError(t('merge cancelled; nothing was changed'));
    }
    const res = rt.write((ctx) =>
      recordClientMerge(
        ctx,
        resolveClient(ctx, keep, 'keep', { merged: 'allow' }),
        resolveClient(ctx, other, 'other', { merged: 'allow' }),
      ),
    );
    if (res.differed.length > 0) {
      rt.out.warn(
        t("the two records differ on {fields}: client #{id}'s values were kept", {
          fields: fieldList(res.differed, rt.lang),
          id: res.client.id,
        }),
      );
    }
    rt.out.result(res, () => mergeSummary(res, rt.lang));
  });

  withExamples(
    client
      .command('list')
      .description('clients, newest first')
      .option('--county <name>', 'only this county')
      .option('--informal-settlement <yes|no>', 'only those living (or not) in informal settlements')
      .option('--woman-head <yes|no>', 'only women heads of household (or not)')
      .addOption(limitOption()),
    'parvande client list --informal-settlement yes --limit 20',
  ).action((opts: { county?: string; informalSettlement?: string; womanHead?: string; limit?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) =>
      listClients(ctx, {
        limit: parseLimit(opts.limit),
        county: opts.county,
        informalSettlement: opts.informalSettlement === undefined ? undefined : parseBool(opts.informalSettlement, 'informal-settlement'),
        womanHead: opts.womanHead === undefined ? undefined : parseBool(opts.womanHead, 'woman-head'),
      }),
    );
    rt.out.result(rows, () => clientTable(rows, fmt(rt)));
  });

  withExamples(
    client
      .command('find')
      .argument('<text>', 'part of a name (any spelling of ی/ک, with or without spaces), a national code or a mobile number')
      .description('search clients by name, national code or mobile')
      .addOption(limitOption(20)),
    'parvande client find "محمدعلی"',
    'parvande client find 0912123',
  ).action((text: string, opts: { limit?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => findClients(ctx, text, parseLimit(opts.limit)));
    rt.out.result(rows, () => clientTable(rows, fmt(rt)));
  });

  return withPages(client, 'show', 'list', 'find');
}

function mergeSummary(r: ClientMergeResult, lang: Lang): string {
  const merged = r.merged.id;
  const lines = [tr(lang, 'client #{merged} merged into client #{kept}', { merged, kept: r.client.id })];
  lines.push(
    r.movedCases.length === 0 ? tr(lang, 'no cases moved') : tr(lang, 'cases moved: {cases}', { cases: listOf(r.movedCases, lang) }),
  );
  if (r.movedEnrolments > 0) lines.push(tr(lang, 'training enrolments moved: {count}', { count: r.movedEnrolments }));
  if (r.enrolmentsLeft > 0) {
    lines.push(tr(lang, 'enrolments left on #{id} (a course both were in): {count}', { id: merged, count: r.enrolmentsLeft }));
  }
  if (r.filled.length > 0) lines.push(tr(lang, 'filled from #{id}: {fields}', { id: merged, fields: fieldList(r.filled, lang) }));
  return lines.join('\n');
}
