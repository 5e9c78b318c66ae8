-- SVC-MONTHLY-MINIMUM and BILL-SUBSTANTIATED over the imported agencies, as rules.md and
-- snapshot.md define them. Output: CSV lines
--   SVC-MONTHLY-MINIMUM,agency,enrollee_months,met,unmet
--   BILL-SUBSTANTIATED,agency,claims,unsubstantiated,amount_at_risk_in_cents
-- one per agency, then the time of each phase.

INSERT INTO marks VALUES ('imported', julianday('now'));

-- The index an analyst would add for per-enrollee, per-month questions on services.
CREATE INDEX services_by_enrollee_month ON services (agency, enrollee_id, month);

INSERT INTO marks VALUES ('indexed', julianday('now'));

-- The full months of each agency's period: calendar months wholly inside
-- period_start..period_end, both inclusive (snapshot.md, "Period").
CREATE TABLE months AS
WITH RECURSIVE m (agency, first_day, period_end) AS (
    SELECT agency,
           CASE WHEN strftime('%d', period_start) = '01' THEN period_start
                ELSE date(period_start, 'start of month', '+1 month') END,
           period_end
    FROM agencies
    UNION ALL
    SELECT agency, date(first_day, '+1 month'), period_end
    FROM m
    WHERE date(first_day, '+1 month') <= period_end
)
SELECT agency, strftime('%Y-%m', first_day) AS month, first_day, date(first_day, '+1 month', '-1 day') AS last_day
FROM m
WHERE date(first_day, '+1 month', '-1 day') <= period_end;

-- SVC-MONTHLY-MINIMUM. An enrollee month is a full month of the period on every day of which
-- the enrollee was enrolled (disenrolled_on is the last enrolled day, inclusive); it is met
-- when the minutes of that enrollee's services dated in the month add up to 60 or more.
CREATE TABLE monthly_minimum AS
WITH enrollee_months AS (
    SELECT e.agency, e.enrollee_id, m.month
    FROM enrollees e
    JOIN months m ON m.agency = e.agency
    WHERE e.enrolled_on <= m.first_day
      AND (e.disenrolled_on = '' OR e.disenrolled_on >= m.last_day)
),
minutes AS (
    SELECT em.agency,
           (SELECT coalesce(sum(s.minutes), 0)
            FROM services s
            WHERE s.agency = em.agency AND s.enrollee_id = em.enrollee_id AND s.month = em.month) AS minutes
    FROM enrollee_months em
)
SELECT a.agency,
       count(mi.agency) AS enrollee_months,
       coalesce(sum(mi.minutes >= 60), 0) AS met,
       coalesce(sum(mi.minutes < 60), 0) AS unmet
FROM agencies a
LEFT JOIN minutes mi ON mi.agency = a.agency
GROUP BY a.agency;

-- BILL-SUBSTANTIATED. Claims are those whose month is a full month of the period; a claim is
-- unsubstantiated when the enrollee has no service with a non-empty note_id dated in the claim
-- month. amount_at_risk is the sum of their amounts.
CREATE TABLE substantiated AS
WITH flagged AS (
    SELECT c.agency,
           c.cents,
           NOT EXISTS (
               SELECT 1 FROM services s
               WHERE s.agency = c.agency AND s.enrollee_id = c.enrollee_id AND s.month = c.month AND s.note_id <> ''
           ) AS unsubstantiated
    FROM claims c
    JOIN months m ON m.agency = c.agency AND m.month = c.month
)
SELECT a.agency,
       count(f.agency) AS claims,
       coalesce(sum(f.unsubstantiated), 0) AS unsubstantiated,
       coalesce(sum(CASE WHEN f.unsubstantiated THEN f.cents ELSE 0 END), 0) AS amount_at_risk_cents
FROM agencies a
LEFT JOIN flagged f ON f.agency = a.agency
GROUP BY a.agency;

INSERT INTO marks VALUES ('evaluated', julianday('now'));

.mode csv
.headers off
SELECT 'SVC-MONTHLY-MINIMUM', agency, enrollee_months, met, unmet FROM monthly_minimum ORDER BY agency;
SELECT 'BILL-SUBSTANTIATED', agency, claims, unsubstantiated, amount_at_risk_cents FROM substantiated ORDER BY agency;

-- Seconds spent importing, indexing and evaluating.
SELECT 'PHASE', b.phase, printf('%.3f', (b.at - a.at) * 86400.0)
FROM marks a JOIN marks b ON b.rowid = a.rowid + 1
ORDER BY b.rowid;
