-- Tables published empty (空表), with the reason the document prints (a note under the table, or
-- the 公开空表理由 of its list of tables); NULL when it prints none.
CREATE OR REPLACE VIEW v_empty_tables AS
SELECT department, fiscal_year, statement, statement_zh, table_number, title AS table_title, empty_reason,
       notes, source_file, page, first_line
FROM source_table
WHERE status = 'empty';
