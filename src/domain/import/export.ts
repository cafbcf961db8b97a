/**
 * Export: the records of one kind, with the same columns import reads, in one
 * consistent snapshot. CSV and XLSX carry a Jalali twin beside each date
 * (text, for people: import checks it against the ISO date if both are
 * filled); JSON has ISO dates and camelCase keys, as every --json output.
 */
import { UsageError } from '../../errors.js';
import type { OutputGuard } from '../../files/output-file.js';
import type { ByteSink, CellValue, ColumnSpec, TableWriter } from '../../files/writers.js';
import { inSnapshot } from '../../store/export.js';
import type { ReadCtx } from '../context.js';
import { aboutPeople, UniquenessMeter, type ExportRedaction } from '../redact.js';
import { formatDate, parseDateInput } from '../../lang/dates.js';
import { t } from '../../messages/catalogue.js';
import { isBlank } from '../fields.js';
import { getOffice } from '../office.js';
import { jalaliHeader, jalaliName, type FieldSpec } from './columns.js';
import type { DateRange, ImportEntity } from './entity.js';

export interface ExportOptions {
  format: 'csv' | 'xlsx' | 'json';
  /** The file, already checked with checkOutputPath (it is checked again when complete); none: standard output. */
  out?: { path: string; guard: OutputGuard; name: string } | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Header language for CSV and XLSX: field names (en) or the usual Persian headers (fa). */
  headers: 'en' | 'fa';
  /** Standard output, when there is no --out. */
  write: (chunk: Buffer) => void;
  /** --redact: personal columns left out, people as pseudonyms (src/domain/redact.ts). */
  redact?: ExportRedaction | undefined;
}

export interface ExportResult {
  kind: string;
  format: string;
  file: string | null;
  rows: number;
  from: string | null;
  to: string | null;
  redacted: boolean;
  /**
   * A redacted file: the share of its records unique on the columns it kept, pseudonyms aside
   * (0.05 = 5 %); the columns it was measured on. null: not redacted.
   */
  uniqueShare: number | null;
  uniqueOn: string[] | null;
}

function columnKind(f: FieldSpec): ColumnSpec['kind'] {
  if (f.kind === 'date') return 'date';
  if (f.kind === 'int') return 'number';
  if (f.kind === 'bool') return 'bool';
  return 'text';
}

interface Column {
  spec: ColumnSpec;
  field: FieldSpec;
  jalali: boolean;
}

function columnsOf(entity: ImportEntity, opts: ExportOptions): Column[] {
  const out: Column[] = [];
  for (const f of entity.fields) {
    if (opts.redact !== undefined && !opts.redact.keeps(f)) continue;
    const header = opts.format === 'json' ? f.key : opts.headers === 'fa' ? f.fa : f.name;
    // A redacted file has the Jalali month of each date (text), and so no Jalali twin.
    const monthOnly = opts.redact !== undefined && f.kind === 'date';
    out.push({ spec: { header, kind: monthOnly ? 'text' : columnKind(f) }, field: f, jalali: false });
    if (f.kind === 'date' && f.jalali === true && opts.format !== 'json' && !monthOnly) {
      out.push({
        spec: { header: opts.headers === 'fa' ? jalaliHeader(f) : jalaliName(f), kind: 'text', width: 12 },
        field: f,
        jalali: true,
      });
    }
  }
  return out;
}

const jalaliText = (v: CellValue | undefined): CellValue =>
  v !== null && typeof v === 'object' ? formatDate(v.date, { calendar: 'jalali', lang: 'en' }) : null;

export async function exportTable(ctx: ReadCtx, entity: ImportEntity, opts: ExportOptions): Promise<ExportResult> {
  const range: DateRange = {};
  if (!isBlank(opts.from)) range.from = parseDateInput(opts.from, { today: ctx.today, field: 'from' });
  if (!isBlank(opts.to)) range.to = parseDateInput(opts.to, { today: ctx.today, field: 'to' });
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) throw new UsageError(t('--from is after --to'), 'from');
  const office = getOffice(ctx);
  const columns = columnsOf(entity, opts);
  const specs = columns.map((c) => c.spec);
  const writers = await import('../../files/writers.js');
  const sink: ByteSink = opts.out !== undefined ? writers.fileSink(opts.out.path, opts.out.guard) : writers.streamSink(opts.write);
  let writer: TableWriter;
  try {
    if (opts.format === 'xlsx') writer = await (await import('../../files/xlsx-writer.js')).xlsxWriter(sink, specs, entity.name);
    else
      writer =
        opts.format === 'json'
          ? writers.jsonWriter(
              sink,
              specs.map((s) => s.header),
            )
          : await writers.csvWriter(sink, specs);
  } catch (err) {
    sink.abort();
    throw err;
  }
  let rows = 0;
  const redact = opts.redact;
  // Only files about people are measured: a center is meant to be told apart.
  const meter = redact === undefined || !aboutPeople(entity) ? undefined : new UniquenessMeter();
  const measured = redact === undefined ? [] : columns.filter((c) => !c.jalali && !redact.pseudonymous(c.field));
  const measuredAt = measured.map((c) => columns.indexOf(c));
  try {
    await inSnapshot(ctx.db, async () => {
      for (const record of entity.exportRows(ctx.db, office.code, range)) {
        const cell = (c: Column): CellValue => {
          const value = record[c.field.name] ?? null;
          return redact === undefined ? value : redact.cell(c.field, value);
        };
        const values = columns.map((c) => (c.jalali ? jalaliText(record[c.field.name]) : cell(c)));
        await writer.writeRow(values);
        if (meter !== undefined) meter.add(measuredAt.map((i) => values[i] ?? null));
        rows++;
      }
    });
    await writer.close();
  } catch (err) {
    writer.abort();
    throw err;
  }
  return {
    kind: entity.name,
    format: opts.format,
    file: opts.out?.name ?? null,
    rows,
    from: range.from ?? null,
    to: range.to ?? null,
    redacted: opts.redact !== undefined,
    uniqueShare: meter === undefined ? null : meter.share(),
    uniqueOn: meter === undefined ? null : measured.map((c) => c.field.name),
  };
}
