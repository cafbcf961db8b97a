/**
 * What an import does with the rows it reads: the same checks as the commands,
 * --dry-run and --all-or-nothing write nothing, a second run changes nothing,
 * refused rows go to an owner-only rejects file and never show personal values,
 * and people who may be the same are reported, never merged.
 */
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dump, office, query, type Office } from './helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from './make-fixtures.mjs';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const NC1 = nationalCode('001354241');
const NC2 = nationalCode('002000013');
const NC3 = nationalCode('123456789');

const csv = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const HEADER = ['first-name', 'last-name', 'national-code', 'birth-date', 'mobile', 'county'];
const good = (): string =>
  csv([
    HEADER,
    ['زهرا', 'احمدی', NC1, '1370/05/12', '09121234567', 'کرج'],
    ['علی', 'کریمی', NC2, '1365/01/01', '', 'فردیس'],
    ['مریم', 'رضایی', '', '1380/12/29', '', ''],
  ]);

describe('runs', () => {
  test('--dry-run counts what would happen and writes nothing, not even a rejects file', async () => {
    const file = o.file('c.csv', good() + 'سارا,نوری,1234567890,,,\r\n');
    const before = dump(o.db);
    const r = await o.cli(['import', 'clients', file, '--dry-run', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({
      dryRun: true,
      committed: false,
      rows: 4,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      batchId: null,
      rejectsFile: null,
    });
    expect(dump(o.db)).toBe(before);
    expect(() => statSync(file.replace('.csv', '.rejects.csv'))).toThrow();
  });

  test('a second import of the same file changes nothing', async () => {
    const file = o.file('c.csv', good());
    expect(await o.json(['import', 'clients', file])).toMatchObject({ inserted: 3, unchanged: 0 });
    const clientsBefore = query(o.db, 'SELECT * FROM clients ORDER BY id');
    const again = await o.json(['import', 'clients', file]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(query(o.db, 'SELECT * FROM clients ORDER BY id')).toEqual(clientsBefore);
    const runs = query(o.db, 'SELECT entity, status, inserted, updated, unchanged, rejected FROM import_batches ORDER BY id');
    expect(runs).toEqual([
      { entity: 'clients', status: 'done', inserted: 3, updated: 0, unchanged: 0, rejected: 0 },
      { entity: 'clients', status: 'done', inserted: 0, updated: 0, unchanged: 3, rejected: 0 },
    ]);
  });

  test('--all-or-nothing stores nothing when a row is refused, and everything when none is', async () => {
    const before = dump(o.db);
    const bad = o.file('bad.csv', good() + 'سارا,نوری,1234567890,,,\r\n');
    const r = await o.cli(['import', 'clients', bad, '--all-or-nothing', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ committed: false, inserted: 3, rejected: 1, batchId: null });
    expect(r.stderr).toContain('nothing was stored');
    expect(dump(o.db)).toBe(before);
    const ok = await o.json(['import', 'clients', o.file('ok.csv', good()), '--all-or-nothing']);
    expect(ok).toMatchObject({ committed: true, inserted: 3 });
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')[0].n).toBe(3);
  });

  test('small batches: each is its own transaction, and the run records its counts', async () => {
    const r = await o.json(['import', 'clients', o.file('c.csv', good()), '--batch-size', '1']);
    expect(r).toMatchObject({ inserted: 3 });
    expect(query(o.db, `SELECT count(*) AS n FROM audit_log WHERE action = 'import'`)[0].n).toBe(1);
  });

  test('without a terminal there is no progress bar: stderr stays empty', async () => {
    const r = await o.cli(['import', 'clients', o.file('c.csv', good())]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('refused rows', () => {
  test('each names row, column, value (hidden when personal) and reason; the valid rows are stored', async () => {
    const file = o.file(
      'c.csv',
      csv([
        ['first-name', 'last-name', 'national-code', 'sex', 'birth-date', 'county'],
        ['زهرا', 'احمدی', NC1, 'female', '', 'کرج'],
        ['علی', 'کریمی', '1234567890', 'male', '', ''],
        ['مریم', 'رضایی', '', 'other', '', ''],
        ['سارا', 'نوری', '', '', '1370/13/01', ''],
      ]),
    );
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.code).toBe(2);
    const report = r.json();
    expect(report).toMatchObject({ committed: true, inserted: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { row: 3, column: 'national-code', field: 'national-code', value: '(hidden)', reason: 'national code fails the checksum' },
      { row: 4, column: 'sex', field: 'sex', value: 'other', reason: 'invalid sex: expected one of female, male' },
      {
        row: 5,
        column: 'birth-date',
        field: 'birth-date',
        value: '(hidden)',
        reason: 'invalid date for --birth-date: month 13 does not exist; expected 1-12',
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('1234567890');
    expect(JSON.stringify(report)).not.toContain('1370/13/01');
    expect(r.stderr).toBe(
      `${JSON.stringify({ error: { code: 'invalid', message: '3 of 4 rows refused (first: row 3, column national-code: national code fails the checksum); the other rows were stored', field: 'rows' } })}\n`,
    );
  });

  test('the rejects file: beside the input, same format plus an error column, owner-only, and it imports once fixed', async () => {
    const file = o.file('c.csv', csv([HEADER, ['زهرا', 'احمدی', NC1, '', '', ''], ['علی', 'کریمی', '1234567890', '', '', 'کرج']]));
    await o.cli(['import', 'clients', file]);
    const rejects = file.replace('.csv', '.rejects.csv');
    // The input had no byte-order mark, so neither has its rejects file.
    expect(readFileSync(rejects, 'utf8')).toBe(
      `${HEADER.join(',')},error\r\nعلی,کریمی,1234567890,,,کرج,column national-code: national code fails the checksum\r\n`,
    );
    if (process.platform !== 'win32') expect(statSync(rejects).mode & 0o777).toBe(0o600);
    const fixed = o.file('fixed.csv', readFileSync(rejects, 'utf8').replace('1234567890', NC2));
    expect(await o.json(['import', 'clients', fixed])).toMatchObject({ inserted: 1, rejected: 0 });
  });

  test('the rejects file of a semicolon, Windows-1256 file is a semicolon, Windows-1256 file', async () => {
    const iconv = (await import('iconv-lite')).default;
    const file = o.file('c.csv', iconv.encode('نام;نام خانوادگي;كد ملي\r\nعلي;كريمي;1234567890\r\n', 'windows-1256'));
    await o.cli(['import', 'clients', file]);
    const bytes = readFileSync(file.replace('.csv', '.rejects.csv'));
    expect(iconv.decode(bytes, 'windows-1256')).toBe(
      'نام;نام خانوادگي;كد ملي;error\r\nعلي;كريمي;1234567890;column كد ملي: national code fails the checksum\r\n',
    );
  });

  test('two rows of one file for the same person: the second is refused, naming the first', async () => {
    const file = o.file('c.csv', csv([HEADER, ['زهرا', 'احمدی', NC1, '', '', ''], ['زهرا', 'احمدي', NC1, '', '09121234567', '']]));
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.json()).toMatchObject({
      inserted: 1,
      rejected: 1,
      errors: [{ row: 3, reason: 'the same client as row 2 of this file: keep one of the two rows' }],
    });
    expect(query(o.db, 'SELECT mobile FROM clients')).toEqual([{ mobile: null }]);
  });

  test('a value under a column with no header refuses the row', async () => {
    const r = await o.cli(['import', 'clients', o.file('c.csv', 'first-name,,last-name\r\nزهرا,,احمدی\r\nعلی,x,کریمی\r\n'), '--json']);
    expect(r.json()).toMatchObject({
      inserted: 1,
      rejected: 1,
      errors: [{ row: 3, column: '#2', value: 'x', reason: 'a value under a column with no header' }],
    });
  });
});

describe('keys, updates and duplicates', () => {
  test('a later file updates a client found by national code; an empty cell never erases', async () => {
    await o.json(['import', 'clients', o.file('a.csv', good())]);
    const r = await o.json([
      'import',
      'clients',
      o.file(
        'b.csv',
        csv([
          ['کد ملی', 'تلفن همراه', 'نام', 'نام خانوادگی', 'شهرستان'],
          [NC1, '09351112233', 'زهرا', 'احمدی', ''],
        ]),
      ),
    ]);
    expect(r).toMatchObject({ inserted: 0, updated: 1 });
    expect(query(o.db, 'SELECT mobile, county FROM clients WHERE national_code = ?', NC1)).toEqual([
      { mobile: '+989351112233', county: 'کرج' },
    ]);
    expect(query(o.db, `SELECT detail FROM audit_log WHERE action = 'update' AND record_type = 'client'`)).toEqual([{ detail: 'mobile' }]);
  });

  test('no national code: name (same spelling) and birth date are the key', async () => {
    const file = o.file('c.csv', csv([HEADER, ['مریم', 'رضایی', '', '1380/12/29', '', '']]));
    await o.json(['import', 'clients', file]);
    expect(await o.json(['import', 'clients', file])).toMatchObject({ unchanged: 1, inserted: 0 });
  });

  test('a name that differs only in spelling is stored apart and reported, never merged', async () => {
    await o.json(['import', 'clients', o.file('a.csv', csv([HEADER, ['محمدعلی', 'موسوی', '', '1360/01/01', '', '']]))]);
    const r = await o.json(['import', 'clients', o.file('b.csv', csv([HEADER, ['محمد‌علی', 'موسوی', '', '1360/01/01', '', '']]))]);
    expect(r).toMatchObject({
      inserted: 1,
      possibleDuplicates: 1,
      duplicates: [{ row: 2, id: 2, existingId: 1, reason: 'same name spelled differently, same birth date' }],
    });
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')[0].n).toBe(2);
  });

  test('namesakes with different national codes are different people: not reported', async () => {
    const r = await o.json([
      'import',
      'clients',
      o.file('c.csv', csv([HEADER, ['زهرا', 'احمدی', NC1, '1370/05/12', '', ''], ['زهرا', 'احمدی', NC3, '1370/05/12', '', '']])),
    ]);
    expect(r).toMatchObject({ inserted: 2, possibleDuplicates: 0 });
  });

  test('ids from another source are remembered: the same file again finds the same records', async () => {
    const file = o.file(
      'c.csv',
      csv([
        ['شناسه', 'نام', 'نام خانوادگی'],
        ['P-7', 'زهرا', 'احمدی'],
        ['P-8', 'زهرا', 'احمدی'],
      ]),
    );
    expect(await o.json(['import', 'clients', file])).toMatchObject({ inserted: 2 });
    expect(await o.json(['import', 'clients', file])).toMatchObject({ inserted: 0, unchanged: 2 });
    expect(query(o.db, 'SELECT entity, external_id, record_id FROM import_keys ORDER BY record_id')).toEqual([
      { entity: 'clients', external_id: 'P-7', record_id: 1 },
      { entity: 'clients', external_id: 'P-8', record_id: 2 },
    ]);
  });

  test("this office's own ids (from an export) name the record even when the national code was corrected", async () => {
    await o.json(['import', 'clients', o.file('a.csv', good())]);
    const r = await o.json([
      'import',
      'clients',
      o.file(
        'b.csv',
        csv([
          ['id', 'first-name', 'last-name', 'national-code'],
          ['TST01:1', 'زهرا', 'احمدی', NC3],
        ]),
      ),
    ]);
    expect(r).toMatchObject({ updated: 1, inserted: 0 });
    expect(query(o.db, 'SELECT national_code FROM clients WHERE id = 1')).toEqual([{ national_code: NC3 }]);
    const missing = await o.cli([
      'import',
      'clients',
      o.file(
        'c.csv',
        csv([
          ['id', 'first-name', 'last-name'],
          ['TST01:99', 'x', 'y'],
        ]),
      ),
      '--json',
    ]);
    expect(missing.json().errors[0]).toMatchObject({ row: 2, column: 'id', reason: 'no client TST01:99 in this office' });
  });
});

describe('columns', () => {
  test('--map reads an unusual header as a field, and "-" skips a column', async () => {
    const file = o.file(
      'c.csv',
      csv([
        ['اسم', 'فامیلی', 'نام پدر'],
        ['زهرا', 'احمدی', 'حسن'],
      ]),
    );
    const r = await o.json(['import', 'clients', file, '--map', 'اسم=first-name', '--map', 'نام پدر=-']);
    expect(r).toMatchObject({ inserted: 1 });
    expect(query(o.db, 'SELECT first_name, last_name FROM clients')).toEqual([{ first_name: 'زهرا', last_name: 'احمدی' }]);
  });

  test('--map naming a field that does not exist, or a column the file lacks', async () => {
    const file = o.file(
      'c.csv',
      csv([
        ['first-name', 'last-name'],
        ['زهرا', 'احمدی'],
      ]),
    );
    const a = await o.cli(['import', 'clients', file, '--map', 'first-name=father']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^error: invalid --map: no field has the name given after "="; fields are /);
    const b = await o.cli(['import', 'clients', file, '--map', 'پدر=-']);
    expect(b.stderr).toBe('error: --map number 1 names a column the file does not have\n');
  });

  test('two columns for one field are refused before any row is read', async () => {
    const r = await o.cli([
      'import',
      'clients',
      o.file(
        'c.csv',
        csv([
          ['first-name', 'last-name', 'mobile', 'موبایل'],
          ['زهرا', 'احمدی', '', ''],
        ]),
      ),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: columns [A-Z]+ and [A-Z]+ both give mobile: remove one or map it elsewhere with --map\n$/);
  });

  test('an unknown kind', async () => {
    const r = await o.cli(['import', 'people', o.file('c.csv', good())]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: unknown kind: expected centers, staff, clients, cases, services, followups, referrals, shift-patterns, roster-assignments, courses, enrolments, workshops\n',
    );
  });
});
