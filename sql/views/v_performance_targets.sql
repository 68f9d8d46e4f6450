-- One row per performance indicator (绩效目标表), of a project or of the whole department, with the
-- target read as operator, number and unit beside the value as printed.
CREATE OR REPLACE VIEW v_performance_targets AS
SELECT g.department, g.fiscal_year, g.scope, g.project_name, g.project_code, g.level1, g.level2, g.level3,
       g.indicator, g.value_printed, g.operator, g.value, g.value_unit, g.value_yuan, g.weight, g.direction,
       g.basis, g.remarks, t.title AS table_title, g.source_file, g.page, g.line, g.table_index, g.row_index
FROM performance_target g
JOIN source_table t USING (source_file, table_index);
