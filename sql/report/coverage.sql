-- The coverage rows as budget-etl coverage prints them (the view's own order).
SELECT * FROM v_coverage
