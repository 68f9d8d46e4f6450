-- A synthetic warehouse: every row of the attached warehouse `base` copied $1 times. Copy i is
-- department '<name>#<i / 10>' in fiscal year 2015 + i % 10 (so every synthetic department has
-- ten consecutive years), with its amounts multiplied by 1 + i % 7.
INSERT INTO source_document BY NAME
SELECT d.* REPLACE (d.source_file || '#' || r.i AS source_file, d.department || '#' || (r.i // 10) AS department,
                  2015 + r.i % 10 AS fiscal_year)
FROM base.source_document d, range($1) r(i);
INSERT INTO source_table BY NAME
SELECT t.* REPLACE (t.source_file || '#' || r.i AS source_file, t.department || '#' || (r.i // 10) AS department,
                  2015 + r.i % 10 AS fiscal_year)
FROM base.source_table t, range($1) r(i);
INSERT INTO fact_budget_amount BY NAME
SELECT f.* REPLACE (f.source_file || '#' || r.i AS source_file, f.department || '#' || (r.i // 10) AS department,
                  2015 + r.i % 10 AS fiscal_year, f.amount_yuan * (1 + r.i % 7) AS amount_yuan)
FROM base.fact_budget_amount f, range($1) r(i);
