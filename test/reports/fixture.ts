/**
 * An office whose history the report tests write day by day through the domain
 * functions (each step dated as if done that day), keeping their own record of
 * what they wrote so that expected figures are counted by the test, not the code.
 */
import { openCase, closeCase, reopenCase } from '../../src/domain/cases.js';
import { addCenter } from '../../src/domain/centers.js';
import { addClient } from '../../src/domain/clients.js';
import type { WriteCtx } from '../../src/domain/context.js';
import { asIsoDate } from '../../src/lang/dates.js';
import { finishFollowup, rescheduleFollowup, scheduleFollowup } from '../../src/domain/followups.js';
import { addReferral, parseVoidReason, recordReferralVoid, resolveReferral, updateReferral } from '../../src/domain/referrals.js';
import { correctService, voidService } from '../../src/domain/service-corrections.js';
import { logService } from '../../src/domain/services.js';
import { addStaff } from '../../src/domain/staff.js';
import { Db, type WritableDB } from '../../src/store/database.js';
import { initOffice, runCli, tempDb, type CliResult } from '../helpers/cli.js';

export interface CaseRecord {
  id: number;
  caseNumber: string;
  opened: string;
  category: string;
  categories: string[];
  centerId: number | null;
  workerId: number | null;
  clientId?: number | null;
  /** Every closing and reopening, in order. */
  events: { kind: 'closed' | 'reopened'; on: string; reason?: string }[];
}

export interface ServiceRecord {
  id: number;
  caseId: number | null;
  date: string;
  type: string;
  channel: string;
  /** The worker who gave it (given, or taken from the case). */
  workerId?: number | null;
  /** Voided: in the record, in no count. */
  voided?: boolean;
}
export interface FollowupRecord {
  id: number;
  caseId: number;
  due: string;
  status: 'scheduled' | 'done' | 'missed' | 'cancelled';
  on: string | null;
  workerId?: number | null;
}
export interface ClientRecord {
  id: number;
  registered: string;
  sex: string | null;
  birth: string | null;
  informal: boolean;
  womanHead: boolean;
  /** Set when the client was merged into another (client merge): it no longer counts. */
  mergedInto?: number;
}

/** A referral to another agency, as the test wrote it: sent, and its first answer (accepted, declined or feedback). */
export interface ReferralRecord {
  id: number;
  caseId: number;
  to: string;
  sent: string;
  answered: string | null;
  /** Voided: in the record, in no count. */
  voided?: boolean;
}

export class TestOffice {
  readonly path: string;
  readonly dir: string;
  readonly db: Db;
  readonly cases: CaseRecord[] = [];
  readonly services: ServiceRecord[] = [];
  readonly followups: FollowupRecord[] = [];
  readonly clients: ClientRecord[] = [];
  readonly referrals: ReferralRecord[] = [];
  private readonly cleanupDir: () => void;

  private constructor(path: string, dir: string, cleanup: () => void) {
    this.path = path;
    this.dir = dir;
    this.cleanupDir = cleanup;
    this.db = Db.open(path);
  }

  static async create(code = 'TST01', name = 'office.db'): Promise<TestOffice> {
    const t = tempDb(name);
    await initOffice(t.db, code);
    return new TestOffice(t.db, t.dir, t.cleanup);
  }

  /** A context whose "today" is the day the step happens (the fixture runs the transactions). */
  ctx(today: string): WriteCtx {
    let tick = 0;
    return {
      db: this.db.outsideTransaction(),
      actor: 'test',
      command: 'test',
      today: asIsoDate(today),
      now: () => `${today}T08:00:${String(tick++ % 60).padStart(2, '0')}.000Z`,
    };
  }

  private write<T>(today: string, fn: (ctx: WriteCtx) => T): T {
    return this.db.write(() => fn(this.ctx(today)));
  }

  center(name: string): number {
    return this.write('2020-01-01', (ctx) => addCenter(ctx, { name, kind: 'social-emergency', sector: 'gov' }).id);
  }

  worker(firstName: string, lastName: string): number {
    return this.write('2020-01-01', (ctx) => addStaff(ctx, { firstName, lastName, role: 'social-worker', sector: 'gov' }).id);
  }

  client(c: {
    registered: string;
    sex?: string | null;
    birth?: string | null;
    informal?: boolean;
    womanHead?: boolean;
    name?: string;
  }): number {
    const id = this.write(
      c.registered,
      (ctx) =>
        addClient(ctx, {
          firstName: c.name ?? 'مریم',
          lastName: `آزمون${this.clients.length + 1}`,
          sex: c.sex ?? undefined,
          birthDate: c.birth ?? undefined,
          registeredOn: c.registered,
          informalSettlement: c.informal ?? false,
          womanHead: c.womanHead ?? false,
        }).client.id,
    );
    this.clients.push({
      id,
      registered: c.registered,
      sex: c.sex ?? null,
      birth: c.birth ?? null,
      informal: c.informal ?? false,
      womanHead: c.womanHead ?? false,
    });
    return id;
  }

