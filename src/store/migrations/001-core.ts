import type { Database } from 'better-sqlite3';

/**
 * Schema 1: office, centers, staff, clients, cases and their timeline, services,
 * follow-ups and the audit trail. Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  code TEXT NOT NULL CHECK (code GLOB '[A-Z0-9]*' AND length(code) BETWEEN 2 AND 12),
  name TEXT NOT NULL,
  county TEXT,
  province TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE centers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  sector TEXT NOT NULL CHECK (sector IN ('gov','ngo')),
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  county TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  role TEXT NOT NULL,
  sector TEXT NOT NULL CHECK (sector IN ('gov','ngo')),
  center_id INTEGER REFERENCES centers(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_name_key ON staff(name_key);

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  national_code TEXT UNIQUE CHECK (national_code IS NULL OR (length(national_code) = 10 AND national_code GLOB '[0-9]*')),
  birth_date TEXT,
  sex TEXT CHECK (sex IS NULL OR sex IN ('female','male')),
  mobile TEXT,
  address TEXT,
  county TEXT,
  informal_settlement INTEGER NOT NULL DEFAULT 0 CHECK (informal_settlement IN (0,1)),
  woman_head INTEGER NOT NULL DEFAULT 0 CHECK (woman_head IN (0,1)),
  notes TEXT,
  registered_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clients_name_key ON clients(name_key);
-- No index on registered_on here: clients_report (schema 4) leads with it, and every
-- index on clients costs each inserted row a B-tree insert (imports add 1,000,000 rows).

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  client_id INTEGER REFERENCES clients(id),
  channel TEXT NOT NULL,
  primary_category TEXT NOT NULL,
  risk TEXT NOT NULL,
  center_id INTEGER REFERENCES centers(id),
  worker_id INTEGER REFERENCES staff(id),
  opened_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  closed_on TEXT,
  close_reason TEXT,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  summary TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX cases_status ON cases(status, risk);
-- case list: most urgent first, read in index order (same CASE text as src/store/cases.ts).
CREATE INDEX cases_urgency ON cases(status DESC, (CASE risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), opened_on, id);
CREATE INDEX cases_worker ON cases(worker_id, status);
CREATE INDEX cases_client ON cases(client_id);
CREATE INDEX cases_opened_on ON cases(opened_on);

CREATE TABLE case_categories (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  category TEXT NOT NULL,
  is_primary INTEGER NOT NULL CHECK (is_primary IN (0,1)),
  PRIMARY KEY (case_id, category)
) WITHOUT ROWID;
CREATE INDEX case_categories_category ON case_categories(category, case_id);

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  case_id INTEGER REFERENCES cases(id),
  service_date TEXT NOT NULL,
  type TEXT NOT NULL,
  channel TEXT NOT NULL,
  worker_id INTEGER REFERENCES staff(id),
  minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX services_date ON services(service_date, type, channel, case_id);
CREATE INDEX services_case ON services(case_id);

CREATE TABLE followups (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  due_on TEXT NOT NULL,
  worker_id INTEGER REFERENCES staff(id),
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','done','missed','cancelled')),
  done_on TEXT,
  outcome TEXT,
  note TEXT,
  from_plan INTEGER NOT NULL DEFAULT 0 CHECK (from_plan IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX followups_due ON followups(due_on, status);
CREATE INDEX followups_status_due ON followups(status, due_on);
CREATE INDEX followups_case ON followups(case_id);
CREATE INDEX followups_worker ON followups(worker_id, status, due_on);

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  on_date TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  worker_id INTEGER REFERENCES staff(id),
  reason TEXT,
  text TEXT,
  service_id INTEGER REFERENCES services(id),
  followup_id INTEGER REFERENCES followups(id)
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE INDEX case_events_kind_date ON case_events(kind, on_date, reason);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT,
  detail TEXT
);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
CREATE INDEX audit_log_at ON audit_log(at);

-- The audit trail is append-only: no command, and no SQL, may rewrite history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`);
}
