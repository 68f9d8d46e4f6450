-- Figures stated in the narrative, with the sentence that states them.
CREATE TABLE IF NOT EXISTS narrative_fact (
    source_file      VARCHAR NOT NULL,
    line             INTEGER,           -- line of a text document; PDF: line on its page
    page             INTEGER,
    department       VARCHAR,
    fiscal_year      INTEGER,
    topic            VARCHAR NOT NULL,  -- staff_authorized (编制) | staff_actual (实有) | staff_retired | vehicles
                                        -- | office_operation_cost (机关运行经费) | operating_funds (公用经费) | yoy_change
    subject          VARCHAR,           -- what the figure is about, as worded (事业编制, 机要通信用车, 事业运行（2011550）)
    value            DECIMAL(24, 6),
    value_unit       VARCHAR,           -- 人 | 辆 | 万元 | 元
    amount_yuan      DECIMAL(18, 2),    -- money in 元 (yoy_change: the change, sign in change_direction)
    change_direction VARCHAR,           -- increase | decrease | flat (yoy_change)
    sentence         VARCHAR NOT NULL
);
-- Budget execution a 决算's narrative states (transform/disclosure/execution.py): topics
-- execution_budget (年初预算), execution_adjusted (全年预算), execution_final (支出决算), execution_rate
-- (完成…%, value in %); the 项 the sentence names, with the code the tables print it under.
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS function_code VARCHAR;
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS phase VARCHAR;      -- budget | adjusted_budget | final
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS rate_base VARCHAR;  -- execution_rate: budget (年初) | adjusted_budget (全年)
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS value_printed VARCHAR;  -- the figure as printed (its precision)
-- Totals and shares the narrative restates from the tables (transform/disclosure/restated.py):
-- topic restated (restates: income_total, expenditure_total, basic_total, …) and share (占 x%: the
-- share of the restated figure `restates` in the sentence's whole `share_of`).
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS restates VARCHAR;
ALTER TABLE narrative_fact ADD COLUMN IF NOT EXISTS share_of VARCHAR;
