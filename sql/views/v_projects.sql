-- One row per project line (project, unit, category or 合计 line of a 项目支出表, and each project a
-- 绩效目标表 is about), with its amounts by fund source in 元 side by side. To total a document's
-- projects, take statement = 'project_expenditure' AND row_kind = 'project' (where a document has
-- no 项目支出表, its performance_project lines are its projects).
CREATE OR REPLACE VIEW v_projects AS
SELECT p.department, p.fiscal_year, p.statement, p.row_kind, p.project_name, p.project_code, p.project_type,
       p.implementing_unit, p.competent_department, p.unit_code,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'all') AS amount_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'appropriation') AS appropriation_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'general_budget') AS general_budget_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'gov_fund') AS gov_fund_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'special_account') AS special_account_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'unit_funds') AS unit_funds_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'non_appropriation_surplus') AS non_appropriation_surplus_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'carryover') AS carryover_yuan,
       max(a.amount_yuan) FILTER (WHERE a.fund_source = 'other') AS other_funds_yuan,
       p.description, p.unit_printed, t.title AS table_title,
       p.source_file, p.page, p.line, p.table_index, p.row_index,
       coalesce(any_value(a.phase), 'budget') AS phase
FROM project p
JOIN source_table t USING (source_file, table_index)
LEFT JOIN fact_project_amount a USING (source_file, table_index, row_index)
GROUP BY ALL;
