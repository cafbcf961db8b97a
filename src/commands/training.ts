import { Command } from 'commander';
import { ROLES } from '../domain/codes.js';
import { AUDIENCES, ENROLMENT_STATUSES, WORKSHOP_TOPICS } from '../domain/people/codes.js';
import { CERTIFICATE_MONTHS, readSetting, writeSetting } from '../domain/people/settings.js';
import { checkCompliance } from '../domain/training/compliance.js';
import { addCourse, listCourses, parseHours, parseRoles, showCourse, updateCourse, type CourseInput } from '../domain/training/courses.js';
import { splitList } from '../domain/fields.js';
import { resolveStaff } from '../domain/staff.js';
import {
  dropEnrolment,
  enrol,
  listEnrolments,
  markAttended,
  markCompleted,
  type CompleteInput,
  type EnrolInput,
  type EnrolmentRef,
} from '../domain/training/enrolments.js';
import { addWorkshop, listWorkshops, updateWorkshop, type WorkshopInput } from '../domain/training/workshops.js';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import {
  complianceView,
  courseCard,
  courseDetailView,
  courseTable,
  dropView,
  enrolmentTable,
  trainingSettingsCard,
  workshopCard,
  workshopListView,
} from '../ui/views/training.js';
import { centerCheck, codeCheck, dateCheck, integerCheck } from './pick.js';
import { choose, codeList, fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';
import { listOf } from '../ui/labels.js';

function courseFields(cmd: Command): Command {
  return cmd
    .option('--title <title>', 'course title (runs of one course share it)')
    .option('--topic <topic>', 'subject, e.g. crisis intervention')
    .option('--hours <n>', 'length in hours, e.g. 16 or 1.5')
    .option('--provider <name>', 'who gives it')
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day (default the first)')
    .option('--capacity <n>', 'places; more requests go on a waiting list')
    .option('--audience <audience>', `audience (default staff): ${codeList(AUDIENCES)}`)
    .option('--mandatory-for <roles>', `roles that must complete it, comma separated (${codeList(ROLES)}); none to clear`);
}

function courseCommand(): Command {
  const course = withExamples(
    new Command('course').description('training courses (دوره‌های آموزشی)'),
    'parvande training course add --title "مداخله در بحران" --hours 16 --from 1405/09/10 --capacity 30 --mandatory-for intervener',
    'parvande training course list',
  );

  withExamples(
    courseFields(course.command('add').description('add a course')),
    'parvande training course add --title "مداخله در بحران" --hours 16 --from 1405/09/10 --to 1405/09/12 --capacity 30 --mandatory-for intervener,social-worker',
  ).action(async (opts: CourseInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'title', option: 'title', message: tr(rt.lang, 'Title') },
        { key: 'hours', option: 'hours', message: tr(rt.lang, 'Hours') },
        { key: 'from', option: 'from', message: tr(rt.lang, 'First day') },
      ],
      {
        flags: {
          hours: (v) => parseHours(v, 'hours'),
          from: dateCheck(rt, 'from'),
          to: dateCheck(rt, 'to'),
          capacity: integerCheck('capacity', { min: 1, max: 100_000 }),
          audience: codeCheck(AUDIENCES, 'audience'),
          mandatoryFor: (v) => parseRoles(v),
        },
      },
    );
    const c = rt.write((ctx) => addCourse(ctx, o));
    rt.out.result(c, () => courseCard(c, fmt(rt)));
  });

  withExamples(
    course
      .command('list')
      .description('courses, newest first')
      .option('--from <date>', 'running on or after')
      .option('--to <date>', 'running on or before')
      .option('--audience <audience>', `audience: ${codeList(AUDIENCES)}`)
      .option('--role <role>', 'mandatory for this role'),
    'parvande training course list --from 1405/09/01 --to 1405/09/30',
  ).action((opts: { from?: string; to?: string; audience?: string; role?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listCourses(ctx, opts));
    rt.out.result(rows, () => courseTable(rows, fmt(rt)));
  });

  withExamples(
    course.command('show').argument('<course>', 'course id or title').description('a course with its enrolments and waiting list'),
    'parvande training course show 4',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const c = rt.read((ctx) => showCourse(ctx, ref));
    rt.out.result(c, () => courseDetailView(c, fmt(rt)));
  });

  withExamples(
    courseFields(
      course
        .command('update')
        .argument('<course>', 'course id or title')
        .description('change a course (a larger capacity moves people up from the waiting list)'),
    ),
    'parvande training course update 4 --capacity 35',
  ).action((ref: string, opts: CourseInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const c = rt.write((ctx) => updateCourse(ctx, { ...opts, id: ref }));
    if (c.promoted.length > 0) {
      const enrolments = listOf(
        c.promoted.map((id) => tr(rt.lang, 'enrolment #{id}', { id })),
        rt.lang,
      );
      rt.out.note(t('moved up from the waiting list: {enrolments}', { enrolments }));
    }
    rt.out.result(c, () => courseCard(c, fmt(rt)));
  });
  return course;
}

