"""The bad-input corpus, generated (never downloaded): each case is a file written into an inbox
folder by a small function, so a test says exactly what it feeds the product.

PDFs are derived from the committed fixtures (tests/fixtures/pdf) with pypdf and reportlab's
ASCII fonts, so no Chinese font is needed to build them.
"""

from __future__ import annotations

import io
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common.paths import SAMPLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
SAMPLE = SAMPLES / "000_5cfcfeb062623b8f.txt"  # tab-separated, 13 tables, 元
SAMPLE_DEPARTMENT = "柞水县医疗保险经办机构"


def sample_text(department: str | None = None) -> str:
    """000's text, optionally as another department (so copies are distinct documents)."""
    text = SAMPLE.read_text(encoding="utf-8")
    return text.replace(SAMPLE_DEPARTMENT, department) if department else text


def random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


# --- PDFs -------------------------------------------------------------------------------------


def truncated_pdf() -> bytes:
    data = (FIXTURES / "000_ruled_yuan.pdf").read_bytes()
    return data[: len(data) // 2]


def encrypted_pdf(user_password: str, owner_password: str = "owner-secret") -> bytes:
    """000's ruled fixture, encrypted. With an empty user password anyone may open it (only the
    owner's permissions are restricted), which is how many government PDFs are published."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=FIXTURES / "000_ruled_yuan.pdf")
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """One page holding a picture of a table and no text layer (a scan)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 400), 255)
    draw = ImageDraw.Draw(image)
    for y in range(40, 400, 40):
        draw.line([(20, y), (580, y)], fill=0, width=2)
    for x in (20, 300, 580):
        draw.line([(x, 40), (x, 360)], fill=0, width=2)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(600, 400), invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, 600, 400)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def many_pages_pdf(pages: int) -> bytes:
    """000's ruled fixture followed by plain pages up to `pages`: a long document whose tables
    sit at its start."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    filler = io.BytesIO()
    pdf = canvas.Canvas(filler, invariant=1)
    for n in range(pages):
        pdf.drawString(72, 720, f"Appendix page {n + 1}: no table here.")
        pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=FIXTURES / "000_ruled_yuan.pdf")
    for page in PdfReader(filler).pages[: pages - len(writer.pages)]:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def decompression_bomb_pdf(inflated_mb: int = 2048) -> bytes:
    """A valid one-page PDF whose content stream is a few MB of Flate data inflating to
    `inflated_mb` MB of spaces. Each MB is compressed with a full flush, so after the first
    its compressed block is the same bytes: the bomb is built by repetition in milliseconds."""
    chunk = b" " * (1 << 20)
    z = zlib.compressobj(9)
    first = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    end = z.flush(zlib.Z_FINISH)[:-4]  # the empty final block; the checksum follows for the whole data
    adler = 1
    for _ in range(inflated_mb):
        adler = zlib.adler32(chunk, adler)
    stream = first + block * (inflated_mb - 1) + end + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


# --- texts ------------------------------------------------------------------------------------


def mixed_line_endings(text: str) -> str:
    endings = ("\r\n", "\n", "\r")
    return "".join(line + endings[i % 3] for i, line in enumerate(text.splitlines()))


def long_table(rows: int) -> str:
    """一般公共预算支出表 of `rows` function lines (7-digit codes, 基本/项目 columns), in 元."""
    lines = [
        f"部门：{SAMPLE_DEPARTMENT}",
        "2024年部门预算",
        "表5",
        "一般公共预算支出表",
        "单位：元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
    ]
    for n in range(rows):
        code = f"2{10 + n // 1000 % 90:02d}{1 + n // 10 % 99:02d}{1 + n % 99:02d}"
        basic, project = 1000 + n, n % 7 * 100
        lines.append(f"{code}\t支出项目{n}\t{basic + project}.00\t{basic}.00\t{project}.00")
    return "\n".join(lines) + "\n"


INJECTION = "'; DROP TABLE fact_budget_amount; --"
SCRIPT = "<script>alert('x')</script>"
CONTROLS = "\x00\x07\x1b[31m\x08"


def hostile_cells() -> str:
    """000 with document strings an attacker would choose: SQL, HTML and terminal control
    characters in the department, a table title, a row label and a header."""
    text = sample_text(f"{SAMPLE_DEPARTMENT}{INJECTION}")
    text = text.replace("部门综合预算收支总表", f"部门综合预算收支总表{SCRIPT}")
    return text.replace("事业运行", f"事业运行{CONTROLS}{SCRIPT}")


NO_TABLES = "柞水县医疗保险经办机构2024年部门预算\n\n一、部门职责\n负责全县医疗保险经办工作。\n二、机构设置\n内设股室三个。\n"


@dataclass(frozen=True)
class Case:
    name: str  # the file's name in the inbox
    make: Callable[[], bytes]
    outcome: str  # 'loaded' or the stage that fails ('read', 'extract', ...)
    says: str  # what the product says: a fragment of its error, or a fact it must load


def _text(text: str, encoding: str = "utf-8") -> Callable[[], bytes]:
    return lambda: text.encode(encoding)


CASES = [
    Case("empty.txt", lambda: b"", "extract", "the file is empty"),
    Case("empty.pdf", lambda: b"", "extract", "the file is empty"),
    Case("random.pdf", lambda: random_bytes(4096, 1), "extract", "not a PDF"),
    Case("random.txt", lambda: random_bytes(4096, 2), "extract", "no encoding we can detect"),
    Case("truncated.pdf", truncated_pdf, "extract", "corrupt or truncated"),
    Case("encrypted-user-password.pdf", lambda: encrypted_pdf("secret"), "extract", "needs a password"),
    Case("encrypted-owner-only.pdf", lambda: encrypted_pdf(""), "loaded", "2101101"),
    Case("image-only.pdf", image_only_pdf, "loaded", "needs_ocr"),
    Case("300-pages.pdf", lambda: many_pages_pdf(300), "loaded", "2101101"),
    Case("bomb.pdf", decompression_bomb_pdf, "extract", "limit"),
    Case("gb18030.txt", _text(sample_text("GB18030局"), "gb18030"), "loaded", "2101101"),
    Case("utf16.txt", _text(sample_text("UTF16局"), "utf-16"), "loaded", "2101101"),
    Case("utf16le-no-bom.txt", _text(sample_text("UTF16LE局"), "utf-16-le"), "loaded", "2101101"),
    Case("bom.txt", _text(sample_text("BOM局"), "utf-8-sig"), "loaded", "2101101"),
    Case("mixed-eol.txt", _text(mixed_line_endings(sample_text("换行局"))), "loaded", "2101101"),
    Case("20000-rows.txt", _text(long_table(20_000)), "loaded", "20000"),
    Case("no-tables.txt", _text(NO_TABLES), "extract", "no tables found"),
    Case("预算 公开 2024.txt", _text(sample_text("空格局")), "loaded", "2101101"),
    Case("a..b.txt", _text(sample_text("点点局")), "loaded", "2101101"),
    Case("$(touch pwned);`id`|&>x.txt", _text(sample_text("命令局")), "loaded", "2101101"),
    Case(f"{INJECTION}.txt", _text(sample_text("注入局")), "loaded", "2101101"),
    Case("hostile-cells.txt", _text(hostile_cells()), "loaded", "2101101"),
]


def write_corpus(inbox: Path, cases: list[Case] = CASES) -> dict[str, Case]:
    inbox.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (inbox / case.name).write_bytes(case.make())
    return {case.name: case for case in cases}
