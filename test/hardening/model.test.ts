/**
 * Model-based test: random sequences of client, case, service, follow-up and referral commands
 * run through the CLI (in-process) against a temp office and, side by side, against a
 * small in-memory model. After every step the database and the model agree; every
 * refused command exits with the code the model predicts (2-5), prints exactly one
 * line on stderr, and leaves every table as it was. At the end of each sequence the
 * report counts the triggers kept equal a recount (src/store/report-counts/).
 *
 * PARVANDE_MODEL_RUNS raises the number of sequences (default 300, about 7,000 commands).
 */
import fc from 'fast-check';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { checkReportCounts } from '../../src/store/report-counts/index.js';
import { runCli } from '../helpers/cli.js';
import { arabicDigits, Dumper, initAt, nationalCodeFrom, persianDigits, scratchDir, stderrLines } from './support.js';

const RUNS = Number(process.env.PARVANDE_MODEL_RUNS ?? '300');
const TODAY = '2026-11-25'; // 1405/09/04, from test/vitest.config.ts
const AZAR_1 = '2026-11-22'; // 1405/09/01

type FollowupStatus = 'scheduled' | 'done' | 'missed' | 'cancelled';
type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'feedback';

interface Model {
  clients: { id: number; nc: string | null }[];
  cases: { id: number; clientId: number | null; openedOn: string; status: 'open' | 'closed'; reopens: number }[];
  followups: { id: number; caseId: number; status: FollowupStatus; fromPlan: boolean }[];
  referrals: { id: number; caseId: number; status: ReferralStatus; answered: boolean; voided: boolean }[];
  /** Rows of every referral's history. */
  referralEvents: number;
  /** services per case id ("none" for hotline calls without a case). */
  services: Record<string, number>;
  /** expected case_events rows per case and kind: "1:closed" → 2. */
  events: Record<string, number>;
  audit: number;
}

interface Real {
  db: string;
  dumper: Dumper;
  /** Steps taken and refusals seen, for the coverage assertion at the end. */
  stats: Stats;
}

interface Stats {
  steps: number;
  refused: Record<number, number>;
}

/** What every run starts from (see SEED): so that early steps have records to work on. */
const SEED_NC = '0013542419';
const startModel = (): Model => ({
  clients: [
    { id: 1, nc: SEED_NC },
    { id: 2, nc: null },
    { id: 3, nc: nationalCodeFrom(123456789) },
  ],
  cases: [
    { id: 1, clientId: 1, openedOn: TODAY, status: 'open', reopens: 0 },
    { id: 2, clientId: null, openedOn: AZAR_1, status: 'closed', reopens: 0 },
  ],
  followups: [
    { id: 1, caseId: 2, status: 'scheduled', fromPlan: true },
    { id: 2, caseId: 2, status: 'scheduled', fromPlan: true },
  ],
  referrals: [],
  referralEvents: 0,
  services: { '1': 1 },
  events: { '1:opened': 1, '1:service': 1, '2:opened': 1, '2:closed': 1, '2:follow-up': 2 },
  // init, three clients, two cases, the close and its two follow-ups, one service.
  audit: 10,
});
const SEED: string[][] = [
  ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', SEED_NC],
  ['client', 'add', '--first-name', 'علی', '--last-name', 'رضایی'],
  ['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری', '--national-code', nationalCodeFrom(123456789)],
  ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'],
  ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'runaway', '--risk', 'low', '--opened', '1405/09/01'],
  ['case', 'close', '2', '--reason', 'resolved', '--followup-plan', '7,30'],
  ['service', 'log', '--case', '1', '--type', 'hotline-call'],
];

const bump = (rec: Record<string, number>, key: string, by = 1): void => {
  rec[key] = (rec[key] ?? 0) + by;
};

const caseNumber = (id: number): string => `TST01-1405-${String(id).padStart(6, '0')}`;

