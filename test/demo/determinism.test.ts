import { afterEach, describe, expect, it } from 'vitest';
import { buildDemo, dumpDemo, openRead, type BuiltDemo } from './demo-helpers.js';

const built: BuiltDemo[] = [];
afterEach(() => {
  for (const b of built.splice(0)) b.cleanup();
});

async function build(args: string[], env: Record<string, string> = {}): Promise<BuiltDemo> {
  const b = await buildDemo(args, env);
  built.push(b);
  return b;
}

describe('parvande demo is deterministic', () => {
  it('gives identical rows for the same seed and today', async () => {
    const a = await build(['--scale', '0.4', '--seed', '77']);
    const b = await build(['--scale', '0.4', '--seed', '77']);
    expect(a.json.counts).toEqual(b.json.counts);
    expect(a.json.counts.services).toBeGreaterThan(1000);
    expect(dumpDemo(a.db)).toBe(dumpDemo(b.db));
  });

  it('gives other data for another seed, and for another today', async () => {
    const a = await build(['--scale', '0.3', '--seed', '1']);
    const b = await build(['--scale', '0.3', '--seed', '2']);
    const c = await build(['--scale', '0.3', '--seed', '1'], { PARVANDE_TODAY: '2026-12-25' });
    expect(dumpDemo(a.db)).not.toBe(dumpDemo(b.db));
    expect(dumpDemo(a.db)).not.toBe(dumpDemo(c.db));
    expect(c.json.to).toBe('2026-12-25');
  });

  it('spans the years ending today, so the current month has data', async () => {
    const a = await build(['--years', '2', '--scale', '0.2']);
    expect(a.json).toMatchObject({ years: 2, scale: 0.2, seed: 1405, to: '2026-11-25', from: '2024-11-26', officeCode: 'DEMO' });
    const db = openRead(a.db);
    try {
      const span = db.prepare(`SELECT min(opened_on) AS first, max(opened_on) AS last FROM cases`).get() as { first: string; last: string };
      expect(span.first >= '2024-11-26').toBe(true);
      expect(span.first < '2024-12-31').toBe(true);
      // Azar 1405 began on 2026-11-22.
      const azar = db.prepare(`SELECT count(*) AS n FROM services WHERE service_date BETWEEN '2026-11-22' AND '2026-11-25'`).get() as {
        n: number;
      };
      expect(azar.n).toBeGreaterThan(0);
      const future = db
        .prepare(`SELECT
        (SELECT count(*) FROM services WHERE service_date > '2026-11-25') + (SELECT count(*) FROM case_events WHERE on_date > '2026-11-25')
        + (SELECT count(*) FROM cases WHERE opened_on > '2026-11-25' OR closed_on > '2026-11-25')
        + (SELECT count(*) FROM followups WHERE done_on > '2026-11-25') AS n`)
        .get() as { n: number };
      expect(future.n).toBe(0);
    } finally {
      db.close();
    }
  });
});
