-- Tables published empty (空表), with the reason the document prints (a note under the table, or
-- the 公开空表理由 of its list of tables; NULL when it prints none); and tables the list of tables
-- says are empty but the document does not print (printed = false).
CREATE OR REPLACE VIEW v_empty_tables AS
SELECT department, fiscal_year, statement, statement_zh, table_number, title AS table_title, empty_reason,
       true AS printed, notes, source_file, page, first_line AS line
FROM source_table
WHERE status = 'empty'
UNION ALL
SELECT department, fiscal_year, NULL, NULL, table_number, title, listed_reason, false, NULL, source_file, page, line
FROM listed_table
WHERE listed_empty AND NOT printed;
