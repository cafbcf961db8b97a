/**
 * Referrals as a kind of `export` and `import` (src/domain/import/entities/referrals.ts):
 * exported, imported into another office (its cases imported first), imported again
 * (nothing changes), exported again (the same rows); a stored referral awaiting its answer
 * answered by a row; rows that contradict themselves or the stored record refused, by
 * field and never by value.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../helpers/office.js';
import { office, type Office } from '../import/helpers.js';

let from: Office;

beforeAll(async () => {
  from = await office('KRJ01');
  const open = ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'child-abuse', '--risk', 'high'];
  await from.json([...open, '--opened', '1405/07/01']);
  await from.json([...open, '--opened', '1405/08/01']);
  // #1: sent, reminded, accepted, then feedback; #2: declined; #3: awaiting, reminded; #4: awaiting, on the closed case.
  await from.json([
    'referral',
    'add',
    '--case',
    '1',
    '--to',
    'court',
    '--agency',
    'دادگاه خانواده',
    '--reason',
    'حضانت',
    '--date',
    '1405/07/05',
  ]);
  await from.json(['referral', 'update', '1', '--status', 'sent', '--date', '1405/07/20', '--note', 'نامه دوم']);
  await from.json(['referral', 'update', '1', '--status', 'accepted', '--date', '1405/08/02']);
  await from.json(['referral', 'update', '1', '--status', 'feedback', '--date', '1405/08/15', '--note', 'جلسه برگزار شد']);
  await from.json([
    'referral',
    'add',
    '--case',
    '1',
    '--to',
    'hospital',
    '--agency',
    'بیمارستان',
    '--reason',
    'معاینه',
    '--date',
    '1405/07/10',
  ]);
  await from.json(['referral', 'update', '2', '--status', 'declined', '--date', '1405/07/12', '--note', 'ظرفیت ندارد']);
  await from.json([
    'referral',
    'add',
    '--case',
    '2',
    '--to',
    'school',
    '--agency',
    'مدرسه',
    '--reason',
    'پیگیری تحصیل',
    '--date',
    '1405/08/03',
  ]);
  await from.json(['referral', 'update', '3', '--status', 'sent', '--date', '1405/08/20']);
  await from.json(['referral', 'add', '--case', '2', '--to', 'ngo', '--agency', 'انجمن', '--reason', 'حمایت', '--date', '1405/08/04']);
  await from.json(['case', 'close', '2', '--reason', 'referred', '--date', '1405/08/05']);
  // #5: recorded by mistake, voided: it travels voided.
  await from.json(['referral', 'add', '--case', '1', '--to', 'other', '--agency', 'اشتباه', '--reason', 'اشتباه', '--date', '1405/08/06']);
  await from.json(['referral', 'void', '5', '--reason', 'روی پرونده دیگر ثبت شد']);
});
afterAll(() => from.cleanup());

const strip = (rows: { id: string }[]) => rows.map(({ id: _id, ...rest }) => rest);

describe('referrals travel as a kind of export and import', () => {
  it('export → import into another office → import again → export: the same rows', async () => {
    const exported = JSON.parse((await from.cli(['export', 'referrals', '--format', 'json'])).stdout);
    expect(exported[0]).toEqual({
      id: 'KRJ01:1',
      caseNumber: 'KRJ01-1405-000001',
      agencyKind: 'court',
      agency: 'دادگاه خانواده',
      sentOn: '2026-09-27',
      reason: 'حضانت',
      status: 'feedback',
      answer: 'accepted',
      answeredOn: '2026-10-24',
      statusOn: '2026-11-06',
      note: 'جلسه برگزار شد',
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    });
    expect(exported.map((r: { status: string; answer: string | null }) => [r.status, r.answer])).toEqual([
      ['feedback', 'accepted'],
      ['declined', 'declined'],
      ['sent', null],
      ['sent', null],
      ['sent', null],
    ]);
    expect(exported[4]).toMatchObject({ voidedBy: expect.any(String), voidReason: 'روی پرونده دیگر ثبت شد' });
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const to = await office('ABC02');
      try {
        for (const kind of ['cases', 'referrals']) {
          const file = join(from.dir, 'files', `${kind}.${format}`);
          const e = await from.json(['export', kind, '--format', format, '--out', file]);
          expect(await to.json(['import', kind, file])).toMatchObject({ inserted: e.rows, rejected: 0 });
          expect(await to.json(['import', kind, file])).toMatchObject({ inserted: 0, updated: 0, unchanged: e.rows, rejected: 0 });
        }
        const again = JSON.parse((await to.cli(['export', 'referrals', '--format', 'json'])).stdout);
        expect(strip(again), format).toEqual(strip(exported));
        // The first answer and the latest entry are carried; what lay between them is not (docs/decisions.md).
        expect(query(to.db, `SELECT status, on_date AS onDate, note FROM referral_events WHERE referral_id = 1 ORDER BY id`)).toEqual([
          { status: 'sent', onDate: '2026-09-27', note: null },
          { status: 'accepted', onDate: '2026-10-24', note: null },
          { status: 'feedback', onDate: '2026-11-06', note: 'جلسه برگزار شد' },
        ]);
        const check = await to.cli(['db', 'check', '--json']);
        expect(check.json().ok).toBe(true);
      } finally {
        to.cleanup();
      }
    }
  });

  it('a row answers a stored referral still awaiting one; any other difference is refused by field', async () => {
    const to = await office('ABC03');
    try {
      const cases = join(from.dir, 'files', 'cases-2.csv');
      await from.json(['export', 'cases', '--out', cases]);
      await to.json(['import', 'cases', cases]);
      const head = 'case,to,agency,sent-on,reason,status,answer,answered-on,status-on,note';
      const first = to.file('r1.csv', `${head}\nKRJ01-1405-000001,police,کلانتری,1405/08/10,گزارش,,,,,\n`);
      expect(await to.json(['import', 'referrals', first])).toMatchObject({ inserted: 1 });
      const answered = to.file('r2.csv', `${head}\nKRJ01-1405-000001,police,کلانتری,1405/08/10,گزارش,accepted,,1405/08/12,,پذیرفت\n`);
      expect(await to.json(['import', 'referrals', answered])).toMatchObject({ inserted: 0, updated: 1 });
      const r = (await to.json(['referral', 'list']))[0];
      expect([r.status, r.answeredOn]).toEqual(['accepted', '2026-11-03']);
      const declined = to.file('r3.csv', `${head}\nKRJ01-1405-000001,police,کلانتری,1405/08/10,گزارش,declined,,1405/08/12,,\n`);
      const refused = await to.cli(['import', 'referrals', declined, '--json']);
      expect(refused.code).toBe(2);
      expect(refused.json()).toMatchObject({ inserted: 0, updated: 0, rejected: 1 });
      expect(refused.stdout + refused.stderr).toContain('differs from the stored referral #1 in status');
      const contradict = to.file('r4.csv', `${head}\nKRJ01-1405-000001,court,دادگاه,1405/08/10,x,sent,accepted,1405/08/12,,\n`);
      const bad = await to.cli(['import', 'referrals', contradict, '--json']);
      expect(bad.code).toBe(2);
      expect(bad.stdout + bad.stderr).toContain('a referral still sent has no answer or answered-on');
      expect(bad.stdout + bad.stderr).not.toContain('دادگاه');
    } finally {
      to.cleanup();
    }
  });
});
