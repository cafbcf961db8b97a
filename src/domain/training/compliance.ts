/**
 * Training compliance of the staff on the roll today: courses mandatory for
 * each person's CURRENT role that they have not completed (a role change brings
 * the new role's courses at once), and certificates older than the validity
 * setting (default 24 months).
 */
import { selectMandatoryCourses, selectStaffCompletions, type CompletionRow } from '../../store/training.js';
import { ROLES } from '../codes.js';
import type { ReadCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import { isBlank, optionalCode } from '../fields.js';
import { CERTIFICATE_MONTHS, readSetting } from '../people/settings.js';
import { listStaff, resolveStaff, worksOn, type Staff } from '../staff.js';

export interface MissingCourse {
  staffId: number;
  firstName: string;
  lastName: string;
  role: string;
  title: string;
  /** The latest run of the course, to enrol in. */
  courseId: number;
}

export interface ExpiredCertificate {
  staffId: number;
  firstName: string;
  lastName: string;
  role: string;
  title: string;
  courseId: number;
  completedOn: string;
  certificateNo: string | null;
  /** The first day the certificate is no longer valid. */
  expiredOn: string;
  /** The course is mandatory for the person's current role. */
  mandatory: boolean;
}

export interface ComplianceReport {
  on: string;
  certificateMonths: number;
  staffChecked: number;
  /** People with anything missing or an expired mandatory certificate. */
  nonCompliant: number;
  missing: MissingCourse[];
  expired: ExpiredCertificate[];
}

/** The same Jalali day `months` later (clamped to the month's end), as "+Nm" works everywhere. */
export const addMonths = (date: string, months: number): string => parseDateInput(`+${months}m`, { today: date });

export function checkCompliance(
  ctx: Pick<ReadCtx, 'db' | 'today'>,
  f: { role?: string | undefined; staff?: string | undefined },
): ComplianceReport {
  const on = ctx.today;
  const months = readSetting(ctx, CERTIFICATE_MONTHS);
  const role = optionalCode(ROLES, f.role, 'role') ?? undefined;
  let people: Staff[];
  if (!isBlank(f.staff)) people = [resolveStaff(ctx, f.staff, 'staff')];
  else people = listStaff(ctx, { status: 'active', ...(role ? { role } : {}) });
  people = people.filter((s) => worksOn(s, on));

  // role → title key → latest run
  const mandatory = new Map<string, Map<string, { title: string; courseId: number }>>();
  for (const m of selectMandatoryCourses(ctx.db)) {
    const titles = mandatory.get(m.role) ?? new Map<string, { title: string; courseId: number }>();
    if (!titles.has(m.titleKey)) titles.set(m.titleKey, { title: m.title, courseId: m.courseId });
    mandatory.set(m.role, titles);
  }
  // staff → title key → latest completion (rows come newest first)
  const latest = new Map<number, Map<string, CompletionRow>>();
  for (const c of selectStaffCompletions(ctx.db)) {
    const mine = latest.get(c.staffId) ?? new Map<string, CompletionRow>();
    if (!mine.has(c.titleKey)) mine.set(c.titleKey, c);
    latest.set(c.staffId, mine);
  }

  const missing: MissingCourse[] = [];
  const expired: ExpiredCertificate[] = [];
  const flagged = new Set<number>();
  for (const s of people) {
    const required = mandatory.get(s.role) ?? new Map<string, { title: string; courseId: number }>();
    const done = latest.get(s.id) ?? new Map<string, CompletionRow>();
    const who = { staffId: s.id, firstName: s.firstName, lastName: s.lastName, role: s.role };
    for (const [key, course] of required) {
      if (!done.has(key)) {
        missing.push({ ...who, title: course.title, courseId: course.courseId });
        flagged.add(s.id);
      }
    }
    for (const [key, c] of done) {
      const expiredOn = addMonths(c.completedOn, months);
      if (expiredOn > on) continue;
      const isMandatory = required.has(key);
      expired.push({
        ...who,
        title: c.title,
        courseId: c.courseId,
        completedOn: c.completedOn,
        certificateNo: c.certificateNo,
        expiredOn,
        mandatory: isMandatory,
      });
      if (isMandatory) flagged.add(s.id);
    }
  }
  expired.sort((a, b) => a.staffId - b.staffId || a.expiredOn.localeCompare(b.expiredOn) || a.courseId - b.courseId);
  return { on, certificateMonths: months, staffChecked: people.length, nonCompliant: flagged.size, missing, expired };
}
