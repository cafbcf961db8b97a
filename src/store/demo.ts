/**
 * Bulk writing of a generated demo office: rows arrive with their ids already
 * chosen, and go in through prepared statements inside large BEGIN IMMEDIATE
 * transactions (the caller decides where each one ends). Also the two file
 * questions the demo command asks: is this file a demo office, and removing one.
 */
import { existsSync, rmSync } from 'node:fs';
import { DatabaseError, type DatabaseErrorCode } from '../errors.js';
import { t } from '../messages/catalogue.js';
import { Db, type Statement, type ReadableDB, type WritableDB } from './database.js';
import { resumeReportCounts, suspendReportCounts } from './report-counts/index.js';
import type { CaseEventStored } from './cases.js';

/** Audit action that marks a file as a generated demo office (with the office code DEMO_OFFICE_CODE). */
export const DEMO_AUDIT_ACTION = 'demo-generate';
export const DEMO_OFFICE_CODE = 'DEMO';

export interface DemoCenterRow {
  id: number;
  name: string;
  nameKey: string;
  kind: string;
  sector: string;
  capacity: number | null;
  county: string | null;
  at: string;
}
export interface DemoStaffRow {
  id: number;
  firstName: string;
  lastName: string;
  nameKey: string;
  role: string;
  sector: string;
  centerId: number | null;
  active: boolean;
  at: string;
}
export interface DemoClientRow {
  id: number;
  firstName: string;
  lastName: string;
  nameKey: string;
  nationalCode: string | null;
  birthDate: string | null;
  sex: string | null;
  mobile: string | null;
  address: string | null;
  county: string | null;
  informalSettlement: boolean;
  womanHead: boolean;
  registeredOn: string;
  at: string;
}
export interface DemoCaseRow {
  id: number;
  caseNumber: string;
  year: number;
  seq: number;
  clientId: number | null;
  channel: string;
  primaryCategory: string;
  risk: string;
  centerId: number | null;
  workerId: number | null;
  openedOn: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  closeReason: string | null;
  reopenCount: number;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface DemoCategoryRow {
  caseId: number;
  category: string;
  isPrimary: boolean;
}
export interface DemoServiceRow {
  id: number;
  caseId: number;
  serviceDate: string;
  type: string;
  channel: string;
  workerId: number | null;
  minutes: number | null;
  at: string;
}
export interface DemoFollowupRow {
  id: number;
  caseId: number;
  dueOn: string;
  workerId: number | null;
  status: string;
  doneOn: string | null;
  outcome: string | null;
  fromPlan: boolean;
  createdAt: string;
  updatedAt: string;
}
export type DemoEventRow = CaseEventStored;

/** Everything one case brings: the case, its categories, timeline, services and follow-ups (and a new client). */
export interface DemoCaseBundle {
  client: DemoClientRow | null;
  case: DemoCaseRow;
  categories: DemoCategoryRow[];
  services: DemoServiceRow[];
  followups: DemoFollowupRow[];
  events: DemoEventRow[];
}

export interface DemoCounts {
  centers: number;
  staff: number;
  clients: number;
  cases: number;
  caseCategories: number;
  caseEvents: number;
  services: number;
  followups: number;
}

const b = (v: boolean): number => (v ? 1 : 0);

export class DemoWriter {
  private readonly center: Statement;
  private readonly staff: Statement;
  private readonly client: Statement;
  private readonly kase: Statement;
  private readonly category: Statement;
  private readonly service: Statement;
  private readonly followup: Statement;
  private readonly event: Statement;
  /** Rows written so far. */
  rows = 0;

