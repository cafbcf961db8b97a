/**
 * Issue #13, prompts a clerk can use, in a real 80-column terminal (tmux), in English and in
 * Persian: a client, a center and a worker chosen by typing part of a name (Arabic ي/ك and
 * hamza forms match, namesakes told apart by birth year or the national code's last four
 * digits, never the whole code); further problems ticked in a list; "anonymous caller" as a
 * choice; a bad flag refused before the first question; Ctrl+C changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, tempDb } from '../helpers/cli.js';
import { dumpDb } from '../helpers/office.js';
import { hasTmux, TmuxTerminal } from '../helpers/tmux.js';

const t = tempDb();
const env = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk' };

/** The questions, as each language asks them. */
const Q = {
  en: {
    client: 'Client (type part',
    channel: 'Channel',
    primary: 'Primary problem',
    further: 'Further problems',
    risk: 'Risk',
    center: 'Center',
    worker: 'Worker',
    staff: 'Staff (type',
  },
  fa: {
    client: 'مددجو (',
    channel: 'مسیر دریافت',
    primary: 'مسئله اصلی',
    further: 'مسائل دیگر',
    risk: 'سطح خطر',
    center: 'مرکز',
    worker: 'کارشناس',
    staff: 'کارمند (',
  },
} as const;

async function bin(args: string[]): Promise<any> {
  const r = await runBin([...args, '--json'], { env });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.json();
}

/** The case opened last (lists go by urgency). */
async function newestCase(): Promise<any> {
  const cases: { id: number }[] = await bin(['case', 'list', '--status', 'all']);
  return bin(['case', 'show', String(Math.max(...cases.map((c) => c.id)))]);
}

const terminals: TmuxTerminal[] = [];
function terminal(args: string[]): TmuxTerminal {
  const term = new TmuxTerminal(args, env);
  terminals.push(term);
  return term;
}

