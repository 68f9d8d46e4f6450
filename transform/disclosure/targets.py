"""绩效目标表 (项目 and 部门整体): one row per indicator, and the project the table is about.

The layouts differ in every province and rows drift from their header (a 一级指标 printed in
the 二级 column, a value one column right), so a row is read from its content first: the
indicator-level words (产出指标, 数量指标 …) are recognised as words, also when printed one
character per line; the header's columns, shifted by where the row's level words sit, give the
other cells their role; a value printed right of its column is still the value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extract.cells import normalize_label
from extract.model import RawRow
from transform.amounts import parse_amount
from transform.disclosure.projects import normalize_text, project_amount
from transform.disclosure.target_values import parse_target
from transform.headers import first_match, rules
from transform.sink import TableSink

# The indicator levels' words, once: a level's label is the word + 指标 (产出指标, 数量指标).
_LEVEL1_WORDS = ("产出", "效益", "满意度", "成本")
_LEVEL2_WORDS = (
    "数量",
    "质量",
    "时效",
    "成本",
    "经济成本",
    "社会成本",
    "生态环境成本",
    "生态成本",
    "经济效益",
    "社会效益",
    "生态效益",
    "可持续影响",
    "服务对象满意度",
    "满意度",
)
_MISPRINTED_LEVEL1 = "指出产"  # 000's misprint of 产出指标
_L1 = re.compile(rf"^(?:{'|'.join(_LEVEL1_WORDS)})指标$|^{_MISPRINTED_LEVEL1}$")
_L2 = re.compile(rf"^(?:{'|'.join(_LEVEL2_WORDS)})指标$")
_SECTION = re.compile(r"^(?:年度)?(?:绩效指标|总体目标|主要任务|年度目标)$")
_HEADER_ROLES = rules(
    [
        (r"^一级指标$", "level1"),
        (r"^二级指标$", "level2"),
        (r"^三级指标$", "level3"),
        (r"^(?:指标内容|绩效指标描述|指标名称)$", "indicator"),
        (r"依据", "basis"),
        (r"^(?:符号|指标性质)$", "operator"),
        (r"^指标值|^值$", "value"),
        (r"^(?:度量单位|单位|单位\(文字描述\))$", "unit"),
        (r"权重|分值", "weight"),
        (r"方向", "direction"),
        (r"评.*分标准|备注", "remarks"),
        (r"^项目名称$", "project_name"),
        (r"^单位名称$", "unit_name"),
        (r"^预算数$", "budget"),
        (r"^年度目标$", "goal"),
    ]
)
_KEYS = rules(
    [
        (r"^(?:专项\(项目\)|项目)名称$", "project_name"),
        (r"^项目编码$", "project_code"),
        (r"^主管部门$", "competent_department"),
        (r"^实施单位", "implementing_unit"),
        (r"^(?:年度预算资金总额|实施期资金总额|年度资金总额|预算数|资金总额):?$", "amount:all"),
        (r"^(?:其中:)?(?:财政拨款|财政资金):?$", "amount:appropriation"),
        (r"^其他资金:?$", "amount:other"),
        (r"^(?:年度)?(?:总体)?(?:绩效)?目标$|^年度总体绩效目标$", "description"),
    ]
)
_PLACEHOLDER = re.compile(r"^(?:指标\d*[:：]|指标\d+|……|…|\.+)$")
_UNIT_ROW = re.compile(r"^\d{3,}-")
_CENT = Decimal("0.01")
# Labels a wrapped cell's first line may begin (a level broken over two lines is joined back).
_WORDS = tuple(f"{w}指标" for w in dict.fromkeys(_LEVEL1_WORDS + _LEVEL2_WORDS)) + (
    _MISPRINTED_LEVEL1,
    "绩效指标",
    "年度绩效指标",
    "总体目标",
    "年度总体目标",
    "年度主要任务",
    "一级指标",
)
_DIRECTION = re.compile(r"^(?:正向|反向|中性)指标$")
_PROJECT_ROLES = ("project_name", "unit_name", "budget", "goal")
_UNIT_LABEL = re.compile(r"[(（](万元|元)[)）]")
_BUDGET_FUNDS = {"总额": "all", "资金总额": "all", "财政拨款": "appropriation", "其他资金": "other"}
_GOAL_LABEL = re.compile(r"^(?:实施期)?(?:总|年度)目标$")


@dataclass
class _State:
    roles: dict[int, str] = field(default_factory=dict)  # header column -> role
    level1: str | None = None
    level2: str | None = None
    fragments: list[str] = field(default_factory=list)
    project: dict | None = None
    in_indicators: bool = False
    unit: str | None = None  # a label's (万元) above the amounts
    description_next: bool = False  # the goal's text is on the next line
    budget_labels: tuple[str, list[str]] | None = None  # 年度部门整体支出预算 | 资金总额 | 财政拨款, figures below


def place_targets(sink: TableSink) -> None:
    table = sink.table
    state = _State()
    scope = "department" if sink.statement.kind == "performance_overall" else "project"
    for i, row in enumerate(table.header_rows + table.rows):
        cells = [(c, normalize_text(t)) for c, t in enumerate(row.cells) if t.strip()]
        if not cells:
            continue
        first = normalize_label(cells[0][1])
        if _notes(first, cells):
            break
        if m := _UNIT_LABEL.search(first):
            state.unit = m.group(1)
        if _header_row(cells, state):
            continue
        if len(cells) == 1 and _fragment(cells[0][1], state):
            continue
        if not state.in_indicators:
            _project_fields(sink, i, row, cells, state, scope)
            continue
        _indicator_row(sink, i, row, cells, state, scope)


def _notes(first: str, cells: list[tuple[int, str]]) -> bool:
    """The notes under the table (备注：…, 注：…, or 备 | 注：… split over two cells)."""
    second = normalize_label(cells[1][1]) if len(cells) > 1 else ""
    return first.startswith(("备注", "注:")) or (first == "备" and second.startswith("注"))


def _header_row(cells: list[tuple[int, str]], state: _State) -> bool:
    labels = {c: normalize_label(t) for c, t in cells}
    sub = {c: first_match(_HEADER_ROLES, (lbl,)) for c, lbl in labels.items()}
    if state.in_indicators and len(sub) >= 2 and all(sub.values()) and "level1" not in sub.values():
        if "value" in sub.values():  # 指标值 over 符号 | 值 | 单位: the value is the 值 column now
            state.roles = {c: r for c, r in state.roles.items() if r != "value"}
        state.roles.update(sub)
        return True
    if sum(lbl in ("一级指标", "二级指标") for lbl in labels.values()) < 2 and not (
        "二级指标" in labels.values() and "指标值" in labels.values()
    ):
        return False
    roles = {}
    for c, label in labels.items():
        role = first_match(_HEADER_ROLES, (label,))
        if role and role not in roles.values():
            roles[c] = role
    if "level1" not in roles.values() and "level2" in roles.values():  # 003: 一级 / 指标 on lines above
        l2 = next(c for c, r in roles.items() if r == "level2")
        roles[l2 - 1] = "level1"
    state.roles = roles
    state.in_indicators = True
    state.fragments.clear()
    return True


def _fragment(text: str, state: _State) -> bool:
    """A short line alone (a vertical header one character per line, 社会效益 / 指标): joined
    with the lines before it while the join can still become a level word or a section label."""
    label = normalize_label(text)
    for joined in ("".join(state.fragments) + label, label):
        if not any(word.startswith(joined) for word in _WORDS):
            continue
        state.fragments = [joined]
        if _level(joined, state, None, strict=True):
            state.fragments = []
        elif _SECTION.match(joined):
            state.fragments = []
            if "目标" in joined and not state.in_indicators:
                state.description_next = True
            state.in_indicators = state.in_indicators or "指标" in joined
        return True
    state.fragments = []
    return False


def _is_level(label: str) -> bool:
    label = label + "标" if label.endswith("指") else label
    return bool(_L1.match(label) or _L2.match(label))


def _level(label: str, state: _State, col: int | None, strict: bool = False) -> bool:
    """Sets level 1 or 2 when the label is one; 成本指标 and 满意度指标 are either, by column.
    A cell cut after 指 (服务对象满意度指) is completed, a line of a vertical header (strict) not."""
    if not strict and label.endswith("指"):
        label += "标"
    is1, is2 = bool(_L1.match(label)), bool(_L2.match(label))
    if not (is1 or is2):
        return False
    if is1 and is2:
        l1_col = next((c for c, r in state.roles.items() if r == "level1"), None)
        if col is not None and l1_col is not None:
            is2 = col > l1_col
        else:
            is2 = (state.level1 == "产出指标" and label == "成本指标") or state.level1 == label
    if is2:
        state.level2 = label
    else:
        state.level1, state.level2 = ("产出指标" if label == "指出产" else label), None
    state.in_indicators = True
    return True


def _project_fields(sink: TableSink, i: int, row: RawRow, cells: list[tuple[int, str]], state: _State, scope: str) -> None:
    """The key-value lines above the indicators: 项目名称 | X, 主管部门 | Y, 年度预算资金总额: | 6209."""
    if state.description_next and len(cells) == 1 and _GOAL_LABEL.match(normalize_label(cells[0][1])):
        return
    if state.description_next:
        state.description_next = len(cells) == 1  # a goal printed over several lines
        if state.project is not None and not _PLACEHOLDER.match(normalize_label(cells[0][1])):
            text = " ".join(t for _, t in cells)
            previous = state.project.get("description")
            state.project["description"] = f"{previous} {text}" if previous and len(cells) == 1 else text
            return
    for _, text in cells:
        if m := _UNIT_LABEL.search(normalize_label(text)):
            state.unit = m.group(1)
    if scope == "department" and _task_line(sink, i, row, cells, state):
        return
    k = 0
    while k < len(cells):
        c, text = cells[k]
        label = normalize_label(text)
        key = first_match(_KEYS, (label,))
        if key is None and label.startswith("实施单位") and len(label) > 4:
            _project(sink, i, row, state, scope)["implementing_unit"] = text[text.index("位") + 1 :].strip()
        if key is None or k + 1 >= len(cells):
            k += 1
            continue
        nc, value = cells[k + 1]
        if key.startswith("amount:"):
            if parse_amount(value) is not None:
                project = _project(sink, i, row, state, scope)
                project_amount(
                    sink,
                    i,
                    row,
                    nc,
                    text,
                    "project",
                    project.get("project_name"),
                    key.split(":")[1] if key != "amount:other" else "other",
                    state.unit,
                )
                k += 2
                continue
        elif key == "description":
            text = " ".join(t for _, t in cells[k + 1 :] if not _GOAL_LABEL.match(normalize_label(t)))
            if text:
                _project(sink, i, row, state, scope)["description"] = text
            state.description_next = not text
            return
        elif first_match(_KEYS, (normalize_label(value),)) is None:  # not a key printed without its value
            _project(sink, i, row, state, scope)[key] = value
            k += 2
            continue
        k += 1


def _task_line(sink: TableSink, i: int, row: RawRow, cells: list[tuple[int, str]], state: _State) -> bool:
    """A 部门整体 table's budget lines: 任务1 | 主要内容 | 总额 | 财政拨款 (| 其他资金), 金额合计, or
    年度部门整体支出预算 | 资金总额 | 财政拨款 with its figures on the line below (江油市)."""
    numbers = [(c, t) for c, t in cells if parse_amount(t) is not None]
    texts = [t for _, t in cells if parse_amount(t) is None]
    if not numbers:
        funds = [t for t in texts[1:] if normalize_label(t) in _BUDGET_FUNDS]
        if funds:
            state.budget_labels = (texts[0], funds)
        return bool(funds)
    if texts:
        name, headers = texts[0], ["总额", "财政拨款", "其他资金"]  # 预算金额（万元）'s columns
        kind = "total" if normalize_label(name) in ("金额合计", "合计") else "task"
    elif state.budget_labels:
        (name, headers), kind = state.budget_labels, "department"
    else:
        return False
    sink.item(
        "project",
        i,
        row,
        statement=sink.statement.kind,
        row_kind=kind,
        project_name=name,
        description=texts[1] if len(texts) > 1 else None,
        unit_printed=state.unit or sink.unit,
    )
    for (c, _), header in zip(numbers, headers):
        project_amount(sink, i, row, c, header, kind, name, _BUDGET_FUNDS[normalize_label(header)], state.unit)
    return True


def _project(sink: TableSink, i: int, row: RawRow, state: _State, scope: str) -> dict:
    """The table's project (a 部门整体 table has none: its project row is not written)."""
    if state.project is None:
        fields = {
            "statement": sink.statement.kind,
            "row_kind": "project" if scope == "project" else "department",
            "unit_printed": sink.unit,
        }
        state.project = sink.item("project", i, row, **fields) if scope == "project" else fields
    return state.project


