import type { Database } from 'better-sqlite3';

/**
 * Replaced texts (schema 12: see docs/decisions.md, "Corrections keep the text they
 * replace"). A correction that replaces a free text (a case's summary, a service's note)
 * keeps the text it replaced here: which record and field, who replaced it, when (UTC) and
 * why, and the timeline entry of the correction when the record has a case. Rows are
 * appended, never changed or removed. Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE replaced_texts (
  id INTEGER PRIMARY KEY,
  record_type TEXT NOT NULL CHECK (record_type IN ('case', 'service', 'client')),
  record_id INTEGER NOT NULL,
  field TEXT NOT NULL CHECK ((record_type = 'case' AND field = 'summary') OR (record_type = 'service' AND field = 'note')
    OR (record_type = 'client' AND field = 'notes')),
  old_text TEXT NOT NULL,
  case_event_id INTEGER REFERENCES case_events(id),
  replaced_at TEXT NOT NULL,
  replaced_by TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX replaced_texts_record ON replaced_texts(record_type, record_id, id);
CREATE INDEX replaced_texts_event ON replaced_texts(case_event_id) WHERE case_event_id IS NOT NULL;

-- What was replaced stays as it was written (REPLACE INTO an id held would delete the row without the DELETE trigger).
CREATE TRIGGER replaced_texts_no_replace BEFORE INSERT ON replaced_texts
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM replaced_texts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'replaced texts are append-only'); END;
CREATE TRIGGER replaced_texts_no_update BEFORE UPDATE ON replaced_texts
BEGIN SELECT RAISE(ABORT, 'replaced texts are append-only'); END;
CREATE TRIGGER replaced_texts_no_delete BEFORE DELETE ON replaced_texts
BEGIN SELECT RAISE(ABORT, 'replaced texts are append-only'); END;
`);
}
