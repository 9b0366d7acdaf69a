"""Escaping of untrusted document text for Markdown and HTML outputs.

Document text is untrusted: it may hold `<script>`, `<img onerror=…>` or Markdown link and image
syntax. nbconvert renders Markdown (raw HTML included) without sanitising, so every piece of
document text that goes into a Markdown cell, a Markdown output or an HTML template goes through
these functions first.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]!|~])")
_LINE_START = re.compile(r"(?m)^(\s*)([#+\-=])")
_URL_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data):")


def html_escape(text: str) -> str:
    """Escape text for an HTML element or attribute."""
    return html.escape(str(text), quote=True)


def md_escape(text: str) -> str:
    """Escape text for Markdown: HTML is neutralised and Markdown syntax is backslashed, so the
    text renders as the same plain characters."""
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    # a line that starts with '#', '-', '+' or 'N.' would become a heading or a list
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    # a bare URL would be turned into a link by nbconvert's Markdown renderer
    escaped = _URL_SCHEME.sub(r"\1\\:", escaped)
    return re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2\\.\3", escaped)
