/** Exit 1: a failure no rule foresaw still ends in one line, with a hint to report it. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.js';

vi.mock('../../src/domain/clients.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/domain/clients.js')>()),
  listClients: () => {
    throw new TypeError('boom');
  },
}));

let o: TestOffice;
beforeAll(async () => {
  o = await makeOffice();
});
afterAll(() => o.cleanup());

describe('an unexpected failure', () => {
  it('exits 1 with one line and a hint to report it', async () => {
    const r = await o.cli(['client', 'list']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: unexpected failure: TypeError: boom (nothing was changed; please report this with the command you ran)\n',
    );
  });

  it('is a JSON object with --json, and shows its stack only with PARVANDE_DEBUG', async () => {
    const j = await o.cli(['client', 'list', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stderr)).toEqual({ error: { code: 'internal', message: 'unexpected failure: TypeError: boom', field: null } });
    const d = await o.cli(['client', 'list'], { PARVANDE_DEBUG: '1' });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^error: unexpected failure: TypeError: boom .*\nTypeError: boom\n\s+at /);
  });
});
