/**
 * The searches behind the name prompts (issue #13): the Persian matching key (ي/ی, ك/ک, ZWNJ,
 * spaces, word order), a bounded number of rows, and nothing of a client beyond what the
 * prompt may show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickCenters, pickClients, pickStaff, PICK_LIMIT } from '../../src/domain/pickers.js';
import { Db } from '../../src/store/database.js';
import { makeOffice, type TestOffice } from '../helpers/office.js';

let office: TestOffice;
let db: Db;

beforeAll(async () => {
  office = await makeOffice('PKS01');
  await office.json([
    'client',
    'add',
    '--first-name',
    'محمد‌علی',
    '--last-name',
    'کریمی',
    '--national-code',
    '0013542419',
    '--birth-date',
    '1370/05/12',
  ]);
  for (let i = 0; i < 25; i++) await office.json(['client', 'add', '--first-name', 'زهرا', '--last-name', `احمدی${i}`]);
  await office.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0023456787']);
  await office.json(['client', 'merge', '27', '2', '--yes']);
  await office.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await office.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'کاظمی', '--role', 'psychologist', '--sector', 'gov']);
  await office.json(['staff', 'leave', '1']);
  await office.json(['center', 'add', '--name', 'پایگاه خدمات اجتماعی اسلام‌آباد', '--kind', 'service-base', '--sector', 'ngo']);
  db = Db.open(office.db);
});
afterAll(() => {
  db?.close();
  office.cleanup();
});

const clients = (term: string) => db.read((r) => pickClients({ db: r }, term));

describe('the client search', () => {
  it('matches by the Persian key: Arabic letters, ZWNJ or a space, and words in any order', () => {
    for (const term of ['محمدعلي', 'محمد علی', 'كريمي محمد', 'محمد‌علی کریمی']) {
      expect(
        clients(term).map((c) => c.id),
        term,
      ).toEqual([1]);
    }
  });

  it('reads at most PICK_LIMIT rows, newest first, leaving merged records out', () => {
    const found = clients('زهرا');
    expect(found).toHaveLength(PICK_LIMIT);
    expect(found[0]?.id).toBe(27);
    expect(found.map((c) => c.id)).not.toContain(2);
  });

  it('takes an id or the start of a national code; lists nobody for one letter or nothing typed', () => {
    expect(clients('۱').map((c) => c.id)).toEqual([1]);
    expect(clients('#27').map((c) => c.id)).toEqual([27]);
    expect(clients('002').map((c) => c.id)).toEqual([27]);
    expect(clients('ز')).toEqual([]);
    expect(clients('  ')).toEqual([]);
  });

  it('carries only the last four digits of the national code', () => {
    expect(clients('محمد')[0]).toEqual({
      id: 1,
      firstName: 'محمد‌علی',
      lastName: 'کریمی',
      birthDate: '1991-08-03',
      nationalCodeEnd: '2419',
    });
  });
});

describe('the staff and center searches', () => {
  it('lists the people still working first, and finds the one who left too', () => {
    expect(db.read((r) => pickStaff({ db: r }, 'مريم')).map((s) => [s.id, s.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(db.read((r) => pickStaff({ db: r }, '')).length).toBe(2);
  });

  it('finds a center by a word of its name or its id', () => {
    expect(db.read((r) => pickCenters({ db: r }, 'اسلام آباد')).map((c) => c.id)).toEqual([1]);
    expect(db.read((r) => pickCenters({ db: r }, '1')).map((c) => c.id)).toEqual([1]);
    expect(db.read((r) => pickCenters({ db: r }, 'کرج'))).toEqual([]);
  });
});
