"""Figures across the document: photo galleries laid out in a table, and 图N numbering of every caption."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._context import Block

GALLERY_WIDTH_MM = 150.0  # the 156 mm type area less the cells' margins
GALLERY_GAP_MM = 4.0


@dataclass(frozen=True)
class Gallery:
    """Pictures laid out in a borderless table; renders itself as WordprocessingML for ``{{p b.xml }}``."""

    pictures: tuple[Any, ...]
    captions: tuple[str, ...]
    per_row: int

    def __html__(self) -> str:
        from ._ooxml import body, table

        cells = [(picture.inline(), caption) for picture, caption in zip(self.pictures, self.captions, strict=True)]
        return body.markup(table.gallery(cells, self.per_row))

    def __str__(self) -> str:
        return self.__html__()


def number_figures(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with each captioned figure's caption numbered in order: ``图1 曲阜市图书馆组织结构图``;
    captions in a gallery count too."""
    numbered, n = [], 0
    for block in blocks:
        if block.kind == "figure" and block.text:
            n += 1
            block = replace(block, text=f"图{n} {block.text}")
        elif isinstance(block.xml, Gallery):
            captions = []
            for caption in block.xml.captions:
                n += bool(caption)
                captions.append(f"图{n} {caption}" if caption else "")
            block = replace(block, xml=replace(block.xml, captions=tuple(captions)))
        numbered.append(block)
    return numbered
