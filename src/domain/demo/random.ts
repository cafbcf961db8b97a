/**
 * The demo office's only source of chance: a seeded mulberry32 generator. Every
 * draw goes through one instance in a fixed order, so a seed and a "today" give
 * the same office byte for byte on every machine (Math.random is never used).
 */
import { InternalError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). mulberry32: 32-bit integer arithmetic only, so results are platform-independent. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new InternalError(t('pick from an empty list'));
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A key drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    return this.weightedFrom(weightTable(weights));
  }

  weightedFrom<K>(table: WeightTable<K>): K {
    const r = this.next() * table.total;
    const { keys, cumulative } = table;
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] as number)) return keys[i] as K;
    return keys[keys.length - 1] as K;
  }

  /** Poisson-distributed count: Knuth's method for small means, a rounded normal for large ones. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Whole days with an exponential spread around `mean`, capped. */
  expDays(mean: number, max: number): number {
    return Math.min(max, Math.floor(-Math.log(1 - this.next()) * mean));
  }
}

export interface WeightTable<K> {
  keys: K[];
  cumulative: number[];
  total: number;
}

const tables = new WeakMap<object, WeightTable<string>>();

/** Cumulative weights, built once per weights object. */
function weightTable<K extends string>(weights: Readonly<Record<K, number>>): WeightTable<K> {
  const cached = tables.get(weights);
  if (cached !== undefined) return cached as WeightTable<K>;
  const keys = Object.keys(weights) as K[];
  const cumulative: number[] = [];
  let total = 0;
  for (const k of keys) {
    total += weights[k];
    cumulative.push(total);
  }
  const table = { keys, cumulative, total };
  tables.set(weights, table as WeightTable<string>);
  return table;
}
