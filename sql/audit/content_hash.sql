-- What the warehouse holds, one md5 per table: every row as JSON, sorted, hashed. Left out are
-- when a row was written (ingested_at, occurred_at, validated_at) and the folder a file was read
-- from (path), so two warehouses built from the same files, in any order, at any time, from any
-- folder, hash the same. `budget-etl content-hash` prints it. Not hashed: agg_budget_class, the
-- class facts summed (fact_budget_amount and source_table, hashed here, decide every row of it;
-- tests/load/test_agg_budget_class.py holds it to their sum), so a change to how the analyst
-- queries are answered leaves the hash of what the warehouse holds as it was.
WITH content AS (
    SELECT 'source_document' AS table_name, to_json(d)::VARCHAR AS row_json
    FROM (SELECT * EXCLUDE (path, ingested_at) FROM source_document) d
    UNION ALL SELECT 'source_table', to_json(t)::VARCHAR FROM source_table t
    UNION ALL SELECT 'source_page', to_json(p)::VARCHAR FROM source_page p
    UNION ALL SELECT 'fact_budget_amount', to_json(f)::VARCHAR FROM fact_budget_amount f
    UNION ALL SELECT 'unplaced_cell', to_json(u)::VARCHAR FROM unplaced_cell u
    UNION ALL SELECT 'project', to_json(x)::VARCHAR FROM project x
    UNION ALL SELECT 'fact_project_amount', to_json(x)::VARCHAR FROM fact_project_amount x
    UNION ALL SELECT 'fact_three_public', to_json(x)::VARCHAR FROM fact_three_public x
    UNION ALL SELECT 'performance_target', to_json(x)::VARCHAR FROM performance_target x
    UNION ALL SELECT 'fact_line_item', to_json(x)::VARCHAR FROM fact_line_item x
    UNION ALL SELECT 'narrative_fact', to_json(x)::VARCHAR FROM narrative_fact x
    UNION ALL SELECT 'listed_table', to_json(x)::VARCHAR FROM listed_table x
    UNION ALL SELECT 'dq_finding', to_json(q)::VARCHAR FROM (SELECT * EXCLUDE (validated_at) FROM dq_finding) q
    UNION ALL SELECT 'dq_issue', to_json(x)::VARCHAR FROM dq_issue x
    UNION ALL SELECT 'dq_document_score', to_json(x)::VARCHAR FROM dq_document_score x
    UNION ALL SELECT 'ingest_error', to_json(e)::VARCHAR FROM (SELECT * EXCLUDE (path, occurred_at) FROM ingest_error) e
    UNION ALL SELECT 'dim_department', to_json(x)::VARCHAR FROM dim_department x
    UNION ALL SELECT 'department_alias', to_json(x)::VARCHAR FROM department_alias x
    UNION ALL SELECT 'dim_fiscal_year', to_json(x)::VARCHAR FROM dim_fiscal_year x
    UNION ALL SELECT 'dim_statement', to_json(x)::VARCHAR FROM dim_statement x
    UNION ALL SELECT 'dim_function', to_json(x)::VARCHAR FROM dim_function x
    UNION ALL SELECT 'dim_economic', to_json(x)::VARCHAR FROM dim_economic x
)
SELECT table_name, count(*) AS n_rows, md5(string_agg(row_json, chr(10) ORDER BY row_json)) AS content_md5
FROM content
GROUP BY table_name
ORDER BY table_name