describe.runIf(hasTmux)('choosing by name at a terminal (issue #13)', () => {
  beforeAll(async () => {
    await bin(['init', '--office-code', 'PCK01', '--office-name', 'x']);
    await bin([
      'client',
      'add',
      '--first-name',
      'زهرا',
      '--last-name',
      'محمدی',
      '--national-code',
      '0013542419',
      '--birth-date',
      '1370/05/12',
    ]);
    // A namesake without a birth date: told apart by the last four digits of the national code.
    await bin(['client', 'add', '--first-name', 'زهرا', '--last-name', 'محمدی', '--national-code', '0023456787']);
    await bin(['client', 'add', '--first-name', 'علی', '--last-name', 'کریمی']);
    await bin(['center', 'add', '--name', 'مرکز مداخله در بحران کرج', '--kind', 'social-emergency', '--sector', 'gov']);
    await bin(['center', 'add', '--name', 'پایگاه خدمات اجتماعی اسلام‌آباد', '--kind', 'service-base', '--sector', 'ngo']);
    await bin(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
    await bin(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'gov']);
    await bin(['roster', 'pattern', 'add', '--service', 'hotline', '--name', 'morning', '--start', '08:00', '--end', '14:00']);
  });
  afterAll(() => {
    for (const term of terminals) term.close();
    t.cleanup();
  });

  for (const lang of ['en', 'fa'] as const) {
    const q = Q[lang];

    it(`${lang}: case open: a client by part of the name, two problems ticked, a center and a worker by name`, async () => {
      const open = terminal(['--lang', lang, 'case', 'open']);
      await open.waitFor(q.client);
      await open.type('محمدي'); // Arabic ي: matches محمدی
      await open.waitFor(lang === 'en' ? '#1' : '#۱');
      const list = open.screen;
      expect(list).toContain(lang === 'en' ? 'زهرا محمدی · #2 · national code …6787' : 'زهرا محمدی · #۲ · کد ملی …۶۷۸۷');
      expect(list).toContain(lang === 'en' ? 'زهرا محمدی · #1 · born 1370' : 'زهرا محمدی · #۱ · متولد ۱۳۷۰');
      // Never the whole national code on a clerk's screen, nor the person who does not match.
      expect(list).not.toMatch(/0023456787|0013542419|۰۰۲۳۴۵۶۷۸۷|۰۰۱۳۵۴۲۴۱۹|کریمی/);
      await open.press('Down', 'Enter'); // the second match: #1
      await open.answer(q.channel, 'Enter'); // hotline
      await open.answer(q.primary, 'Down', 'Down', 'Down', 'Enter'); // the fourth: suicide
      await open.answer(q.further, 'Down', 'Space', 'Down', 'Space', 'Enter'); // child-abuse and spouse-abuse
      await open.answer(q.risk, 'Enter'); // critical
      await open.waitFor(q.center);
      await open.type('بحران');
      await open.waitFor('مرکز مداخله در بحران کرج');
      await open.press('Enter');
      await open.waitFor(q.worker);
      await open.type('رضائي'); // hamza and Arabic ي: matches رضایی
      await open.waitFor('مریم رضایی');
      await open.press('Enter');
      expect(await open.exit()).toBe(0);
      const kase = await newestCase();
      expect(kase).toMatchObject({
        clientId: 1,
        channel: 'hotline',
        primaryCategory: 'suicide',
        categories: ['suicide', 'child-abuse', 'spouse-abuse'],
        risk: 'critical',
        centerId: 1,
        workerId: 1,
      });
    });

    it(`${lang}: case open: "anonymous caller" is a choice of the client question`, async () => {
      const open = terminal(['--lang', lang, 'case', 'open', '--channel', 'hotline', '--category', 'child-abuse', '--risk', 'high']);
      await open.waitFor(q.client);
      await open.waitFor(lang === 'en' ? 'Anonymous caller' : 'تماس‌گیرنده ناشناس');
      await open.press('Enter'); // before anything is typed, the first choice
      await open.answer(q.further, 'Enter'); // none ticked
      await open.answer(q.center, 'Enter'); // skip
      await open.answer(q.worker, 'Enter'); // skip
      expect(await open.exit()).toBe(0);
      const newest = await newestCase();
      expect(newest).toMatchObject({ clientId: null, categories: ['child-abuse'], centerId: null, workerId: null, risk: 'high' });
    });

    it(`${lang}: a bad flag is refused before the first question`, async () => {
      const before = dumpDb(t.db);
      const open = terminal(['--lang', lang, 'case', 'open', '--risk', 'banana']);
      expect(await open.exit()).toBe(2);
      expect(open.screen).not.toContain(q.client);
      if (lang === 'en') expect(open.screen).toContain('error: invalid risk: expected one of critical, high, medium, low');
      expect(dumpDb(t.db)).toBe(before);
    });

    it(`${lang}: Ctrl+C at a question leaves the office unchanged`, async () => {
      const before = dumpDb(t.db);
      const open = terminal(['--lang', lang, 'case', 'open']);
      await open.waitFor(q.client);
      await open.type('کریمی');
      await open.waitFor('علی کریمی');
      await open.press('Enter');
      await open.answer(q.channel, 'C-c');
      expect(await open.exit()).toBe(2);
      if (lang === 'en') expect(open.screen).toContain('error: cancelled; nothing was changed');
      expect(dumpDb(t.db)).toBe(before);
    });

    it(`${lang}: case assign, worklist and roster assign ask for the person by name`, async () => {
      // A case not yet with علی کریمی (#2): assigning a case to its own worker is refused.
      const kase = (await bin(['case', 'list', '--status', 'all'])).find((c: { workerId: number | null }) => c.workerId !== 2);
      const assign = terminal(['--lang', lang, 'case', 'assign', kase.caseNumber]);
      await assign.waitFor(q.worker);
      await assign.type('كريمي'); // Arabic ك and ي
      await assign.waitFor(lang === 'en' ? 'علی کریمی · #2 · Psychologist' : 'علی کریمی · #۲ · روانشناس');
      await assign.press('Enter');
      expect(await assign.exit()).toBe(0);
      expect((await bin(['case', 'show', kase.caseNumber])).workerId).toBe(2);

      const worklist = terminal(['--lang', lang, 'worklist']);
      await worklist.waitFor(q.worker);
      await worklist.type('مریم');
      await worklist.waitFor('مریم رضایی ·');
      await worklist.press('Enter');
      expect(await worklist.exit()).toBe(0);
      expect(worklist.screen).toContain('مریم رضایی');

      const roster = terminal([
        '--lang',
        lang,
        'roster',
        'assign',
        '--pattern',
        '1',
        '--date',
        lang === 'en' ? '1405/09/10' : '1405/09/11',
      ]);
      await roster.waitFor(q.staff);
      await roster.type('علی');
      await roster.waitFor('علی کریمی ·');
      await roster.press('Enter');
      expect(await roster.exit()).toBe(0);
      const shifts = await bin(['roster', 'show', '--month', '1405-09', '--staff', '2']);
      expect(JSON.stringify(shifts)).toContain(lang === 'en' ? '2026-12-01' : '2026-12-02');
    });
  }
});