  openCase(c: {
    opened: string;
    category: string;
    categories?: string[];
    channel?: string;
    center?: number | null;
    worker?: number | null;
    client?: number;
  }): CaseRecord {
    const k = this.write(c.opened, (ctx) =>
      openCase(ctx, {
        ...(c.client === undefined ? { anonymous: true } : { client: String(c.client) }),
        channel: c.channel ?? 'hotline',
        category: c.category,
        categories: (c.categories ?? []).join(','),
        risk: 'medium',
        center: c.center == null ? undefined : String(c.center),
        worker: c.worker == null ? undefined : String(c.worker),
        opened: c.opened,
      }),
    );
    const rec: CaseRecord = {
      id: k.id,
      caseNumber: k.caseNumber,
      opened: c.opened,
      category: c.category,
      categories: k.categories,
      centerId: c.center ?? null,
      workerId: c.worker ?? null,
      clientId: c.client ?? null,
      events: [],
    };
    this.cases.push(rec);
    return rec;
  }

  close(c: CaseRecord, on: string, reason = 'resolved'): void {
    this.write(on, (ctx) => closeCase(ctx, { case: String(c.id), reason, date: on }));
    c.events.push({ kind: 'closed', on, reason });
  }

  reopen(c: CaseRecord, on: string): void {
    this.write(on, (ctx) => reopenCase(ctx, { case: String(c.id), date: on }));
    c.events.push({ kind: 'reopened', on });
  }

  service(s: { date: string; type: string; case?: CaseRecord; worker?: number }): ServiceRecord {
    const r = this.write(s.date, (ctx) =>
      logService(ctx, {
        type: s.type,
        date: s.date,
        ...(s.case ? { case: String(s.case.id) } : {}),
        ...(s.worker === undefined ? {} : { worker: String(s.worker) }),
      }),
    );
    const rec: ServiceRecord = {
      id: r.service.id,
      caseId: s.case?.id ?? null,
      date: s.date,
      type: s.type,
      channel: r.service.channel,
      workerId: r.service.workerId,
    };
    this.services.push(rec);
    return rec;
  }

  /** `service correct` on day `on`: the type and date given change (the rest stays). */
  correctService(s: ServiceRecord, on: string, change: { type?: string; date?: string }): void {
    this.write(on, (ctx) => correctService(ctx, String(s.id), { ...change, reason: 'corrected in a test' }));
    if (change.type !== undefined) s.type = change.type;
    if (change.date !== undefined) s.date = change.date;
  }

  /** `service void` on day `on`. */
  voidService(s: ServiceRecord, on: string): void {
    this.write(on, (ctx) => voidService(ctx, String(s.id), { reason: 'voided in a test' }));
    s.voided = true;
  }

  /** `followup reschedule` on day `on`. */
  reschedule(f: FollowupRecord, on: string, due: string): void {
    this.write(on, (ctx) => rescheduleFollowup(ctx, String(f.id), { due }));
    f.due = due;
  }

  followup(c: CaseRecord, due: string, scheduledOn = c.opened): FollowupRecord {
    const f = this.write(scheduledOn, (ctx) => scheduleFollowup(ctx, { case: String(c.id), due }));
    const rec: FollowupRecord = { id: f.id, caseId: c.id, due, status: 'scheduled', on: null, workerId: f.workerId };
    this.followups.push(rec);
    return rec;
  }

  finish(f: FollowupRecord, status: 'done' | 'missed' | 'cancelled', on: string): void {
    this.write(on, (ctx) =>
      finishFollowup(ctx, status, { id: String(f.id), date: on, outcome: status === 'done' ? 'spoke with the client' : 'no answer' }),
    );
    f.status = status;
    f.on = status === 'cancelled' ? null : on;
  }

  /** `referral add` on day `on`. */
  referral(c: CaseRecord, on: string, to: string): ReferralRecord {
    const r = this.write(on, (ctx) =>
      addReferral(ctx, { case: String(c.id), to, agency: 'دستگاه آزمون', date: on, reason: 'ارجاع آزمون' }),
    );
    const rec: ReferralRecord = { id: r.id, caseId: c.id, to, sent: on, answered: null };
    this.referrals.push(rec);
    return rec;
  }

  /** `referral update` on day `on`: the first answer (not `sent`, a reminder) sets the answer date. */
  updateReferral(r: ReferralRecord, on: string, status: 'sent' | 'accepted' | 'declined' | 'feedback'): void {
    this.write(on, (ctx) => updateReferral(ctx, String(r.id), { status, date: on }));
    if (status !== 'sent' && r.answered === null) r.answered = on;
  }

  /** `referral void` on day `on`. */
  voidReferral(r: ReferralRecord, on: string): void {
    this.write(on, (ctx) => recordReferralVoid(ctx, resolveReferral(ctx, String(r.id)), parseVoidReason('recorded by mistake')));
    r.voided = true;
  }

  /** Runs many steps in one transaction (each step a savepoint): volume without a disk flush per step. */
  batch(fn: (db: WritableDB) => void): void {
    this.db.write(fn);
  }

  /** Runs parvande in-process on this office (the test database stays open read-write: WAL lets both work). */
  cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
    return runCli(['--db', this.path, ...args], env);
  }

  async report<T = any>(args: string[], env: Record<string, string | undefined> = {}): Promise<T> {
    const r = await this.cli(['report', ...args, '--json'], env);
    if (r.code !== 0) throw new Error(`report ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.json<T>();
  }

  cleanup(): void {
    this.db.close();
    this.cleanupDir();
  }
}

/** Whether a case was open at the end of day `asOf`, from the test's own record. */
export function openAt(c: CaseRecord, asOf: string): boolean {
  if (c.opened > asOf) return false;
  const last = c.events.filter((e) => e.on <= asOf).at(-1);
  return last === undefined || last.kind === 'reopened';
}

export const count = <T>(rows: readonly T[], pred: (r: T) => boolean): number => rows.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