/** The ways people refer to a case: id, #id, Persian digits, the full number, the short year-sequence. */
type CaseRefForm = 'id' | 'hash' | 'persian' | 'number' | 'short' | 'lower';
function caseRef(id: number, form: CaseRefForm): string {
  switch (form) {
    case 'id':
      return String(id);
    case 'hash':
      return `#${id}`;
    case 'persian':
      return persianDigits(String(id));
    case 'number':
      return caseNumber(id);
    case 'short':
      return `1405-${id}`;
    case 'lower':
      return caseNumber(id).toLowerCase();
  }
}
const refForm = fc.constantFrom<CaseRefForm>('id', 'hash', 'persian', 'number', 'short', 'lower');
/** A case reference that matches nothing: an id past the end, an unused number, last year's sequence. */
const missingCaseRef = fc.constantFrom('900', 'TST01-1405-999999', '1404-1', 'OTHER-1405-000001', '۹۹۹');

/** Picks the i-th element of a list modulo its length; undefined for an empty list. */
const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** Runs one command and checks exit code, stderr and (when refused) that nothing changed. */
async function step(r: Real, args: string[], json: boolean, expected: number): Promise<{ code: number; out: any }> {
  r.stats.steps++;
  const before = expected === 0 ? '' : r.dumper.dump();
  const res = await runCli(['--db', r.db, ...args, ...(json ? ['--json'] : [])], { PARVANDE_USER: 'model' });
  const what = `parvande ${args.join(' ')}${json ? ' --json' : ''}`;
  expect(res.code, `${what}\nstderr: ${res.stderr}`).toBe(expected);
  if (expected === 0) return { code: 0, out: json ? res.json() : null };
  r.stats.refused[expected] = (r.stats.refused[expected] ?? 0) + 1;
  const lines = stderrLines(res.stderr);
  expect(lines, what).toHaveLength(1);
  if (json) {
    const e = JSON.parse(lines[0] as string) as { error: { code: string; message: string } };
    expect(Object.keys(e), what).toEqual(['error']);
  } else {
    expect(lines[0], what).toMatch(/^error: /);
  }
  expect(res.stdout, what).toBe('');
  expect(r.dumper.dump(), `${what} changed the database`).toBe(before);
  return { code: expected, out: null };
}

/** The database agrees with the model: every record, status and count. */
function agree(m: Model, r: Real): void {
  const d = r.dumper;
  expect(d.all('SELECT id, national_code AS nc FROM clients ORDER BY id')).toEqual(m.clients);
  expect(d.all(`SELECT id, client_id AS clientId, opened_on AS openedOn, status, reopen_count AS reopens FROM cases ORDER BY id`)).toEqual(
    m.cases,
  );
  expect(
    d
      .all<{ id: number; caseId: number; status: FollowupStatus; fromPlan: number }>(
        'SELECT id, case_id AS caseId, status, from_plan AS fromPlan FROM followups ORDER BY id',
      )
      .map((f) => ({ ...f, fromPlan: f.fromPlan === 1 })),
  ).toEqual(m.followups);
  const services = Object.fromEntries(
    d
      .all<{ k: string; n: number }>(`SELECT coalesce(CAST(case_id AS TEXT), 'none') AS k, count(*) AS n FROM services GROUP BY case_id`)
      .map((x) => [x.k, x.n]),
  );
  expect(services).toEqual(m.services);
  const events = Object.fromEntries(
    d
      .all<{ k: string; n: number }>(`SELECT case_id || ':' || kind AS k, count(*) AS n FROM case_events GROUP BY case_id, kind`)
      .map((x) => [x.k, x.n]),
  );
  expect(events).toEqual(m.events);
  // A case's closed/reopened events and its status tell the same story.
  for (const c of m.cases) {
    const closed = m.events[`${c.id}:closed`] ?? 0;
    expect(closed - c.reopens).toBe(c.status === 'closed' ? 1 : 0);
  }
  expect(
    d
      .all<{ id: number; caseId: number; status: ReferralStatus; answered: number; voided: number }>(
        'SELECT id, case_id AS caseId, status, answered_on IS NOT NULL AS answered, voided_at IS NOT NULL AS voided FROM referrals ORDER BY id',
      )
      .map((x) => ({ ...x, answered: x.answered === 1, voided: x.voided === 1 })),
  ).toEqual(m.referrals);
  expect(d.all<{ n: number }>('SELECT count(*) AS n FROM referral_events')[0]?.n).toBe(m.referralEvents);
  expect(d.all<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]?.n).toBe(m.audit);
}

