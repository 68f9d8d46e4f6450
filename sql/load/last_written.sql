-- When the warehouse's content last changed (UTC): the latest document loaded, error recorded or
-- finding validated. A quality report written after it shows this content (flows/plan.py).
SELECT max(t) FROM (
    SELECT max(ingested_at) AS t FROM source_document
    UNION ALL SELECT max(occurred_at) FROM ingest_error
    UNION ALL SELECT max(validated_at) FROM dq_finding
);
