"""The report as one tree: every shorthand section kind turned into a plain section holding the matching block.

``expand(section)`` returns a :class:`ContentSection` with the same title, paragraphs, blocks and subsections; a
``work_items`` section's items become subsections, an ``org_chart`` section an org-chart block, a ``personnel``
section one breakdown block per breakdown (with the staff count as the total to check), and so on. The builders and
lint only ever see plain sections.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from annual_docx import schema as s
from annual_docx._model import schema_blocks as sb
from annual_docx._model import schema_figures as sf


def expand(section: s.Section) -> s.ContentSection:
    """Return ``section`` as a plain section: its shorthand content first, then its own blocks and subsections.
    The parts were validated with the section, so they are put together without validating them again (a title
    emptied by text cleaning stays as it is)."""
    if isinstance(section, s.ContentSection):
        return section
    lead: list[sb.ContentBlock] = []
    subsections: list[s.Section] = []
    blocks, closing = list(section.blocks), list(section.closing)
    if isinstance(section, s.WorkItemsSection):  # the items first, then the section's blocks; no default_factory
        subsections = [s.ContentSection.model_construct(title=item.title, paragraphs=item.paragraphs, blocks=[],
                                                        sections=[], closing=[], run_in=item.run_in)
                       for item in section.items]
        blocks, closing = [], [*blocks, *closing]
    elif isinstance(section, s.OrgChartSection):
        lead = [sf.OrgChartBlock.model_construct(type="org_chart", units=section.units, caption=section.caption,
                                                  engine=section.engine)]
    elif isinstance(section, s.PartySection):
        lead = [sf.PartyBlock.model_construct(type="party", branches=section.branches, chart=section.chart,
                                              caption=section.caption, engine=section.engine)]
    elif isinstance(section, s.PersonnelSection):
        lead = [sf.BreakdownBlock.model_construct(type="breakdown", expected_total=section.staff, **dict(b))
                for b in section.breakdowns]
    elif isinstance(section, s.ChartSection):
        lead = [sb.ChartBlock.model_construct(type="chart", title=section.title, chart=section.chart,
                                              labels=section.labels, series=section.series, unit=section.unit,
                                              caption=section.caption, source=section.source,
                                              engine=section.engine)]
    elif isinstance(section, s.PhotoSection):
        lead = [sf.PhotosBlock.model_construct(type="photos", photos=section.photos, per_row=section.per_row)]
    elif isinstance(section, s.AwardsSection):
        lead = [sf.AwardsBlock.model_construct(type="awards", awards=section.awards, photos=section.photos)]
    return s.ContentSection.model_construct(
        title=section.title, numbered=section.numbered, child_numbering=section.child_numbering,
        paragraphs=section.paragraphs, blocks=[*lead, *blocks], sections=[*subsections, *section.sections],
        closing=closing, run_in=section.run_in,
    )


def below(numbering: Sequence[str], depth: int, child_style: str | None) -> Sequence[str]:
    """Return the number styles by depth for the subtree of a section at ``depth`` whose subsections are numbered in
    ``child_style`` (its ``child_numbering``): the report's ``numbering`` down to the section, then ``child_style``,
    then the styles after it in ``numbering`` (一、 with 1. under it: （1） next); ``numbering`` itself when
    ``child_style`` is None."""
    if child_style is None:
        return numbering
    rest = numbering.index(child_style) + 1 if child_style in numbering else depth + 1
    return [*numbering[:depth], child_style, *numbering[rest:]]


def number_styles(numbering: Sequence[str], sections: list[s.Section]) -> dict[str, str]:
    """Return section path → the number style of its heading (``无`` beyond the styles given), every section's
    ``child_numbering`` applied to its subtree."""
    styles: dict[str, str] = {}

    def visit(sections: list[s.Section], paths: Sequence[str], depth: int, numbering: Sequence[str]) -> None:
        for section, where in zip(sections, paths, strict=True):
            plain = expand(section)
            styles[where] = numbering[depth - 1] if depth <= len(numbering) else "无"
            visit(plain.sections, block_fields(section, where)[1], depth + 1,
                  below(numbering, depth, plain.child_numbering))

    visit(sections, [f"sections[{i}]" for i in range(len(sections))], 1, numbering)
    return styles


def walk_sections(sections: list[s.Section], path: str = "sections", depth: int = 1,
                  ) -> Iterator[tuple[str, int, s.ContentSection]]:
    """Yield ``(field path, depth, expanded section)`` for every section of the tree, parents before children."""
    for i, section in enumerate(sections):
        yield from _walk(section, f"{path}[{i}]", depth)


def _walk(section: s.Section, path: str, depth: int) -> Iterator[tuple[str, int, s.ContentSection]]:
    plain = expand(section)
    yield path, depth, plain
    for sub, sub_path in zip(plain.sections, block_fields(section, path)[1], strict=True):
        yield from _walk(sub, sub_path, depth + 1)


def block_fields(section: s.Section, path: str) -> tuple[list[str], list[str], list[str]]:
    """Return the field paths of the blocks, subsections and closing blocks of ``expand(section)``, as the report
    file names them: ``sections[3].breakdowns[1]`` for a personnel section's breakdown, ``sections[0].items[2]``
    for a work item, the section itself for the block of an ``org_chart`` section."""
    own_blocks = [f"{path}.blocks[{i}]" for i in range(len(section.blocks))]
    own_sections = [f"{path}.sections[{i}]" for i in range(len(section.sections))]
    closing = [f"{path}.closing[{i}]" for i in range(len(section.closing))]
    if isinstance(section, s.WorkItemsSection):
        return [], [f"{path}.items[{i}]" for i in range(len(section.items))] + own_sections, own_blocks + closing
    if isinstance(section, s.PersonnelSection):
        lead = [f"{path}.breakdowns[{i}]" for i in range(len(section.breakdowns))]
        return lead + own_blocks, own_sections, closing
    if isinstance(section, (s.ContentSection, s.TextSection)):
        return own_blocks, own_sections, closing
    return [path, *own_blocks], own_sections, closing


def walk_blocks(report: s.Report) -> Iterator[tuple[str, sb.ContentBlock]]:
    """Yield ``(field path, block)`` for every block of the report: in each section (shorthand content included)
    and in each attachment."""
    for path, section in original_sections(report.sections):
        plain = expand(section)
        block_paths, _, closing_paths = block_fields(section, path)
        yield from zip(block_paths, plain.blocks, strict=True)
        yield from zip(closing_paths, plain.closing, strict=True)
    for i, attachment in enumerate(report.official.attachments if report.official else []):
        yield from ((f"official.attachments[{i}].blocks[{j}]", b) for j, b in enumerate(attachment.blocks))


def original_sections(sections: list[s.Section], path: str = "sections") -> Iterator[tuple[str, s.Section]]:
    """Yield ``(field path, section as written)`` for every section of the tree, shorthand kinds as they are."""
    for i, section in enumerate(sections):
        yield from _originals(section, f"{path}[{i}]")


def _originals(section: s.Section, path: str) -> Iterator[tuple[str, s.Section]]:
    yield path, section
    for sub, sub_path in zip(expand(section).sections, block_fields(section, path)[1], strict=True):
        yield from _originals(sub, sub_path)
