-- Tables for the SQLite baseline of bench/cli-runs.sh: every agency's enrollees.csv,
-- services.csv and claims.csv in one in-memory database, with an agency column. The script
-- generates the import (import.sql) between this file and rules.sql. Values stay as the CSV
-- text has them (dates YYYY-MM-DD, months YYYY-MM, an empty cell as ''), except minutes and
-- amounts, which are numbers.

CREATE TABLE marks (phase TEXT, at REAL);
INSERT INTO marks VALUES ('start', julianday('now'));

-- One row per agency: its folder, its id (agency.yaml agency.id) and its review period.
CREATE TABLE agencies (folder TEXT PRIMARY KEY, agency TEXT, period_start TEXT, period_end TEXT);

-- Staging tables with each file's columns in the file's order; .import appends to them, and
-- each agency's rows are then moved into the tables below.
CREATE TABLE enrollees_csv (enrollee_id, enrolled_on, disenrolled_on);
CREATE TABLE services_csv (enrollee_id, date, service, minutes, procedure_code, staff_id, note_id);
CREATE TABLE claims_csv (claim_id, enrollee_id, month, amount);

CREATE TABLE enrollees (agency TEXT, enrollee_id TEXT, enrolled_on TEXT, disenrolled_on TEXT);
CREATE TABLE services (agency TEXT, enrollee_id TEXT, date TEXT, month TEXT, minutes REAL, note_id TEXT);
-- Amounts in cents, so that sums are exact.
CREATE TABLE claims (agency TEXT, claim_id TEXT, enrollee_id TEXT, month TEXT, cents INTEGER);
