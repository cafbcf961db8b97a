/**
 * Report packages: an office's figures, counts only, and the province's table built from them.
 * The table from packages must equal the roll-up of the same offices' files; a package must hold
 * no name, national code, note or case number; a changed, doubled or mismatched package is refused.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TestOffice } from './fixture.js';
import { addDaysIso, jd, seeded } from './oracle.js';

const offices: TestOffice[] = [];
const PLANTED = { client: 'پرستوپلنت', worker: 'کارشناسپلنت', center: 'مرکزپلنت', code: '0013542419' };

function fill(o: TestOffice, seed: number): void {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const center = o.center(`${PLANTED.center} ${seed}`);
  const worker = o.worker(PLANTED.worker, `${seed}`);
  o.batch(() => {
    for (let day = jd(1405, 7, 1); day <= '2026-11-25'; day = addDaysIso(day, 1)) {
      const client = rnd() < 0.3 ? o.client({ registered: day, sex: pick(['female', 'male', null]), name: PLANTED.client }) : undefined;
      if (rnd() < 0.5) {
        const c = o.openCase({
          opened: day,
          category: pick(['suicide', 'child-abuse', 'spouse-abuse']),
          center: pick([center, null]),
          worker: pick([worker, null]),
          ...(client === undefined ? {} : { client }),
        });
        o.service({ date: day, type: pick(['crisis-intervention', 'mobile-team', 'hotline-call']), case: c });
        const f = o.followup(c, addDaysIso(day, 5));
        if (rnd() < 0.5 && addDaysIso(day, 6) <= '2026-11-25') o.finish(f, 'done', addDaysIso(day, 6));
        if (rnd() < 0.3 && addDaysIso(day, 3) <= '2026-11-25') o.close(c, addDaysIso(day, 3), pick(['resolved', 'referred']));
        if (rnd() < 0.2) o.referral(c, day, pick(['police', 'hospital', 'ngo']));
      }
      if (rnd() < 0.3) o.service({ date: day, type: 'hotline-call' });
    }
  });
}

let dir: string;
const pkg = (i: number, month = '1405-08'): string => join(dir, `pkg-${i}-${month}.json`);

beforeAll(async () => {
  for (const [i, code] of ['PKA01', 'PKB01'].entries()) {
    const o = await TestOffice.create(code);
    fill(o, 11 + i);
    offices.push(o);
  }
  dir = (offices[0] as TestOffice).dir;
  for (const [i, o] of offices.entries()) {
    for (const month of ['1405-08', '1405-07']) {
      const r = await o.cli(['report', 'package', '--month', month, '--out', pkg(i, month), '--json']);
      expect(r.code, r.stderr).toBe(0);
    }
    const y = await o.cli(['report', 'package', '--year', '1405', '--out', join(dir, `year-${i}.json`)]);
    expect(y.code, y.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => {
  for (const o of offices) o.cleanup();
});

const a = (): TestOffice => offices[0] as TestOffice;
const b = (): TestOffice => offices[1] as TestOffice;

describe('report package', () => {
  it('holds counts only: no name, national code, case number or note, and is owner-only', () => {
    const text = readFileSync(pkg(0), 'utf8');
    for (const planted of Object.values(PLANTED)) expect(text).not.toContain(planted);
    expect(text).not.toMatch(/PKA01-1405-\d{6}/);
    const p = JSON.parse(text);
    expect(p).toMatchObject({ format: 'parvande-report-package', version: 1, kind: 'monthly', office: { code: 'PKA01' }, of: '1405-08' });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(pkg(0)).mode & 0o777).toBe(0o600);
  });

  it("the province's table from packages equals the roll-up of the offices' files (monthly and year)", async () => {
    for (const [kind, files, period] of [
      ['monthly', [pkg(0), pkg(1)], ['--month', '1405-08']],
      ['year', [join(dir, 'year-0.json'), join(dir, 'year-1.json')], ['--year', '1405']],
    ] as const) {
      const fromPackages = await a().report([kind, ...files.flatMap((f) => ['--package', f])]);
      const fromFiles = (await runCli(['--db', a().path, '--db', b().path, 'report', kind, ...period, '--json'])).json<any>();
      expect(fromPackages.total).toEqual(fromFiles.total);
      expect(fromPackages.offices.map((o: { code: string }) => o.code)).toEqual(['PKA01', 'PKB01']);
      // Each office's own figures too, less what a package does not hold (the lists by center and worker, the staff section).
      for (const code of ['PKA01', 'PKB01']) {
        const mine = fromPackages.byOffice[code];
        const theirs = fromFiles.byOffice[code];
        const strip = (f: any) => ({
          ...f,
          services: { ...f.services, byWorker: [] },
          cases: { ...f.cases, byCenter: [], byWorker: [] },
        });
        if (kind === 'monthly') {
          const { people: _p, ...rest } = theirs;
          expect(mine).toEqual({ ...strip(rest), previousMonth: strip(rest.previousMonth), yearToDate: strip(rest.yearToDate) });
        } else {
          expect(mine.total).toEqual(strip(theirs.total));
          expect(mine.months).toEqual(theirs.months.map(strip));
        }
      }
    }
  });

  it('prints the package itself with --out -', async () => {
    const r = await a().cli(['report', 'package', '--month', '1405-08', '--out', '-']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    const { madeAt: _m, sha256: _s, ...body } = p;
    const { madeAt: _m2, sha256: _s2, ...written } = JSON.parse(readFileSync(pkg(0), 'utf8'));
    expect(body).toEqual(written);
  });

  it('refuses a changed package, two of one office, mismatched periods or kinds, and packages with several --db', async () => {
    const changed = join(dir, 'changed.json');
    const p = JSON.parse(readFileSync(pkg(1), 'utf8'));
    p.periods[0].clients.registered += 1;
    writeFileSync(changed, JSON.stringify(p));
    const cases: [string[], number, RegExp][] = [
      [['--package', pkg(0), '--package', changed], 2, /fails its checksum/],
      [['--package', pkg(0), '--package', join(dir, 'nothing.json')], 2, /cannot be read/],
      [['--package', pkg(0), '--package', pkg(0)], 4, /given twice/],
      [['--package', pkg(0), '--package', pkg(1, '1405-07')], 4, /of 1405-07, not 1405-08/],
      [['--month', '1405-07', '--package', pkg(0)], 4, /of 1405-08, not 1405-07/],
      [['--package', pkg(0), '--package', join(dir, 'year-1.json')], 4, /is a year package/],
      [['--package', pkg(0), '--worker', '1'], 2, /do not apply/],
    ];
    for (const [args, code, message] of cases) {
      const r = await a().cli(['report', 'monthly', ...args]);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'first-name,last-name\n');
    expect((await a().cli(['report', 'monthly', '--package', notJson])).code).toBe(2);
    const both = await runCli(['--db', a().path, '--db', b().path, 'report', 'monthly', '--package', pkg(0)]);
    expect(both.code).toBe(2);
  });

  it('never writes over the database, and needs --force for an existing file', async () => {
    expect((await a().cli(['report', 'package', '--out', a().path, '--force'])).code).toBe(2);
    expect((await a().cli(['report', 'package', '--month', '1405-08', '--out', pkg(0)])).code).toBe(2);
    expect((await a().cli(['report', 'package', '--month', '1405-08', '--out', pkg(0), '--force'])).code).toBe(0);
  });
});
