"""Walk the report tree: each section's heading (numbered and styled by its level), its paragraphs, its blocks
(built through the block registry) and its subsections; attachments' blocks and sections the same way.

A run-in section (``run_in: true``, or its depth in ``run_in_levels``) has no heading paragraph: its heading opens
its first paragraph (:class:`~annual_docx._content._build_text.RunInParagraph`); a section at a run-in depth without
paragraphs keeps an ordinary heading.

Heading numbers count per parent: a breakdown's title (a heading one level down) and the subsections share one
count, and a section with ``numbered: false`` takes no number, so its siblings are numbered as if it were not there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from annual_docx import schema as s
from annual_docx._content._build_text import run_in as run_in_paragraph
from annual_docx._content._build_text import text_paragraph
from annual_docx._content._drawing import Drawer
from annual_docx._content._piece import Block
from annual_docx._content._registry import Scope, entry
from annual_docx._model import schema_blocks as sb
from annual_docx._model import tree
from annual_docx._model.tree import block_fields, expand
from annual_docx._numbering import HEADING_LEVEL, heading_text, number


def heading_level(style: str, depth: int, parent_level: int) -> int:
    """Return the Word heading level (1–4) of a heading at ``depth`` numbered in ``style`` under a heading of
    ``parent_level`` (0 at the top): the level of its number style (一、 1, （一） 2, 1. 3, （1） 4, 【】 3), or its
    depth when unnumbered, and always below its parent's, so the navigation pane shows the tree."""
    natural = HEADING_LEVEL.get(style) or depth
    return min(max(natural, parent_level + 1), 4)


class Headings:
    """The headings at one depth under one parent, numbered in turn."""

    def __init__(self, numbering: Sequence[str], depth: int, parent_level: int) -> None:
        self.numbering = numbering
        self.style = numbering[depth - 1] if depth - 1 < len(numbering) else "无"
        self.depth = depth
        self.level = heading_level(self.style, depth, parent_level)
        self.count = 0

    def next(self, title: str, numbered: bool = True) -> Block:
        """Return the next heading; ``numbered=False`` prints the bare title and does not count."""
        if numbered and self.style != "无":
            self.count += 1
            return Block(f"heading{self.level}", heading_text(self.style, self.count, title))
        return Block(f"heading{self.level}", title)

    def item_number(self, n: int) -> str:
        """Return the number of the ``n``-th item of a list at this depth (an awards list), or ``""``."""
        return "" if self.style in ("【】", "无") else number(self.style, n)


class Tree:
    """Builds the body of a report: sections, their blocks and subsections."""

    def __init__(self, numbering: Sequence[str], drawer: Drawer, run_in_levels: Sequence[int] = ()) -> None:
        self.numbering = numbering
        self.drawer = drawer
        self.run_in_levels = frozenset(run_in_levels)

    def sections(self, sections: Sequence[s.Section], path: str = "sections") -> Iterator[Block]:
        """Yield the blocks of the top-level ``sections``."""
        yield from self._children(sections, path, Headings(self.numbering, 1, 0))

    def _children(self, sections: Sequence[s.Section], path: str, headings: Headings) -> Iterator[Block]:
        for i, section in enumerate(sections):
            yield from self.section(section, f"{path}[{i}]", headings)

    def section(self, section: s.Section, path: str, headings: Headings) -> Iterator[Block]:
        """Yield one section's heading, paragraphs, blocks and subsections."""
        plain = expand(section)
        heading = headings.next(plain.title, plain.numbered)
        paragraphs = list(plain.paragraphs)
        run_in = plain.run_in if plain.run_in is not None else headings.depth in self.run_in_levels
        if run_in and paragraphs:  # the heading opens the first paragraph (段首标题)
            yield run_in_paragraph(headings.level, heading.text, paragraphs.pop(0))
        else:
            yield heading
        yield from (text_paragraph(p) for p in paragraphs)
        below = Headings(tree.below(headings.numbering, headings.depth, plain.child_numbering), headings.depth + 1,
                         headings.level)
        block_paths, section_paths, closing_paths = block_fields(section, path)
        yield from self.blocks(plain.blocks, block_paths, plain.title, below)
        for sub, sub_path in zip(plain.sections, section_paths, strict=True):
            yield from self.section(sub, sub_path, below)
        yield from self.blocks(plain.closing, closing_paths, plain.title, below)

    def blocks(self, blocks: Sequence[sb.ContentBlock], paths: Sequence[str], title: str,
               headings: Headings) -> Iterator[Block]:
        """Yield the template blocks of ``blocks`` (one field path each); ``headings`` numbers their headings."""
        previous_table = False
        for block, path in zip(blocks, paths, strict=True):
            kind = entry(block, path)
            if kind.table_like and previous_table and not getattr(block, "title", None):
                yield Block("paragraph")  # Word merges two tables that touch
            previous_table = kind.table_like
            scope = Scope(path, self.drawer, title, headings.next, headings.item_number)
            yield from kind.build(block, scope)

    def attachment(self, blocks: Sequence[sb.ContentBlock], path: str, title: str,
                   sections: Sequence[s.Section] = ()) -> list[Block]:
        """Return the blocks of an attachment's content (its blocks at ``path.blocks``, then its sections at
        ``path.sections``); headings in it start at level 1 and share one count, as under a section."""
        paths = [f"{path}.blocks[{i}]" for i in range(len(blocks))]
        headings = Headings(self.numbering, 1, 0)
        out = list(self.blocks(blocks, paths, title, headings))
        for i, section in enumerate(sections):
            out += self.section(section, f"{path}.sections[{i}]", headings)
        return out
