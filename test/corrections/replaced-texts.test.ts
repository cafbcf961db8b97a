/**
 * Corrections keep the text they replace (issue #12, migration 12): a case's summary
 * replaced by `case update`, a service's note replaced or cleared by `service correct`
 * (with or without a case), a client's notes replaced by `client update` or an import.
 * Each keeps the old text whole, who replaced it, when and why, and the timeline entry;
 * `case show` and `client show` show it (one line each, in 80 columns), --json carries it;
 * the audit trail still names fields only; the record is append-only.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/text-width.js';
import { makeOffice, query, stamp, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const SUMMARY = 'مادر زنگ زد؛ پسرش دو روز است به خانه نیامده و تهدید به خودکشی کرده است';
const NOTE = 'همسایه گفت شب‌ها صدای دعوا می‌آید';

/** Case 1 (client #1, summary SUMMARY, worker #1), service #1 on it with NOTE, service #2 a hotline call with no case and a note. */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--notes', 'یادداشت اول']);
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
    '1405/09/01',
    '--summary',
    SUMMARY,
  ]);
  await o.json(['service', 'log', '--case', '1', '--type', 'social-work', '--date', '1405/09/02', '--note', NOTE]);
  await o.json(['service', 'log', '--type', 'hotline-call', '--note', 'تماس بی‌صدا']);
  return o;
}

const replaced = (db: string) =>
  query(
    db,
    `SELECT id, record_type AS recordType, record_id AS recordId, field, old_text AS oldText, case_event_id AS caseEventId,
       replaced_by AS replacedBy, reason FROM replaced_texts ORDER BY id`,
  );

