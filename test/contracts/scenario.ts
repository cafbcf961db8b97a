/**
 * One small office in which every command runs once or more with --json: a few
 * clients, cases, services and follow-ups, staff and centers, a roster, courses
 * and workshops, an import, an export, a backup and a restore. Each output is
 * kept under its command's name (`case open`, `roster pattern add`), for the
 * contract test to check against the published schemas (src/contracts/).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { makeOffice, type TestOffice } from '../helpers/office.js';

export interface ScenarioOutputs {
  /** command name → every --json document it printed on stdout. */
  outputs: Map<string, unknown[]>;
  /** --json error objects printed on stderr by refused commands. */
  errors: unknown[];
}

export async function runScenario(): Promise<ScenarioOutputs> {
  const o = await makeOffice('CNT01');
  const outputs = new Map<string, unknown[]>();
  const errors: unknown[] = [];
  const keep = (name: string, doc: unknown): void => {
    outputs.set(name, [...(outputs.get(name) ?? []), doc]);
  };
  /** Runs `args` with --json (it must succeed) and keeps the output under `name`. */
  const run = async <T = any>(name: string, args: string[]): Promise<T> => {
    const doc = await o.json<T>(args);
    keep(name, doc);
    return doc;
  };
  const refuse = async (args: string[]): Promise<void> => {
    const r = await o.cli([...args, '--json']);
    if (r.code === 0) throw new Error(`parvande ${args.join(' ')} was expected to fail`);
    errors.push(JSON.parse(r.stderr));
  };
  try {
    await scenario(o, { run, refuse, keep, keepError: (doc) => errors.push(doc) });
  } finally {
    o.cleanup();
  }
  return { outputs, errors };
}

interface Recorder {
  run: <T = any>(name: string, args: string[]) => Promise<T>;
  refuse: (args: string[]) => Promise<void>;
  keep: (name: string, doc: unknown) => void;
  keepError: (doc: unknown) => void;
}

