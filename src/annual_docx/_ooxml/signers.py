"""The 发文字号 line of a document sent upward (GB/T 9704 7.2.5): the number 1 字 in from the left, ``签发人：`` and
the signers' names (names in 楷体) ending 1 字 in from the right, on the same line as the last name.

Two names a line; with more, the earlier lines hold only names, each line's first name under the one above. The
paragraphs keep the 发文字号 style (the red rule under the last one) with the alignment and tabs set here.
"""

from __future__ import annotations

from collections.abc import Sequence

from annual_docx._ooxml.props import Element, el, w_text

CHAR = 320  # twips of one 三号 character
LABEL = "签发人："


def _run(text: str, east_asia: str | None = None) -> Element:
    props = el("w:rPr", None, el("w:rFonts", {"w:eastAsia": east_asia})) if east_asia else None
    return el("w:r", None, props, w_text(text))


def _tab() -> Element:
    return el("w:r", None, el("w:tab"))


def _spacing(first: bool, last: bool) -> Element | None:
    """The style's space before goes above the first line, its space after below the last only."""
    gaps = {**({} if first else {"w:before": 0}), **({} if last else {"w:after": 0})}
    return el("w:spacing", gaps) if gaps else None


def signer_paragraphs(number: str, signers: Sequence[str], type_width: int, kai_font: str,
                      style: str = "DocNumber") -> list[Element]:
    """Return the paragraphs of the 发文字号 and 签发人 lines for a body ``type_width`` twips wide."""
    slot = max(len(name) for name in signers)  # names line up in slots as wide as the longest
    per_line = min(2, len(signers))
    right = type_width - CHAR  # 居右空一字
    first_name = right - (per_line * slot + (per_line - 1)) * CHAR
    label = first_name - len(LABEL) * CHAR
    stops = [label, first_name] + ([first_name + (slot + 1) * CHAR] if per_line > 1 else [])
    lines = [list(signers[i:i + 2]) for i in range(0, len(signers), 2)]
    out = []
    for n, names in enumerate(lines):
        first, last = n == 0, n == len(lines) - 1
        runs: list[Element | None] = [_run(number)] if last else []
        runs += [_tab(), _run(LABEL) if first else None]
        for name in names:
            runs += [_tab(), _run(name, kai_font)]
        ppr = el(
            "w:pPr", None, el("w:pStyle", {"w:val": style}),
            None if last else el("w:pBdr", None, el("w:bottom", {"w:val": "nil"})),
            el("w:tabs", None, *(el("w:tab", {"w:val": "left", "w:pos": pos}) for pos in stops)),
            _spacing(first, last),
            el("w:ind", {"w:leftChars": 100, "w:left": CHAR, "w:firstLineChars": 0, "w:firstLine": 0}),
            el("w:jc", {"w:val": "left"}),
        )
        out.append(el("w:p", None, ppr, *runs))
    return out
