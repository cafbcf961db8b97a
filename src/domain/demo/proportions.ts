/**
 * The demo office's rules of proportion, drawn from the province's year in
 * DOMAIN.md ("Reporting"): 3,126 hotline calls, 1,116 mobile-team operations and
 * 740 crisis interventions; 696 family disputes, 417 child abuse, 309 suicide,
 * then spouse abuse, running away, neglectful guardianship and elder abuse.
 * Every weight is relative; change one here and the generator follows.
 */
import type { Category, CenterKind, Channel, CloseReason, Risk, Role, ServiceType } from '../codes.js';

/** Cases opened per year at scale 1 (fewer on Fridays and at Nowruz, and in older years): about 2,700 cases and 4,800 services in the latest year. */
export const CASES_PER_YEAR = 2800;

/** Older years of a long demo were a little quieter: the caseload grows this much a year. */
export const YEARLY_GROWTH = 0.03;

/** Fewer cases open on Fridays (the weekend) and in the first days of Farvardin (Nowruz). */
export const FRIDAY_FACTOR = 0.6;
export const NOWRUZ_FACTOR = 0.7;
export const NOWRUZ_DAYS = 13;

/**
 * The main service a case starts with: the province's mix. The case's channel follows
 * from it, and every further main service of the case is of the same type, so the
 * services keep this mix (≈ 63 % calls, 22 % mobile team, 15 % crisis interventions).
 */
export const MAIN_SERVICE: Readonly<Record<'hotline-call' | 'mobile-team' | 'crisis-intervention', number>> = {
  'hotline-call': 3126,
  'mobile-team': 1116,
  'crisis-intervention': 740,
};

/** Where a crisis intervention's case came in from. */
export const CRISIS_CHANNEL: Readonly<Record<Exclude<Channel, 'hotline' | 'mobile-team'>, number>> = {
  center: 55,
  base: 20,
  referral: 25,
};

/** Further main services per case (mean of a Poisson draw), the same for every type. */
export const EXTRA_MAIN_SERVICES = 0.3;

/** Specialist services beside the main one: mean count per case, and their mix. */
export const OTHER_SERVICES_NAMED = 0.55;
export const OTHER_SERVICES_ANONYMOUS = 0.15;
export const OTHER_SERVICE: Readonly<
  Record<Extract<ServiceType, 'social-work' | 'psychology' | 'legal' | 'referral' | 'follow-up'>, number>
> = {
  'social-work': 35,
  psychology: 30,
  legal: 10,
  referral: 12,
  'follow-up': 13,
};

/** Minutes a service takes: [min, max]. */
export const SERVICE_MINUTES: Readonly<Record<ServiceType, readonly [number, number]>> = {
  'hotline-call': [5, 40],
  'mobile-team': [30, 180],
  'crisis-intervention': [30, 120],
  'social-work': [20, 90],
  psychology: [45, 90],
  legal: [20, 60],
  referral: [10, 30],
  'follow-up': [10, 30],
  workshop: [60, 180],
};

/** The primary problem of a case: the top three in the province's ratio, then the rest. */
export const PRIMARY_CATEGORY: Readonly<Record<Category, number>> = {
  'family-dispute': 696,
  'child-abuse': 417,
  suicide: 309,
  'spouse-abuse': 260,
  runaway: 180,
  'neglectful-guardian': 150,
  'elder-abuse': 100,
  divorce: 60,
  'social-harm': 60,
  other: 50,
};

/** Problems that come together: a case may carry one or two of these beside its primary one. */
export const FURTHER_CATEGORIES: Readonly<Record<Category, readonly Category[]>> = {
  'family-dispute': ['spouse-abuse', 'divorce', 'child-abuse'],
  'child-abuse': ['neglectful-guardian', 'family-dispute'],
  suicide: ['family-dispute', 'social-harm'],
  'spouse-abuse': ['family-dispute', 'divorce'],
  runaway: ['family-dispute', 'social-harm', 'child-abuse'],
  'neglectful-guardian': ['child-abuse', 'family-dispute'],
  'elder-abuse': ['family-dispute', 'neglectful-guardian'],
  divorce: ['family-dispute', 'spouse-abuse'],
  'social-harm': ['runaway', 'suicide'],
  other: ['family-dispute'],
};
export const ONE_FURTHER_CATEGORY = 0.22;
export const TWO_FURTHER_CATEGORIES = 0.05;

/** Who the person is, by the case's primary problem: share of women and girls, and age range. */
export const PERSON_BY_CATEGORY: Readonly<Record<Category, { female: number; minAge: number; maxAge: number }>> = {
  'family-dispute': { female: 0.62, minAge: 18, maxAge: 60 },
  'child-abuse': { female: 0.52, minAge: 1, maxAge: 17 },
  suicide: { female: 0.58, minAge: 13, maxAge: 45 },
  'spouse-abuse': { female: 0.95, minAge: 18, maxAge: 55 },
  runaway: { female: 0.78, minAge: 12, maxAge: 19 },
  'neglectful-guardian': { female: 0.5, minAge: 1, maxAge: 17 },
  'elder-abuse': { female: 0.6, minAge: 60, maxAge: 90 },
  divorce: { female: 0.6, minAge: 20, maxAge: 50 },
  'social-harm': { female: 1, minAge: 14, maxAge: 40 },
  other: { female: 0.5, minAge: 5, maxAge: 70 },
};