type Cmd = fc.AsyncCommand<Model, Real>;

// ---- clients ---------------------------------------------------------------

const FIRST = ['زهرا', 'علي', 'محمد\u200cعلی', 'Sara', 'كاظم'];
const LAST = ['احمدی', 'رضايي', 'Nouri', 'میر\u200cزاده'];
type NcKind = 'none' | 'new' | 'duplicate' | 'bad-checksum' | 'blank';
type BadField = 'none' | 'no-first-name' | 'birth-esfand-30' | 'mobile' | 'sex';

class AddClient implements Cmd {
  constructor(
    readonly nc: NcKind,
    readonly ncSeed: number,
    readonly digits: 'latin' | 'persian' | 'arabic',
    readonly bad: BadField,
    readonly name: number,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    let code: string | undefined;
    if (this.nc === 'new') code = nationalCodeFrom(this.ncSeed);
    else if (this.nc === 'duplicate')
      code =
        pick(
          m.clients.filter((c) => c.nc !== null),
          this.ncSeed,
        )?.nc ?? nationalCodeFrom(this.ncSeed);
    else if (this.nc === 'bad-checksum')
      code = `${nationalCodeFrom(this.ncSeed).slice(0, 9)}${(Number(nationalCodeFrom(this.ncSeed)[9]) + 1) % 10}`;
    else if (this.nc === 'blank') code = '   ';
    const typed =
      code === undefined
        ? undefined
        : this.digits === 'persian'
          ? persianDigits(code)
          : this.digits === 'arabic'
            ? arabicDigits(code)
            : code;
    const args = ['client', 'add', '--last-name', LAST[this.name % LAST.length] as string];
    if (this.bad !== 'no-first-name') args.push('--first-name', FIRST[this.name % FIRST.length] as string);
    if (typed !== undefined) args.push('--national-code', typed);
    if (this.bad === 'birth-esfand-30') args.push('--birth-date', '1402/12/30');
    if (this.bad === 'mobile') args.push('--mobile', '0912123');
    if (this.bad === 'sex') args.push('--sex', 'x');
    const stored = this.nc === 'new' || this.nc === 'duplicate' ? (code as string) : null;
    const expected =
      this.bad !== 'none' || this.nc === 'bad-checksum' ? 2 : stored !== null && m.clients.some((c) => c.nc === stored) ? 4 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0) return;
    const id = m.clients.length + 1;
    if (this.json) expect(res.out).toMatchObject({ id, nationalCode: stored });
    m.clients.push({ id, nc: stored });
    m.audit++;
  }
  toString = (): string => `AddClient(${this.nc},${this.ncSeed},${this.digits},${this.bad},${this.name})`;
}

// ---- cases -----------------------------------------------------------------

type OpenTarget = 'anonymous' | 'client-id' | 'client-nc' | 'missing-client' | 'both' | 'neither';
type OpenBad = 'none' | 'risk' | 'channel' | 'future' | 'category';

class OpenCase implements Cmd {
  constructor(
    readonly target: OpenTarget,
    readonly idx: number,
    readonly bad: OpenBad,
    readonly azar1: boolean,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const client = pick(m.clients, this.idx);
    const withNc = pick(
      m.clients.filter((c) => c.nc !== null),
      this.idx,
    );
    const args = [
      'case',
      'open',
      '--channel',
      this.bad === 'channel' ? 'fax' : 'hotline',
      '--category',
      this.bad === 'category' ? 'theft' : 'suicide',
      '--risk',
      this.bad === 'risk' ? 'extreme' : 'high',
    ];
    let clientId: number | null = null;
    let expected = 0;
    switch (this.target) {
      case 'anonymous':
        args.push('--anonymous');
        break;
      case 'both':
        args.push('--anonymous', '--client', '1');
        expected = 2;
        break;
      case 'neither':
        expected = 2;
        break;
      case 'missing-client':
        args.push('--client', String(m.clients.length + 7));
        expected = 3;
        break;
      case 'client-id':
        if (client === undefined) {
          args.push('--client', '1');
          expected = 3;
        } else {
          args.push('--client', persianDigits(String(client.id)));
          clientId = client.id;
        }
        break;
      case 'client-nc':
        if (withNc === undefined) {
          args.push('--client', nationalCodeFrom(this.idx));
          expected = 3;
        } else {
          args.push('--client', withNc.nc as string);
          clientId = withNc.id;
        }
        break;
    }
    if (this.bad === 'future') args.push('--opened', '+3d');
    else if (this.azar1) args.push('--opened', '1405/09/01');
    if (expected === 0 && this.bad !== 'none') expected = 2;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0) return;
    const id = m.cases.length + 1;
    if (this.json) expect(res.out).toMatchObject({ id, caseNumber: caseNumber(id), status: 'open', clientId });
    m.cases.push({ id, clientId, openedOn: this.azar1 ? AZAR_1 : TODAY, status: 'open', reopens: 0 });
    bump(m.events, `${id}:opened`);
    m.audit++;
  }
  toString = (): string => `OpenCase(${this.target},${this.idx},${this.bad},${this.azar1})`;
}

