/**
 * No name, national code, phone or address in an error message or a log line.
 * An office holds recognisable planted values (src: planted.ts); then many
 * scenarios run: every core command with bad input that names those values
 * (their own fields with a defect, lookups by them, free text beside another
 * mistake), writes that print notes and warnings, imports with refused rows that
 * hold them (plain, --json, --dry-run, --all-or-nothing), reports, the nightly
 * run, exports, the audit trail, db check, backup and restore. Every stderr,
 * every stdout that is a log or a summary (not the data a command was asked to
 * show), the audit trail's columns and the import runs' record are searched.
 *
 * The data itself may hold them: `client show` prints the client, exports and
 * report files hold what they hold, and the rejects file must keep the refused
 * rows as written (it is owner-only).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, tempDb } from '../helpers/cli.js';
import { PLANTED as P, plantedIn, plantOffice } from './planted.js';

const t = tempDb();
const db = t.db;
let caseNumber = '';

/** Every output searched, with where it came from. */
const searched: { scenario: string; text: string }[] = [];

beforeAll(async () => {
  ({ caseNumber } = await plantOffice(db));
  // A referral whose agency and reason hold planted values, awaiting its answer past the answer days: the nightly run lists it.
  for (const args of [
    [
      'referral',
      'add',
      '--case',
      caseNumber,
      '--to',
      'health',
      '--agency',
      `${P.staffFirst} ${P.address}`,
      '--reason',
      `${P.firstName} ${P.notes}`,
      '--date',
      '1405/08/20',
    ],
    ['referral', 'settings', '--answer-days', '7'],
  ]) {
    const r = await runCli(['--db', db, ...args]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
});
afterAll(() => t.cleanup());

/** A code that fails the checksum: the planted code with its check digit changed. */
const badChecksum = `${P.nationalCode.slice(0, 9)}${(Number(P.nationalCode[9]) + 1) % 10}`;
let backups = 0;
const NAME = ['--first-name', P.firstName, '--last-name', P.lastName];
const OPEN = ['--channel', 'hotline', '--category', 'suicide', '--risk', 'high'];

interface Scenario {
  what: string;
  args: () => string[];
  code: number;
  /** stdout is the data the command was asked for (a client's card, a report): not searched. */
  data?: boolean;
  /** Runs without --json only (with --json it would be another command: a report's data, a usage error). */
  plainOnly?: boolean;
  /** The error line must name this (so the check proves the message is still useful). */
  mentions?: RegExp;
}

const SCENARIOS: Scenario[] = [
  // Writes that succeed and print notes or warnings.
  { what: 'a namesake registered (duplicate warning)', args: () => ['client', 'add', ...NAME], code: 0, data: true },
  {
    what: 'case opened by national code',
    args: () => ['case', 'open', '--client', P.nationalCode, ...OPEN, '--summary', `${P.firstName} ${P.mobile}`],
    code: 0,
    data: true,
  },
  {
    what: 'service with the worker taken from the case',
    args: () => ['service', 'log', '--case', caseNumber, '--type', 'social-work', '--note', P.address],
    code: 0,
    data: true,
  },
  {
    what: 'follow-up scheduled',
    args: () => ['followup', 'schedule', '--case', caseNumber, '--due', '+7d', '--note', `ask ${P.firstName}`],
    code: 0,
    data: true,
  },
  {
    what: 'follow-up done',
    args: () => ['followup', 'done', '2', '--outcome', `${P.firstName} is safe at ${P.address}`],
    code: 0,
    data: true,
  },
  {
    what: 'client address changed',
    args: () => ['client', 'update', '1', '--address', `${P.address} (new)`, '--mobile', P.mobile],
    code: 0,
    data: true,
  },
  { what: 'staff phone changed', args: () => ['staff', 'update', '1', '--phone', P.staffPhone], code: 0, data: true },
  { what: 'client found by name', args: () => ['client', 'find', P.firstName], code: 0, data: true },
  { what: 'client shown by national code', args: () => ['client', 'show', P.nationalCode], code: 0, data: true },
  { what: 'staff shown by name', args: () => ['staff', 'show', `${P.staffFirst} ${P.staffLast}`], code: 0, data: true },

  // Bad input naming the planted values.
  {
    what: 'national code failing its checksum',
    args: () => ['client', 'add', ...NAME, '--national-code', badChecksum],
    code: 2,
    mentions: /checksum/,
  },
  {
    what: 'national code already registered',
    args: () => ['client', 'add', ...NAME, '--national-code', P.nationalCode],
    code: 4,
    mentions: /already registered to client #1/,
  },
  {
    what: 'national code of 9 digits plus letters',
    args: () => ['client', 'add', ...NAME, '--national-code', `${P.nationalCode.slice(0, 9)}x`],
    code: 2,
    mentions: /national code/,
  },
  { what: 'mobile too short', args: () => ['client', 'add', ...NAME, '--mobile', P.mobile.slice(0, 10)], code: 2, mentions: /mobile/ },
  {
    what: 'foreign mobile',
    args: () => ['client', 'add', ...NAME, '--mobile', `+44${P.mobile.slice(1)}`],
    code: 2,
    mentions: /country code/,
  },
  {
    what: 'landline as mobile',
    args: () => ['client', 'add', ...NAME, '--mobile', `021${P.mobile.slice(3)}`],
    code: 2,
    mentions: /mobile/,
  },
  {
    what: 'address with a control character',
    args: () => ['client', 'add', ...NAME, '--address', `${P.address}\u0007`],
    code: 2,
    mentions: /address/,
  },
  {
    what: 'over-long name',
    args: () => ['client', 'add', '--first-name', P.firstName.repeat(30), '--last-name', P.lastName],
    code: 2,
    mentions: /first-name/,
  },
  {
    what: 'last name missing',
    args: () => ['client', 'add', '--first-name', P.firstName, '--mobile', P.mobile],
    code: 2,
    mentions: /--last-name/,
  },
  {
    what: 'birth date in the future',
    args: () => ['client', 'add', ...NAME, '--national-code', P.otherCode, '--birth-date', '1410/01/01'],
    code: 2,
    mentions: /birth-date/,
  },
  {
    what: 'update to a national code another client has',
    args: () => ['client', 'update', '2', '--national-code', P.nationalCode],
    code: 4,
    mentions: /already registered/,
  },
  { what: 'update of a missing client', args: () => ['client', 'update', '999', ...NAME, '--mobile', P.mobile], code: 3 },
  { what: 'update with a bad mobile', args: () => ['client', 'update', '1', '--mobile', `${P.mobile}9`], code: 2, mentions: /mobile/ },
  { what: 'show by an unregistered national code', args: () => ['client', 'show', P.otherCode], code: 3, mentions: /national code/ },
  { what: 'show by a name', args: () => ['client', 'show', P.firstName], code: 2 },
  { what: 'show by a bad national code', args: () => ['client', 'show', badChecksum], code: 2 },
  {
    what: 'case for an unregistered national code',
    args: () => ['case', 'open', '--client', P.otherCode, ...OPEN, '--summary', P.notes],
    code: 3,
  },
  { what: 'case for a client given by name', args: () => ['case', 'open', '--client', P.firstName, ...OPEN], code: 2 },
  {
    what: 'case for a worker who is a client',
    args: () => ['case', 'open', '--client', '1', ...OPEN, '--worker', `${P.firstName} ${P.lastName}`],
    code: 3,
    mentions: /--worker/,
  },
  {
    what: 'case with a summary and an impossible date',
    args: () => ['case', 'open', '--client', P.nationalCode, ...OPEN, '--summary', P.notes, '--opened', '1405/07/31'],
    code: 2,
  },
  {
    what: 'case assigned to the worker it has',
    args: () => ['case', 'assign', caseNumber, '--worker', `${P.staffFirst} ${P.staffLast}`],
    code: 4,
    mentions: /already assigned/,
  },
  {
    what: 'case assigned to a staff national code nobody has',
    args: () => ['case', 'assign', caseNumber, '--worker', P.otherCode],
    code: 3,
  },
  {
    what: 'service of an unknown type with a note',
    args: () => ['service', 'log', '--case', caseNumber, '--type', 'nap', '--note', `${P.firstName} ${P.address}`],
    code: 2,
  },
  {
    what: 'service on a missing case with a note',
    args: () => ['service', 'log', '--case', '999', '--type', 'social-work', '--note', P.mobile],
    code: 3,
  },
  {
    what: 'follow-up due before the case opened',
    args: () => ['followup', 'schedule', '--case', caseNumber, '--due', '1400/01/01', '--note', P.mobile],
    code: 2,
  },
  {
    what: 'staff with a national code taken',
    args: () => [
      'staff',
      'add',
      '--first-name',
      P.staffFirst,
      '--last-name',
      P.staffLast,
      '--role',
      'psychologist',
      '--sector',
      'gov',
      '--national-code',
      P.staffCode,
    ],
    code: 4,
  },
  {
    what: 'staff with a bad phone',
    args: () => [
      'staff',
      'add',
      '--first-name',
      P.staffFirst,
      '--last-name',
      P.staffLast,
      '--role',
      'psychologist',
      '--sector',
      'gov',
      '--phone',
      P.staffPhone.slice(0, 7),
    ],
    code: 2,
  },
  {
    what: 'staff with a bad national code',
    args: () => [
      'staff',
      'add',
      '--first-name',
      P.staffFirst,
      '--last-name',
      P.staffLast,
      '--role',
      'psychologist',
      '--sector',
      'gov',
      '--national-code',
      badChecksum,
    ],
    code: 2,
  },
  { what: 'staff shown by a name nobody has', args: () => ['staff', 'show', `${P.firstName} ${P.lastName}`], code: 3 },
  { what: 'staff shown by a national code nobody has', args: () => ['staff', 'show', P.otherCode], code: 3 },
  {
    what: 'closing with a note and a follow-up plan',
    args: () => ['case', 'close', '2', '--reason', 'resolved', '--note', P.notes, '--followup-plan', '7,30'],
    code: 0,
    data: true,
  },
  {
    what: 'closing the closed case again',
    args: () => ['case', 'close', '2', '--reason', 'resolved', '--note', `${P.firstName} ${P.mobile}`],
    code: 4,
    mentions: /already closed/,
  },
  {
    what: 'reopening with a note',
    args: () => ['case', 'reopen', '2', '--note', `${P.firstName} called again from ${P.mobile}`],
    code: 0,
    data: true,
  },
  { what: 'reopening the open case', args: () => ['case', 'reopen', '2', '--note', P.notes], code: 4 },

  // Referrals: the agency, the reason and the notes are data; what the commands say is a log.
  {
    what: 'referral with planted agency and reason',
    args: () => ['referral', 'add', '--case', caseNumber, '--to', 'police', '--agency', `${P.firstName} ${P.mobile}`, '--reason', P.notes],
    code: 0,
    data: true,
  },
  {
    what: 'referral to a kind of agency that is a name',
    args: () => ['referral', 'add', '--case', caseNumber, '--to', P.firstName, '--agency', P.address, '--reason', P.notes],
    code: 2,
    mentions: /invalid to/,
  },
  {
    what: 'referral on a missing case',
    args: () => ['referral', 'add', '--case', P.nationalCode, '--to', 'court', '--agency', P.address, '--reason', P.notes],
    code: 3,
  },
  {
    what: 'referral dated before its case with planted text',
    args: () => [
      'referral',
      'add',
      '--case',
      caseNumber,
      '--to',
      'court',
      '--agency',
      P.address,
      '--reason',
      P.notes,
      '--date',
      '1400/01/01',
    ],
    code: 2,
    mentions: /before the case was opened/,
  },
  {
    what: 'referral answered with a planted note',
    args: () => ['referral', 'update', '1', '--status', 'feedback', '--note', P.notes],
    code: 0,
    data: true,
  },
  {
    what: 'referral sent again after its answer, with a planted note',
    args: () => ['referral', 'update', '1', '--status', 'sent', '--note', `${P.firstName} ${P.mobile}`],
    code: 4,
    mentions: /was answered/,
  },
  { what: 'referral update with a status that is a phone', args: () => ['referral', 'update', '1', '--status', P.mobile], code: 2 },
  { what: 'referral voided with a planted reason', args: () => ['referral', 'void', '2', '--reason', P.notes], code: 0, data: true },
  {
    what: 'referral voided twice, with a planted reason',
    args: () => ['referral', 'void', '2', '--reason', `${P.firstName} ${P.mobile}`],
    code: 4,
    mentions: /already void/,
  },
  { what: 'referral list older than a phone', args: () => ['referral', 'list', '--older-than', P.mobile], code: 2, mentions: /older-than/ },
  { what: 'referral list by a worker nobody is', args: () => ['referral', 'list', '--worker', `${P.firstName} ${P.lastName}`], code: 3 },
  { what: 'referral export to a file', args: () => ['export', 'referrals', '--out', join(t.dir, 'referrals.csv'), '--force'], code: 0 },
  { what: 'referral export --redact to stdout', args: () => ['export', 'referrals', '--redact', '--format', 'json'], code: 0 },

  // The audit trail, checks and backups: their output is a log.
  { what: 'audit list', args: () => ['audit', 'list', '--limit', '1000'], code: 0 },
  { what: 'audit list of a client', args: () => ['audit', 'list', '--record', 'client:1'], code: 0 },
  { what: 'db check', args: () => ['db', 'check'], code: 0 },
  { what: 'db path', args: () => ['db', 'path'], code: 0 },
  { what: 'db backup', args: () => ['db', 'backup', '--out', join(t.dir, `backup-${++backups}.db`)], code: 0 },
  { what: 'db restore', args: () => ['db', 'restore', join(t.dir, `backup-${backups}.db`), '--yes'], code: 0 },

  // Reports: the tables are data (they may name workers); everything said around them is a log.
  { what: 'report monthly', args: () => ['report', 'monthly'], code: 0, data: true },
  { what: 'report monthly --redact', args: () => ['report', 'monthly', '--redact'], code: 0 },
  {
    what: 'report year to a file',
    args: () => ['report', 'year', '--format', 'html', '--out', join(t.dir, 'year.html'), '--force'],
    code: 0,
    data: true,
  },
  {
    what: 'report year to a file: what it says',
    args: () => ['report', 'year', '--format', 'csv', '--out', join(t.dir, 'year.csv'), '--force'],
    code: 0,
    plainOnly: true,
  },
  { what: 'report nightly', args: () => ['report', 'nightly', '--dir', join(t.dir, 'nightly')], code: 0 },
  { what: 'report nightly --redact', args: () => ['report', 'nightly', '--dir', join(t.dir, 'nightly-redacted'), '--redact'], code: 0 },
  { what: 'report range with a bad date', args: () => ['report', 'range', '--from', P.mobile, '--to', '1405/09/30'], code: 2 },

  // Exports: files are data; what the command says is a log; a redacted export on stdout holds nothing.
  { what: 'export to a file', args: () => ['export', 'clients', '--out', join(t.dir, 'clients.csv'), '--force'], code: 0 },
  { what: 'export --redact to stdout', args: () => ['export', 'clients', '--redact'], code: 0, plainOnly: true },
  { what: 'export --redact of cases to stdout', args: () => ['export', 'cases', '--redact', '--format', 'json'], code: 0 },
];

async function runScenario(s: Scenario, json: boolean): Promise<void> {
  const args = ['--db', db, ...(json ? ['--json'] : []), ...s.args()];
  const r = await runCli(args);
  const label = `${s.what}${json ? ' (--json)' : ''}`;
  expect(r.code, `${label}: ${r.stderr}`).toBe(s.code);
  if (s.code !== 0) {
    expect(
      r.stderr.split('\n').filter((l) => l !== ''),
      label,
    ).toHaveLength(1);
    if (s.mentions !== undefined) expect(r.stderr, label).toMatch(s.mentions);
  }
  searched.push({ scenario: `${label}: stderr`, text: r.stderr });
  if (s.data !== true) searched.push({ scenario: `${label}: stdout`, text: r.stdout });
}

it(`${SCENARIOS.length} scenarios, each with and without --json`, async () => {
  for (const s of SCENARIOS) {
    await runScenario(s, false);
    // Again with --json (writes only once: the second run of a write would meet the first).
    if (s.plainOnly !== true && (s.code !== 0 || s.data !== true)) await runScenario(s, true);
  }
});

it('imports with refused rows that hold the planted values: the run report names none; the rejects file keeps them, owner-only', async () => {
  const header = 'first-name,last-name,national-code,birth-date,sex,mobile,address,county';
  const rows = [
    `${P.firstName},${P.lastName},${badChecksum},1370/05/12,female,${P.mobile},"${P.address}",کرج`,
    `${P.persianName},${P.lastName},${P.nationalCode},1370/05/12,female,${P.mobile},"${P.address}",کرج`,
    `${P.firstName},${P.lastName},,1370/05/12,female,${P.mobile.slice(0, 9)},"${P.address}",کرج`,
    `${P.firstName},${P.lastName},,1370/05/12,female,+44${P.mobile.slice(1)},,کرج`,
    `${P.firstName},${P.lastName},,1480/05/12,female,,"${P.address}",کرج`,
    `${P.firstName},${P.lastName},${P.otherCode}x,,female,,,کرج`,
    `${P.firstName}\u0001,${P.lastName},,,female,,,کرج`,
    `,${P.lastName},${P.otherCode},,female,${P.mobile},"${P.address}",کرج`,
    `${P.firstName},${P.lastName},${P.nationalCode.slice(1)},,female,,,کرج`,
  ];
  const file = join(t.dir, 'refused.csv');
  writeFileSync(file, `${header}\r\n${rows.join('\r\n')}\r\n`);
  for (const extra of [[], ['--json'], ['--dry-run'], ['--all-or-nothing'], ['--json', '--dry-run']]) {
    const r = await runCli(['--db', db, ...extra, 'import', 'clients', file]);
    const label = `import ${extra.join(' ')}`;
    expect(r.code, `${label}: ${r.stderr}`).toBe(2);
    expect(
      r.stderr.split('\n').filter((l) => l !== ''),
      label,
    ).toHaveLength(1);
    // The run's report (summary or JSON) is a log of the run, not the data: searched as well.
    searched.push({ scenario: `${label}: stderr`, text: r.stderr }, { scenario: `${label}: stdout`, text: r.stdout });
  }
  const rejects = join(t.dir, 'refused.rejects.csv');
  const kept = readFileSync(rejects, 'utf8');
  // The refused rows as written (the rejects file is data, for the clerk to correct), with the reason beside.
  expect(kept).toContain(P.firstName);
  expect(kept).toContain(badChecksum);
  if (process.platform !== 'win32') expect(statSync(rejects).mode & 0o777).toBe(0o600);
  // The reasons in it name none of the values either.
  const reasons = kept
    .split('\r\n')
    .slice(1)
    .map((l) => l.slice(l.lastIndexOf(',') + 1));
  searched.push({ scenario: 'rejects file: error column', text: reasons.join('\n') });

  const cases = join(t.dir, 'refused-cases.csv');
  writeFileSync(
    cases,
    `client-id,channel,category,risk,summary\r\n${P.nationalCode},fax,suicide,high,"${P.notes}"\r\n${P.otherCode},hotline,suicide,high,"${P.firstName}"\r\n`,
  );
  const c = await runCli(['--db', db, 'import', 'cases', cases]);
  expect(c.code, c.stderr).toBe(2);
  searched.push({ scenario: 'import cases: stderr', text: c.stderr }, { scenario: 'import cases: stdout', text: c.stdout });
});

it('the whole office travels: export office, import office, and its refusals say nothing of a person', async () => {
  const out = (label: string, r: { stdout: string; stderr: string }): void => {
    searched.push({ scenario: `${label}: stderr`, text: r.stderr }, { scenario: `${label}: stdout`, text: r.stdout });
  };
  for (const json of [false, true]) {
    const flags = json ? ['--json'] : [];
    const folder = join(t.dir, `office-${json}`);
    const e = await runCli(['--db', db, ...flags, 'export', 'office', '--out', folder]);
    expect(e.code, e.stderr).toBe(0);
    out(`export office${json ? ' (--json)' : ''}`, e);
    // Into a new file of the same code: moved; into this office (it holds records): refused.
    const to = join(t.dir, `moved-${json}.db`);
    await runCli(['--db', to, 'init', '--office-code', 'PRV01', '--office-name', 'دفتر']);
    const i = await runCli(['--db', to, ...flags, 'import', 'office', folder]);
    expect(i.code, i.stderr).toBe(0);
    out(`import office${json ? ' (--json)' : ''}`, i);
    const busy = await runCli(['--db', db, ...flags, 'import', 'office', folder]);
    expect(busy.code).toBe(4);
    out(`import office into an office with records${json ? ' (--json)' : ''}`, busy);
    // A refused row of a file whose checksum was forged names the file, row and column, never the cell.
    const clients = join(folder, 'clients.csv');
    writeFileSync(clients, readFileSync(clients, 'utf8').replace(/\r\n([^,]*),/, `\r\n$1,${P.firstName}\u0001`));
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    for (const f of manifest.files)
      if (f.file === 'clients.csv') f.sha256 = createHash('sha256').update(readFileSync(clients)).digest('hex');
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    const fresh = join(t.dir, `refused-${json}.db`);
    await runCli(['--db', fresh, 'init', '--office-code', 'PRV01', '--office-name', 'دفتر']);
    const refused = await runCli(['--db', fresh, ...flags, 'import', 'office', folder]);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/clients\.csv row 2, column first-name: /);
    out(`import office with a refused row${json ? ' (--json)' : ''}`, refused);
  }
});

it('none of the outputs, the audit trail or the import runs holds a planted value', () => {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    for (const table of ['audit_log', 'import_batches']) {
      for (const row of d.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
        searched.push({ scenario: `${table} #${String(row.id)}`, text: Object.values(row).map(String).join(' | ') });
      }
    }
    // The data holds them (the search would find them there): the check is not blind.
    expect(plantedIn(JSON.stringify(d.prepare('SELECT * FROM clients').all())).length).toBeGreaterThan(3);
  } finally {
    d.close();
  }
  expect(searched.length).toBeGreaterThan(100);
  const leaks = searched.flatMap((s) => plantedIn(s.text).map((found) => `${s.scenario} → ${found}`));
  expect(leaks).toEqual([]);
});
