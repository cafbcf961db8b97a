import type { Database } from 'better-sqlite3';

/**
 * Schema 2: the people side of the office. The staff register gains the
 * province's fields; the duty roster (shift patterns and assignments), the
 * office's settings, training courses with enrolments and waiting lists, and
 * community workshops are new. Self-contained: never import today's types here.
 *
 * Roster times are office-local wall-clock times: an assignment keeps its
 * shift's start and end as local `YYYY-MM-DDTHH:MM` text, copied from the
 * pattern when it was assigned, so text order is time order and a later edit of
 * a pattern never moves a shift someone already works.
 */
export function up(db: Database): void {
  db.exec(`
ALTER TABLE staff ADD COLUMN national_code TEXT
  CHECK (national_code IS NULL OR (length(national_code) = 10 AND national_code NOT GLOB '*[^0-9]*'));
ALTER TABLE staff ADD COLUMN degree TEXT;
ALTER TABLE staff ADD COLUMN field TEXT;
ALTER TABLE staff ADD COLUMN membership_no TEXT;
ALTER TABLE staff ADD COLUMN phone TEXT;
ALTER TABLE staff ADD COLUMN start_date TEXT;
ALTER TABLE staff ADD COLUMN left_on TEXT;
CREATE UNIQUE INDEX staff_national_code ON staff(national_code) WHERE national_code IS NOT NULL;
CREATE INDEX staff_role ON staff(role, sector, active);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE shift_patterns (
  id INTEGER PRIMARY KEY,
  service TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  start_time TEXT NOT NULL CHECK (length(start_time) = 5 AND start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time TEXT NOT NULL CHECK (length(end_time) = 5 AND end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  people_needed INTEGER NOT NULL DEFAULT 1 CHECK (people_needed >= 1),
  valid_from TEXT NOT NULL,
  retired_on TEXT CHECK (retired_on IS NULL OR retired_on > valid_from),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (service, name_key)
);

CREATE TABLE roster_assignments (
  id INTEGER PRIMARY KEY,
  pattern_id INTEGER NOT NULL REFERENCES shift_patterns(id),
  shift_date TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (pattern_id, shift_date, staff_id)
);
CREATE INDEX roster_staff_time ON roster_assignments(staff_id, starts_at, ends_at);
CREATE INDEX roster_date ON roster_assignments(shift_date, pattern_id);
CREATE INDEX roster_time ON roster_assignments(starts_at, ends_at);

CREATE TABLE courses (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  topic TEXT,
  hours REAL NOT NULL CHECK (hours > 0),
  provider TEXT,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 1),
  audience TEXT NOT NULL CHECK (audience IN ('staff','community')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX courses_title_key ON courses(title_key);
CREATE INDEX courses_starts_on ON courses(starts_on);

CREATE TABLE course_mandatory_roles (
  course_id INTEGER NOT NULL REFERENCES courses(id),
  role TEXT NOT NULL,
  PRIMARY KEY (course_id, role)
) WITHOUT ROWID;
CREATE INDEX course_mandatory_roles_role ON course_mandatory_roles(role, course_id);

CREATE TABLE enrolments (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES courses(id),
  staff_id INTEGER REFERENCES staff(id),
  client_id INTEGER REFERENCES clients(id),
  status TEXT NOT NULL CHECK (status IN ('waiting','enrolled','attended','completed','dropped')),
  waiting_position INTEGER CHECK (waiting_position IS NULL OR waiting_position >= 1),
  requested_on TEXT NOT NULL,
  enrolled_on TEXT,
  attended_on TEXT,
  completed_on TEXT,
  score REAL,
  certificate_no TEXT,
  dropped_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((staff_id IS NULL) <> (client_id IS NULL)),
  CHECK ((status = 'waiting') = (waiting_position IS NOT NULL)),
  CHECK (status <> 'completed' OR completed_on IS NOT NULL)
);
CREATE UNIQUE INDEX enrolments_course_staff ON enrolments(course_id, staff_id) WHERE staff_id IS NOT NULL;
CREATE UNIQUE INDEX enrolments_course_client ON enrolments(course_id, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX enrolments_waiting ON enrolments(course_id, waiting_position) WHERE waiting_position IS NOT NULL;
CREATE INDEX enrolments_staff ON enrolments(staff_id, status);
CREATE INDEX enrolments_enrolled_on ON enrolments(enrolled_on);
CREATE INDEX enrolments_completed_on ON enrolments(completed_on);

CREATE TABLE workshops (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL,
  title TEXT,
  held_on TEXT NOT NULL,
  center_id INTEGER REFERENCES centers(id),
  place TEXT,
  facilitator_id INTEGER REFERENCES staff(id),
  hours REAL CHECK (hours IS NULL OR hours > 0),
  attendees_female INTEGER NOT NULL DEFAULT 0 CHECK (attendees_female >= 0),
  attendees_male INTEGER NOT NULL DEFAULT 0 CHECK (attendees_male >= 0),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX workshops_held_on ON workshops(held_on, topic);
`);
  // Staff who were deactivated before this schema have no leaving date: they stay
  // "left at an unknown date" (left_on NULL, active 0), which every rule treats as left.
}