async function scenario(o: TestOffice, { run, refuse, keep, keepError }: Recorder): Promise<void> {
  // The office itself: init again updates it (created: false); a fresh file creates one.
  await run('init', ['init', '--office-code', 'CNT01', '--office-name', 'دفتر قراردادها', '--county', 'کرج', '--province', 'البرز']);

  const center = await run('center add', [
    'center',
    'add',
    '--name',
    'مرکز یک',
    '--kind',
    'social-emergency',
    '--sector',
    'gov',
    '--capacity',
    '2',
    '--county',
    'کرج',
  ]);
  await run('center list', ['center', 'list']);

  const roles = ['social-worker', 'psychologist', 'intervener', 'intervener', 'social-worker'];
  const staff: number[] = [];
  for (const [i, role] of roles.entries()) {
    const extra =
      i === 0
        ? [
            '--center',
            String(center.id),
            '--national-code',
            '0012345679',
            '--degree',
            'master',
            '--field',
            'مددکاری',
            '--membership-no',
            '123',
            '--phone',
            '09121234567',
            '--start-date',
            '1403/07/01',
          ]
        : [];
    staff.push(
      (
        await run('staff add', [
          'staff',
          'add',
          '--first-name',
          `کارمند${i + 1}`,
          '--last-name',
          'نمونه',
          '--role',
          role,
          '--sector',
          i % 2 ? 'ngo' : 'gov',
          ...extra,
        ])
      ).id,
    );
  }

  const zahra = await run('client add', [
    'client',
    'add',
    '--first-name',
    'زهرا',
    '--last-name',
    'احمدی',
    '--sex',
    'female',
    '--birth-date',
    '1370/05/12',
    '--national-code',
    '0013542419',
    '--mobile',
    '09121234567',
    '--county',
    'کرج',
    '--woman-head',
    'yes',
  ]);
  await run('client add', [
    'client',
    'add',
    '--first-name',
    'زهرا',
    '--last-name',
    'احمدی',
    '--sex',
    'female',
    '--birth-date',
    '1370/05/12',
  ]);
  const ali = await run('client add', [
    'client',
    'add',
    '--first-name',
    'علی',
    '--last-name',
    'رضایی',
    '--sex',
    'male',
    '--birth-date',
    '1395/01/01',
    '--informal-settlement',
    'yes',
  ]);
  await run('client update', ['client', 'update', String(ali.id), '--address', 'کرج، گوهردشت', '--notes', 'یادداشت']);
  await run('client show', ['client', 'show', String(zahra.id)]);
  await run('client list', ['client', 'list']);
  await run('client find', ['client', 'find', 'احمدی']);
  // Two records of one person: the second merged into the first (its code moves), then shown as a pointer.
  const sara = await run('client add', ['client', 'add', '--first-name', 'سارا', '--last-name', 'کاظمی', '--mobile', '09351112233']);
  const sara2 = await run('client add', ['client', 'add', '--first-name', 'سارا', '--last-name', 'کاظمی', '--national-code', '4432187654']);
  await run('client merge', ['client', 'merge', String(sara.id), String(sara2.id), '--yes']);
  await run('client show', ['client', 'show', String(sara2.id)]);
  await refuse(['client', 'merge', String(sara.id), String(sara2.id), '--yes']);

  const c1 = await run('case open', [
    'case',
    'open',
    '--client',
    String(zahra.id),
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--categories',
    'family-dispute',
    '--risk',
    'high',
    '--worker',
    String(staff[0]),
    '--center',
    String(center.id),
    '--opened',
    '1405/09/01',
    '--summary',
    'تماس اول',
  ]);
  const c2 = await run('case open', [
    'case',
    'open',
    '--client',
    String(ali.id),
    '--channel',
    'mobile-team',
    '--category',
    'child-abuse',
    '--risk',
    'critical',
    '--opened',
    '1405/09/02',
  ]);
  const c3 = await run('case open', ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'runaway', '--risk', 'low']);
  await run('case assign', ['case', 'assign', c2.caseNumber, '--worker', String(staff[1])]);
  await run('case note', ['case', 'note', c2.caseNumber, '--text', 'بازدید از منزل']);
  // Correcting the record: a risk raised, a problem corrected (case show lists both entries), an anonymous case linked.
  await run('case update', ['case', 'update', c2.caseNumber, '--risk', 'high', '--category', 'suicide', '--reason', 'اشتباه ثبت شد']);
  await run('case update', ['case', 'update', c3.caseNumber, '--client', String(ali.id), '--summary', 'تماس دوم']);
  await refuse(['case', 'update', c3.caseNumber, '--client', String(zahra.id)]);

  await run('service log', [
    'service',
    'log',
    '--case',
    c1.caseNumber,
    '--type',
    'crisis-intervention',
    '--minutes',
    '90',
    '--date',
    '1405/09/01',
  ]);
  await run('service log', [
    'service',
    'log',
    '--case',
    c2.caseNumber,
    '--type',
    'mobile-team',
    '--worker',
    String(staff[2]),
    '--note',
    'اعزام',
  ]);
  await run('service log', ['service', 'log', '--type', 'hotline-call']);
  // Correcting the record: a service corrected, another voided (both stay in case show, the void marked).
  const wrong = await run('service log', ['service', 'log', '--case', c2.caseNumber, '--type', 'legal', '--minutes', '450']);
  await run('service correct', [
    'service',
    'correct',
    String(wrong.id),
    '--type',
    'psychology',
    '--minutes',
    '45',
    '--reason',
    'اشتباه تایپی',
  ]);
  const twice = await run('service log', ['service', 'log', '--case', c2.caseNumber, '--type', 'social-work']);
  await run('service void', ['service', 'void', String(twice.id), '--reason', 'دو بار ثبت شد']);
  await refuse(['service', 'void', String(twice.id), '--reason', 'دوباره']);
  await run('service list', ['service', 'list']);
  await run('service list', ['service', 'list', '--all']);

  const f1 = await run('followup schedule', [
    'followup',
    'schedule',
    '--case',
    c2.caseNumber,
    '--due',
    '1405/09/10',
    '--worker',
    String(staff[1]),
  ]);
  const f2 = await run('followup schedule', ['followup', 'schedule', '--case', c2.caseNumber, '--due', '1405/09/03', '--note', 'تلفنی']);
  const f3 = await run('followup schedule', ['followup', 'schedule', '--case', c1.caseNumber, '--due', '1405/09/20']);
  await run('followup done', ['followup', 'done', String(f1.id), '--outcome', 'بهبود']);
  await run('followup missed', ['followup', 'missed', String(f2.id), '--reason', 'پاسخ نداد']);
  // Left overdue: the nightly run lists it.
  await run('followup schedule', ['followup', 'schedule', '--case', c2.caseNumber, '--due', '1405/09/02']);
  const moved = await run('followup schedule', ['followup', 'schedule', '--case', c2.caseNumber, '--due', '1405/09/12']);
  await run('followup reschedule', ['followup', 'reschedule', String(moved.id), '--due', '1405/09/15', '--reason', 'درخواست خانواده']);
  await run('followup list', ['followup', 'list', '--status', 'all']);

  // Referrals: one sent, reminded, accepted and given feedback; one left awaiting (the nightly run lists it
  // with the answer days set to 1); the lists, the settings, and a refusal.
  const ref = await run('referral add', [
    'referral',
    'add',
    '--case',
    c2.caseNumber,
    '--to',
    'police',
    '--agency',
    'کلانتری ۱۲',
    '--reason',
    'گزارش کودک‌آزاری',
    '--date',
    '1405/09/02',
  ]);
  await run('referral update', ['referral', 'update', String(ref.id), '--status', 'sent', '--date', '1405/09/03', '--note', 'یادآوری']);
  await run('referral update', ['referral', 'update', String(ref.id), '--status', 'accepted']);
  await run('referral update', ['referral', 'update', String(ref.id), '--status', 'feedback', '--note', 'پرونده تشکیل شد']);
  await run('referral add', [
    'referral',
    'add',
    '--case',
    c1.caseNumber,
    '--to',
    'hospital',
    '--agency',
    'بیمارستان',
    '--reason',
    'معاینه',
    '--date',
    '1405/09/02',
  ]);
  await run('referral list', ['referral', 'list']);
  await run('referral list', ['referral', 'list', '--pending', '--older-than', '1d']);
  await run('referral settings', ['referral', 'settings']);
  await run('referral settings', ['referral', 'settings', '--answer-days', '1']);
  await refuse(['referral', 'update', String(ref.id), '--status', 'sent']);
  const mistaken = await run('referral add', [
    'referral',
    'add',
    '--case',
    c2.caseNumber,
    '--to',
    'other',
    '--agency',
    'x',
    '--reason',
    'اشتباه',
  ]);
  await run('referral void', ['referral', 'void', String(mistaken.id), '--reason', 'روی پرونده دیگر ثبت شد']);
  await run('referral list', ['referral', 'list', '--all']);

  await run('case close', ['case', 'close', c1.caseNumber, '--reason', 'resolved', '--followup-plan', '7,30', '--note', 'پایان']);
  await run('followup cancel', ['followup', 'cancel', String(f3.id), '--reason', 'بسته شد']);
  await run('case reopen', ['case', 'reopen', c1.caseNumber, '--note', 'بازگشت']);
  await run('case close', ['case', 'close', c1.caseNumber, '--reason', 'referred']);
  await run('case show', ['case', 'show', c1.caseNumber]);
  await run('case show', ['case', 'show', c2.caseNumber]);
  await run('case list', ['case', 'list', '--status', 'all']);

  await run('center show', ['center', 'show', String(center.id)]);
  await run('staff list', ['staff', 'list']);
  await run('staff list', ['staff', 'list', '--caseload']);
  await run('staff show', ['staff', 'show', String(staff[0])]);
  await run('staff update', ['staff', 'update', String(staff[4]), '--phone', '+98 912 765 4321']);
  await run('staff update', ['staff', 'update', String(staff[4]), '--active', 'no']);
  await run('staff update', ['staff', 'update', String(staff[4]), '--active', 'yes']);

  // The roster: patterns, assignments (one repeated, one refused day skipped), a swap, an unassign.
  const night = await run('roster pattern add', [
    'roster',
    'pattern',
    'add',
    '--service',
    'hotline',
    '--name',
    'night',
    '--start',
    '20:00',
    '--end',
    '08:00',
    '--needed',
    '2',
    '--from',
    '1405/09/01',
  ]);
  const day = await run('roster pattern add', [
    'roster',
    'pattern',
    'add',
    '--service',
    'center',
    '--name',
    'day',
    '--start',
    '8',
    '--end',
    '16',
    '--from',
    '1405/09/01',
  ]);
  await run('roster pattern update', ['roster', 'pattern', 'update', String(day.id), '--needed', '1']);
  const spare = await run('roster pattern add', [
    'roster',
    'pattern',
    'add',
    '--service',
    'base',
    '--name',
    'spare',
    '--start',
    '10',
    '--end',
    '12',
    '--from',
    '1405/09/01',
  ]);
  await run('roster pattern retire', ['roster', 'pattern', 'retire', String(spare.id), '--date', '1405/09/10']);
  await run('roster pattern list', ['roster', 'pattern', 'list', '--all']);
  const a = await run('roster assign', [
    'roster',
    'assign',
    '--staff',
    String(staff[2]),
    '--pattern',
    String(night.id),
    '--from',
    '1405/09/01',
    '--to',
    '1405/09/06',
    '--repeat',
    'every-other-day',
  ]);
  await run('roster assign', [
    'roster',
    'assign',
    '--staff',
    String(staff[3]),
    '--pattern',
    String(night.id),
    '--from',
    '1405/09/01',
    '--to',
    '1405/09/03',
    '--skip-conflicts',
  ]);
  await run('roster assign', [
    'roster',
    'assign',
    '--staff',
    String(staff[3]),
    '--pattern',
    String(day.id),
    '--from',
    '1405/09/02',
    '--to',
    '1405/09/03',
    '--skip-conflicts',
  ]);
  const b = await run('roster assign', [
    'roster',
    'assign',
    '--staff',
    String(staff[0]),
    '--pattern',
    String(day.id),
    '--date',
    '1405/09/05',
  ]);
  await run('roster swap', ['roster', 'swap', String(a.assigned[0].id), String(b.assigned[0].id)]);
  await run('roster unassign', ['roster', 'unassign', String(a.assigned[1].id)]);
  await run('roster show', ['roster', 'show', '--week', '1405/09/01']);
  await run('roster show', ['roster', 'show', '--month', '1405-09', '--staff', String(staff[3])]);
  await run('roster gaps', ['roster', 'gaps', '--from', '1405/09/01', '--to', '1405/09/04']);
  await run('roster on-duty', ['roster', 'on-duty', '--at', '1405/09/01 22:00']);
  await run('roster settings', ['roster', 'settings']);
  await run('roster settings', ['roster', 'settings', '--rest-hours', '8']);

  // A worker's day: every section of the worklist, for each worker (some empty, some not).
  await run('case settings', ['case', 'settings']);
  await run('case settings', ['case', 'settings', '--quiet-days', '7']);
  for (const worker of staff) await run('worklist', ['worklist', '--worker', String(worker)]);

  // Training: a course with a waiting list, attendance and completion, compliance, workshops.
  const course = await run('training course add', [
    'training',
    'course',
    'add',
    '--title',
    'مداخله در بحران',
    '--topic',
    'بحران',
    '--hours',
    '16',
    '--provider',
    'بهزیستی',
    '--from',
    '1405/08/20',
    '--to',
    '1405/08/22',
    '--capacity',
    '2',
    '--mandatory-for',
    'intervener',
  ]);
  // Completed three years ago: the certificate has expired.
  const old = await run('training course add', [
    'training',
    'course',
    'add',
    '--title',
    'مداخله در بحران ۱۴۰۲',
    '--hours',
    '8',
    '--from',
    '1402/01/10',
    '--to',
    '1402/01/12',
    '--mandatory-for',
    'intervener',
  ]);
  await run('training enrol', ['training', 'enrol', '--course', String(old.id), '--staff', String(staff[2]), '--date', '1402/01/01']);
  await run('training complete', [
    'training',
    'complete',
    '--course',
    String(old.id),
    '--staff',
    String(staff[2]),
    '--date',
    '1402/01/12',
    '--certificate',
    'OLD-1',
  ]);
  const community = await run('training course add', [
    'training',
    'course',
    'add',
    '--title',
    'مهارت زندگی',
    '--hours',
    '4',
    '--from',
    '1405/09/15',
    '--audience',
    'community',
  ]);
  await run('training enrol', ['training', 'enrol', '--course', String(course.id), '--staff', staff.slice(0, 4).join(',')]);
  await run('training enrol', ['training', 'enrol', '--course', String(community.id), '--client', String(zahra.id)]);
  await run('training drop', ['training', 'drop', '--course', String(course.id), '--staff', String(staff[1])]);
  await run('training course update', ['training', 'course', 'update', String(course.id), '--capacity', '3']);
  await run('training attend', ['training', 'attend', '--course', String(course.id), '--staff', String(staff[0]), '--date', '1405/08/20']);
  await run('training complete', [
    'training',
    'complete',
    '--course',
    String(course.id),
    '--staff',
    String(staff[0]),
    '--date',
    '1405/08/22',
    '--score',
    '18.5',
    '--certificate',
    'C-1',
  ]);
  await run('training enrolments', ['training', 'enrolments', '--course', String(course.id)]);
  await run('training course list', ['training', 'course', 'list']);
  await run('training course show', ['training', 'course', 'show', String(course.id)]);
  await run('training compliance', ['training', 'compliance']);
  await run('training settings', ['training', 'settings']);
  const w = await run('training workshop add', [
    'training',
    'workshop',
    'add',
    '--topic',
    'suicide-prevention',
    '--date',
    '1405/09/02',
    '--center',
    String(center.id),
    '--female',
    '23',
    '--male',
    '9',
  ]);
  await run('training workshop update', [
    'training',
    'workshop',
    'update',
    String(w.id),
    '--place',
    'سالن',
    '--hours',
    '2',
    '--facilitator',
    String(staff[1]),
    '--title',
    'کارگاه',
    '--note',
    'خوب',
  ]);
  await run('training workshop list', ['training', 'workshop', 'list']);

  await run('staff leave', ['staff', 'leave', String(staff[3]), '--date', '1405/09/04']);

  // Reports: monthly (with the people figures), year, range, the nightly run, and a roll-up of two offices.
  await run('report monthly', ['report', 'monthly']);
  await run('report year', ['report', 'year']);
  await run('report range', ['report', 'range', '--from', '1405/09/01', '--to', '1405/09/04']);
  await run('report settings', ['report', 'settings']);
  await run('report settings', ['report', 'settings', '--prepared-by', '1', '--number-prefix', '۷۲۰/ص']);
  await refuse(['report', 'settings', '--number-prefix', ' ']);
  await run('report nightly', ['report', 'nightly', '--dir', join(o.dir, 'reports')]);
  await run('report nightly', ['report', 'nightly', '--dir', join(o.dir, 'reports'), '--log', join(o.dir, 'nightly.log')]);
  const other = join(o.dir, 'other.db');
  const init = await runCli(['--db', other, 'init', '--office-code', 'CNT02', '--office-name', 'دفتر دوم', '--json']);
  keep('init', JSON.parse(init.stdout));
  for (const kind of ['monthly', 'year', 'range']) {
    const range = kind === 'range' ? ['--from', '1405/09/01', '--to', '1405/09/04'] : [];
    const r = await runCli(['--db', o.db, '--db', other, 'report', kind, ...range, '--json']);
    if (r.code !== 0) throw new Error(`roll-up ${kind}: ${r.stderr}`);
    keep(`report ${kind}`, JSON.parse(r.stdout));
  }
  // Report packages: each office's counts, and the province's table from them.
  await run('report package', ['report', 'package', '--month', '1405-09', '--out', join(o.dir, 'pkg-1.json')]);
  const otherPackage = await runCli([
    '--db',
    other,
    'report',
    'package',
    '--month',
    '1405-09',
    '--out',
    join(o.dir, 'pkg-2.json'),
    '--json',
  ]);
  if (otherPackage.code !== 0) throw new Error(`report package: ${otherPackage.stderr}`);
  await run('report monthly', ['report', 'monthly', '--package', join(o.dir, 'pkg-1.json'), '--package', join(o.dir, 'pkg-2.json')]);

  // Import (one row refused: the result is printed and the exit code is 2), export to a file and as JSON.
  await run('client add', ['client', 'add', '--first-name', 'محمدعلی', '--last-name', 'موسوی', '--birth-date', '1360/01/01']);
  const csv = join(o.dir, 'clients.csv');
  writeFileSync(
    csv,
    'first-name,last-name,sex,national-code,birth-date\nمریم,کریمی,female,,\nسارا,احمدی,other,,\nزهرا,احمدی,female,0013542419,1370/05/12\nمحمد\u200cعلی,موسوی,male,,1360/01/01\n',
  );
  const imp = await o.cli(['import', 'clients', csv, '--json']);
  keep('import', JSON.parse(imp.stdout));
  keepError(JSON.parse(imp.stderr));
  const good = join(o.dir, 'good.csv');
  writeFileSync(good, 'first-name,last-name,sex\nنرگس,کریمی,female\n');
  await run('import', ['import', 'clients', good, '--dry-run']);
  await run('export', ['export', 'clients', '--out', join(o.dir, 'clients.xlsx')]);
  await run('export', ['export', 'cases', '--format', 'json']);
  await run('export', ['export', 'services', '--format', 'json', '--redact']);
  // The whole office travels: exported to a folder, imported into a new file of the same code (docs/import-export.md).
  await run('export', ['export', 'office', '--out', join(o.dir, 'office-folder')]);
  const movedDb = join(o.dir, 'moved.db');
  const movedInit = await runCli(['--db', movedDb, 'init', '--office-code', 'CNT01', '--office-name', 'دفتر قراردادها', '--json']);
  if (movedInit.code !== 0) throw new Error(`init: ${movedInit.stderr}`);
  const move = await runCli(['--db', movedDb, 'import', 'office', join(o.dir, 'office-folder'), '--json']);
  if (move.code !== 0) throw new Error(`import office: ${move.stderr}`);
  keep('import', JSON.parse(move.stdout));

  await run('audit list', ['audit', 'list', '--limit', '20']);

  for (const shell of ['bash', 'zsh', 'powershell']) await run('completion', ['completion', shell]);

  await run('db path', ['db', 'path']);
  await run('db migrate', ['db', 'migrate']);
  await run('db check', ['db', 'check']);
  const backup = await run('db backup', ['db', 'backup', '--out', join(o.dir, 'backup.db')]);
  // --keep: two backups in the default folder, the second keeping only itself (its result lists the first as removed).
  await run('db backup', ['db', 'backup']);
  await run('db backup', ['db', 'backup', '--keep', '1']);
  await run('db restore', ['db', 'restore', backup.path, '--yes']);

  // Per-user settings (issue #13): a settings file of the scenario's own, never the tester's.
  const settings = { PARVANDE_CONFIG: join(o.dir, 'settings', 'config.json') };
  const config = async (name: string, args: string[]): Promise<void> => keep(name, await o.json(args, settings));
  await config('config path', ['config', 'path']);
  await config('config set', ['config', 'set', 'lang', 'fa']);
  await config('config set', ['config', 'set', 'db', o.db]);
  await config('config get', ['config', 'get', 'lang']);
  await config('config list', ['config', 'list']);
  await config('config unset', ['config', 'unset', 'db']);
  await config('config unset', ['config', 'unset', 'db']);

  const demo = join(o.dir, 'demo.db');
  const d = await runCli(['--db', demo, 'demo', '--years', '1', '--scale', '0.05', '--json']);
  if (d.code !== 0) throw new Error(`demo: ${d.stderr}`);
  keep('demo', JSON.parse(d.stdout));

  // Encryption at rest (docs/encryption.md): the demo file encrypted in place, then given a new key.
  const keys = { PARVANDE_KEY_FILE: join(o.dir, 'office.key'), PARVANDE_NEW_KEY_FILE: join(o.dir, 'new.key') };
  writeFileSync(keys.PARVANDE_KEY_FILE, 'scenario passphrase one\n', { mode: 0o600 });
  writeFileSync(keys.PARVANDE_NEW_KEY_FILE, 'scenario passphrase two\n', { mode: 0o600 });
  for (const action of ['encrypt', 'rekey']) {
    const r = await runCli(['--db', demo, 'db', action, '--json'], keys);
    if (r.code !== 0) throw new Error(`db ${action}: ${r.stderr}`);
    keep(`db ${action}`, JSON.parse(r.stdout));
  }

  // Errors on stderr: invalid input, not found, conflict, usage.
  await refuse(['client', 'add', '--first-name', 'x', '--last-name', 'y', '--national-code', '0013542418']);
  await refuse(['case', 'show', '99999']);
  await refuse(['case', 'close', c1.caseNumber, '--reason', 'resolved']);
  await refuse(['report', 'monthly', '--format', 'csv']);
}
