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
# an ampersand that a Markdown or HTML reader would take for a character reference (« &lt; »,
# « &#60; »): only that one is escaped, a plain « & » stays as written
_CHAR_REFERENCE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def html_escape(text: str) -> str:
    """Escape text for an HTML element or attribute."""
    return html.escape(str(text), quote=True)


def md_escape(text: str) -> str:
    """Escape text for Markdown: HTML is neutralised and Markdown syntax is backslashed, so the
    text renders as the same plain characters. A plain « & » is left as written (Markdown
    renders it as a character; the HTML export escapes it once): only an ampersand that would
    start a character reference is escaped."""
    escaped = _CHAR_REFERENCE.sub("&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    # a line that starts with '#', '-', '+' or 'N.' would become a heading or a list
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    # a bare URL would be turned into a link by nbconvert's Markdown renderer
    escaped = _URL_SCHEME.sub(r"\1\\:", escaped)
    return re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2\\.\3", escaped)