describe('case update --summary', () => {
  it('keeps the summary it replaced, with who, when, why and the timeline entry', async () => {
    const o = await office();
    await o.json(['case', 'update', '1', '--summary', 'پسر پیدا شد؛ پیگیری مشاوره', '--reason', 'خلاصه اشتباه ثبت شده بود'], {
      PARVANDE_USER: 'clerk',
    });
    const [event] = query<{ id: number; reason: string; text: string }>(
      o.db,
      `SELECT id, reason, text FROM case_events WHERE kind = 'updated'`,
    );
    expect(event).toEqual({ id: expect.any(Number), reason: 'summary', text: 'خلاصه اشتباه ثبت شده بود' });
    expect(replaced(o.db)).toEqual([
      {
        id: 1,
        recordType: 'case',
        recordId: 1,
        field: 'summary',
        oldText: SUMMARY,
        caseEventId: event?.id,
        replacedBy: 'clerk',
        reason: 'خلاصه اشتباه ثبت شده بود',
      },
    ]);
    // Without a reason (a summary needs none), and twice: each replaced text is kept.
    await o.json(['case', 'update', '1', '--summary', 'خلاصه سوم']);
    expect(replaced(o.db).map((r) => [r.oldText, r.reason])).toEqual([
      [SUMMARY, 'خلاصه اشتباه ثبت شده بود'],
      ['پسر پیدا شد؛ پیگیری مشاوره', null],
    ]);
    // The audit trail names the field, never a value.
    const audit = query<{ detail: string | null }>(o.db, `SELECT detail FROM audit_log WHERE action = 'update' AND record_type = 'case'`);
    for (const a of audit) {
      expect(a.detail ?? '').not.toContain('پسر');
      expect(a.detail ?? '').not.toContain('مادر');
    }
  });

  it('a first summary, or the same one again, replaces nothing and keeps nothing', async () => {
    const o = await office();
    await o.json(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    await o.json(['case', 'update', '2', '--summary', 'خلاصه نخست']);
    const same = await o.cli(['case', 'update', '1', '--summary', SUMMARY]);
    expect(same.code).toBe(2);
    expect(replaced(o.db)).toEqual([]);
  });

  it('case show: one line under the timeline, in 80 columns; --json carries the whole text', async () => {
    const o = await office();
    await o.json(['case', 'update', '1', '--summary', 'خلاصه درست', '--reason', 'اصلاح'], { PARVANDE_USER: 'clerk' });
    const show = await o.json(['case', 'show', '1']);
    expect(stamp(show.replacedTexts)).toEqual([
      {
        id: 1,
        recordType: 'case',
        recordId: 1,
        field: 'summary',
        oldText: SUMMARY,
        caseEventId: expect.any(Number),
        replacedAt: '<ts>',
        replacedBy: 'clerk',
        reason: 'اصلاح',
      },
    ]);
    const out = (await o.cli(['case', 'show', '1'])).stdout;
    const lines = out.split('\n');
    const at = lines.indexOf('Replaced text');
    expect(at).toBeGreaterThan(lines.indexOf('Timeline'));
    expect(lines[at + 2]).toMatch(/^│ When +│ Text +│ Was +│ By +│$/);
    expect(lines[at + 4]).toMatch(/^│ 1405\/\d\d\/\d\d \d\d:\d\d │ Summary │ مادر زنگ زد؛ پسرش دو روز است به خانه… │ clerk │$/);
    for (const line of lines.slice(at)) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    for (const line of (await o.cli(['--lang', 'fa', 'case', 'show', '1'])).stdout.split('\n').slice(at)) {
      expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    }
  });
});

describe('service correct --note', () => {
  it('keeps the note it replaced or cleared, with the reason, on a case and with no case', async () => {
    const o = await office();
    const clerk = { PARVANDE_USER: 'clerk' };
    await o.json(['service', 'correct', '1', '--note', 'یادداشت درست', '--reason', 'یادداشت پرونده دیگری بود'], clerk);
    await o.json(['service', 'correct', '1', '--note', '', '--reason', 'پاک شود'], clerk);
    await o.json(['service', 'correct', '2', '--note', '', '--reason', 'نام تماس‌گیرنده در یادداشت بود'], clerk);
    const events = query<{ id: number }>(o.db, `SELECT id FROM case_events WHERE kind = 'service-corrected' ORDER BY id`);
    expect(replaced(o.db)).toEqual([
      {
        id: 1,
        recordType: 'service',
        recordId: 1,
        field: 'note',
        oldText: NOTE,
        caseEventId: events[0]?.id,
        replacedBy: 'clerk',
        reason: 'یادداشت پرونده دیگری بود',
      },
      {
        id: 2,
        recordType: 'service',
        recordId: 1,
        field: 'note',
        oldText: 'یادداشت درست',
        caseEventId: events[1]?.id,
        replacedBy: 'clerk',
        reason: 'پاک شود',
      },
      {
        id: 3,
        recordType: 'service',
        recordId: 2,
        field: 'note',
        oldText: 'تماس بی‌صدا',
        caseEventId: null,
        replacedBy: 'clerk',
        reason: 'نام تماس‌گیرنده در یادداشت بود',
      },
    ]);
    // case show lists its own services' notes, not the hotline call's.
    const show = await o.json(['case', 'show', '1']);
    expect(show.replacedTexts.map((r: { id: number }) => r.id)).toEqual([1, 2]);
    expect((await o.cli(['case', 'show', '1'])).stdout).toContain('│ Note #1 │ همسایه گفت شب‌ها صدای دعوا می‌آید │');
  });

  it('a correction of other fields, or a note added where there was none, keeps nothing', async () => {
    const o = await office();
    await o.json(['service', 'log', '--case', '1', '--type', 'legal', '--date', '1405/09/03']);
    await o.json(['service', 'correct', '3', '--note', 'یادداشت تازه', '--reason', 'جا افتاده بود']);
    await o.json(['service', 'correct', '1', '--minutes', '30', '--reason', 'مدت']);
    expect(replaced(o.db)).toEqual([]);
  });
});

describe('client notes', () => {
  it('client update --notes and an import that replaces the notes keep them; client show lists them', async () => {
    const o = await office();
    await o.json(['client', 'update', '1', '--notes', 'یادداشت دوم', '--national-code', '0013542419'], { PARVANDE_USER: 'clerk' });
    const csv = join(o.dir, 'clients.csv');
    // The stored client is found by the national code.
    writeFileSync(csv, 'national-code,first-name,last-name,notes\r\n0013542419,زهرا,احمدی,یادداشت سوم\r\n');
    const imp = await o.cli(['import', 'clients', csv], { PARVANDE_USER: 'importer' });
    expect(imp.code, imp.stderr).toBe(0);
    expect(replaced(o.db).map((r) => [r.recordType, r.recordId, r.field, r.oldText, r.reason, r.caseEventId])).toEqual([
      ['client', 1, 'notes', 'یادداشت اول', null, null],
      ['client', 1, 'notes', 'یادداشت دوم', null, null],
    ]);
    const show = await o.json(['client', 'show', '1']);
    expect(show.notes).toBe('یادداشت سوم');
    expect(show.replacedNotes.map((r: { oldText: string; replacedBy: string }) => [r.oldText, r.replacedBy])).toEqual([
      ['یادداشت اول', 'clerk'],
      ['یادداشت دوم', 'importer'],
    ]);
    const card = (await o.cli(['client', 'show', '1'])).stdout;
    expect(card).toContain('Replaced text');
    expect(card).toContain('│ Notes │ یادداشت اول │ clerk    │');
  });
});

describe('the record of replaced texts', () => {
  it('is append-only: a row is never changed, removed or replaced', async () => {
    const o = await office();
    await o.json(['case', 'update', '1', '--summary', 'خلاصه درست']);
    const raw = new Database(o.db);
    try {
      expect(() => raw.prepare(`UPDATE replaced_texts SET old_text = 'x'`).run()).toThrow(/append-only/);
      expect(() => raw.prepare(`DELETE FROM replaced_texts`).run()).toThrow(/append-only/);
      expect(() =>
        raw
          .prepare(
            `INSERT OR REPLACE INTO replaced_texts (id, record_type, record_id, field, old_text, replaced_at, replaced_by)
             VALUES (1, 'case', 1, 'summary', 'x', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/append-only/);
      expect(() =>
        raw
          .prepare(
            `INSERT INTO replaced_texts (record_type, record_id, field, old_text, replaced_at, replaced_by) VALUES ('case', 1, 'note', 'x', 'x', 'x')`,
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      raw.close();
    }
    expect(replaced(o.db).map((r) => r.oldText)).toEqual([SUMMARY]);
  });
});