function workshopFields(cmd: Command): Command {
  return cmd
    .option('--topic <topic>', `topic: ${codeList(WORKSHOP_TOPICS)}`)
    .option('--title <title>', 'title of the session')
    .option('--date <date>', 'the day it was held')
    .option('--center <center>', 'center id or name')
    .option('--place <text>', 'where, when not at a center (e.g. a school, a neighbourhood base)')
    .option('--facilitator <staff>', 'staff id or full name')
    .option('--hours <n>', 'length in hours')
    .option('--female <n>', 'women and girls attending')
    .option('--male <n>', 'men and boys attending')
    .option('--note <text>', 'note');
}

function workshopCommand(): Command {
  const workshop = withExamples(
    new Command('workshop').description(
      'community workshops (کارگاه‌های آموزشی): life skills, prevention of domestic violence, suicide, child abuse; vocational skills',
    ),
    'parvande training workshop add --topic life-skills --date 1405/09/02 --female 12 --male 4',
    'parvande training workshop list --from 1405/09/01 --to 1405/09/30',
  );

  withExamples(
    workshopFields(workshop.command('add').description('record a workshop session held, with attendees by sex')),
    'parvande training workshop add --topic suicide-prevention --date 1405/09/02 --center 1 --female 23 --male 9',
  ).action(async (opts: WorkshopInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'topic', option: 'topic', message: tr(rt.lang, 'Topic'), choices: choose(WORKSHOP_TOPICS, rt) },
        { key: 'date', option: 'date', message: tr(rt.lang, 'Date held') },
      ],
      {
        flags: {
          topic: codeCheck(WORKSHOP_TOPICS, 'topic'),
          center: centerCheck(rt),
          female: integerCheck('female', { min: 0, max: 100_000 }),
          male: integerCheck('male', { min: 0, max: 100_000 }),
        },
      },
    );
    const w = rt.write((ctx) => addWorkshop(ctx, o));
    rt.out.result(w, () => workshopCard(w, fmt(rt)));
  });

  withExamples(
    workshop
      .command('list')
      .description('workshops held, newest first, with totals')
      .option('--from <date>', 'held on or after')
      .option('--to <date>', 'held on or before')
      .option('--topic <topic>', `topic: ${codeList(WORKSHOP_TOPICS)}`)
      .option('--center <center>', 'center id or name'),
    'parvande training workshop list --from 1405/09/01 --to 1405/09/30',
  ).action((opts: { from?: string; to?: string; topic?: string; center?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const r = rt.read((ctx) => listWorkshops(ctx, opts));
    rt.out.result(r, () => workshopListView(r, fmt(rt)));
  });

  withExamples(
    workshopFields(workshop.command('update').argument('<workshop>', 'workshop id').description('correct a workshop record')),
    'parvande training workshop update 7 --female 25',
  ).action((ref: string, opts: WorkshopInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const w = rt.write((ctx) => updateWorkshop(ctx, { ...opts, id: ref }));
    rt.out.result(w, () => workshopCard(w, fmt(rt)));
  });
  return workshop;
}

function enrolmentRef(cmd: Command): Command {
  return cmd
    .argument('[enrolment]', 'enrolment id (or give --course with --staff or --client)')
    .option('--course <course>', 'course id or title')
    .option('--staff <staff>', 'staff id or full name')
    .option('--client <client>', 'client id or national code (community courses)')
    .option('--date <date>', 'default today');
}

type RefOptions = Omit<EnrolmentRef, 'id'> & { date?: string };

