/** What the generator (generate.ts) and the per-case rules (case-life.ts) share while they run. */
import type { DemoCenterRow } from '../../store/demo.js';
import type { Category, Role } from '../codes.js';
import type { DayTable } from './days.js';
import type { DemoFixtures } from './fixtures.js';
import type { Rng } from './random.js';

/** Who may carry a case: the frontline roles. */
export const FRONTLINE_ROLES = ['intervener', 'psychologist', 'social-worker'] as const satisfies readonly Role[];
export type FrontlineRole = (typeof FRONTLINE_ROLES)[number];

export interface GeneratorState {
  rng: Rng;
  fx: DemoFixtures;
  days: DayTable;
  centers: DemoCenterRow[];
  /** Active frontline staff ids by role. */
  workers: Record<FrontlineRole, number[]>;
  /** Recent clients by the primary problem of the case that brought them. */
  recentClients: Map<Category, number[]>;
  /** The next id of each kind of row. */
  next: { client: number; case: number; service: number; followup: number; event: number };
  /** Last case sequence used in each Jalali year. */
  seqByYear: Map<number, number>;
}
