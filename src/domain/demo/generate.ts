/**
 * The demo office generator: a pure function of (fixtures, seed, years, scale,
 * today). It hands out rows with their ids already chosen, in a fixed order, so
 * the same inputs give the same office byte for byte; the store only writes them.
 */
import type { DemoCaseBundle, DemoCenterRow, DemoStaffRow } from '../../store/demo.js';
import type { Category, Role } from '../codes.js';
import { addDays, type IsoDate } from '../../lang/dates.js';
import { matchingKey } from '../../lang/persian.js';
import { generateCase } from './case-life.js';
import { DayTable, stampOf } from './days.js';
import type { DemoFixtures } from './fixtures.js';
import { pickName } from './people.js';
import {
  CASES_PER_YEAR,
  FRIDAY_FACTOR,
  NOWRUZ_DAYS,
  NOWRUZ_FACTOR,
  STAFF_GOV,
  STAFF_INACTIVE,
  STAFF_ROLES,
  YEARLY_GROWTH,
} from './proportions.js';
import { Rng } from './random.js';
import { FRONTLINE_ROLES, type FrontlineRole, type GeneratorState } from './state.js';

export interface DemoSettings {
  years: number;
  scale: number;
  seed: number;
  today: IsoDate;
}

const DAYS_PER_YEAR = 365.2425;
/** A returning client is drawn from the latest clients with the same primary problem. */
const RETURNING_POOL = 200;

export class DemoGenerator {
  readonly settings: DemoSettings;
  readonly start: IsoDate;
  readonly state: GeneratorState;
  private readonly staffRows: DemoStaffRow[];

  constructor(fx: DemoFixtures, settings: DemoSettings) {
    this.settings = settings;
    this.start = addDays(settings.today, 1 - Math.round(settings.years * DAYS_PER_YEAR));
    const rng = new Rng(settings.seed);
    const days = new DayTable(this.start, settings.today, NOWRUZ_DAYS);
    const centers = makeCenters(fx, days);
    this.staffRows = makeStaff(rng, fx, centers, settings.scale, days);
    const workers: Record<FrontlineRole, number[]> = { intervener: [], psychologist: [], 'social-worker': [] };
    for (const s of this.staffRows) {
      if (s.active && (FRONTLINE_ROLES as readonly string[]).includes(s.role)) workers[s.role as FrontlineRole].push(s.id);
    }
    this.state = {
      rng,
      fx,
      days,
      centers,
      workers,
      recentClients: new Map(),
      next: { client: 1, case: 1, service: 1, followup: 1, event: 1 },
      seqByYear: new Map(),
    };
  }

  office(): { name: string; county: string; province: string; createdAt: string } {
    const { county, province } = this.state.fx.places;
    return { name: `اورژانس اجتماعی شهرستان ${county} (دفتر نمونه)`, county, province, createdAt: stampOf(this.start, 240) };
  }

  centers(): DemoCenterRow[] {
    return this.state.centers;
  }

  staff(): DemoStaffRow[] {
    return this.staffRows;
  }

  /** Every case of the period in order of opening, each with its client, timeline, services and follow-ups. */
  *cases(): Generator<DemoCaseBundle> {
    const { rng, days } = this.state;
    const perDay = (CASES_PER_YEAR * this.settings.scale) / DAYS_PER_YEAR;
    // Fridays are quieter; dividing by the weekly mean keeps the yearly total at CASES_PER_YEAR.
    const weekMean = (6 + FRIDAY_FACTOR) / 7;
    for (let day = 0; day <= days.today; day++) {
      const yearsBack = (days.today - day) / DAYS_PER_YEAR;
      let mean = (perDay * Math.pow(1 + YEARLY_GROWTH, -yearsBack)) / weekMean;
      if (days.isFriday(day)) mean *= FRIDAY_FACTOR;
      if (days.isNowruz(day)) mean *= NOWRUZ_FACTOR;
      const n = rng.poisson(mean);
      for (let i = 0; i < n; i++) {
        const bundle = generateCase(this.state, day);
        const pool = bundle.client === null ? undefined : this.rememberClient(bundle.case.primaryCategory as Category);
        if (pool !== undefined && bundle.client !== null) pool.push(bundle.client.id);
        yield bundle;
      }
    }
  }

  private rememberClient(category: Category): number[] {
    let pool = this.state.recentClients.get(category);
    if (pool === undefined) {
      pool = [];
      this.state.recentClients.set(category, pool);
    }
    if (pool.length >= RETURNING_POOL) pool.shift();
    return pool;
  }
}

function makeCenters(fx: DemoFixtures, days: DayTable): DemoCenterRow[] {
  // Centers existed before the period: registered a year before its first day.
  const at = stampOf(days.isoOf(-365), 300);
  return fx.centers.map((c, i) => ({
    id: i + 1,
    name: c.name,
    nameKey: matchingKey(c.name),
    kind: c.kind,
    sector: c.sector,
    capacity: c.capacity,
    county: fx.places.county,
    at,
  }));
}

/** Splits `total` people over the roles in proportion to their weights (largest remainder). */
function allocateRoles(total: number): Role[] {
  const roles = Object.keys(STAFF_ROLES) as Role[];
  const sum = roles.reduce((s, r) => s + STAFF_ROLES[r], 0);
  const exact = roles.map((r) => (total * STAFF_ROLES[r]) / sum);
  const counts = exact.map(Math.floor);
  const order = roles
    .map((_, i) => i)
    .sort((a, b) => (exact[b] as number) - (counts[b] as number) - ((exact[a] as number) - (counts[a] as number)) || a - b);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < total; k++) {
    const at = order[k % order.length] as number;
    counts[at] = (counts[at] as number) + 1;
  }
  return roles.flatMap((r, i) => Array.from({ length: counts[i] as number }, () => r));
}

function makeStaff(rng: Rng, fx: DemoFixtures, centers: DemoCenterRow[], scale: number, days: DayTable): DemoStaffRow[] {
  const roles = allocateRoles(Math.max(8, Math.round(40 * scale)));
  return roles.map((role, i) => {
    const sex = rng.chance(0.6) ? 'female' : 'male';
    const { firstName, lastName } = pickName(rng, fx, sex);
    const sector = rng.chance(STAFF_GOV) ? 'gov' : 'ngo';
    const own = centers.filter((c) => c.sector === sector);
    // Every frontline role keeps at least its first member active, so each has someone to carry cases.
    const firstOfRole = i === 0 || roles[i - 1] !== role;
    return {
      id: i + 1,
      firstName,
      lastName,
      nameKey: matchingKey(`${firstName} ${lastName}`),
      role,
      sector,
      centerId: rng.chance(0.7) && own.length > 0 ? rng.pick(own).id : null,
      active: firstOfRole || !rng.chance(STAFF_INACTIVE),
      at: stampOf(days.isoOf(-rng.int(30, 3650)), 300),
    };
  });
}
