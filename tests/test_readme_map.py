"""The README's repository map matches the tree: every package is on it, and every path it
names exists."""

from __future__ import annotations

import re

from common.paths import ROOT
from tests.test_layers import LAYERS

PRODUCT = set(LAYERS)


def repository_map() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Repository\n", 1)[1].split("\n## ", 1)[0]


def test_every_package_is_on_the_map():
    text = repository_map()
    packages = sorted(
        str(p.parent.relative_to(ROOT)) for p in ROOT.glob("*/**/__init__.py") if p.relative_to(ROOT).parts[0] in PRODUCT
    )
    assert [p for p in packages if f"`{p}/`" not in text and f"`{p.split('/')[-1]}/`" not in text] == []


def test_every_path_on_the_map_exists():
    text = repository_map()
    missing = []
    for item in text.split("\n- "):
        head = re.match(r"\s*`([\w/]+/)`", item)
        base = ROOT / head.group(1) if head else ROOT
        for name in re.findall(r"`([\w./]+(?:/|\.py))`", item):
            if not ((ROOT / name).exists() or (base / name).exists()):
                missing.append(name)
    assert missing == []
