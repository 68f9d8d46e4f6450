"""Document text shown to people: control characters made visible, markup neutralised.

File names, titles and labels come from the outside world; in a terminal an ESC sequence
would repaint the screen and rich would read ``[red]`` as markup, in Markdown ``|`` would
break a table and ``<script>`` would be HTML.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|#])")


def printable(value: object) -> str:
    """The value as text with control characters (but tab and newline) shown as \\xNN."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def markdown(value: object) -> str:
    """The value as literal Markdown text, on one line."""
    return _MARKDOWN.sub(r"\\\1", printable(value)).replace("\n", " ")
