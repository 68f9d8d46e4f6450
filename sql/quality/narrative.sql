-- Narrative figures the execution and restatement checks read (execution_rate,
-- execution_final_matches_table, execution_parts_sum, narrative_restates_table, narrative_share). $1 = source files.
SELECT source_file, department, fiscal_year, line, page, topic, subject, function_code, phase, rate_base,
       value, value_unit, value_printed, amount_yuan, sentence, restates, share_of
FROM narrative_fact
WHERE list_contains($1, source_file) AND source_file BETWEEN list_min($1) AND list_max($1) AND (topic LIKE 'execution_%' OR topic IN ('restated', 'share'))
ORDER BY source_file, page, line
