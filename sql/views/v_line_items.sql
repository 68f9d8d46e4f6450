-- Procurement (政府采购预算表), assets (国有资产 / 固定资产占用表) and meeting/training lists: every
-- printed cell of every line, amounts in 元, counts as quantities, other text as printed.
CREATE OR REPLACE VIEW v_line_items AS
SELECT l.department, l.fiscal_year, l.statement, l.row_label, l.row_code, l.column_header, l.value_printed,
       l.amount_yuan, l.quantity, l.quantity_unit, l.fund_source, l.unit_printed, l.row_text,
       t.title AS table_title, l.source_file, l.page, l.line, l.table_index, l.row_index, l.col_index, l.phase
FROM fact_line_item l
JOIN source_table t USING (source_file, table_index);
