/**
 * The redaction rules themselves, over every kind of record import and export
 * know (so a kind added later is covered): what is left out, which columns
 * carry pseudonyms, how a pseudonym is made, and what a report keeps.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../src/domain/import/registry.js';
import { exportRedaction, Pseudonyms, redactReport } from '../../src/domain/redact.js';

const KEY = 'ab'.repeat(32);
const pseudonyms = new Pseudonyms(KEY);
const expected = (prefix: string, input: string): string =>
  `${prefix}-${createHmac('sha256', Buffer.from(KEY, 'hex')).update(input).digest('hex').slice(0, 12)}`;

/** Columns that name a person by record, by kind of record. */
const PEOPLE_COLUMNS: Record<string, string> = {
  'clients.id': 'P',
  'staff.id': 'S',
  'clients.merged-into': 'P',
  'cases.client-id': 'P',
  'cases.worker-id': 'S',
  'services.worker-id': 'S',
  'followups.worker-id': 'S',
  'roster-assignments.staff': 'S',
  'enrolments.staff': 'S',
  'enrolments.client': 'P',
  'workshops.facilitator': 'S',
};

/** Columns that name a case by its number: numbers run in order of opening, so a pseudonym instead. */
const CASE_COLUMNS = new Set(['cases.case-number', 'services.case', 'followups.case', 'referrals.case']);

/**
 * What a redacted file keeps of each kind of record about people, besides pseudonyms (the spec;
 * src/domain/redact.ts REDACTED_FACTS must agree): few enough facts that at most 5 % of the demo
 * office's records are unique on them (test/privacy/reidentification.test.ts measures it).
 */
const FACTS: Record<string, string[]> = {
  clients: ['sex', 'informal-settlement', 'woman-head', 'registered-on'],
  cases: ['category', 'risk', 'opened-on', 'status'],
  services: ['date', 'type', 'channel'],
  followups: ['due-on', 'status', 'done-on', 'from-plan'],
  referrals: ['to', 'sent-on', 'status'],
  staff: ['role'],
  enrolments: ['course', 'status', 'requested-on'],
  'roster-assignments': ['date', 'service'],
  workshops: ['topic', 'date', 'center', 'hours', 'female', 'male'],
};

describe('export redaction of every kind of record', () => {
  for (const entity of ENTITIES) {
    it(`${entity.name}: people and cases as pseudonyms; of people's records only the listed facts; dates as months`, () => {
      const r = exportRedaction(entity, pseudonyms, 'PRV01');
      for (const f of entity.fields) {
        const at = `${entity.name}.${f.name}`;
        const person = PEOPLE_COLUMNS[at];
        if (person !== undefined) {
          expect(r.keeps(f), at).toBe(true);
          expect(r.pseudonymous(f), at).toBe(true);
          expect(r.cell(f, 'PRV01:12')).toBe(expected(person, `${person === 'P' ? 'client' : 'staff'}:12`));
          expect(r.cell(f, null)).toBeNull();
          // A person of another office's file: still a pseudonym, never the id as written.
          expect(r.cell(f, 'KRJ01:12')).toBe(expected(person, `${person === 'P' ? 'client' : 'staff'}:ext:KRJ01:12`));
          continue;
        }
        if (CASE_COLUMNS.has(at)) {
          expect(r.keeps(f), at).toBe(true);
          expect(r.cell(f, 'prv01-1405-000012'), at).toBe(expected('C', 'case:PRV01-1405-000012'));
          continue;
        }
        const facts = FACTS[entity.name];
        const personal =
          f.personal === true ||
          ['name', 'national-code', 'mobile', 'phone', 'note'].includes(f.kind) ||
          ['address', 'membership-no', 'certificate'].includes(f.name);
        const kept = facts !== undefined ? facts.includes(f.name) : !personal;
        expect(r.keeps(f), at).toBe(kept);
        if (!kept) continue;
        if (f.kind === 'date') expect(r.cell(f, { date: '2026-11-25' }), at).toBe('1405-09');
        // Text that looks like a phone or an address typed into any kept column is blanked.
        expect(r.cell(f, 'تلفن ۰۹۱۲۳۴۵۶۷۸۹'), at).toBeNull();
        expect(r.cell(f, 'someone@example.org'), at).toBeNull();
        expect(r.cell(f, 'کرج'), at).toBe('کرج');
      }
    });
  }
});

