-- A warehouse made before department identity keeps dim_department keyed by the printed name:
-- it is derived data, dropped and rebuilt with the new shape (load/warehouse.py).
SELECT count(*) > 0 AND count(*) FILTER (WHERE column_name = 'department_id') = 0 AS legacy
FROM information_schema.columns
WHERE table_name = 'dim_department'
