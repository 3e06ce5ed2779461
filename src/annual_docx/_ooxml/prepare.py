"""Make a template final before rendering (East Asian fonts on every style, the 落款's indents, the portable
grid, the 版记's paragraphs taken out to be rendered into their text box)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from annual_docx._ooxml.char_grid import fit_char_grids, line_grid_for_libreoffice
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


def ensure_east_asian_fonts(styles: Element, document: Element, default_east_asia: str) -> None:
    """Remove theme fonts from styles and runs and make sure the document default names an East Asian font, so every
    run resolves to an explicit ``w:eastAsia`` (agencies' restyled templates may bring theme fonts back)."""
    strip_theme_fonts(styles)
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


def prepare_template(docx_document: Any, signature: Any, default_east_asia: str, *,
                     portable: bool) -> tuple[list[str], int]:
    """Make an opened template's python-docx ``Document`` final before it is rendered: every run resolves to an
    explicit East Asian font, Word 2010's stale copy of the styles is dropped, each character grid's ``charSpace``
    is the one its characters a line give (``fit_char_grids``: LibreOffice writes it rounded, and unsigned), the
    落款 (``Signature``/``Date`` paragraphs) sits ``signature``'s indents from the right margin, and with
    ``portable`` the character grid is emulated as a line grid (see ``char_grid``). The content the report brings
    is built final in the context.

    The 版记 paragraphs (``RecordCc``/``RecordPrint``) are taken out of the template: return them as XML, to be
    rendered on their own into the 版记's text box (``record``), and the width of the 版心 in twips."""
    ensure_east_asian_fonts(docx_document.styles.element, docx_document.element, default_east_asia)
    drop_styles_with_effects(docx_document.part)
    body = docx_document.element.body
    fit_char_grids(body, docx_document.styles.element)
    if signature is not None:
        set_right_indent(body, "Signature", signature.name_right)
        set_right_indent(body, "Date", signature.date_right)
    if portable:
        line_grid_for_libreoffice(docx_document.element, docx_document.styles.element)
    record = [etree.tostring(p, encoding="unicode") for p in take_record(body)]
    return record, type_width(body)


def drop_styles_with_effects(part: Any) -> int:
    """Drop the main part's ``stylesWithEffects`` relationship (python-docx then leaves the part and its content
    type out of the saved package); return how many were dropped.

    ``stylesWithEffects.xml`` is Word 2010's private copy of ``styles.xml``. ``ensure_east_asian_fonts`` rewrites
    ``styles.xml``, so a kept copy would disagree with it — the state openxml-audit reports as "Word may treat this
    as unreadable content". Word 2013 and later neither write nor read the part, and Word 2010 falls back to
    ``styles.xml`` when it is absent, so dropping it loses nothing; copying ``styles.xml`` over it instead would
    drop the Word 2010 effects it holds anyway."""
    found = [rid for rid, rel in part.rels.items() if str(rel.reltype).endswith("/stylesWithEffects")]
    for rid in found:
        part.drop_rel(rid)
    return len(found)