describe('pseudonyms', () => {
  it('HMAC-SHA256 of kind and record id under the office key, 12 hex digits; clients and staff apart', () => {
    expect(pseudonyms.of('client', 7)).toBe(expected('P', 'client:7'));
    expect(pseudonyms.of('staff', 7)).toBe(expected('S', 'staff:7'));
    expect(pseudonyms.of('client', 7).slice(2)).not.toBe(pseudonyms.of('staff', 7).slice(2));
    expect(new Pseudonyms('cd'.repeat(32)).of('client', 7)).not.toBe(pseudonyms.of('client', 7));
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => pseudonyms.of('client', i + 1)));
    expect(many.size).toBe(20_000);
  });
});

describe('report redaction', () => {
  it('every caseload by worker, at any depth, names workers by pseudonym; centers, nobody and figures stay', () => {
    const figures = {
      cases: {
        opened: 3,
        byCenter: [{ id: 2, name: 'مرکز مداخله کرج', opened: 1, openAtEnd: 1 }],
        byWorker: [
          { id: 4, name: 'مریم رضایی', opened: 2, openAtEnd: 1 },
          { id: null, name: null, opened: 1, openAtEnd: 0 },
        ],
      },
    };
    const report = { office: { code: 'PRV01', name: 'دفتر' }, ...figures, previousMonth: figures, months: [figures, figures] };
    const out = redactReport(report, pseudonyms);
    for (const f of [out, out.previousMonth, out.months[0], out.months[1]]) {
      expect(f?.cases.byWorker).toEqual([
        { id: 4, name: expected('S', 'staff:4'), opened: 2, openAtEnd: 1 },
        { id: null, name: null, opened: 1, openAtEnd: 0 },
      ]);
      expect(f?.cases.byCenter).toEqual(figures.cases.byCenter);
    }
    expect(out.office).toEqual(report.office);
    // The report given is left as it was.
    expect(report.cases.byWorker[0]?.name).toBe('مریم رضایی');
  });
});

describe('messages never repeat a national code or phone typed in the wrong place', () => {
  it('runs of seven or more digits, in any script, are hidden; dates, counts, case numbers and fractions stay', async () => {
    const { hideLongNumbers } = await import('../../src/lang/digits.js');
    expect(hideLongNumbers('09127770011')).toBe('(hidden)');
    expect(hideLongNumbers('+989127770011')).toBe('+(hidden)');
    expect(hideLongNumbers('۲۴۶۸۱۳۵۷۹۱')).toBe('(hidden)');
    expect(hideLongNumbers('9127770011.0')).toBe('(hidden).0');
    // A local phone number of a small town has seven digits.
    expect(hideLongNumbers('3447712')).toBe('(hidden)');
    expect(hideLongNumbers('tel ۳۴۴۷۷۱۲')).toBe('tel (hidden)');
    for (const kept of ['1405/09/04', '2026-11-25', '123456', '0.8333333333', 'KRJ01-1405-000012'])
      expect(hideLongNumbers(kept)).toBe(kept);
    const { parseDateInput } = await import('../../src/lang/dates.js');
    expect(() => parseDateInput('09127770011', { today: '2026-11-25', field: 'due' })).toThrow(/^invalid date for --due: /);
    const { parseInteger } = await import('../../src/domain/fields.js');
    // Field errors name the field and the rule, never the value.
    expect(() => parseInteger('09127770011', 'minutes', { max: 1440 })).toThrow(/^invalid minutes: must be at most 1440$/);
    expect(() => parseInteger('Zzplantedname', 'minutes')).toThrow(/^invalid minutes: expected a whole number$/);
  });
});
