-- Data-quality findings: one row per check a printed figure, code or table fails
-- (README: quality rules). Replaced per document whenever it is validated again.
CREATE TABLE IF NOT EXISTS dq_finding (
    source_file     VARCHAR NOT NULL,
    department      VARCHAR,
    fiscal_year     INTEGER,
    statement       VARCHAR,
    table_title     VARCHAR,
    table_index     INTEGER,
    row_index       INTEGER,           -- joins to fact_budget_amount (source_file, table_index, row_index)
    rule            VARCHAR NOT NULL,  -- code_rollup, cross_statement, reference_name, …
    kind            VARCHAR NOT NULL,  -- inconsistency | rounding | reference | structure | coverage
    severity        VARCHAR NOT NULL,  -- error | warning | info
    subject         VARCHAR,           -- code and printed name, or the row label
    measure         VARCHAR,
    fund_source     VARCHAR,
    expected        VARCHAR,           -- what the rule expects, as text (a sum, a name, a format)
    observed        VARCHAR,           -- what the document prints
    expected_yuan   DECIMAL(18, 2),
    observed_yuan   DECIMAL(18, 2),
    difference_yuan DECIMAL(18, 3),    -- observed - expected
    tolerance_yuan  DECIMAL(18, 3),    -- half a unit of the last printed digit, summed over the cells
    message         VARCHAR NOT NULL,
    page            INTEGER,
    line            INTEGER,
    suite           VARCHAR NOT NULL,  -- Great Expectations suite (expectations/gx/expectations/<suite>.json)
    expectation     VARCHAR NOT NULL,  -- the expectation type that failed
    validated_at    TIMESTAMP NOT NULL
);