export const RISK_BY_CATEGORY: Readonly<Record<Category, Readonly<Record<Risk, number>>>> = {
  'family-dispute': { critical: 5, high: 25, medium: 50, low: 20 },
  'child-abuse': { critical: 15, high: 45, medium: 30, low: 10 },
  suicide: { critical: 35, high: 45, medium: 15, low: 5 },
  'spouse-abuse': { critical: 10, high: 40, medium: 40, low: 10 },
  runaway: { critical: 10, high: 45, medium: 35, low: 10 },
  'neglectful-guardian': { critical: 5, high: 35, medium: 45, low: 15 },
  'elder-abuse': { critical: 5, high: 30, medium: 45, low: 20 },
  divorce: { critical: 1, high: 9, medium: 50, low: 40 },
  'social-harm': { critical: 10, high: 40, medium: 40, low: 10 },
  other: { critical: 2, high: 13, medium: 45, low: 40 },
};

/** Hotline callers who stay anonymous. */
export const ANONYMOUS_HOTLINE = 0.35;
/** A case of a person the office already knows (a returning client). */
export const RETURNING_CLIENT = 0.12;
export const HAS_NATIONAL_CODE = 0.72;
export const HAS_MOBILE = 0.78;
export const HAS_ADDRESS = 0.6;
export const INFORMAL_SETTLEMENT = 0.2;
export const OUTSIDE_COUNTY = 0.1;
/** Among women of 20 and over. */
export const WOMAN_HEAD = 0.18;
/** Names typed on an Arabic keyboard (ي ك) or with a space/nothing where a ZWNJ belongs. */
export const ARABIC_LETTERS = 0.03;
export const ZWNJ_VARIANT = 0.4;

/** Days from opening to closing: mean of an exponential draw, by how the case came in. */
export const DAYS_OPEN: Readonly<Record<Channel | 'anonymous', number>> = {
  anonymous: 1,
  hotline: 12,
  'mobile-team': 25,
  center: 35,
  base: 45,
  referral: 30,
};
/** Long-running cases (e.g. a child in a pseudo-family home) that stay open. */
export const NEVER_CLOSED = 0.02;
export const REOPENED = 0.05;
export const REOPEN_AFTER_DAYS: readonly [number, number] = [5, 120];
export const DAYS_OPEN_AFTER_REOPEN = 20;

export const CLOSE_REASON: Readonly<Record<CloseReason, number>> = {
  resolved: 60,
  referred: 18,
  unreachable: 10,
  moved: 5,
  other: 7,
};
export const CLOSE_REASON_ANONYMOUS: Readonly<Record<CloseReason, number>> = {
  resolved: 55,
  referred: 20,
  unreachable: 22,
  moved: 0,
  other: 3,
};

/** Nobody assigned yet: likelier for the newest cases, which the office has not got to. */
export const UNASSIGNED_RECENT = 0.25;
export const UNASSIGNED_RECENT_DAYS = 21;
export const UNASSIGNED_OLDER_OPEN = 0.02;
/** Assigned some days after opening rather than on the day. */
export const ASSIGNED_LATER = 0.12;

/** Centers a case may belong to, by channel; other channels name a center this often. */
export const CENTER_KINDS_BY_CHANNEL: Readonly<Partial<Record<Channel, readonly CenterKind[]>>> = {
  center: ['social-emergency'],
  base: ['service-base'],
};
export const CENTER_FOR_OTHER_CHANNELS = 0.25;

/** Follow-up plans after closing, by risk: the chance of a plan and its days. */
export const FOLLOWUP_PLAN: Readonly<Record<Risk, { chance: number; days: readonly number[] }>> = {
  critical: { chance: 0.85, days: [7, 30, 90] },
  high: { chance: 0.6, days: [7, 30] },
  medium: { chance: 0.25, days: [14, 60] },
  low: { chance: 0.05, days: [30] },
};
/** An open case's follow-up, scheduled when it opens, due this many days later. */
export const OPEN_CASE_FOLLOWUP = 0.3;
export const OPEN_CASE_FOLLOWUP_DAYS: readonly [number, number] = [7, 28];

/** How a follow-up whose day has come ended. Overdue ones stay scheduled. */
export const FOLLOWUP_OUTCOME: Readonly<Record<'on-time' | 'late' | 'missed' | 'cancelled' | 'overdue', number>> = {
  'on-time': 62,
  late: 14,
  missed: 10,
  cancelled: 4,
  overdue: 10,
};
/** Follow-ups due long ago are rarely still open: the share of "overdue" that stays so. */
export const OLD_OVERDUE_KEPT = 0.1;
export const OLD_OVERDUE_DAYS = 60;

/** About 40 people at scale 1: mostly psychologists and interveners. */
export const STAFF_ROLES: Readonly<Record<Role, number>> = {
  psychologist: 14,
  intervener: 12,
  'social-worker': 9,
  admin: 3,
  other: 2,
};
export const STAFF_INACTIVE = 0.07;
export const STAFF_GOV = 0.4;
