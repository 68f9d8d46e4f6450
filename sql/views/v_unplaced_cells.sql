-- Numeric cells that are not facts, with their table, so nothing is lost silently.
CREATE OR REPLACE VIEW v_unplaced_cells AS
SELECT u.source_file, t.department, t.fiscal_year, t.statement, t.title AS table_title,
       u.row_label, u.column_header, u.cell_text, u.reason, u.page, u.line, u.cell_box
FROM unplaced_cell u
JOIN source_table t USING (source_file, table_index);
