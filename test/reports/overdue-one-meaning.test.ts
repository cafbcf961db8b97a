/**
 * "Overdue" means one thing on any one night: `followup list --overdue`, the staff
 * caseload, `report monthly`, and the nightly run's summary, lists and files all give
 * the same follow-ups. Overdue at a moment = due on a day that had ended by then and
 * not done, missed or cancelled by then (src/domain/overdue.ts overdueMoment):
 * - now (today, while the day runs): due before today and still scheduled; one done
 *   or missed today is not overdue any more;
 * - at the end of a past month: due on or before its last day and still scheduled then,
 *   i.e. still scheduled now or done or missed after that day.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.js';

// PARVANDE_TODAY is 2026-11-25 = 1405/09/04 (test/vitest.config.ts); Aban 1405 (08) ended on 1405/08/30 = 2026-11-21.
let o: TestOffice;
const ids: Record<string, number> = {};

async function followup(name: string, due: string, end?: { status: 'done' | 'missed' | 'cancel'; date?: string }): Promise<void> {
  const f = await o.json<{ id: number }>(['followup', 'schedule', '--case', '1', '--due', due]);
  ids[name] = f.id;
  if (end === undefined) return;
  const args = ['followup', end.status, String(f.id)];
  if (end.date !== undefined) args.push('--date', end.date);
  args.push(end.status === 'done' ? '--outcome' : '--reason', 'تماس گرفته شد');
  await o.json(args);
}

beforeAll(async () => {
  o = await makeOffice('OD01');
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--sex', 'female']);
  await o.json([
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--worker',
    '1',
    '--opened',
    '1405/07/01',
  ]);
  await followup('A', '1405/09/02'); // overdue now
  await followup('B', '1405/09/02', { status: 'done', date: '1405/09/04' }); // done today: not overdue now
  await followup('C', '1405/09/02', { status: 'missed', date: '1405/09/04' }); // missed today: not overdue now
  await followup('D', '1405/09/01', { status: 'done', date: '1405/09/03' });
  await followup('E', '1405/09/04'); // due today: its day has not ended
  await followup('F', '1405/08/20', { status: 'done', date: '1405/09/02' }); // overdue at the end of Aban, not now
  await followup('G', '1405/08/20', { status: 'cancel' });
  await followup('H', '1405/08/10', { status: 'done', date: '1405/08/15' });
  await followup('I', '1405/08/25'); // overdue at the end of Aban and now
  await followup('J', '1405/08/30'); // due on Aban's last day: overdue at its end, and now
  await followup('K', '1405/08/28', { status: 'done', date: '1405/09/04' }); // overdue at the end of Aban, not now
});
afterAll(() => o.cleanup());

interface Monthly {
  period: { asOf: string };
  followups: { overdueAtEnd: number };
  previousMonth: { followups: { overdueAtEnd: number } };
}

const overdueNow = (): number[] => ['A', 'I', 'J'].map((n) => ids[n] as number).sort((a, b) => a - b);

describe('now: every output names the same follow-ups', () => {
  test('followup list --overdue', async () => {
    const list = await o.json<{ id: number }[]>(['followup', 'list', '--overdue']);
    expect(list.map((f) => f.id).sort((a, b) => a - b)).toEqual(overdueNow());
  });

  test('report monthly (the running month)', async () => {
    const r = await o.json<Monthly>(['report', 'monthly']);
    expect(r.period.asOf).toBe('2026-11-25');
    expect(r.followups.overdueAtEnd).toBe(3);
    // Aban, the month before, ended on 1405/08/30: F, I, J and K.
    expect(r.previousMonth.followups.overdueAtEnd).toBe(4);
  });

  test('the staff caseload', async () => {
    const staff = await o.json<{ caseload: { followupsOverdue: number } }[]>(['staff', 'list', '--caseload']);
    expect(staff.map((s) => s.caseload.followupsOverdue)).toEqual([3]);
  });

  test('the nightly run: summary, list and files', async () => {
    const dir = join(o.dir, 'reports');
    const r = await o.json<{
      followupsOverdue: number;
      attention: { overdueFollowups: { total: number; items: { id: number }[] } };
      files: string[];
    }>(['report', 'nightly', '--dir', dir]);
    expect(r.followupsOverdue).toBe(3);
    expect(r.attention.overdueFollowups.items.map((f) => f.id).sort((a, b) => a - b)).toEqual(overdueNow());
    const csv = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.csv')) as string), 'utf8');
    const row = csv.split('\r\n').find((l) => l.startsWith('followups.overdueAtEnd,')) as string;
    // The running month's column: the same three.
    expect(row.split(',')[2]).toBe('3');
  });
});

describe('the end of a past month', () => {
  test('report monthly --month 1405-08: due by its last day and not done or missed by then', async () => {
    const r = await o.json<Monthly>(['report', 'monthly', '--month', '1405-08']);
    expect(r.period.asOf).toBe('2026-11-21');
    // F (done after the month), I, J (due on its last day) and K (done today): not A–E (due later), G (cancelled) or H (done in it).
    expect(r.followups.overdueAtEnd).toBe(4);
  });
});
