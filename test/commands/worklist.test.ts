/**
 * `parvande worklist` (issue #12): one worker's day, with exact items. The office's date is
 * 2026-11-25 (1405/09/04). Edge days: a follow-up due today is due, not overdue; one due
 * yesterday is overdue by a day; one done today is neither. A case whose last service was
 * quiet-days ago is listed, one a day later is not; a voided service is no service; a
 * merged client is shown as the record kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorklist, worklistWorkerRef } from '../../src/domain/worklist.js';
import { resolveStaff } from '../../src/domain/staff.js';
import { Db } from '../../src/store/database.js';
import { asIsoDate } from '../../src/lang/dates.js';
import { displayWidth } from '../../src/ui/text-width.js';
import { dumpDb, makeOffice, oneLine, type TestOffice } from '../helpers/office.js';

let o: TestOffice;
/** Case numbers by what they are for. */
const n: Record<string, string> = {};

beforeAll(async () => {
  o = await makeOffice();
  const ok = o.json;
  await ok(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']); // #1
  await ok(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'gov']); // #2
  await ok(['center', 'add', '--name', 'مرکز فردیس', '--kind', 'social-emergency', '--sector', 'gov']); // #1
  await ok(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']); // #1
  await ok(['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری']); // #2, merged into #3 below
  await ok(['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری‌زاده']); // #3
  const open = async (key: string, client: string[], risk: string, opened: string, worker = '1'): Promise<void> => {
    const c = await ok([
      'case',
      'open',
      ...client,
      '--channel',
      'hotline',
      '--category',
      'child-abuse',
      '--risk',
      risk,
      '--opened',
      opened,
      '--worker',
      worker,
      '--center',
      '1',
    ]);
    n[key] = c.caseNumber;
  };
  await open('critical7', ['--client', '1'], 'critical', '1405/08/20'); // 000001: last service 7 days ago → listed
  await open('high6', ['--client', '1'], 'high', '1405/08/20'); // 000002: last service 6 days ago → not
  await open('voided', ['--client', '2'], 'high', '1405/08/10'); // 000003: a voided service yesterday, the last in force 15 days ago
  await open('medium', ['--anonymous'], 'medium', '1405/07/01'); // 000004: no service, medium risk → not
  await open('fresh', ['--anonymous'], 'critical', '1405/09/04'); // 000005: opened today → not
  await open('never', ['--anonymous'], 'critical', '1405/08/27'); // 000006: no service in 7 days since opening → listed
  await open('other', ['--client', '1'], 'critical', '1405/08/01', '2'); // 000007: another worker's
  await open('closed', ['--client', '1'], 'critical', '1405/08/01'); // 000008: closed → not
  const log = (key: string, date: string) =>
    ok(['service', 'log', '--case', n[key] as string, '--type', 'social-work', '--date', date, '--worker', '1']);
  await log('critical7', '1405/08/27');
  await log('high6', '1405/08/28');
  await log('voided', '1405/08/19');
  const wrong = await log('voided', '1405/09/03');
  await ok(['service', 'void', String(wrong.id), '--reason', 'logged on the wrong case']);
  await ok(['case', 'close', n.closed as string, '--reason', 'resolved']);
  await ok(['client', 'merge', '3', '2', '--yes']);

  const schedule = (key: string, due: string, worker = '1') =>
    ok(['followup', 'schedule', '--case', n[key] as string, '--due', due, '--worker', worker]);
  await schedule('critical7', '1405/09/04'); // #1 due today
  await schedule('high6', '1405/09/03'); // #2 overdue by a day
  const done = await schedule('voided', '1405/09/01'); // #3 done today: neither
  await ok(['followup', 'done', String(done.id), '--outcome', 'visited']);
  const cancelled = await schedule('medium', '1405/08/20'); // #4 cancelled: never overdue
  await ok(['followup', 'cancel', String(cancelled.id)]);
  await schedule('never', '1405/09/05'); // #5 tomorrow: neither
  await schedule('other', '1405/09/04', '2'); // #6 another worker's
  await schedule('medium', '1405/08/25'); // #7 overdue by 9 days (an anonymous case)

  await ok([
    'roster',
    'pattern',
    'add',
    '--service',
    'hotline',
    '--name',
    'صبح',
    '--start',
    '08:00',
    '--end',
    '14:00',
    '--from',
    '1405/09/01',
  ]);
  await ok([
    'roster',
    'pattern',
    'add',
    '--service',
    'mobile-team',
    '--name',
    'شب',
    '--start',
    '22:00',
    '--end',
    '06:00',
    '--from',
    '1405/09/01',
  ]);
  for (const date of ['1405/09/03', '1405/09/04', '1405/09/07'])
    await ok(['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', date]);
  await ok(['roster', 'assign', '--staff', '1', '--pattern', '2', '--date', '1405/09/05']);
  await ok(['roster', 'assign', '--staff', '2', '--pattern', '2', '--date', '1405/09/04']);

  await ok([
    'referral',
    'add',
    '--case',
    n.critical7 as string,
    '--to',
    'police',
    '--agency',
    'کلانتری ۱۲ فردیس',
    '--date',
    '1405/08/20',
    '--reason',
    'گزارش',
  ]); // #1: 15 days
  await ok([
    'referral',
    'add',
    '--case',
    n.voided as string,
    '--to',
    'school',
    '--agency',
    'دبستان پروین',
    '--date',
    '1405/08/27',
    '--reason',
    'پیگیری',
  ]); // #2: 7 days
  await ok([
    'referral',
    'add',
    '--case',
    n.high6 as string,
    '--to',
    'hospital',
    '--agency',
    'بیمارستان امام',
    '--date',
    '1405/08/27',
    '--reason',
    'معاینه',
  ]); // #3 answered
  await ok(['referral', 'update', '3', '--status', 'accepted', '--date', '1405/09/01']);
  await ok([
    'referral',
    'add',
    '--case',
    n.other as string,
    '--to',
    'court',
    '--agency',
    'دادگاه خانواده',
    '--date',
    '1405/08/20',
    '--reason',
    'حضانت',
  ]); // #4 another worker's
}, 120_000);
afterAll(() => o.cleanup());

const clientZahra = { clientId: 1, clientName: 'زهرا احمدی' };
const anonymous = { clientId: null, clientName: null };
const center = { centerId: 1, centerName: 'مرکز فردیس' };

describe('worklist --json', () => {
  it("lists exactly the worker's follow-ups, quiet cases, awaiting referrals and shifts", async () => {
    const w = await o.json(['worklist', '--worker', '1']);
    expect(w).toEqual({
      date: '2026-11-25',
      worker: { id: 1, firstName: 'مریم', lastName: 'رضایی', active: true },
      quietDays: 7,
      answerDays: 14,
      overdueFollowups: [
        {
          id: 7,
          caseId: 4,
          caseNumber: n.medium,
          dueOn: '2026-11-16',
          daysOverdue: 9,
          risk: 'medium',
          ...anonymous,
          ...center,
          note: null,
        },
        { id: 2, caseId: 2, caseNumber: n.high6, dueOn: '2026-11-24', daysOverdue: 1, risk: 'high', ...clientZahra, ...center, note: null },
      ],
      followupsDueToday: [
        {
          id: 1,
          caseId: 1,
          caseNumber: n.critical7,
          dueOn: '2026-11-25',
          daysOverdue: 0,
          risk: 'critical',
          ...clientZahra,
          ...center,
          note: null,
        },
      ],
      quietCases: [
        // Critical first, the longest quiet first: 000006 has had no service since its opening 7 days ago.
        {
          caseId: 1,
          caseNumber: n.critical7,
          risk: 'critical',
          primaryCategory: 'child-abuse',
          ...clientZahra,
          ...center,
          openedOn: '2026-11-11',
          lastServiceOn: '2026-11-18',
          daysWithoutService: 7,
        },
        {
          caseId: 6,
          caseNumber: n.never,
          risk: 'critical',
          primaryCategory: 'child-abuse',
          ...anonymous,
          ...center,
          openedOn: '2026-11-18',
          lastServiceOn: null,
          daysWithoutService: 7,
        },
        // The voided service of yesterday is no service; the client merged away shows as the record kept.
        {
          caseId: 3,
          caseNumber: n.voided,
          risk: 'high',
          primaryCategory: 'child-abuse',
          clientId: 3,
          clientName: 'سارا نوری‌زاده',
          ...center,
          openedOn: '2026-11-01',
          lastServiceOn: '2026-11-10',
          daysWithoutService: 15,
        },
      ],
      awaitingReferrals: [
        {
          id: 1,
          caseId: 1,
          caseNumber: n.critical7,
          ...clientZahra,
          agencyKind: 'police',
          agency: 'کلانتری ۱۲ فردیس',
          sentOn: '2026-11-11',
          daysWaiting: 14,
          pastAnswerDays: false,
        },
        {
          id: 2,
          caseId: 3,
          caseNumber: n.voided,
          clientId: 3,
          clientName: 'سارا نوری‌زاده',
          agencyKind: 'school',
          agency: 'دبستان پروین',
          sentOn: '2026-11-18',
          daysWaiting: 7,
          pastAnswerDays: false,
        },
      ],
      shifts: [
        {
          assignmentId: 2,
          date: '2026-11-25',
          service: 'hotline',
          patternId: 1,
          patternName: 'صبح',
          startsAt: '2026-11-25T08:00',
          endsAt: '2026-11-25T14:00',
        },
        {
          assignmentId: 4,
          date: '2026-11-26',
          service: 'mobile-team',
          patternId: 2,
          patternName: 'شب',
          startsAt: '2026-11-26T22:00',
          endsAt: '2026-11-27T06:00',
        },
      ],
    });
  });

  it('the quiet days are an office setting: a longer one drops the cases quiet for less; a wait past the answer days is marked', async () => {
    const before = await o.json(['case', 'settings']);
    expect(before).toEqual({ quietDays: 7 });
    expect(await o.json(['case', 'settings', '--quiet-days', '8'])).toEqual({ quietDays: 8 });
    const w = await o.json(['worklist', '--worker', 'مریم رضایی']);
    expect(w.quietDays).toBe(8);
    expect(w.quietCases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([n.voided]);
    // A day later: the police station has waited 15 days, past the 14 answer days.
    const tomorrow = await o.json(['worklist', '--worker', '1'], { PARVANDE_TODAY: '2026-11-26' });
    expect(tomorrow.awaitingReferrals.map((r: { id: number; pastAnswerDays: boolean }) => [r.id, r.pastAnswerDays])).toEqual([
      [1, true],
      [2, false],
    ]);
    // Due yesterday now: #1 moves to the overdue list; #5 is due today.
    expect(tomorrow.overdueFollowups.map((f: { id: number }) => f.id)).toEqual([7, 2, 1]);
    expect(tomorrow.followupsDueToday.map((f: { id: number }) => f.id)).toEqual([5]);
    await o.json(['case', 'settings', '--quiet-days', '7']);
  });

  it('another worker sees their own list only', async () => {
    const w = await o.json(['worklist', '--worker', '2']);
    expect(w.overdueFollowups).toEqual([]);
    expect(w.followupsDueToday.map((f: { id: number }) => f.id)).toEqual([6]);
    expect(w.quietCases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([n.other]);
    expect(w.awaitingReferrals.map((r: { id: number }) => r.id)).toEqual([4]);
    expect(w.shifts.map((s: { assignmentId: number }) => s.assignmentId)).toEqual([5]);
  });
});

describe('worklist on a terminal', () => {
  it('names beside ids, every line in 80 columns, in both languages', async () => {
    for (const lang of ['en', 'fa']) {
      const r = await o.cli(['--lang', lang, 'worklist', '--worker', '1']);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(displayWidth(line), `${lang}: ${line}`).toBeLessThanOrEqual(80);
    }
    const out = (await o.cli(['worklist', '--worker', '1'])).stdout;
    expect(out.split('\n').slice(0, 2)).toEqual(['Worklist  مریم رضایی (#1)', 'Date      1405/09/04']);
    expect(out).toContain('Overdue follow-ups (2)');
    expect(out).toContain('Follow-ups due today (1)');
    expect(out).toContain('High-risk cases with no service in 7 days (* none yet) (3)');
    expect(out).toContain('Referrals awaiting an answer (2)');
    expect(out).toContain('Duty shifts today and tomorrow (2)');
    expect(out).toContain('│ #1 │ TST01-1405-000001 │ Critical │ 1405/09/04 │ زهرا احمدی (#1) │');
    expect(out).toContain('│ #7 │ TST01-1405-000004 │ Medium │ 1405/08/25 │    9 │ (anonymous)     │');
    // Days since the last service, or since the opening ("*": no service yet).
    expect(out).toContain('│ TST01-1405-000006 │ Critical │ Child abuse │   7* │ (anonymous)        │');
    expect(out).toContain('│ TST01-1405-000003 │ High     │ Child abuse │   15 │ سارا نوری‌زاده (#3) │');
    // Cut at a word's end to fit 80 columns; the id of a client is never cut.
    expect(out).toContain('│ #1 │ TST01-1405-000001 │ کلانتری ۱۲…  │ 1405/08/20 │   14 │ زهرا احمدی (#1) │');
    expect(out).toContain('│ #2 │ TST01-1405-000003 │ دبستان پروین │ 1405/08/27 │    7 │ سارا… (#3)      │');
    expect(out).toContain('│ #2 │ 1405/09/04 │ Hotline 123 │ صبح   │ 08:00–14:00 │');
  });

  it('an empty section says so', async () => {
    const w = await o.cli(['worklist', '--worker', '2']);
    expect(w.stdout).toContain('Overdue follow-ups (0)\n(none)');
  });
});

describe('whose worklist', () => {
  it('without a terminal and without --worker: exit 2 naming --worker, whoever acts', async () => {
    const before = dumpDb(o.db);
    for (const actor of [[], ['--actor', 'مریم رضایی'], ['--actor', '#1']]) {
      const r = await o.cli([...actor, 'worklist']);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toBe('error: missing required option: --worker');
      const j = await o.cli([...actor, '--json', 'worklist']);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.stderr)).toEqual({
        error: { code: 'missing-input', message: 'missing required option: --worker', field: 'worker' },
      });
    }
    expect(dumpDb(o.db)).toBe(before);
  });

  it('an unknown, ambiguous or malformed --worker is refused without repeating it', async () => {
    const nobody = await o.cli(['worklist', '--worker', 'پروین اعتصامی']);
    expect(nobody.code).toBe(3);
    expect(oneLine(nobody)).toBe('error: no staff member has the name given for --worker');
    const missing = await o.cli(['worklist', '--worker', '99']);
    expect(missing.code).toBe(3);
    const bad = await o.cli(['worklist', '--worker', '1-2']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: --worker must be a staff id (e.g. 12 or #12), a national code or a name');
  });

  it('on a terminal the acting user is the worker when the actor names exactly one staff member', () => {
    const db = Db.open(o.db);
    try {
      db.read((r) => {
        const ctx = { db: r };
        const ref = (worker: string | undefined, actor: string, terminal: boolean) => worklistWorkerRef(ctx, { worker, actor, terminal });
        expect(ref(undefined, 'مریم رضایی', true)).toBe('#1');
        expect(ref(undefined, 'علي كريمي', true)).toBe('#2'); // Arabic letters match the Persian name
        expect(ref(undefined, '#2', true)).toBe('#2');
        expect(ref(undefined, 'clerk', true)).toBeUndefined(); // not a staff member: asked for
        expect(ref(undefined, '#99', true)).toBeUndefined();
        expect(ref(undefined, 'مریم رضایی', false)).toBeUndefined(); // a script gets no guess
        expect(ref('2', 'مریم رضایی', true)).toBe('2'); // --worker wins
        const w = buildWorklist({ db: r, today: asIsoDate('2026-11-25') }, resolveStaff(ctx, '#1'));
        expect(w.worker).toEqual({ id: 1, firstName: 'مریم', lastName: 'رضایی', active: true });
      });
    } finally {
      db.close();
    }
  });

  it('a worker who has left still has a list (their cases need handing over), marked', async () => {
    await o.json(['staff', 'leave', '2', '--date', 'today']);
    const w = await o.json(['worklist', '--worker', '2']);
    expect(w.worker).toEqual({ id: 2, firstName: 'علی', lastName: 'کریمی', active: false });
    expect((await o.cli(['worklist', '--worker', '2'])).stdout.split('\n')[0]).toBe('Worklist  علی کریمی (#2) (has left)');
  });
});

describe('case settings', () => {
  it('a bad --quiet-days is refused (exit 2) and changes nothing', async () => {
    const before = dumpDb(o.db);
    for (const bad of ['0', '366', 'seven', '-1', '']) {
      const r = await o.cli(['case', 'settings', '--quiet-days', bad]);
      expect(r.code, bad).toBe(2);
    }
    expect(dumpDb(o.db)).toBe(before);
  });
});
