/**
 * Referrals to other agencies and their history (migration 11). The referral row keeps
 * its latest status and the day of its first answer; every change of status is a row of
 * referral_events, written by the same transaction.
 */
import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export type ReferralStatusCode = 'sent' | 'accepted' | 'declined' | 'feedback';

export interface ReferralRow {
  id: number;
  caseId: number;
  caseNumber: string;
  /** The case's worker: the one who chases the answer. */
  workerId: number | null;
  /** `first last` of the case's worker. */
  workerName: string | null;
  agencyKind: string;
  agency: string;
  sentOn: string;
  reason: string;
  status: ReferralStatusCode;
  /** The day of the first answer (accepted, declined or feedback); null while awaited. */
  answeredOn: string | null;
  /** The day of the latest entry of its history. */
  statusOn: string;
  createdAt: string;
  updatedAt: string;
  /** Voided (recorded by mistake): when (UTC), by whom and why; null otherwise. */
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export interface ReferralEventRow {
  id: number;
  referralId: number;
  status: ReferralStatusCode;
  onDate: string;
  note: string | null;
  at: string;
  actor: string;
}

export interface ReferralWrite {
  caseId: number;
  agencyKind: string;
  agency: string;
  sentOn: string;
  reason: string;
}

const COLUMNS = `r.id, r.case_id AS caseId, c.case_number AS caseNumber, c.worker_id AS workerId,
  w.first_name || ' ' || w.last_name AS workerName, r.agency_kind AS agencyKind, r.agency, r.sent_on AS sentOn, r.reason,
  r.status, r.answered_on AS answeredOn,
  (SELECT e.on_date FROM referral_events e WHERE e.referral_id = r.id ORDER BY e.id DESC LIMIT 1) AS statusOn,
  r.created_at AS createdAt, r.updated_at AS updatedAt, r.voided_at AS voidedAt, r.voided_by AS voidedBy, r.void_reason AS voidReason`;

/** The case and its worker by primary key: a list still reads referrals in its own index order. */
const FROM = `referrals r JOIN cases c ON c.id = r.case_id LEFT JOIN staff w ON w.id = c.worker_id`;

export function insertReferral(db: WritableDB, r: ReferralWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO referrals (case_id, agency_kind, agency, sent_on, reason, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'sent', ?, ?)`,
      )
      .run(r.caseId, r.agencyKind, r.agency, r.sentOn, r.reason, at, at).lastInsertRowid,
  );
}

export type ReferralEventWrite = Omit<ReferralEventRow, 'id'>;

/** Appends one entry to a referral's history and sets its latest status (and its first answer, once). */
export function insertReferralEvent(db: WritableDB, e: ReferralEventWrite): number {
  const id = Number(
    db
      .stmt(`INSERT INTO referral_events (referral_id, status, on_date, note, at, actor) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(e.referralId, e.status, e.onDate, e.note, e.at, e.actor).lastInsertRowid,
  );
  db.stmt(
    `UPDATE referrals SET status = ?,
       answered_on = CASE WHEN answered_on IS NULL AND ? <> 'sent' THEN ? ELSE answered_on END, updated_at = ?
     WHERE id = ?`,
  ).run(e.status, e.status, e.onDate, e.at, e.referralId);
  return id;
}

/** Marks a referral void; false when it already was. */
export function updateReferralVoided(db: WritableDB, id: number, at: string, by: string, reason: string): boolean {
  return (
    db
      .stmt(`UPDATE referrals SET voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ? WHERE id = ? AND voided_at IS NULL`)
      .run(at, by, reason, at, id).changes === 1
  );
}

export function selectReferral(db: ReadableDB, id: number): ReferralRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
}

export function selectReferralEvents(db: ReadableDB, referralId: number): ReferralEventRow[] {
  return db
    .stmt(
      `SELECT id, referral_id AS referralId, status, on_date AS onDate, note, at, actor FROM referral_events
       WHERE referral_id = ? ORDER BY id`,
    )
    .all(referralId) as ReferralEventRow[];
}

