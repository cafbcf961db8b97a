/**
 * `parvande demo`: the rules around the generator. Which file may be (re)written,
 * the options, and writing the generated rows in large transactions.
 */
import { ConflictError, UsageError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import type { WritableDB } from '../../store/database.js';
import type { DbPathSource } from '../../store/paths.js';
import {
  DEMO_AUDIT_ACTION,
  DEMO_OFFICE_CODE,
  DemoWriter,
  beginBulkLoad,
  countDemoRows,
  endBulkLoad,
  inspectDemoFile,
  removeDatabaseFiles,
  type DemoCounts,
} from '../../store/demo.js';
import { upsertOffice } from '../../store/office.js';
import { recordAudit } from '../audit.js';
import type { WriteCtx } from '../context.js';
import type { IsoDate } from '../../lang/dates.js';
import { isBlank, parseInteger } from '../fields.js';
import { toLatinDigits } from '../../lang/digits.js';
import { loadDemoFixtures } from './fixtures.js';
import { DemoGenerator, type DemoSettings } from './generate.js';

export const DEFAULT_SEED = 1405;
/** Rows per transaction: big enough to be fast, small enough to keep the WAL modest. */
const BATCH_ROWS = 50_000;

export interface DemoInput {
  years?: string | undefined;
  scale?: string | undefined;
  seed?: string | undefined;
}

export interface DemoResult {
  path: string;
  officeCode: string;
  seed: number;
  years: number;
  scale: number;
  from: string;
  to: string;
  /** True when an earlier demo office at the path was replaced (--force). */
  replaced: boolean;
  counts: DemoCounts;
}

export function parseDemoSettings(input: DemoInput, today: IsoDate): DemoSettings {
  const years = parseInteger(isBlank(input.years) ? '1' : input.years, 'years', { min: 1, max: 50 });
  const scaleText = isBlank(input.scale) ? '1' : toLatinDigits(input.scale.trim());
  const scale = /^\d+(\.\d+)?$/.test(scaleText) ? Number(scaleText) : NaN;
  // Case numbers have six digits a year: scale 100 is about 280,000 cases a year.
  if (!(scale >= 0.01 && scale <= 100)) throw new UsageError(t('invalid --scale: expected a number from 0.01 to 100'), 'scale');
  const seed = parseInteger(isBlank(input.seed) ? String(DEFAULT_SEED) : input.seed, 'seed', { min: 0, max: 4_294_967_295 });
  return { years, scale, seed, today };
}

/**
 * Decides whether the demo may write to `path`, and clears an earlier demo office
 * there when --force allows it. Never touches the default database, nor any file
 * that is not a demo office: a real office must not be overwritten by accident.
 * Returns whether an earlier demo office was removed.
 */
export function prepareDemoFile(path: string, source: DbPathSource, force: boolean): boolean {
  if (source !== 'option') {
    throw new UsageError(
      t(
        "parvande demo writes only to a file named with --db (never to PARVANDE_DB, the settings file's db or the default database), e.g. --db demo-office.db",
      ),
      'db',
    );
  }
  const state = inspectDemoFile(path);
  if (state === 'missing') return false;
  if (state === 'other') {
    throw new ConflictError(
      t('{path} exists and is not a demo office; the demo never replaces it (not even with --force): choose another --db', { path }),
      'db',
    );
  }
  if (!force) throw new ConflictError(t('{path} already holds a demo office: add --force to build it again', { path }), 'db');
  removeDatabaseFiles(path);
  return true;
}

/** Generates the office into ctx.db (a new, empty file) and returns what it holds. */
export function buildDemoOffice(ctx: WriteCtx, settings: DemoSettings, replaced: boolean): DemoResult {
  const generator = new DemoGenerator(loadDemoFixtures(), settings);
  const db = ctx.db;
  const writer = new DemoWriter(db);
  // The office and its demo mark go in first: a run cut short leaves a file "demo --force" may replace.
  writeOffice(ctx, generator, writer);
  const load = beginBulkLoad(db);
  try {
    writeCases(db, generator, writer);
  } catch (err) {
    // Put the indexes back even so; the load's own failure is the one to report.
    try {
      endBulkLoad(db, load);
    } catch {
      // The file is left without some indexes; "demo --force" replaces it.
    }
    throw err;
  }
  endBulkLoad(db, load);
  return {
    path: db.path,
    officeCode: DEMO_OFFICE_CODE,
    seed: settings.seed,
    years: settings.years,
    scale: settings.scale,
    from: generator.start,
    to: settings.today,
    replaced,
    counts: countDemoRows(db),
  };
}

function writeOffice(ctx: WriteCtx, generator: DemoGenerator, writer: DemoWriter): void {
  const db = ctx.db;
  db.write(() => {
    const o = generator.office();
    upsertOffice(db, { code: DEMO_OFFICE_CODE, name: o.name, county: o.county, province: o.province, createdAt: o.createdAt });
    // One entry for the whole office (not one per generated row); it also marks the file as a demo office.
    recordAudit(ctx, DEMO_AUDIT_ACTION, 'office', DEMO_OFFICE_CODE);
    for (const c of generator.centers()) writer.writeCenter(c);
    for (const s of generator.staff()) writer.writeStaff(s);
  });
}

/** Every case with its rows, BATCH_ROWS rows to a transaction. */
function writeCases(db: WritableDB, generator: DemoGenerator, writer: DemoWriter): void {
  const cases = generator.cases();
  let finished = false;
  while (!finished) {
    db.write(() => {
      const stop = writer.rows + BATCH_ROWS;
      while (writer.rows < stop) {
        const next = cases.next();
        if (next.done === true) {
          finished = true;
          return;
        }
        writer.writeCase(next.value);
      }
    });
  }
}
