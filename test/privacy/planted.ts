/**
 * Recognisable fake personal values, planted in an office so that a test can
 * search any output for them, in every form a program might print them in.
 */
import { nationalCodeOf } from '../faults/support.js';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const persianDigits = (s: string): string => s.replace(/\d/g, (d) => PERSIAN[Number(d)] as string);

export const PLANTED = {
  firstName: 'Zzplantedname',
  lastName: 'Yyplantedfamily',
  /** A Persian name too: printed names may pass through Persian normalisation. */
  persianName: 'ژیلاکاشته',
  nationalCode: nationalCodeOf(246_813_579),
  /** A second valid code, for a client refused as a duplicate of the first one. */
  otherCode: nationalCodeOf(246_813_580),
  mobile: '09127770011',
  address: 'Xxplantedstreet 77, Qqplantedtown',
  notes: 'Nnplantednote about the family',
  /** A birth date given nowhere else: a refusal that repeats it is found in any of its forms. */
  birthDate: '1361/11/29',
  /** A local phone number of a small town: seven digits. */
  landline: '3447712',
  staffFirst: 'Wwplantedworker',
  staffLast: 'Vvplantedstaff',
  staffCode: nationalCodeOf(135_792_468),
  staffPhone: '09357770022',
} as const;

/** Every form of every planted value worth searching for. */
function forms(): Map<string, string> {
  const out = new Map<string, string>();
  const add = (label: string, ...values: string[]): void => {
    for (const v of values) out.set(v, label);
  };
  add('first name', PLANTED.firstName, PLANTED.firstName.toLowerCase());
  add('last name', PLANTED.lastName, PLANTED.lastName.toLowerCase());
  add('Persian name', PLANTED.persianName);
  for (const [label, code] of [
    ['national code', PLANTED.nationalCode],
    ['other national code', PLANTED.otherCode],
    ['staff national code', PLANTED.staffCode],
  ] as const) {
    add(label, code, persianDigits(code), code.slice(0, 9));
  }
  for (const [label, phone] of [
    ['mobile', PLANTED.mobile],
    ['staff phone', PLANTED.staffPhone],
  ] as const) {
    // 9127770011 is inside 09127770011, +989127770011 and 00989127770011.
    add(label, phone.slice(1), persianDigits(phone.slice(1)));
  }
  add('address', 'Xxplantedstreet', 'Qqplantedtown');
  add('notes', 'Nnplantednote');
  add('landline', PLANTED.landline, persianDigits(PLANTED.landline));
  add('birth date', PLANTED.birthDate, persianDigits(PLANTED.birthDate), '1361-11-29', '1983-02-18', '1983/02/18');
  add('staff first name', PLANTED.staffFirst, PLANTED.staffFirst.toLowerCase());
  add('staff last name', PLANTED.staffLast, PLANTED.staffLast.toLowerCase());
  return out;
}

const FORMS = forms();

/** The planted values found in `text`, e.g. ["mobile: 9127770011"]. */
export function plantedIn(text: string): string[] {
  const found: string[] = [];
  for (const [form, label] of FORMS) if (text.includes(form)) found.push(`${label}: ${form}`);
  return found;
}

/** An office holding one planted staff member, client, case, service, note and follow-up; returns the case number. */
export async function plantOffice(db: string, code = 'PRV01'): Promise<{ caseNumber: string }> {
  const { initOffice, runCli } = await import('../helpers/cli.js');
  await initOffice(db, code);
  const ok = async (args: string[]): Promise<any> => {
    const r = await runCli(['--db', db, '--json', ...args]);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r.json();
  };
  const p = PLANTED;
  await ok([
    'staff',
    'add',
    '--first-name',
    p.staffFirst,
    '--last-name',
    p.staffLast,
    '--role',
    'social-worker',
    '--sector',
    'gov',
    '--national-code',
    p.staffCode,
    '--phone',
    p.staffPhone,
  ]);
  await ok([
    'client',
    'add',
    '--first-name',
    p.firstName,
    '--last-name',
    p.lastName,
    '--national-code',
    p.nationalCode,
    '--mobile',
    p.mobile,
    '--address',
    p.address,
    '--notes',
    p.notes,
    '--birth-date',
    '1370/05/12',
    '--sex',
    'female',
    '--county',
    'کرج',
  ]);
  await ok(['client', 'add', '--first-name', p.persianName, '--last-name', p.lastName, '--sex', 'female']);
  const c = await ok([
    'case',
    'open',
    '--client',
    p.nationalCode,
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--worker',
    '1',
    '--opened',
    '1405/08/20',
    '--summary',
    `${p.firstName} called, ${p.notes}`,
  ]);
  await ok(['case', 'open', '--client', '2', '--channel', 'referral', '--category', 'child-abuse', '--risk', 'medium']);
  await ok(['service', 'log', '--case', c.caseNumber, '--type', 'hotline-call', '--minutes', '25', '--note', `${p.firstName} ${p.mobile}`]);
  await ok(['case', 'note', c.caseNumber, '--text', `${p.firstName} lives at ${p.address}`]);
  await ok(['followup', 'schedule', '--case', c.caseNumber, '--due', '1405/09/01', '--note', `call ${p.mobile}`]);
  return { caseNumber: c.caseNumber as string };
}