def _indicator_row(sink: TableSink, i: int, row: RawRow, cells: list[tuple[int, str]], state: _State, scope: str) -> None:
    first = next((k for k, (_, t) in enumerate(cells) if _is_level(normalize_label(t))), None)
    rest = list(cells[:first]) if first is not None else []  # project fields printed left of the levels
    prefix = len(rest)
    offset = None
    direction = None
    for k, (c, text) in enumerate(cells[prefix:], start=prefix):
        label = normalize_label(text)
        if k - prefix < 2 and len(rest) == prefix and _level(label, state, c):  # at most 一级 and 二级
            level = "level2" if state.level2 == label or (label.endswith("指") and state.level2) else "level1"
            home = next((hc for hc, r in state.roles.items() if r == level), None)
            if home is not None and offset is None:
                offset = c - home
            continue
        if _DIRECTION.match(label):
            direction = (c, text)
            continue
        if label == normalize_label(state.level2 or "") or _PLACEHOLDER.match(label):
            continue
        rest.append((c, text))
    if not rest:
        return
    roles = {c: state.roles.get(c - (offset or 0)) for c, _ in rest}
    _new_project(sink, i, row, rest, roles, state, scope)
    text_roles = (None, "level1", "level2", "level3", "indicator")
    assigned = {r: (c, t) for c, t in rest if (r := roles[c]) not in text_roles and r not in _PROJECT_ROLES}
    texts = [(c, t) for c, t in rest if roles[c] in text_roles]
    beyond = max(state.roles, default=0) + (offset or 0)
    if "value" in assigned and texts and texts[-1][0] > max(assigned["value"][0], beyond):
        texts.append(assigned.pop("value"))  # printed right of its column: the last cell is the value
        texts.sort()
        assigned["value"] = texts.pop()
    elif "value" not in assigned and "operator" not in assigned and len(texts) >= 2:
        assigned["value"] = texts.pop()
    if direction:
        assigned["direction"] = direction
    text_of = lambda r: assigned[r][1] if r in assigned else None  # noqa: E731
    both = {"level3", "indicator"} <= set(state.roles.values())
    level3 = next((t for c, t in texts if roles[c] == "level3"), None) if both else None
    indicator = " ".join(t for c, t in texts if not (both and roles[c] == "level3")) or level3
    op_cell, value_cell, unit_cell = text_of("operator"), text_of("value"), text_of("unit")
    if not indicator and not value_cell:
        return
    value_printed = "".join(t for t in (op_cell if op_cell not in ("文字描述",) else None, value_cell, unit_cell) if t)
    parsed = parse_target((value_cell or "") + (unit_cell or ""), op_cell)
    for role in ("operator", "value", "unit", "weight"):
        if role in assigned:
            sink.consumed.add((i, assigned[role][0]))
    project = state.project if scope == "project" and state.project else {}
    sink.item(
        "performance_target",
        i,
        row,
        scope=scope,
        project_name=project.get("project_name"),
        project_code=project.get("project_code"),
        level1=state.level1,
        level2=state.level2,
        level3=level3,
        indicator=indicator,
        value_printed=value_printed or None,
        operator=parsed.operator,
        value=parsed.value,
        value_unit=parsed.unit,
        value_yuan=_cents(parsed.value_yuan),
        weight=text_of("weight"),
        direction=text_of("direction"),
        basis=text_of("basis"),
        remarks=text_of("remarks"),
    )