/** The plans a worker may type, with the days they mean (null: refused). */
const PLANS: [string | undefined, number[] | null][] = [
  [undefined, []],
  ['', []],
  ['7,30,90', [7, 30, 90]],
  ['۷،۳۰', [7, 30]],
  ['30,7,7', [7, 30]],
  ['14d;7d', [7, 14]],
  ['0', null],
  ['x', null],
  ['7,800', null],
  [' , ', null],
];

class CloseCase implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: string | null,
    readonly form: CaseRefForm,
    readonly reason: 'resolved' | 'moved' | 'bored' | 'none',
    readonly plan: number,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.missing === null ? pick(m.cases, this.idx) : undefined;
    const [planText, days] = PLANS[this.plan % PLANS.length] as [string | undefined, number[] | null];
    const args = ['case', 'close', c === undefined ? (this.missing ?? '1') : caseRef(c.id, this.form)];
    if (this.reason !== 'none') args.push('--reason', this.reason);
    if (planText !== undefined) args.push('--followup-plan', planText);
    // The order the command checks in: missing option, unknown case, reason, already closed, plan.
    const expected =
      this.reason === 'none' ? 2 : c === undefined ? 3 : this.reason === 'bored' ? 2 : c.status === 'closed' ? 4 : days === null ? 2 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || c === undefined || days === null) return;
    const planned = days.map((d, i) => ({ id: m.followups.length + 1 + i, afterDays: d }));
    if (this.json) {
      expect(res.out).toMatchObject({
        id: c.id,
        status: 'closed',
        closeReason: this.reason,
        stillScheduled: m.followups.filter((f) => f.caseId === c.id && f.status === 'scheduled').length,
      });
      expect(res.out.plannedFollowups.map((p: { id: number; afterDays: number }) => ({ id: p.id, afterDays: p.afterDays }))).toEqual(
        planned,
      );
    }
    c.status = 'closed';
    bump(m.events, `${c.id}:closed`);
    for (const p of planned) m.followups.push({ id: p.id, caseId: c.id, status: 'scheduled', fromPlan: true });
    if (planned.length > 0) bump(m.events, `${c.id}:follow-up`, planned.length);
    m.audit += 1 + planned.length;
  }
  toString = (): string =>
    `CloseCase(${this.idx},${this.missing},${this.form},${this.reason},${String(PLANS[this.plan % PLANS.length]?.[0])})`;
}

class ReopenCase implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: string | null,
    readonly form: CaseRefForm,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.missing === null ? pick(m.cases, this.idx) : undefined;
    const args = ['case', 'reopen', c === undefined ? (this.missing ?? '1') : caseRef(c.id, this.form), '--note', 'harm recurred'];
    const expected = c === undefined ? 3 : c.status === 'open' ? 4 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || c === undefined) return;
    c.status = 'open';
    c.reopens++;
    bump(m.events, `${c.id}:reopened`);
    m.audit++;
  }
  toString = (): string => `ReopenCase(${this.idx},${this.missing},${this.form})`;
}

