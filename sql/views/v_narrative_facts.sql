-- Figures the narrative states (staff, vehicles, 机关运行经费 / 公用经费, year-over-year changes),
-- each with the sentence that states it.
CREATE OR REPLACE VIEW v_narrative_facts AS
SELECT department, fiscal_year, topic, subject, value, value_unit, amount_yuan, change_direction, sentence,
       source_file, page, line
FROM narrative_fact;
