-- One row per printed line of a 项目支出表 / 专项业务经费支出表 (projects, and the unit, category
-- and 合计 lines around them), per project a 绩效目标表 is about (statement performance_project),
-- and per budget line of a 部门整体 target table (任务, 金额合计; statement performance_overall).
CREATE TABLE IF NOT EXISTS project (
    source_file          VARCHAR NOT NULL,
    table_index          INTEGER NOT NULL,
    row_index            INTEGER NOT NULL,  -- 0-based row of the printed table, header rows included
    line                 INTEGER,
    page                 INTEGER,
    department           VARCHAR,
    fiscal_year          INTEGER,
    statement            VARCHAR NOT NULL,  -- project_expenditure | performance_project
    row_kind             VARCHAR NOT NULL,  -- project | unit | category (专用项目) | total (合计 / 金额合计)
                                            -- | task (a 部门整体 table's 任务) | department (its whole budget line)
    project_name         VARCHAR,
    project_code         VARCHAR,           -- 项目编码 where printed
    project_type         VARCHAR,           -- 项目类型 (特定目标类 …)
    unit_code            VARCHAR,           -- 单位编码 of a unit line
    implementing_unit    VARCHAR,           -- 实施单位
    competent_department VARCHAR,           -- 主管部门
    description          VARCHAR,           -- 项目简介 / 年度目标 / 总体目标 as printed
    unit_printed         VARCHAR
);
