-- 支出功能分类: 类 (3 digits) > 款 (5) > 项 (7).
CREATE TABLE IF NOT EXISTS dim_function (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR,   -- reference name, else the name most often printed
    level       VARCHAR,   -- 类 | 款 | 项
    parent_code VARCHAR,
    class_code  VARCHAR
);
