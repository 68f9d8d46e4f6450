"""项目支出表 / 专项业务经费支出表: one row per printed line (project, unit, category or 合计)
with its amount cells by fund source."""

from __future__ import annotations

import re

from extract.cells import normalize_label
from extract.model import RawRow
from transform.amounts import parse_amount
from transform.headers import column_paths, first_match, fund_of, rules
from transform.sink import TableSink

_ROLES = rules(
    [
        (r"单位编码|单位代码", "unit_code"),
        (r"项目编码|项目代码", "project_code"),
        (r"类型|类别", "project_type"),
        (r"简介|说明|用途|概述|内容|备注", "description"),
        (r"实施单位", "implementing_unit"),
        (r"名称", "project_name"),
    ]
)
_CATEGORY = re.compile(r"^(专用项目|通用项目|一级项目|二级项目|专项业务经费|其他项目)$")
_TOTAL = re.compile(r"^(合计|总计)$")
_UNIT_CODE = re.compile(r"^(\d{3,}|-)$")


def place_projects(sink: TableSink) -> None:
    table = sink.table
    offset = len(table.header_rows)
    if not table.aligned:
        for i, row in enumerate(table.rows, start=offset):
            _token_row(sink, i, row, [normalize_label(c) for r in table.header_rows for c in r.cells])
        return
    paths = column_paths([r.cells for r in table.header_rows], table.n_cols)
    roles = [_role(p) for p in paths]
    for i, row in enumerate(table.rows, start=offset):
        fields = {
            role: normalize_text(row.cells[c])
            for c, role in enumerate(roles)
            if role != "amount" and c < len(row.cells) and row.cells[c].strip()
        }
        amounts = [
            (c, "/".join(paths[c]))
            for c, role in enumerate(roles)
            if role == "amount" and c < len(row.cells) and row.cells[c].strip()
        ]
        if not fields and not amounts:
            continue
        sink.consumed.update((i, c) for c, role in enumerate(roles) if role != "amount")
        _line(sink, i, row, fields, amounts)


def _role(path: tuple[str, ...]) -> str:
    return first_match(_ROLES, ("/".join(path),)) or "amount"


def _token_row(sink: TableSink, i: int, row: RawRow, header: list[str]) -> None:
    """A space-aligned line: [unit code] name amount [description] — its one amount column is
    the header's only amount word (项目金额); more numbers than that stay unplaced."""
    tokens = [t for t in row.cells if t.strip()]
    numbers = [k for k, t in enumerate(tokens) if parse_amount(t) is not None and not _UNIT_CODE.match(t)]
    fields: dict[str, str] = {}
    if tokens and _UNIT_CODE.match(tokens[0]):
        fields["unit_code"] = tokens[0]
        sink.consumed.add((i, row.cells.index(tokens[0])))
    start = 1 if fields else 0
    end = numbers[0] if numbers else len(tokens)
    if tokens[start:end]:
        fields["project_name"] = " ".join(tokens[start:end])
    if numbers and tokens[numbers[-1] + 1 :]:
        fields["description"] = " ".join(tokens[numbers[-1] + 1 :])
    header_amounts = [h for h in header if re.search(r"金额|合计|预算数", h)]
    if len(numbers) == 1 and len(header_amounts) == 1:
        _line(sink, i, row, fields, [], token=(row.cells.index(tokens[numbers[0]]), header_amounts[0]))
    else:
        _line(sink, i, row, fields, [])
        for k in numbers:
            sink.reject(i, row, None, " | ".join(header_amounts), fields.get("project_name"), "columns_unknown", tokens[k])
            sink.consumed.add((i, row.cells.index(tokens[k])))


def _line(
    sink: TableSink,
    i: int,
    row: RawRow,
    fields: dict[str, str],
    amounts: list[tuple[int, str]],
    token: tuple[int, str] | None = None,
) -> None:
    name = fields.get("project_name")
    kind = row_kind(fields)
    sink.item("project", i, row, statement=sink.statement.kind, row_kind=kind, unit_printed=sink.unit, **fields)
    cells = amounts + ([token] if token else [])
    for c, header in cells:
        project_amount(sink, i, row, c, header, kind, name, fund_of(tuple(header.split("/")), "all"))


def project_amount(
    sink: TableSink, i: int, row: RawRow, c: int, header: str, kind: str, name: str | None, fund: str, unit: str | None = None
) -> None:
    """One amount cell of a project line in 元 (in the table's unit unless the line states
    one), or an unplaced cell saying why not."""
    text = row.cells[c]
    value = parse_amount(text)
    unit = unit or sink.unit
    if value is None:
        return sink.reject(i, row, c, header, name, "not_a_number")
    yuan = sink.yuan(i, row, c, header, name, value, unit)
    if yuan is None:
        return
    sink.item(
        "fact_project_amount",
        i,
        row,
        c if sink.table.aligned else None,
        statement=sink.statement.kind,
        row_kind=kind,
        project_name=name,
        fund_source=fund,
        column_header=header,
        amount_yuan=yuan,
        amount_printed=text,
        unit_printed=unit,
    )
    sink.consumed.add((i, c))


def row_kind(fields: dict[str, str]) -> str:
    name = normalize_label(fields.get("project_name") or "")
    if _TOTAL.match(name):
        return "total"
    if fields.get("unit_code"):
        return "unit"
    if _CATEGORY.match(name):
        return "category"
    return "project"


_WRAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def normalize_text(text: str) -> str:
    """A printed text cell as one line: a cell wrapped inside a word ('医疗保障服 务中心运行
    经费') is joined back; a space beside a digit or a Latin letter stays."""
    return _WRAP.sub("", " ".join(text.split()))