class ShowCase implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: string | null,
    readonly form: CaseRefForm,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.missing === null ? pick(m.cases, this.idx) : undefined;
    const res = await step(
      r,
      ['case', 'show', c === undefined ? (this.missing ?? '1') : caseRef(c.id, this.form)],
      this.json,
      c === undefined ? 3 : 0,
    );
    if (res.code !== 0 || c === undefined) return;
    if (this.json) {
      expect(res.out).toMatchObject({ id: c.id, status: c.status });
      expect(res.out.followups.map((f: { id: number }) => f.id).sort((a: number, b: number) => a - b)).toEqual(
        m.followups.filter((f) => f.caseId === c.id).map((f) => f.id),
      );
    }
    // Viewing a case file is itself recorded.
    m.audit++;
  }
  toString = (): string => `ShowCase(${this.idx},${this.missing},${this.form})`;
}

class NoteCase implements Cmd {
  constructor(
    readonly idx: number,
    readonly text: string,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = pick(m.cases, this.idx);
    const args = ['case', 'note', c === undefined ? '1' : String(c.id), '--text', this.text];
    const expected = this.text.trim() === '' ? 2 : c === undefined ? 3 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || c === undefined) return;
    bump(m.events, `${c.id}:note`);
    m.audit++;
  }
  toString = (): string => `NoteCase(${this.idx},${JSON.stringify(this.text)})`;
}

// ---- services --------------------------------------------------------------

type ServiceTarget = 'case' | 'no-case' | 'missing';

class LogService implements Cmd {
  constructor(
    readonly target: ServiceTarget,
    readonly idx: number,
    readonly type: 'hotline-call' | 'crisis-intervention' | 'social-work' | 'nap',
    readonly minutes: string | undefined,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.target === 'case' ? pick(m.cases, this.idx) : undefined;
    const args = ['service', 'log', '--type', this.type];
    if (this.target === 'case') args.push('--case', c === undefined ? '1' : caseRef(c.id, 'short'));
    if (this.target === 'missing') args.push('--case', 'TST01-1405-999999');
    if (this.minutes !== undefined) args.push(`--minutes=${this.minutes}`);
    const minutesOk = this.minutes === undefined || (/^(\d+|۹۰)$/.test(this.minutes) && Number(this.minutes.replace('۹۰', '90')) <= 1440);
    // The order the command checks in: type, minutes, case (unknown, closed), a case-less service that is not a call.
    let expected = 0;
    if (this.type === 'nap' || !minutesOk) expected = 2;
    else if (this.target === 'missing' || (this.target === 'case' && c === undefined)) expected = 3;
    else if (c !== undefined && c.status === 'closed') expected = 4;
    else if (this.target === 'no-case' && this.type !== 'hotline-call') expected = 2;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0) return;
    if (this.json) expect(res.out).toMatchObject({ caseId: c?.id ?? null, type: this.type, channel: 'hotline', serviceDate: TODAY });
    bump(m.services, c === undefined ? 'none' : String(c.id));
    if (c !== undefined) bump(m.events, `${c.id}:service`);
    m.audit++;
  }
  toString = (): string => `LogService(${this.target},${this.idx},${this.type},${String(this.minutes)})`;
}

// ---- follow-ups ------------------------------------------------------------

/** Due dates typed, and the ISO date they mean (null: not a date). */
const DUES: [string, string | null][] = [
  ['+7d', '2026-12-02'],
  ['1405/09/01', AZAR_1],
  ['۱۴۰۵/۰۹/۲۰', '2026-12-11'],
  ['1405/07/31', null],
  ['1402/12/30', null],
  ['next week', null],
];

class ScheduleFollowup implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: boolean,
    readonly due: number,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.missing ? undefined : pick(m.cases, this.idx);
    const [dueText, dueOn] = DUES[this.due % DUES.length] as [string, string | null];
    const args = [
      'followup',
      'schedule',
      '--case',
      c === undefined ? '1405-999' : caseRef(c.id, 'number'),
      '--due',
      dueText,
      '--note',
      'call the mother',
    ];
    const expected = c === undefined ? 3 : dueOn === null || dueOn < c.openedOn ? 2 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || c === undefined) return;
    const id = m.followups.length + 1;
    if (this.json) expect(res.out).toMatchObject({ id, caseId: c.id, dueOn, status: 'scheduled', fromPlan: false });
    // Monitoring goes on after closing: closed cases take follow-ups too.
    m.followups.push({ id, caseId: c.id, status: 'scheduled', fromPlan: false });
    bump(m.events, `${c.id}:follow-up`);
    m.audit++;
  }
  toString = (): string => `ScheduleFollowup(${this.idx},${this.missing},${DUES[this.due % DUES.length]?.[0]})`;
}

