"""Make a template final before rendering (East Asian fonts on every style, the 落款's indents, the portable
grid, the 版记's paragraphs taken out to be rendered into their text box)."""

from __future__ import annotations

from typing import Any, NamedTuple

from lxml import etree

from annual_docx._ooxml.char_grid import document_line_grid, fit_char_grids
from annual_docx._ooxml.order import PPR_ORDER, insert_in_order
from annual_docx._ooxml.props import Element, el, qn, strip_theme_fonts, style_id
from annual_docx._ooxml.record import take_record, type_width


def set_right_indent(body: Element, wanted: str, chars: float) -> int:
    """Right-align every paragraph in style ``wanted`` and indent it ``chars`` characters from the right margin;
    return how many paragraphs changed."""
    changed = 0
    for p in body.iter(qn("w:p")):
        if style_id(p) != wanted:
            continue
        ppr = p.find(qn("w:pPr"))
        assert ppr is not None  # a paragraph with a style has pPr
        for tag in ("w:ind", "w:jc"):
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        hundredths = round(chars * 100)
        ind = el("w:ind", {"w:rightChars": hundredths, "w:right": round(chars * 320), "w:firstLineChars": 0,
                           "w:firstLine": 0})
        insert_in_order(ppr, ind, PPR_ORDER)
        insert_in_order(ppr, el("w:jc", {"w:val": "right"}), PPR_ORDER)
        changed += 1
    return changed


def ensure_east_asian_fonts(styles: Element, document: Element | None, default_east_asia: str) -> None:
    """Remove theme fonts from styles and runs (of ``document`` too, unless None) and make sure the document default
    names an East Asian font, so every run resolves to an explicit ``w:eastAsia`` (agencies' restyled templates may
    bring theme fonts back)."""
    strip_theme_fonts(styles)
    if document is not None:
        strip_theme_fonts(document)
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is None:
        return
    rfonts = defaults.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = el("w:rFonts")
        defaults.insert(0 if defaults.find(qn("w:rStyle")) is None else 1, rfonts)
    if not rfonts.get(qn("w:eastAsia")):
        rfonts.set(qn("w:eastAsia"), default_east_asia)


class PreparedBody(NamedTuple):
    """What making document.xml final tells the rest of the render: the 版记 paragraphs taken out (as XML, to be
    rendered into their text box), the width of the 版心 in twips, and the character spacing (1/20 pt, ≤ 0) the
    portable grid condenses the default run by (0: none), which goes into ``styles.xml``."""

    record: tuple[str, ...]
    width: int
    spacing: int


def prepare_styles(docx_document: Any, default_east_asia: str) -> None:
    """Make the styles of an opened template's python-docx ``Document`` final: theme fonts out, an East Asian
    default font, Word 2010's stale copy of the styles dropped. Asks nothing of document.xml (see
    :func:`prepare_document`, whose ``spacing`` ``char_grid.set_default_spacing`` then writes)."""
    ensure_east_asian_fonts(docx_document.styles.element, None, default_east_asia)
    drop_styles_with_effects(docx_document.part)


def prepare_document(document: Element, styles: Element, signature: Any, *, portable: bool) -> PreparedBody:
    """Make a template's document.xml (``document``, its root) final before it is rendered: every run resolves to an
    explicit East Asian font, each character grid's ``charSpace`` is the one its characters a line give
    (``fit_char_grids``: LibreOffice writes it rounded, and unsigned), the 落款 (``Signature``/``Date``
    paragraphs) sits ``signature``'s indents from the right margin, and with ``portable`` the character grid is
    emulated as a line grid (see ``char_grid``). The 版记 paragraphs (``RecordCc``/``RecordPrint``) are taken out.
    ``styles`` is only read (the Normal font size). The content the report brings is built final in the context.

    What comes out depends on the template, ``signature``'s two indents and ``portable`` alone, so a render keeps
    it with the template's Jinja source (``_output/_template_cache.py``)."""
    strip_theme_fonts(document)
    body = document.find(qn("w:body"))
    assert body is not None  # python-docx opened it as a Word document
    fit_char_grids(body, styles)
    if signature is not None:
        set_right_indent(body, "Signature", signature.name_right)
        set_right_indent(body, "Date", signature.date_right)
    spacing = document_line_grid(document, styles) if portable else 0
    record = tuple(etree.tostring(p, encoding="unicode") for p in take_record(body))
    return PreparedBody(record, type_width(body), spacing)


def drop_styles_with_effects(part: Any) -> int:
    """Drop the main part's ``stylesWithEffects`` relationship (python-docx then leaves the part and its content
    type out of the saved package); return how many were dropped.

    ``stylesWithEffects.xml`` is Word 2010's private copy of ``styles.xml``. ``ensure_east_asian_fonts`` rewrites
    ``styles.xml``, so a kept copy would disagree with it — the state openxml-audit reports as "Word may treat this
    as unreadable content". Word 2013 and later neither write nor read the part, and Word 2010 falls back to
    ``styles.xml`` when it is absent, so dropping it loses nothing; copying ``styles.xml`` over it instead would
    drop the Word 2010 effects it holds anyway."""
    found = [rid for rid, rel in part.rels.items() if str(rel.reltype).endswith("/stylesWithEffects")]
    for rid in found:  # no r:id in document.xml names it, so python-docx's ``drop_rel`` (which parses the part to
        del part.rels[rid]  # count them) would drop it too
    return len(found)
