"""The quality report as a reader's browser shows it (headless Chromium, Debian's `chromium`):
the page is self-contained, every evidence image decodes, and an issue of the corpus shows its
page crop. `.ci/run` installs Chromium; without it this test is skipped (say so, never pass)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from expectations import report
from load.warehouse import Warehouse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The flags a root, offline, headless Chromium needs here: no sandbox (root), no GPU, and none of
# the background connections the closed network refuses (machine notes, /work/.library/env).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_TIMEOUT_S = 120  # a cold Chromium start on a busy 2-core machine takes tens of seconds
# Run after load: how many <img> decoded (naturalWidth > 0) and how many did not; and whether any
# resource came from outside the file (a CDN would not load offline).
PROBE = """<script>window.addEventListener('load', () => {
  const imgs = [...document.images];
  const ok = imgs.filter(i => i.complete && i.naturalWidth > 0).length;
  const outside = [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))
      .filter(u => /^(https?:)?\\/\\//.test(u)).length;
  document.body.setAttribute('data-probe', `images ${ok}/${imgs.length} outside ${outside}`);
});</script>"""

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def _chromium(*args: str) -> str:
    done = subprocess.run(
        [CHROMIUM, *FLAGS, "--user-data-dir=" + args[0], *args[1:]], capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S
    )
    return done.stdout


@pytest.fixture(scope="module")
def report_html(corpus_warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    with Warehouse(corpus_warehouse, read_only=True) as wh:
        html, _ = report.write(report.gather(wh), folder)
    return html


def test_every_evidence_image_loads_and_nothing_comes_from_outside(report_html, tmp_path):
    page = report_html.read_text(encoding="utf-8")
    n_images = page.count("<img ")
    assert n_images >= 3  # the corpus's PDF issues with their page crops
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(str(tmp_path / "profile"), "--virtual-time-budget=10000", "--dump-dom", probed.as_uri())
    assert re.search(r'data-probe="images (\d+)/(\d+) outside (\d+)"', dom).groups() == (str(n_images), str(n_images), "0")


def test_a_screenshot_shows_the_report(report_html, tmp_path):
    shot = tmp_path / "report.png"
    _chromium(str(tmp_path / "profile"), "--window-size=1400,2400", f"--screenshot={shot}", report_html.as_uri())
    from PIL import Image

    image = Image.open(shot)
    assert image.size == (1400, 2400)
    assert len(set(image.convert("L").resize((140, 240)).getdata())) > 10  # drawn, not a blank page