class FinishFollowup implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: boolean,
    readonly verb: 'done' | 'missed' | 'cancel',
    readonly withText: boolean,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const f = this.missing ? undefined : pick(m.followups, this.idx);
    const args = ['followup', this.verb, f === undefined ? String(m.followups.length + 3) : persianDigits(String(f.id))];
    if (this.withText) args.push(this.verb === 'done' ? '--outcome' : '--reason', 'no recurrence');
    // done needs an outcome before anything is looked up; then unknown (3), then already finished (4).
    const expected = this.verb === 'done' && !this.withText ? 2 : f === undefined ? 3 : f.status !== 'scheduled' ? 4 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || f === undefined) return;
    const status: FollowupStatus = this.verb === 'cancel' ? 'cancelled' : this.verb;
    if (this.json) expect(res.out).toMatchObject({ id: f.id, status, doneOn: status === 'cancelled' ? null : TODAY });
    f.status = status;
    bump(m.events, `${f.caseId}:follow-up`);
    m.audit++;
  }
  toString = (): string => `FinishFollowup(${this.idx},${this.missing},${this.verb},${this.withText})`;
}

// ---- referrals -------------------------------------------------------------

type ReferralBad = 'none' | 'to' | 'future' | 'no-reason' | 'before-opening';

class AddReferral implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: string | null,
    readonly to: string,
    readonly bad: ReferralBad,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const c = this.missing === null ? pick(m.cases, this.idx) : undefined;
    const args = ['referral', 'add', '--case', c === undefined ? (this.missing ?? '1') : caseRef(c.id, 'number')];
    args.push('--to', this.bad === 'to' ? 'fax' : this.to, '--agency', 'کلانتری ۱۲');
    if (this.bad !== 'no-reason') args.push('--reason', 'گزارش کودک\u200cآزاری');
    if (this.bad === 'future') args.push('--date', '+1d');
    // Every case of the model opened on 1405/09/01 or today: the day before is before each opening.
    if (this.bad === 'before-opening') args.push('--date', '1405/08/30');
    else if (this.bad === 'none' && this.idx % 2 === 0 && c !== undefined && c.openedOn === AZAR_1) args.push('--date', '۱۴۰۵/۰۹/۰۱');
    // The order the command checks in: a missing option, the case, then the values and the dates.
    const expected = this.bad === 'no-reason' ? 2 : c === undefined ? 3 : this.bad !== 'none' ? 2 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || c === undefined) return;
    const id = m.referrals.length + 1;
    if (this.json) expect(res.out).toMatchObject({ id, caseId: c.id, agencyKind: this.to, status: 'sent', answeredOn: null });
    m.referrals.push({ id, caseId: c.id, status: 'sent', answered: false, voided: false });
    m.referralEvents++;
    bump(m.events, `${c.id}:referral`);
    m.audit++;
  }
  toString = (): string => `AddReferral(${this.idx},${this.missing},${this.to},${this.bad})`;
}

class UpdateReferral implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: boolean,
    readonly status: ReferralStatus | 'maybe',
    readonly withNote: boolean,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const x = this.missing ? undefined : pick(m.referrals, this.idx);
    const args = [
      'referral',
      'update',
      x === undefined ? String(m.referrals.length + 5) : persianDigits(String(x.id)),
      '--status',
      this.status,
    ];
    if (this.withNote) args.push('--note', 'پاسخ تلفنی');
    // The referral is looked up first (3), then the status read (2), then the history's rules (4).
    const expected =
      x === undefined
        ? 3
        : this.status === 'maybe'
          ? 2
          : x.voided
            ? 4
            : this.status === 'sent' && x.answered
              ? 4
              : this.status === x.status && (this.status === 'accepted' || this.status === 'declined')
                ? 4
                : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || x === undefined || this.status === 'maybe') return;
    x.status = this.status;
    if (this.status !== 'sent') x.answered = true;
    if (this.json) expect(res.out).toMatchObject({ id: x.id, status: this.status, answeredOn: x.answered ? TODAY : null });
    m.referralEvents++;
    bump(m.events, `${x.caseId}:referral`);
    m.audit++;
  }
  toString = (): string => `UpdateReferral(${this.idx},${this.missing},${this.status},${this.withNote})`;
}

