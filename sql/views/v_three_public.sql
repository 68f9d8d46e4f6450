-- “三公”经费 (and 会议费 / 培训费) per category, year column and fund source, in 元; one row per
-- printed cell. category: total, three_public, abroad (abroad_research, abroad_other), vehicles
-- (vehicle_purchase, vehicle_operation), reception, meeting, training. A blank cell is no row.
CREATE OR REPLACE VIEW v_three_public AS
SELECT x.department, x.fiscal_year, x.year, x.category, x.category_printed, x.fund_source, x.unit_code,
       x.unit_name, x.amount_yuan, x.amount_printed, x.unit_printed, x.column_header, t.title AS table_title,
       x.source_file, x.page, x.line, x.table_index, x.row_index, x.col_index, x.phase
FROM fact_three_public x
JOIN source_table t USING (source_file, table_index);
