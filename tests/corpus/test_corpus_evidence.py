"""The report shows each issue's cells: a crop of the PDF page with the row outlined, or the text's
printed lines with the row marked."""

import base64
import io

from PIL import Image

from common.paths import SAMPLES
from expectations import report
from flows.validate import validate
from load.warehouse import Warehouse
from tests.conftest import ingest

WELFARE = "上海市普陀区社会福利院24年单位预算.pdf"


def test_a_pdf_issue_shows_its_page_crop(corpus_warehouse):
    with Warehouse(corpus_warehouse, read_only=True) as wh:  # open while the report is read: its rows are read a chunk at a time
        gathered = report.gather(wh)
        [issue] = [i for i in gathered.issues[WELFARE] if i["subject"] == "30202 咨询费"]
        assert issue["image"].startswith("data:image/png;base64,")
        crop = Image.open(io.BytesIO(base64.b64decode(issue["image"].split(",", 1)[1])))
        # the width of the rendered page (A4 landscape, 842 pt at scale 2), a strip of it around the row
        assert crop.size[0] == 1683 and 100 < crop.size[1] < 400
        assert 'alt="page 14: the cells of issue' in report.render_html(gathered)
        # a table-level issue (its row prints '7 | 11 | 02', a malformed code) finds its unplaced cells by page and line
        [malformed] = [i for i in gathered.issues[WELFARE] if i["subject"] == "7 11 02 事业单位医疗"]
        assert malformed["image"].startswith("data:image/png;base64,") and not malformed.get("evidence_missing")


def test_a_text_issue_shows_its_printed_lines_with_the_row_marked(tmp_path):
    path = tmp_path / "lanshan.duckdb"
    ingest([SAMPLES / "001_62df1c6f39ffdb6f.txt"], path)
    with Warehouse(path) as wh:
        validate(wh, None, tmp_path / "reports", data_docs=False)
        gathered = report.gather(wh)
        [issue] = [i for i in gathered.issues["001_62df1c6f39ffdb6f.txt"] if i["severity"] == "error"]
        marked = [(n, text) for n, text, is_row in issue["excerpt"] if is_row]
        assert len(issue["excerpt"]) == 5 and "医疗保障管理事务" in marked[0][1]
        html = report.render_html(gathered)
        assert "<mark>" in html and "医疗保障管理事务" in html.split("<mark>", 1)[1].split("</mark>", 1)[0]
