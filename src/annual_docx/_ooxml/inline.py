"""Superscripts and subscripts written in text: ``10^{6}`` and ``H_{2}O``, and their runs (``w:vertAlign``).

The markup (docs/report-format.md, 上标和下标): ``^{…}`` is a superscript, ``_{…}`` a subscript; the braces hold
text without braces that neither starts nor ends with a space. ``\\^{`` and ``\\_{`` write a literal ``^{`` /
``_{``; anything else (a ``^`` or ``_`` not followed by ``{``, an empty ``^{}``, ``_{ x }`` with spaces inside the
braces, an unclosed brace) stays as it is. Render and import share these functions,
so ``import(render(text))`` gives ``text`` back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from annual_docx._ooxml.props import Element, el, w_text
from annual_docx.gbt9704 import KAITI

_SCRIPT = re.compile(r"\\([\^_])\{|([\^_])\{([^{}\s](?:[^{}]*[^{}\s])?)\}")
VERT = {"^": "superscript", "_": "subscript"}
"""Markup character → the ``w:vertAlign`` value it stands for."""
MARK = {value: key for key, value in VERT.items()}

Segment = tuple[str, str | None]
"""A run's text and its marks: None, or marks joined by ``+``: ``bold``, ``kai``, ``superscript``, ``subscript``."""


def has_scripts(text: str) -> bool:
    """Return whether ``text`` holds script markup or an escape (the cheap test before splitting)."""
    return "^{" in text or "_{" in text


def split_scripts(text: str, marks: str | None = None) -> list[Segment]:
    """Return ``text`` as ``(text, marks)`` segments: ``10^{6}`` → ``[("10", marks), ("6", marks+superscript)]``;
    escapes become the literal characters."""
    out: list[Segment] = []
    plain, position = "", 0
    for match in _SCRIPT.finditer(text):
        plain += text[position:match.start()]
        position = match.end()
        if match.group(1):
            plain += match.group(1) + "{"
            continue
        if plain:
            out.append((plain, marks))
            plain = ""
        vert = VERT[match.group(2)]
        out.append((match.group(3), f"{marks}+{vert}" if marks else vert))
    plain += text[position:]
    if plain:
        out.append((plain, marks))
    return out


def escape_scripts(text: str) -> str:
    """Return baseline ``text`` with a literal ``^{`` or ``_{`` escaped, so it is not read as markup."""
    return text.replace("^{", "\\^{").replace("_{", "\\_{") if has_scripts(text) else text


def scripted(text: str, vert: str) -> str:
    """Return ``text`` raised or lowered (``vert`` is ``superscript`` or ``subscript``) as markup: ``^{6}``, spaces
    around it kept outside the braces; braces, which the markup cannot hold, and blank text stay as they are."""
    core = text.strip()
    if vert not in MARK or not core or "{" in text or "}" in text:
        return escape_scripts(text)
    lead, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{MARK[vert]}{{{escape_scripts(core)}}}{tail}"


def run(text: str, marks: str | None, east_asia: str | None = None, kai_font: str = KAITI,
        size: int | None = None) -> Element:
    """Return one run of ``text`` with ``marks`` (``bold``, ``kai``, ``superscript``, ``subscript``, joined by
    ``+``); ``east_asia`` is the run's own East Asian font (else the paragraph style's), ``size`` its size in
    half-points (else the style's)."""
    names = set(marks.split("+")) if marks else set()
    face = kai_font if "kai" in names else east_asia
    fonts = el("w:rFonts", {"w:eastAsia": face}) if face else None
    bold = "bold" in names
    vert = next((v for v in ("superscript", "subscript") if v in names), None)
    props = None
    if fonts is not None or bold or vert or size:
        props = el("w:rPr", None, fonts, el("w:b") if bold else None, el("w:bCs") if bold else None,
                   el("w:sz", {"w:val": size}) if size else None, el("w:szCs", {"w:val": size}) if size else None,
                   el("w:vertAlign", {"w:val": vert}) if vert else None)
    return el("w:r", None, props, w_text(text))


def runs(segments: Sequence[Segment], east_asia: str | None = None, kai_font: str = KAITI,
         size: int | None = None) -> list[Element]:
    """Return the runs of ``segments`` (see :func:`run`)."""
    return [run(text, marks, east_asia, kai_font, size) for text, marks in segments]
