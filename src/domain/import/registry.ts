/**
 * The kinds of record `parvande import` and `parvande export` know. Adding one
 * is one file under entities/ exporting an ImportEntity, and one line here.
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import type { ImportEntity } from './entity.js';
import { cases } from './entities/cases.js';
import { centers } from './entities/centers.js';
import { clients } from './entities/clients.js';
import { courses } from './entities/courses.js';
import { enrolments } from './entities/enrolments.js';
import { followups } from './entities/followups.js';
import { referrals } from './entities/referrals.js';
import { rosterAssignments } from './entities/roster-assignments.js';
import { services } from './entities/services.js';
import { shiftPatterns } from './entities/shift-patterns.js';
import { staff } from './entities/staff.js';
import { workshops } from './entities/workshops.js';

/** In the order an office moves its records: what others refer to comes first. */
export const ENTITIES: readonly ImportEntity[] = [
  centers,
  staff,
  clients,
  cases,
  services,
  followups,
  referrals,
  shiftPatterns,
  rosterAssignments,
  courses,
  enrolments,
  workshops,
];

export const entityNames = (): string[] => ENTITIES.map((e) => e.name);

export function getEntity(name: string): ImportEntity {
  const wanted = name.trim().toLowerCase();
  const found = ENTITIES.find((e) => e.name === wanted || e.record === wanted);
  if (found === undefined) throw new ValidationError(t('unknown kind: expected {kinds}', { kinds: entityNames().join(', ') }), 'kind');
  return found;
}
