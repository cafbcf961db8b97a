/**
 * `report monthly|year|range --center C` / `--worker W`: which center or worker a report is
 * narrowed to, named as every command names them (an id, a name; a staff member also by
 * national code). Loaded only when one is given: the resolvers bring the centers' and staff
 * modules, which a report of the whole office never needs.
 */
import { resolveCenter } from '../centers.js';
import type { ReadCtx } from '../context.js';
import { resolveStaff } from '../staff.js';
import type { ReportScope, ScopeRef } from './build.js';

export function resolveReportScope(ctx: Pick<ReadCtx, 'db'>, ref: ScopeRef): ReportScope {
  if (ref.kind === 'center') {
    const c = resolveCenter(ctx, ref.ref, 'center');
    return { kind: 'center', id: c.id, name: c.name };
  }
  const s = resolveStaff(ctx, ref.ref, 'worker');
  return { kind: 'worker', id: s.id, name: `${s.firstName} ${s.lastName}` };
}
