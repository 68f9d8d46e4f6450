-- Which department-years the warehouse holds: one row per department × fiscal year × document
-- kind (budget 预算 | final_accounts 决算) × scope (department 部门 | unit 单位) that a document
-- provides (status 'loaded', with the document(s) and their verdict from dq_finding), and one per
-- year between the department's first and last fiscal year for which a kind × scope it publishes
-- is not loaded (status 'missing'). Departments are dim_department's (department_id).
CREATE OR REPLACE VIEW v_coverage AS
WITH findings AS (
    SELECT source_file,
           count(*) FILTER (WHERE severity = 'error') AS errors,
           count(*) FILTER (WHERE severity = 'warning' AND kind <> 'rounding') AS warnings,
           count(*) FILTER (WHERE severity = 'warning' AND kind = 'rounding') AS rounding
    FROM dq_finding GROUP BY source_file
), documents AS (
    SELECT a.department_id, d.department, d.fiscal_year, d.document_kind, d.scope, d.source_file,
           coalesce(f.errors, 0) AS errors, coalesce(f.warnings, 0) AS warnings, coalesce(f.rounding, 0) AS rounding
    FROM source_document d
    LEFT JOIN department_alias a ON a.source_file = d.source_file AND a.name_printed = d.department
    LEFT JOIN findings f ON f.source_file = d.source_file
), loaded AS (
    SELECT department_id, any_value(department) AS department, fiscal_year, document_kind, scope,
           'loaded' AS status, string_agg(source_file, '; ' ORDER BY source_file) AS source_files,
           count(*) AS n_documents, sum(errors) AS errors, sum(warnings) AS warnings, sum(rounding) AS rounding
    FROM documents GROUP BY department_id, fiscal_year, document_kind, scope,
         CASE WHEN department_id IS NULL THEN source_file END  -- documents of no known department stay apart
), series AS (  -- the kinds × scopes each department publishes, over its years
    SELECT DISTINCT l.department_id, l.document_kind, l.scope, dd.first_year, dd.last_year
    FROM loaded l JOIN dim_department dd USING (department_id)
), missing AS (
    SELECT s.department_id, NULL AS department, y.fiscal_year, s.document_kind, s.scope, 'missing' AS status,
           NULL AS source_files, 0 AS n_documents, NULL AS errors, NULL AS warnings, NULL AS rounding
    FROM series s, range(s.first_year, s.last_year + 1) AS y(fiscal_year)
    WHERE NOT EXISTS (SELECT 1 FROM loaded l WHERE l.department_id = s.department_id AND l.fiscal_year = y.fiscal_year
                      AND l.document_kind IS NOT DISTINCT FROM s.document_kind AND l.scope IS NOT DISTINCT FROM s.scope)
)
SELECT c.department_id, coalesce(dd.department, c.department) AS department, dd.province, dd.city, dd.county,
       dd.division_code, CAST(c.fiscal_year AS INTEGER) AS fiscal_year, c.document_kind, c.scope, c.status,
       c.source_files, CAST(c.n_documents AS INTEGER) AS n_documents,
       CAST(c.errors AS INTEGER) AS errors, CAST(c.warnings AS INTEGER) AS warnings, CAST(c.rounding AS INTEGER) AS rounding,
       CASE WHEN c.status = 'missing' THEN NULL WHEN c.errors > 0 THEN 'errors' WHEN c.warnings > 0 THEN 'warnings'
            ELSE 'clean' END AS verdict
FROM (SELECT * FROM loaded UNION ALL SELECT * FROM missing) c
LEFT JOIN dim_department dd USING (department_id)
ORDER BY dd.province NULLS LAST, dd.city NULLS FIRST, dd.county NULLS FIRST, department, c.document_kind, c.scope, c.fiscal_year;