export function trainingCommand(): Command {
  const training = withExamples(
    new Command('training').description('training records: courses, enrolments and waiting lists, compliance, community workshops'),
    'parvande training enrol --course 4 --staff 3,5,8',
    'parvande training compliance',
    'parvande training workshop list',
  );
  training.addCommand(courseCommand());

  withExamples(
    training
      .command('enrol')
      .description('enrol people in a course; when it is full they go on the waiting list')
      .option('--course <course>', 'course id or title')
      .option('--staff <staff>', 'staff ids or full names, comma separated')
      .option('--client <client>', 'clients (community courses), comma separated')
      .option('--date <date>', 'date of the request (default today)'),
    'parvande training enrol --course 4 --staff 3,5,8',
  ).action(async (opts: EnrolInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [{ key: 'course', option: 'course', message: tr(rt.lang, 'Course (id or title)') }], {
      flags: { staff: (v) => splitList(v).map((one) => rt.read((ctx) => resolveStaff(ctx, one, 'staff'))), date: dateCheck(rt, 'date') },
    });
    const rows = rt.write((ctx) => enrol(ctx, o));
    const waiting = rows.filter((e) => e.status === 'waiting');
    if (waiting.length > 0) {
      const places = waiting.map((e) =>
        tr(rt.lang, 'enrolment #{id} waits at position {position}', { id: e.id, position: e.waitingPosition ?? '-' }),
      );
      rt.out.note(t('the course is full: {waiting}', { waiting: listOf(places, rt.lang) }));
    }
    rt.out.result(rows, () => enrolmentTable(rows, fmt(rt)));
  });

  withExamples(
    enrolmentRef(training.command('attend').description('mark an enrolled person as attending')),
    'parvande training attend 12',
    'parvande training attend --course 4 --staff 3',
  ).action((id: string | undefined, opts: RefOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const e = rt.write((ctx) => markAttended(ctx, { ...opts, id }, opts.date));
    rt.out.result(e, () => enrolmentTable([e], fmt(rt)));
  });

  withExamples(
    enrolmentRef(training.command('complete').description('record a completion with score and certificate number'))
      .option('--score <n>', 'score, 0 to 100')
      .option('--certificate <no>', 'certificate number'),
    'parvande training complete 12 --score 18.5 --certificate 1405-0042 --date 1405/09/12',
  ).action((id: string | undefined, opts: RefOptions & Omit<CompleteInput, 'id'>, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const e = rt.write((ctx) => markCompleted(ctx, { ...opts, id }));
    rt.out.result(e, () => enrolmentTable([e], fmt(rt)));
  });

  withExamples(
    enrolmentRef(training.command('drop').description('drop out of a course or its waiting list; the next in line moves up')),
    'parvande training drop 12',
  ).action((id: string | undefined, opts: RefOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const r = rt.write((ctx) => dropEnrolment(ctx, { ...opts, id }, opts.date));
    for (const p of r.promoted) rt.out.note(t('enrolment #{id} moved up from the waiting list', { id: p.id }));
    rt.out.result(r, () => dropView(r, fmt(rt)));
  });

  withExamples(
    training
      .command('enrolments')
      .description('enrolments: places first, then the waiting list in order')
      .option('--course <course>', 'course id or title')
      .option('--staff <staff>', 'staff id or full name')
      .option('--status <status>', `status: ${codeList(ENROLMENT_STATUSES)}`),
    'parvande training enrolments --course 4',
    'parvande training enrolments --staff 3 --status completed',
  ).action((opts: { course?: string; staff?: string; status?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listEnrolments(ctx, opts));
    rt.out.result(rows, () => enrolmentTable(rows, fmt(rt)));
  });

  withExamples(
    training
      .command('compliance')
      .description('active staff missing a course mandatory for their current role, and certificates older than the validity')
      .option('--role <role>', `role: ${codeList(ROLES)}`)
      .option('--staff <staff>', 'one person'),
    'parvande training compliance',
    'parvande training compliance --role intervener --json',
  ).action((opts: { role?: string; staff?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const r = rt.read((ctx) => checkCompliance(ctx, opts));
    rt.out.result(r, () => complianceView(r, fmt(rt)));
  });

  training.addCommand(workshopCommand());

  withExamples(
    training
      .command('settings')
      .description('show or set how many months a certificate stays valid (default 24)')
      .option('--certificate-months <n>', 'months, 1 to 600'),
    'parvande training settings --certificate-months 36',
  ).action((opts: { certificateMonths?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const months =
      opts.certificateMonths === undefined
        ? rt.read((ctx) => readSetting(ctx, CERTIFICATE_MONTHS))
        : rt.write((ctx) => writeSetting(ctx, CERTIFICATE_MONTHS, opts.certificateMonths as string));
    rt.out.result({ certificateMonths: months }, () => trainingSettingsCard(months, fmt(rt)));
  });
  return withPages(training, 'course list', 'course show', 'workshop list', 'enrolments', 'compliance');
}
