DELETE FROM dim_department;
INSERT INTO dim_department
SELECT DISTINCT department FROM source_table WHERE department IS NOT NULL
UNION
SELECT department FROM source_document WHERE department IS NOT NULL;