def _new_project(sink: TableSink, i: int, row: RawRow, rest: list, roles: dict, state: _State, scope: str) -> None:
    """A wide table (江油市) lists its projects in the indicator rows: 项目名称 | 预算数 | 年度目标."""
    by_role = {roles[c]: (c, t) for c, t in rest if roles[c] in ("project_name", "unit_name", "budget", "goal")}
    name = by_role.get("project_name") or by_role.get("unit_name")
    if name and _UNIT_ROW.match(name[1]) and "budget" in by_role:
        sink.item("project", i, row, statement=sink.statement.kind, row_kind="unit", project_name=name[1], unit_printed=sink.unit)
        project_amount(sink, i, row, by_role["budget"][0], "预算数", "unit", name[1], "all")
        rest[:] = []
    elif name and not _UNIT_ROW.match(name[1]):
        state.project = None
        _project(sink, i, row, state, scope)["project_name"] = name[1]
        if "budget" in by_role and state.project:
            c = by_role["budget"][0]
            project_amount(sink, i, row, c, "预算数", "project", name[1], "all")
        if "goal" in by_role:
            state.project["description"] = by_role["goal"][1]
        rest[:] = [(c, t) for c, t in rest if (c, t) not in by_role.values()]
    elif "goal" in by_role and state.project:
        state.project["description"] = " ".join(filter(None, [state.project.get("description"), by_role["goal"][1]]))
        rest[:] = [(c, t) for c, t in rest if (c, t) != by_role["goal"]]


def _cents(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value == value.quantize(_CENT) else None
