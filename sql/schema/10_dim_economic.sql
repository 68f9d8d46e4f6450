-- 部门预算支出经济分类 (scheme department, 301/30101) and 政府预算支出经济分类 (government, 501/50101).
CREATE TABLE IF NOT EXISTS dim_economic (
    scheme      VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    name        VARCHAR,
    level       VARCHAR,   -- 类 | 款
    parent_code VARCHAR,
    PRIMARY KEY (scheme, code)
);
