-- 绩效目标表: one row per indicator, of a project or of the whole department.
CREATE TABLE IF NOT EXISTS performance_target (
    source_file   VARCHAR NOT NULL,
    table_index   INTEGER NOT NULL,
    row_index     INTEGER NOT NULL,
    line          INTEGER,
    page          INTEGER,
    department    VARCHAR,
    fiscal_year   INTEGER,
    scope         VARCHAR NOT NULL,  -- project | department (部门整体)
    project_name  VARCHAR,
    project_code  VARCHAR,
    level1        VARCHAR,           -- 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标)
    level2        VARCHAR,           -- 二级指标 (数量指标, 社会效益指标 …)
    level3        VARCHAR,           -- 三级指标, where the table prints it beside a description
    indicator     VARCHAR,           -- the indicator's text
    value_printed VARCHAR,           -- the target as printed (符号, 值 and 单位 joined where printed apart)
    operator      VARCHAR,           -- ≥ > = ≤ < | 定性 (qualitative); a bare number reads as =
    value         DECIMAL(24, 6),    -- the number of the target, when it has one
    value_unit    VARCHAR,           -- %, 人, 元/人, 万元 … (百分比 read as %)
    value_yuan    DECIMAL(18, 2),    -- the value in 元 when its unit is 元 or 万元
    weight        VARCHAR,           -- 权重 / 分值 as printed
    direction     VARCHAR,           -- 指标方向性 (正向指标 …)
    basis         VARCHAR,           -- 指标值确定依据
    remarks       VARCHAR            -- 备注 / 评（扣）分标准
);
