/**
 * The demo office's inputs: names, places, centers and texts from fixtures/demo/*.json.
 * The same folder serves the sources (src/domain/demo), the compiled modules
 * (dist/domain/demo) and the bundled program (dist/parvande.cjs): it is found by
 * walking up from this code to the package's fixtures/demo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { CATEGORIES, CENTER_KINDS, SECTORS, isCode, type Category, type CenterKind, type Sector } from '../codes.js';

function findFixtures(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'fixtures', 'demo');
    if (existsSync(join(candidate, 'names.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new InternalError(t('the demo fixtures (fixtures/demo) are missing from this installation'));
    dir = up;
  }
}

let fixturesDir: string | undefined;

export interface DemoCenter {
  name: string;
  kind: CenterKind;
  sector: Sector;
  capacity: number | null;
}

export interface DemoFixtures {
  names: { female: string[]; male: string[]; last: string[] };
  places: { province: string; county: string; neighbouringCounties: string[]; neighbourhoods: string[]; informalSettlements: string[] };
  centers: DemoCenter[];
  texts: { summaries: Record<Category, string[]>; followupDone: string[]; followupMissed: string[] };
}

function readJson(name: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join((fixturesDir ??= findFixtures()), name), 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InternalError(
      t('cannot read the demo fixture {name} in {dir}: {error}', {
        name,
        dir: fixturesDir ?? 'fixtures/demo',
        error: (err as Error).message,
      }),
    );
  }
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new InternalError(t('demo fixture {what} must be a non-empty list of names', { what }));
  }
  return value as string[];
}

export function loadDemoFixtures(): DemoFixtures {
  const names = readJson('names.json');
  const places = readJson('places.json');
  const centerFile = readJson('centers.json');
  const texts = readJson('texts.json');
  const centers = (Array.isArray(centerFile.centers) ? centerFile.centers : []).map((c: Record<string, unknown>, i: number) => {
    const kind = String(c.kind);
    const sector = String(c.sector);
    if (typeof c.name !== 'string' || !isCode(CENTER_KINDS, kind) || !isCode(SECTORS, sector)) {
      throw new InternalError(t('demo fixture centers.json: center {n} needs a name, a known kind and sector', { n: i + 1 }));
    }
    return { name: c.name, kind, sector, capacity: typeof c.capacity === 'number' ? c.capacity : null };
  });
  if (centers.length === 0) throw new InternalError(t('demo fixture centers.json lists no centers'));
  const summaryFile = (texts.summaries ?? {}) as Record<string, unknown>;
  const summaries = {} as Record<Category, string[]>;
  for (const cat of Object.keys(CATEGORIES) as Category[]) summaries[cat] = strings(summaryFile[cat], `texts.json summaries.${cat}`);
  return {
    names: {
      female: strings(names.female, 'names.json female'),
      male: strings(names.male, 'names.json male'),
      last: strings(names.last, 'names.json last'),
    },
    places: {
      province: strings([places.province], 'places.json province')[0] as string,
      county: strings([places.county], 'places.json county')[0] as string,
      neighbouringCounties: strings(places.neighbouringCounties, 'places.json neighbouringCounties'),
      neighbourhoods: strings(places.neighbourhoods, 'places.json neighbourhoods'),
      informalSettlements: strings(places.informalSettlements, 'places.json informalSettlements'),
    },
    centers,
    texts: {
      summaries,
      followupDone: strings(texts.followupDone, 'texts.json followupDone'),
      followupMissed: strings(texts.followupMissed, 'texts.json followupMissed'),
    },
  };
}