  constructor(db: WritableDB) {
    this.center = db.stmt(
      `INSERT INTO centers (id, name, name_key, kind, sector, capacity, county, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.staff = db.stmt(
      `INSERT INTO staff (id, first_name, last_name, name_key, role, sector, center_id, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.client = db.stmt(
      `INSERT INTO clients (id, first_name, last_name, name_key, national_code, birth_date, sex, mobile, address, county,
        informal_settlement, woman_head, notes, registered_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    this.kase = db.stmt(
      `INSERT INTO cases (id, case_number, year, seq, client_id, channel, primary_category, risk, center_id, worker_id, opened_on,
        status, closed_on, close_reason, reopen_count, summary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.category = db.stmt(`INSERT INTO case_categories (case_id, category, is_primary) VALUES (?, ?, ?)`);
    this.service = db.stmt(
      `INSERT INTO services (id, case_id, service_date, type, channel, worker_id, minutes, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    );
    this.followup = db.stmt(
      `INSERT INTO followups (id, case_id, due_on, worker_id, status, done_on, outcome, note, from_plan, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    this.event = db.stmt(
      `INSERT INTO case_events (id, case_id, kind, on_date, at, actor, worker_id, reason, text, service_id, followup_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  writeCenter(c: DemoCenterRow): void {
    this.center.run(c.id, c.name, c.nameKey, c.kind, c.sector, c.capacity, c.county, c.at, c.at);
    this.rows++;
  }

  writeStaff(s: DemoStaffRow): void {
    this.staff.run(s.id, s.firstName, s.lastName, s.nameKey, s.role, s.sector, s.centerId, b(s.active), s.at, s.at);
    this.rows++;
  }

  writeCase(x: DemoCaseBundle): void {
    const cl = x.client;
    if (cl !== null) {
      this.client.run(
        cl.id,
        cl.firstName,
        cl.lastName,
        cl.nameKey,
        cl.nationalCode,
        cl.birthDate,
        cl.sex,
        cl.mobile,
        cl.address,
        cl.county,
        b(cl.informalSettlement),
        b(cl.womanHead),
        cl.registeredOn,
        cl.at,
        cl.at,
      );
    }
    const c = x.case;
    this.kase.run(
      c.id,
      c.caseNumber,
      c.year,
      c.seq,
      c.clientId,
      c.channel,
      c.primaryCategory,
      c.risk,
      c.centerId,
      c.workerId,
      c.openedOn,
      c.status,
      c.closedOn,
      c.closeReason,
      c.reopenCount,
      c.summary,
      c.createdAt,
      c.updatedAt,
    );
    for (const k of x.categories) this.category.run(k.caseId, k.category, b(k.isPrimary));
    for (const s of x.services) this.service.run(s.id, s.caseId, s.serviceDate, s.type, s.channel, s.workerId, s.minutes, s.at);
    for (const f of x.followups) {
      this.followup.run(f.id, f.caseId, f.dueOn, f.workerId, f.status, f.doneOn, f.outcome, b(f.fromPlan), f.createdAt, f.updatedAt);
    }
    for (const e of x.events) {
      this.event.run(e.id, e.caseId, e.kind, e.onDate, e.at, e.actor, e.workerId, e.reason, e.text, e.serviceId, e.followupId);
    }
    this.rows += (cl === null ? 1 : 2) + x.categories.length + x.services.length + x.followups.length + x.events.length;
  }
}

/** Row counts of what a demo office holds. */
export function countDemoRows(db: ReadableDB): DemoCounts {
  const n = (table: string): number => (db.stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    centers: n('centers'),
    staff: n('staff'),
    clients: n('clients'),
    cases: n('cases'),
    caseCategories: n('case_categories'),
    caseEvents: n('case_events'),
    services: n('services'),
    followups: n('followups'),
  };
}

/**
 * Tables whose secondary indexes a bulk load drops and builds again at the end, from
 * sorted data, which is much faster than keeping them up to date row by row.
 */
const REINDEXED_TABLES = ['cases', 'clients', 'case_events', 'followups', 'services', 'case_categories'] as const;

/** What a bulk load changed and must put back. */
export interface BulkLoad {
  indexes: string[];
  /** The report counts' triggers: the counts are recounted once at the end instead of row by row. */
  reportTriggers: string[];
}

/** A big page cache, the secondary indexes of the big tables and the report counts' triggers set aside (their SQL is kept). */
export function beginBulkLoad(db: WritableDB): BulkLoad {
  db.sqlite.pragma('cache_size = -131072');
  const rows = db
    .stmt(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${REINDEXED_TABLES.map(() => '?').join(', ')})
       ORDER BY name`,
    )
    .all(...REINDEXED_TABLES) as { name: string; sql: string }[];
  return db.write(() => {
    for (const r of rows) db.sqlite.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
    return { indexes: rows.map((r) => r.sql), reportTriggers: suspendReportCounts(db) };
  });
}

/**
 * Builds the indexes again, recounts the report counts and puts their triggers back,
 * and folds the WAL back into the file. Runs after a failed load too.
 */
export function endBulkLoad(db: WritableDB, load: BulkLoad): void {
  db.write(() => {
    for (const sql of load.indexes) db.sqlite.exec(sql);
    resumeReportCounts(db, load.reportTriggers);
  });
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

export type DemoFileState = 'missing' | 'demo' | 'other';

/**
 * What is at `path`: nothing, a demo office (office code DEMO and the demo audit entry),
 * or anything else (a real office, an empty or unreadable file, a newer schema).
 */
export function inspectDemoFile(path: string): DemoFileState {
  if (!existsSync(path)) return 'missing';
  let db: Db | undefined;
  try {
    db = Db.open(path, { readonly: true });
    const office = db.stmt(`SELECT code FROM office WHERE id = 1`).get() as { code: string } | undefined;
    const marked = db.stmt(`SELECT 1 AS yes FROM audit_log WHERE action = ? LIMIT 1`).get(DEMO_AUDIT_ACTION) !== undefined;
    return office?.code === DEMO_OFFICE_CODE && marked ? 'demo' : 'other';
  } catch {
    return 'other';
  } finally {
    db?.close();
  }
}

/** A file another program holds open is locked (the error's code). */
const LOCKED: DatabaseErrorCode = 'database-locked';

/** Deletes a database file with its -wal, -shm and -journal companions. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      rmSync(path + suffix, { force: true });
    } catch (err) {
      // Windows refuses to delete a file another program holds open.
      throw new DatabaseError(
        LOCKED,
        t('cannot remove {file} ({code}): is another program using it?', {
          file: path + suffix,
          code: String((err as { code?: unknown }).code ?? err),
        }),
      );
    }
  }
}
