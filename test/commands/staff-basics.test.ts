/**
 * The staff paths cases depend on (the roster and training tests live with that
 * capability): add, list, show, update, deactivate. Shapes are matched, not pinned,
 * because the staff register adds its own fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, oneLine, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  return o;
}

describe('staff basics', () => {
  it('add, list, show, update, deactivate', async () => {
    const o = await office();
    await o.json(['center', 'add', '--name', 'مرکز یک', '--kind', 'social-emergency', '--sector', 'gov']);
    const a = await o.json([
      'staff',
      'add',
      '--first-name',
      'مریم',
      '--last-name',
      'رضایی',
      '--role',
      'social-worker',
      '--sector',
      'gov',
      '--center',
      '1',
    ]);
    expect(a).toMatchObject({
      id: 1,
      firstName: 'مریم',
      lastName: 'رضایی',
      role: 'social-worker',
      sector: 'gov',
      centerId: 1,
      active: true,
    });
    const b = await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'روانشناس', '--sector', 'ngo']);
    expect(b).toMatchObject({ id: 2, role: 'psychologist', sector: 'ngo', centerId: null, active: true });

    const list = await o.json<{ id: number }[]>(['staff', 'list']);
    expect(list.map((s) => s.id).sort()).toEqual([1, 2]);
    const psych = await o.json<{ id: number }[]>(['staff', 'list', '--role', 'psychologist']);
    expect(psych.map((s) => s.id)).toEqual([2]);

    await o.json(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--worker', '1']);
    const shown = await o.json(['staff', 'show', 'مريم رضايي']);
    expect(shown).toMatchObject({ id: 1, firstName: 'مریم', caseload: { openCases: 1 } });

    const u = await o.json(['staff', 'update', '2', '--role', 'intervener']);
    expect(u).toMatchObject({ id: 2, role: 'intervener' });

    const d = await o.json(['staff', 'deactivate', '2']);
    expect(d).toMatchObject({ id: 2, active: false });
    const active = await o.json<{ id: number }[]>(['staff', 'list', '--status', 'active']);
    expect(active.map((s) => s.id)).toEqual([1]);
  });

  it('a worker who left cannot take new work (4); unknown staff (3); twice deactivated (4)', async () => {
    const o = await office();
    await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'ngo']);
    await o.json(['staff', 'deactivate', '1']);
    await o.json(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    const before = dumpDb(o.db);
    const assign = await o.cli(['case', 'assign', '1', '--worker', '1']);
    expect(assign.code).toBe(4);
    expect(oneLine(assign)).toMatch(/^error: staff member #1 /);
    const again = await o.cli(['staff', 'deactivate', '1']);
    expect(again.code).toBe(4);
    const unknown = await o.cli(['staff', 'show', '7']);
    expect(unknown.code).toBe(3);
    const missing = await o.cli(['staff', 'add', '--first-name', 'x']);
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toMatch(/^error: missing required options: --last-name, --role, --sector/);
    expect(dumpDb(o.db)).toBe(before);
  });
});

describe('staff list and show name the center (issue #12)', () => {
  it('the name in the table and the card, the id and the name side by side in --json', async () => {
    const o = await office();
    await o.json(['center', 'add', '--name', 'مرکز یک', '--kind', 'social-emergency', '--sector', 'gov']);
    await o.json([
      'staff',
      'add',
      '--first-name',
      'مریم',
      '--last-name',
      'رضایی',
      '--role',
      'social-worker',
      '--sector',
      'gov',
      '--center',
      '1',
    ]);
    expect(await o.json(['staff', 'list'])).toMatchObject([{ id: 1, centerId: 1, centerName: 'مرکز یک' }]);
    expect(await o.json(['staff', 'show', '1'])).toMatchObject({ id: 1, centerId: 1, centerName: 'مرکز یک' });
    expect((await o.cli(['staff', 'list'])).stdout).toContain('│ #1 │ مریم رضایی │ Social worker │ Government │ مرکز یک │ yes    │');
    expect((await o.cli(['--lang', 'fa', 'staff', 'list'])).stdout).toContain('│ مرکز یک │');
    expect((await o.cli(['staff', 'show', '1'])).stdout).toContain('Center                    مرکز یک (#1)');
  });
});
