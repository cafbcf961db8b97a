import type { Database } from 'better-sqlite3';

/**
 * Referrals to other agencies (schema 11: see docs/decisions.md, "Referrals (issue #12)").
 * A referral is sent once, to one agency of a kind; each change of its status is a row of
 * referral_events, never an overwrite. `status` and `answered_on` on the referral are the
 * latest status and the day of the first answer (accepted, declined or feedback), kept by the
 * same transaction that adds the event, so that the list of referrals awaiting an answer
 * reads one partial index instead of every event. A referral recorded by mistake is voided
 * (kept, marked with who, when and why), as a service is. Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  agency_kind TEXT NOT NULL
    CHECK (agency_kind IN ('police','court','hospital','school','health','welfare-center','ngo','other')),
  agency TEXT NOT NULL CHECK (length(agency) BETWEEN 1 AND 200),
  sent_on TEXT NOT NULL CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT NOT NULL CHECK (length(reason) >= 1),
  status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','accepted','declined','feedback')),
  answered_on TEXT CHECK (answered_on IS NULL OR answered_on >= sent_on),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- A referral recorded by mistake is voided, never deleted: who, when (UTC) and why, all three or none.
  voided_at TEXT,
  voided_by TEXT,
  void_reason TEXT,
  CHECK ((voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
    OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL)),
  -- No answer yet is exactly the status sent: a reminder keeps it sent, an answer never goes back.
  CHECK ((status = 'sent') = (answered_on IS NULL))
);
CREATE INDEX referrals_case ON referrals(case_id);
-- Awaiting an answer, oldest first: the pending and overdue lists and the nightly run.
CREATE INDEX referrals_awaiting ON referrals(sent_on, id) WHERE answered_on IS NULL AND voided_at IS NULL;
CREATE INDEX referrals_sent ON referrals(sent_on);

CREATE TABLE referral_events (
  id INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  status TEXT NOT NULL CHECK (status IN ('sent','accepted','declined','feedback')),
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note TEXT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX referral_events_referral ON referral_events(referral_id, id);

-- A referral's history is appended to, never rewritten.
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN SELECT RAISE(ABORT, 'a referral''s history is append-only'); END;
CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
BEGIN SELECT RAISE(ABORT, 'a referral''s history is append-only'); END;
`);
}
