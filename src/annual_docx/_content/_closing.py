"""The 落款 never stands alone on its page (GB/T 9704 7.3.5): the end of the body is kept with it.

The template keeps the blank line, the 附件说明 and the 署名 with what follows them; this keeps the body's end with
them. Walking back from the last block: a table is body text — its end (a short table whole) keeps with the 落款
and the walk stops; a figure (picture or chart, with its caption) or a gallery is no text — it keeps with the 落款
and the walk goes on to the text above it; a party block's lines (branch names, role lines — the template's
``RoleList`` style has no keep-with-next) are kept too, at most :data:`MAX_PARTY_LINES` of them, and the walk goes on
above them; the first paragraph or heading reached keeps with what follows (a heading already does) and the walk
stops. Word and LibreOffice move a chain of keep-with-next paragraphs to the
next page together, so the 落款's page starts with that text. At most :data:`MAX_FIGURES` figures are kept: a
longer chain would not fit on one page, and both layout engines then break it anyway."""

from __future__ import annotations

from dataclasses import replace

from annual_docx._content._build_text import KeptLine, RichParagraph, RunInParagraph, kept
from annual_docx._content._figures import Gallery, KeptFigure, Table
from annual_docx._content._piece import HEADING_KINDS, Block

MAX_FIGURES = 3
MAX_GALLERY_ROWS = 1  # a gallery of more rows than this is not moved whole (it would leave a page half empty)
MAX_PARTY_LINES = 6  # a party's branch names and role lines kept with its chart (with the chart, under a page)
PARTY_LINES = {"group": "GroupTitle", "role": "RoleList"}  # the party's line kinds and their template styles


def keep_to_closing(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` (the body, the 落款 after it) with their end kept on the 落款's page: see the module."""
    out = list(blocks)
    figures = lines = 0
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if block.kind in HEADING_KINDS or block.kind == "paragraph" or isinstance(
                block.xml, RichParagraph | RunInParagraph):
            out[i] = kept(block)
            break
        if isinstance(block.xml, Table):
            out[i] = replace(block, xml=replace(block.xml, keep=True))
            break
        if block.kind in PARTY_LINES:  # a party's lines above its chart: kept, and the walk goes on above them
            if lines == MAX_PARTY_LINES:
                break  # a long list: its last lines (text) are on the 落款's page
            out[i] = Block("xml", xml=KeptLine(block.text, PARTY_LINES[block.kind]))
            lines += 1
            continue
        gallery = isinstance(block.xml, Gallery) and \
            len(block.xml.pictures) <= MAX_GALLERY_ROWS * block.xml.per_row
        if figures == MAX_FIGURES or not (block.kind == "figure" or gallery):
            break  # a page break, a long gallery, too many figures: the chain ends here
        out[i] = replace(block, xml=replace(block.xml, keep=True)) if gallery else \
            Block("xml", xml=KeptFigure(block.image, block.text))
        figures += 1
    return out