class VoidReferral implements Cmd {
  constructor(
    readonly idx: number,
    readonly missing: boolean,
    readonly withReason: boolean,
    readonly json: boolean,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const x = this.missing ? undefined : pick(m.referrals, this.idx);
    const args = ['referral', 'void', x === undefined ? String(m.referrals.length + 5) : String(x.id)];
    if (this.withReason) args.push('--reason', 'روی پرونده دیگر ثبت شد');
    // A missing reason (no terminal) first, then the referral (3), then voiding twice (4).
    const expected = !this.withReason ? 2 : x === undefined ? 3 : x.voided ? 4 : 0;
    const res = await step(r, args, this.json, expected);
    if (res.code !== 0 || x === undefined) return;
    if (this.json) expect(res.out).toMatchObject({ id: x.id, voidReason: 'روی پرونده دیگر ثبت شد' });
    x.voided = true;
    bump(m.events, `${x.caseId}:referral`);
    m.audit++;
  }
  toString = (): string => `VoidReferral(${this.idx},${this.missing},${this.withReason})`;
}

/** Not a domain command: checks the database against the model between steps. */
class Agree implements Cmd {
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    agree(m, r);
  }
  toString = (): string => 'Agree';
}

const json = fc.boolean();
/** A value among weighted choices: most steps should succeed so that sequences build up state. */
function weighted<T>(...choices: [T, number][]): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));
}
const rarely = weighted([false, 9], [true, 1]);
const caseMissing = fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: missingCaseRef, weight: 1 });
const ARBITRARIES = [
  fc
    .tuple(
      weighted<NcKind>(['none', 3], ['new', 5], ['duplicate', 1], ['bad-checksum', 1], ['blank', 1]),
      fc.nat(),
      fc.constantFrom('latin', 'persian', 'arabic' as const),
      weighted<BadField>(['none', 16], ['no-first-name', 1], ['birth-esfand-30', 1], ['mobile', 1], ['sex', 1]),
      fc.nat(),
      json,
    )
    .map(([nc, seed, digits, bad, name, j]) => new AddClient(nc, seed, digits, bad, name, j)),
  fc
    .tuple(
      weighted<OpenTarget>(['anonymous', 4], ['client-id', 4], ['client-nc', 2], ['missing-client', 1], ['both', 1], ['neither', 1]),
      fc.nat(),
      weighted<OpenBad>(['none', 20], ['risk', 1], ['channel', 1], ['future', 1], ['category', 1]),
      fc.boolean(),
      json,
    )
    .map(([t, i, bad, azar1, j]) => new OpenCase(t, i, bad, azar1, j)),
  fc
    .tuple(
      fc.nat(),
      caseMissing,
      refForm,
      weighted<CloseCase['reason']>(['resolved', 6], ['moved', 2], ['bored', 1], ['none', 1]),
      fc.nat(),
      json,
    )
    .map(([i, miss, form, reason, plan, j]) => new CloseCase(i, miss, form, reason, plan, j)),
  fc.tuple(fc.nat(), caseMissing, refForm, json).map(([i, miss, form, j]) => new ReopenCase(i, miss, form, j)),
  fc.tuple(fc.nat(), caseMissing, refForm, json).map(([i, miss, form, j]) => new ShowCase(i, miss, form, j)),
  fc
    .tuple(fc.nat(), weighted(['home visit arranged', 4], ['تماس با مدرسه\u200cی محل', 4], ['   ', 1], ['', 1]), json)
    .map(([i, text, j]) => new NoteCase(i, text, j)),
  fc
    .tuple(
      weighted<ServiceTarget>(['case', 8], ['no-case', 2], ['missing', 1]),
      fc.nat(),
      weighted<LogService['type']>(['hotline-call', 4], ['crisis-intervention', 3], ['social-work', 3], ['nap', 1]),
      weighted<string | undefined>([undefined, 8], ['15', 4], ['۹۰', 2], ['2000', 1], ['-5', 1], ['long', 1]),
      json,
    )
    .map(([t, i, type, min, j]) => new LogService(t, i, type, min, j)),
  fc.tuple(fc.nat(), rarely, fc.nat(), json).map(([i, miss, due, j]) => new ScheduleFollowup(i, miss, due, j)),
  fc
    .tuple(fc.nat(), rarely, fc.constantFrom('done', 'missed', 'cancel' as const), weighted([true, 9], [false, 1]), json)
    .map(([i, miss, verb, text, j]) => new FinishFollowup(i, miss, verb, text, j)),
  fc
    .tuple(
      fc.nat(),
      caseMissing,
      fc.constantFrom('police', 'court', 'hospital', 'school', 'ngo'),
      weighted<ReferralBad>(['none', 12], ['to', 1], ['future', 1], ['no-reason', 1], ['before-opening', 1]),
      json,
    )
    .map(([i, miss, to, bad, j]) => new AddReferral(i, miss, to, bad, j)),
  fc
    .tuple(
      fc.nat(),
      rarely,
      weighted<UpdateReferral['status']>(['sent', 2], ['accepted', 3], ['declined', 2], ['feedback', 3], ['maybe', 1]),
      fc.boolean(),
      json,
    )
    .map(([i, miss, status, note, j]) => new UpdateReferral(i, miss, status, note, j)),
  fc.tuple(fc.nat(), rarely, weighted([true, 9], [false, 1]), json).map(([i, miss, reason, j]) => new VoidReferral(i, miss, reason, j)),
] as const;
/** fc.commands picks uniformly: listing an arbitrary again makes it more frequent (cases get opened, then worked on). */
const [
  addClient,
  openCase,
  closeCase,
  reopenCase,
  showCase,
  noteCase,
  logService,
  schedule,
  finish,
  addReferral,
  updateReferral,
  voidReferral,
] = ARBITRARIES;
const COMMANDS = [
  addClient,
  addClient,
  openCase,
  openCase,
  openCase,
  closeCase,
  closeCase,
  reopenCase,
  showCase,
  noteCase,
  logService,
  logService,
  schedule,
  schedule,
  finish,
  finish,
  addReferral,
  addReferral,
  updateReferral,
  updateReferral,
  voidReferral,
];

