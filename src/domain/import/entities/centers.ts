/**
 * Care centers (مراکز). Key: this office's id, an id recorded from the same
 * source, else the name (center names are unique after Persian matching). New
 * centers go through `center add`'s parse and rules; there is no command that
 * changes a center, so a row that differs from the stored one is refused.
 */
import { ConflictError, NotFoundError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { selectCenter, selectCenterByNameKey, type CenterRow } from '../../../store/centers.js';
import { iterateCenters } from '../../../store/export.js';
import { insertImportKey } from '../../../store/import.js';
import { parseCenterInput, registerCenter } from '../../centers.js';
import { matchingKey } from '../../../lang/persian.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { differences, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'name', key: 'name', fa: 'نام مرکز', aliases: ['مرکز', 'center', 'نام'], kind: 'text', required: true },
  { name: 'kind', key: 'kind', fa: 'نوع مرکز', aliases: ['نوع'], kind: 'code', required: true },
  { name: 'sector', key: 'sector', fa: 'بخش', aliases: ['دولتی/غیردولتی'], kind: 'code', required: true },
  { name: 'capacity', key: 'capacity', fa: 'ظرفیت', kind: 'int' },
  { name: 'county', key: 'county', fa: 'شهرستان', kind: 'text' },
];

function importCenter(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'centers', row.get('id'));
  let target: CenterRow | undefined;
  if (idRef.local !== undefined) {
    target = selectCenter(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no center {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectCenter(s.db, idRef.mapped);
  // `center add`'s parse step, so a stored center can be compared with the row; a blank cell is no difference.
  const input = parseCenterInput({
    name: row.get('name'),
    kind: row.get('kind'),
    sector: row.get('sector'),
    capacity: row.get('capacity'),
    county: row.get('county'),
  });
  const { name } = input;
  const incoming = {
    name,
    kind: input.kind,
    sector: input.sector,
    ...(row.get('capacity') !== undefined ? { capacity: input.capacity } : {}),
    ...(row.get('county') !== undefined ? { county: input.county } : {}),
  };
  if (target === undefined) {
    const byName = selectCenterByNameKey(s.db, matchingKey(name));
    if (byName !== undefined) target = byName;
  }
  if (target === undefined) {
    const created = registerCenter(s, input);
    s.claim('centers', created.id, row.row);
    if (idRef.external !== undefined) insertImportKey(s.db, 'centers', idRef.external, created.id, s.batchId);
    return { action: 'inserted', id: created.id };
  }
  s.claim('centers', target.id, row.row);
  const changed = differences(target, incoming, { name: 'name', kind: 'kind', sector: 'sector', capacity: 'capacity', county: 'county' });
  if (changed.length > 0) {
    throw new ConflictError(
      t('differs from the stored center #{id} in {fields}: centers are not changed by import', {
        id: target.id,
        fields: changed.join(', '),
      }),
      changed[0],
    );
  }
  if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'centers', idRef.external, target.id, s.batchId);
  return { action: 'unchanged', id: target.id };
}

export const centers: ImportEntity = {
  name: 'centers',
  record: 'center',
  fields: FIELDS,
  importRow: importCenter,
  *exportRows(db, officeCode) {
    for (const r of iterateCenters(db)) {
      yield { id: exportId(officeCode, r.id), name: r.name, kind: r.kind, sector: r.sector, capacity: r.capacity, county: r.county };
    }
  },
};
