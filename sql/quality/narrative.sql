-- Narrative figures the execution checks read (execution_rate, execution_final_matches_table,
-- execution_parts_sum). $1 = source files.
SELECT source_file, department, fiscal_year, line, page, topic, subject, function_code, phase, rate_base,
       value, value_unit, value_printed, amount_yuan, sentence
FROM narrative_fact
WHERE list_contains($1, source_file) AND topic LIKE 'execution_%'
ORDER BY source_file, page, line
