"""Which characters of a .docx are set in which East Asian font: each run's effective ``w:eastAsia`` font (its own
``w:rFonts``, its character style, its paragraph style, the document defaults), collected over the body, text boxes,
headers, footers and notes, with where each character first occurs. The document is read through the one reader
(:mod:`annual_docx._ooxml.reader`): its limits, its refusals, each part streamed block by block."""

from __future__ import annotations

from dataclasses import dataclass

from annual_docx._ooxml.ns import w_attr
from annual_docx._ooxml.props import Element, qn
from annual_docx._ooxml.read import NS, _Styles
from annual_docx._ooxml.reader import Package

#: The parts whose text is printed, by relationship type of the main part, and how a message names them.
_RELATED = {"header": "页眉 / header", "footer": "页脚 / footer", "footnotes": "脚注 / footnote",
            "endnotes": "尾注 / endnote"}
_BODY = "正文 / body"


@dataclass(frozen=True)
class Where:
    """Where a character occurs: the part (body, footer…), the paragraph's number in it, and the paragraph's text."""

    place: str
    paragraph: int
    text: str

    def __str__(self) -> str:
        snippet = self.text if len(self.text) <= 30 else self.text[:29] + "…"
        return f"{self.place} 第 {self.paragraph} 段 / paragraph {self.paragraph}: “{snippet}”"


def east_asian_text(package: Package) -> dict[str, dict[str, Where]]:
    """Return, for each East Asian font name the document's runs use, its characters and where each first occurs."""
    out: dict[str, dict[str, Where]] = {}
    main = package.main_part
    styles_part = next(iter(package.related(main, "styles", missing_ok=True)), None)
    styles = _Styles(package.xml(styles_part) if styles_part else None)
    default_para = _default_paragraph_style(styles)
    parts = {main: _BODY}
    for rel_type, place in _RELATED.items():
        parts.update((name, place) for name in package.related(main, rel_type, missing_ok=True) if name not in parts)
    p_tag = qn("w:p")
    for name, place in sorted(parts.items()):
        number = 0
        for block in package.blocks(name):
            for paragraph in block.iter(p_tag):
                number += 1
                _collect(paragraph, Where(place, number, ""), default_para, styles, out)
    return out


def _collect(paragraph: Element, where: Where, default_para: str | None, styles: _Styles,
             out: dict[str, dict[str, Where]]) -> None:
    text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    if not text:
        return
    where = Where(where.place, where.paragraph, text)
    para_style = w_attr(paragraph.find("w:pPr/w:pStyle", NS)) or default_para
    for run in paragraph.iter(qn("w:r")):
        if next(run.iterancestors(qn("w:p"))) is not paragraph:
            continue  # a run of a text box's paragraph, counted with that paragraph
        font = _run_font(run, para_style, styles)
        if font is None:
            continue
        chars = out.setdefault(font, {})
        for t in run.iterfind("w:t", NS):
            for ch in t.text or "":
                chars.setdefault(ch, where)


def _default_paragraph_style(styles: _Styles) -> str | None:
    for style_id, style in styles.by_id.items():
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            return style_id
    return None


def _run_font(run: Element, para_style: str | None, styles: _Styles) -> str | None:
    fonts = run.find("w:rPr/w:rFonts", NS)
    own = w_attr(fonts, "eastAsia")
    if own:
        return own
    if w_attr(fonts, "eastAsiaTheme"):
        return None
    char_style = w_attr(run.find("w:rPr/w:rStyle", NS))
    for style in styles.chain(char_style) if char_style else []:
        if style.tag != qn("w:style"):
            break  # the document defaults: the paragraph style comes before them
        fonts = style.find("w:rPr/w:rFonts", NS)
        if w_attr(fonts, "eastAsia") or w_attr(fonts, "eastAsiaTheme"):
            return w_attr(fonts, "eastAsia")
    found, _ = styles.find(para_style, "w:rPr/w:rFonts", "eastAsia")
    return found
