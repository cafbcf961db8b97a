import type { Database } from 'better-sqlite3';

/**
 * Schema 4: what the activity reports read. Self-contained: never import today's types here.
 *
 * - Covering indexes, so that every report query is an index range and never a
 *   scan of a whole table.
 * - `report_service_days`: services counted per day and per dimension (type,
 *   channel, primary category of the case, every category of the case), kept by
 *   triggers. A year to date over a million services is then a few thousand rows
 *   instead of a hundred thousand: the monthly report must start as fast as a
 *   plain command. The table is derived data only: it can always be rebuilt from
 *   `services`, `cases` and `case_categories` (src/store/report-aggregates.ts checks it).
 */
export function up(db: Database): void {
  db.exec(`
CREATE INDEX cases_report_opened ON cases(opened_on, center_id, worker_id, status);
CREATE INDEX cases_report_caseload ON cases(status, center_id, worker_id);
-- The days from opening to the (last) closing are part of the index, so a year's closings are
-- read without computing a date difference per row.
CREATE INDEX cases_report_closed ON cases(closed_on, close_reason, CAST(julianday(closed_on) - julianday(opened_on) AS INTEGER), opened_on, center_id, worker_id);
CREATE INDEX followups_report_due ON followups(due_on, status, done_on);
CREATE INDEX followups_report_done ON followups(done_on, due_on, status);
CREATE INDEX clients_report ON clients(registered_on, sex, birth_date, informal_settlement, woman_head);

-- dimension: 'type' (services.type), 'channel' (services.channel), 'category' (the
-- case's primary category, 'none' for a service logged without a case) and
-- 'any-category' (once per category the case carries; nothing for no case).
CREATE TABLE report_service_days (
  day TEXT NOT NULL,
  dimension TEXT NOT NULL CHECK (dimension IN ('type', 'channel', 'category', 'any-category')),
  code TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, dimension, code)
) WITHOUT ROWID;

INSERT INTO report_service_days (day, dimension, code, n)
  SELECT service_date, 'type', type, count(*) FROM services GROUP BY service_date, type;
INSERT INTO report_service_days (day, dimension, code, n)
  SELECT service_date, 'channel', channel, count(*) FROM services GROUP BY service_date, channel;
INSERT INTO report_service_days (day, dimension, code, n)
  SELECT s.service_date, 'category', coalesce(c.primary_category, 'none'), count(*)
  FROM services s LEFT JOIN cases c ON c.id = s.case_id GROUP BY s.service_date, coalesce(c.primary_category, 'none');
INSERT INTO report_service_days (day, dimension, code, n)
  SELECT s.service_date, 'any-category', cc.category, count(*)
  FROM services s JOIN case_categories cc ON cc.case_id = s.case_id GROUP BY s.service_date, cc.category;

CREATE TRIGGER report_services_insert AFTER INSERT ON services
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n) VALUES
    (new.service_date, 'type', new.type, 1),
    (new.service_date, 'channel', new.channel, 1),
    (new.service_date, 'category', coalesce((SELECT primary_category FROM cases WHERE id = new.case_id), 'none'), 1)
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT new.service_date, 'any-category', category, 1 FROM case_categories WHERE case_id = new.case_id
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_services_delete AFTER DELETE ON services
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n) VALUES
    (old.service_date, 'type', old.type, -1),
    (old.service_date, 'channel', old.channel, -1),
    (old.service_date, 'category', coalesce((SELECT primary_category FROM cases WHERE id = old.case_id), 'none'), -1)
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT old.service_date, 'any-category', category, -1 FROM case_categories WHERE case_id = old.case_id
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  DELETE FROM report_service_days WHERE day = old.service_date AND n = 0;
END;

CREATE TRIGGER report_services_update AFTER UPDATE OF service_date, type, channel, case_id ON services
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n) VALUES
    (old.service_date, 'type', old.type, -1),
    (old.service_date, 'channel', old.channel, -1),
    (old.service_date, 'category', coalesce((SELECT primary_category FROM cases WHERE id = old.case_id), 'none'), -1),
    (new.service_date, 'type', new.type, 1),
    (new.service_date, 'channel', new.channel, 1),
    (new.service_date, 'category', coalesce((SELECT primary_category FROM cases WHERE id = new.case_id), 'none'), 1)
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT old.service_date, 'any-category', category, -1 FROM case_categories WHERE case_id = old.case_id
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT new.service_date, 'any-category', category, 1 FROM case_categories WHERE case_id = new.case_id
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  DELETE FROM report_service_days WHERE day IN (old.service_date, new.service_date) AND n = 0;
END;

-- A case's primary category moves its services from one bucket to another.
CREATE TRIGGER report_cases_category AFTER UPDATE OF primary_category ON cases
WHEN old.primary_category IS NOT new.primary_category
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'category', old.primary_category, -count(*) FROM services WHERE case_id = old.id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'category', new.primary_category, count(*) FROM services WHERE case_id = new.id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  DELETE FROM report_service_days WHERE dimension = 'category' AND code = old.primary_category AND n = 0
    AND day IN (SELECT service_date FROM services WHERE case_id = old.id);
END;

-- A category added to (or taken from) a case counts (or no longer counts) its services.
CREATE TRIGGER report_case_categories_insert AFTER INSERT ON case_categories
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'any-category', new.category, count(*) FROM services WHERE case_id = new.case_id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_case_categories_delete AFTER DELETE ON case_categories
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'any-category', old.category, -count(*) FROM services WHERE case_id = old.case_id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  DELETE FROM report_service_days WHERE dimension = 'any-category' AND code = old.category AND n = 0
    AND day IN (SELECT service_date FROM services WHERE case_id = old.case_id);
END;

CREATE TRIGGER report_case_categories_update AFTER UPDATE OF case_id, category ON case_categories
BEGIN
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'any-category', old.category, -count(*) FROM services WHERE case_id = old.case_id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_service_days (day, dimension, code, n)
    SELECT service_date, 'any-category', new.category, count(*) FROM services WHERE case_id = new.case_id GROUP BY service_date
  ON CONFLICT (day, dimension, code) DO UPDATE SET n = n + excluded.n;
  DELETE FROM report_service_days WHERE dimension = 'any-category' AND code = old.category AND n = 0
    AND day IN (SELECT service_date FROM services WHERE case_id = old.case_id);
END;
`);
}