const scratch = scratchDir();
let template = '';
const stats: Stats = { steps: 0, refused: {} };

beforeAll(async () => {
  template = await initAt(join(scratch.dir, 'template.db'));
  for (const args of SEED) {
    const r = await runCli(['--db', template, ...args], { PARVANDE_USER: 'model' });
    if (r.code !== 0) throw new Error(`seed ${args.join(' ')}: ${r.stderr}`);
  }
});
afterAll(() => scratch.cleanup());

describe('random command sequences against a model', () => {
  it(`database and model agree after every step (${RUNS} sequences)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 50, size: 'max' }), async (cmds) => {
        const db = join(scratch.dir, `run-${n++}.db`);
        copyFileSync(template, db);
        const real: Real = { db, dumper: new Dumper(db), stats };
        try {
          // Interleave an agreement check after every command.
          const checked = [new Agree(), ...[...cmds].flatMap((c) => [c, new Agree()])];
          await fc.asyncModelRun(() => ({ model: startModel(), real }), checked);
          expect(real.dumper.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          expect(real.dumper.all('PRAGMA foreign_key_check')).toEqual([]);
          // The report counts the triggers kept through the sequence equal a recount of the records.
          const counted = Db.open(db, { readonly: true });
          try {
            expect(counted.read((r) => checkReportCounts(r))).toEqual([]);
          } finally {
            counted.close();
          }
        } finally {
          real.dumper.close();
          for (const side of ['', '-wal', '-shm']) rmSync(db + side, { force: true });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The sequences did exercise refusals of every kind, and plenty of successes.
    expect(stats.steps).toBeGreaterThan(RUNS * 10);
    for (const code of [2, 3, 4]) expect(stats.refused[code] ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