export interface ReferralFilter {
  caseId?: number;
  workerId?: number;
  /** Only those with no answer yet. */
  pending?: boolean;
  /** Sent before this day. */
  sentBefore?: string;
  /** Voided ones too (by default they are left out, as from every count). */
  withVoided?: boolean;
  limit: number;
}

/** The day the case's latest referral was sent, if it has any (a closing may not come before it). */
export function selectCaseLastReferral(db: ReadableDB, caseId: number): string | undefined {
  return (
    (db.stmt(`SELECT max(sent_on) FROM referrals WHERE case_id = ? AND voided_at IS NULL`).pluck().get(caseId) as string | null) ??
    undefined
  );
}

/** Oldest first: the longest wait is the first to chase. */
export function selectReferrals(db: ReadableDB, f: ReferralFilter): ReferralRow[] {
  const c = new Conditions();
  c.when('r.case_id = ?', f.caseId);
  c.when('c.worker_id = ?', f.workerId);
  if (f.pending === true) c.add('r.answered_on IS NULL');
  if (f.withVoided !== true) c.add('r.voided_at IS NULL');
  c.when('r.sent_on < ?', f.sentBefore);
  return db.stmt(`SELECT ${COLUMNS} FROM ${FROM} ${c.where} ORDER BY r.sent_on, r.id LIMIT ?`).all(...c.args, f.limit) as ReferralRow[];
}

/** Referrals with no answer, sent before `sentBefore`: how many, and the oldest `limit` of them (the nightly run). */
export function selectOverdueReferrals(db: ReadableDB, sentBefore: string, limit: number): { total: number; rows: ReferralRow[] } {
  const total = (
    db.stmt(`SELECT count(*) AS n FROM referrals WHERE answered_on IS NULL AND voided_at IS NULL AND sent_on < ?`).get(sentBefore) as {
      n: number;
    }
  ).n;
  const rows =
    limit === 0
      ? []
      : (db
          .stmt(
            `SELECT ${COLUMNS} FROM ${FROM} WHERE r.answered_on IS NULL AND r.voided_at IS NULL AND r.sent_on < ? ORDER BY r.sent_on, r.id LIMIT ?`,
          )
          .all(sentBefore, limit) as ReferralRow[]);
  return { total, rows };
}

/** The n-th stored referral (0-based, by id) with this content: an import's row with no id. */
export function selectReferralByContent(
  db: ReadableDB,
  r: { caseId: number; agencyKind: string; agency: string; sentOn: string },
  nth: number,
): number | undefined {
  const row = db
    .stmt(`SELECT id FROM referrals WHERE case_id = ? AND agency_kind = ? AND agency = ? AND sent_on = ? ORDER BY id LIMIT 1 OFFSET ?`)
    .get(r.caseId, r.agencyKind, r.agency, r.sentOn, nth) as { id: number } | undefined;
  return row?.id;
}

export interface ReferralExportRow {
  id: number;
  caseNumber: string;
  agencyKind: string;
  agency: string;
  sentOn: string;
  reason: string;
  status: string;
  answeredOn: string | null;
  /** The status of the first answer. */
  answer: string | null;
  statusOn: string;
  /** The note of the latest entry. */
  note: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export function iterateReferrals(db: ReadableDB, range: { from?: string; to?: string }): IterableIterator<ReferralExportRow> {
  const w = new Conditions().when('r.sent_on >= ?', range.from).when('r.sent_on <= ?', range.to);
  return db
    .stmt(
      `SELECT r.id, c.case_number AS caseNumber, r.agency_kind AS agencyKind, r.agency, r.sent_on AS sentOn, r.reason, r.status,
         r.answered_on AS answeredOn,
         (SELECT e.status FROM referral_events e WHERE e.referral_id = r.id AND e.status <> 'sent' ORDER BY e.id LIMIT 1) AS answer,
         l.on_date AS statusOn, l.note, r.voided_at AS voidedAt, r.voided_by AS voidedBy, r.void_reason AS voidReason
       FROM referrals r JOIN cases c ON c.id = r.case_id
         JOIN referral_events l ON l.id = (SELECT max(id) FROM referral_events WHERE referral_id = r.id)
       ${w.where} ORDER BY r.id`,
    )
    .iterate(...w.args) as IterableIterator<ReferralExportRow>;
}
