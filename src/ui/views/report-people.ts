/** The people side of the monthly report as tables: staff on the roll, shift coverage, training, workshops. */
import { codesOf, ROLES, SECTORS } from '../../domain/codes.js';
import { AUDIENCES, DUTY_SERVICES, WORKSHOP_TOPICS } from '../../domain/people/codes.js';
import type { PeopleFigures } from '../../domain/people/report-figures.js';
import type { Fmt } from '../format.js';
import type { DocRow, DocTable } from './report-doc.js';
import { inLang } from '../labels.js';

const WORDS = {
  staffOnRoll: ['Staff on the roll', 'کارکنان شاغل'],
  shifts: ['Duty shifts', 'شیفت‌های کشیک'],
  training: ['Staff and community training', 'آموزش کارکنان و جامعه'],
  workshops: ['Community workshops', 'کارگاه‌های آموزشی جامعه'],
  people: ['People', 'نفر'],
  total: ['Total', 'جمع'],
  planned: ['Planned', 'برنامه‌ریزی‌شده'],
  covered: ['Covered', 'تکمیل'],
  partly: ['Partly', 'ناقص'],
  uncovered: ['Uncovered', 'بدون کشیک'],
  enrolments: ['Enrolments', 'ثبت‌نام'],
  completions: ['Completions', 'پایان دوره'],
  hours: ['Hours', 'ساعت'],
  held: ['Held', 'تعداد'],
  female: ['Women', 'زن'],
  male: ['Men', 'مرد'],
} as const satisfies Record<string, readonly [string, string]>;

type Word = keyof typeof WORDS;

export function peopleTables(p: PeopleFigures, f: Fmt): DocTable[] {
  const w = (k: Word): string => inLang(WORDS[k], f.lang);
  const rows = (prefix: string, entries: [string, string, (number | null)[]][]): DocRow[] =>
    entries.map(([code, label, values]) => ({ code: `${prefix}.${code}`, label, values }));
  return [
    {
      id: 'people-staff',
      title: w('staffOnRoll'),
      head: [w('staffOnRoll'), w('people')],
      rows: [
        ...rows(
          'people.staff.byRole',
          codesOf(ROLES).map((c) => [c, f.code(ROLES, c), [p.staff.byRole[c] ?? 0]]),
        ),
        ...rows(
          'people.staff.bySector',
          codesOf(SECTORS).map((c) => [c, f.code(SECTORS, c), [p.staff.bySector[c] ?? 0]]),
        ),
        { code: 'people.staff.onRoll', label: w('total'), values: [p.staff.onRoll] },
      ],
    },
    {
      id: 'people-shifts',
      title: w('shifts'),
      head: [w('shifts'), w('planned'), w('covered'), w('partly'), w('uncovered')],
      rows: [
        ...rows(
          'people.shifts.byService',
          codesOf(DUTY_SERVICES).map((c) => {
            const s = p.shifts.byService[c];
            return [c, f.code(DUTY_SERVICES, c), [s?.planned ?? 0, s?.covered ?? 0, s?.partlyCovered ?? 0, s?.uncovered ?? 0]];
          }),
        ),
        {
          code: 'people.shifts',
          label: w('total'),
          values: [p.shifts.planned, p.shifts.covered, p.shifts.partlyCovered, p.shifts.uncovered],
        },
      ],
    },
    {
      id: 'people-training',
      title: w('training'),
      head: [w('training'), w('enrolments'), w('completions'), w('hours')],
      rows: [
        ...rows(
          'people.training.byAudience',
          codesOf(AUDIENCES).map((c) => {
            const t = p.training.byAudience[c];
            return [c, f.code(AUDIENCES, c), [t?.enrolments ?? 0, t?.completions ?? 0, t?.hours ?? 0]];
          }),
        ),
        { code: 'people.training', label: w('total'), values: [p.training.enrolments, p.training.completions, p.training.hours] },
      ],
    },
    {
      id: 'people-workshops',
      title: w('workshops'),
      head: [w('workshops'), w('held'), w('female'), w('male')],
      rows: [
        ...rows(
          'people.workshops.byTopic',
          codesOf(WORKSHOP_TOPICS).map((c) => {
            const t = p.workshops.byTopic[c];
            return [c, f.code(WORKSHOP_TOPICS, c), [t?.held ?? 0, t?.female ?? 0, t?.male ?? 0]];
          }),
        ),
        {
          code: 'people.workshops',
          label: w('total'),
          values: [p.workshops.held, p.workshops.attendees.female, p.workshops.attendees.male],
        },
      ],
    },
  ];
}
