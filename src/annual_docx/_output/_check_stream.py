"""``check`` in one pass with bounded memory: the body's paragraphs stream from the reader (``read_facts`` with a
sink), get their roles from the one structure recogniser (``_roles``, streaming with bounded buffers), and are folded
into :class:`Gathered` one (paragraph, roles) pair at a time — counts, the first offenders, the worst — never kept
per paragraph. The items then read ``Gathered`` (a :class:`Parts` whose role lists hold only the rare parts, each
capped)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from annual_docx._ooxml.body_facts import Para, TableFacts
from annual_docx._output._check_kind import _BLANK, HEAD, KindEvidence
from annual_docx._output._check_roles import _AS, DOC_NUMBER, Parts, is_red
from annual_docx._roles import Recogniser, Role
from annual_docx._roles.stream import WINDOW

ROLE_CAP = 1000  # paragraphs kept of one role (captions, 版记 lines…); more are counted
MAX_ROWS = 10  # offenders kept of one item; more are counted
MAX_LOOKS = 256  # distinct heading looks counted a level
HEAD_PARAS = 200  # paragraphs at the top whose red lines are remembered (the 版头's rule)
PENDING = 10_000  # figures and tables kept until their section's type area is known
EMU_PER_TWIP = 635
SLACK = 57  # twips: 1 mm

Fault = Callable[[Para], str | None]
LevelFault = Callable[[Para, int], str | None]


@dataclass
class Offenders:
    """Paragraphs checked against one rule: how many, how many fail, and the first ``MAX_ROWS`` failures with what
    was found."""

    checked: int = 0
    failed: int = 0
    first: list[tuple[Para, str]] = field(default_factory=list)

    def add(self, p: Para, fault: str | None) -> None:
        self.checked += 1
        if fault is not None:
            self.failed += 1
            if len(self.first) < MAX_ROWS:
                self.first.append((p, fault))


@dataclass
class Seen:
    """How many headings share a look, and the first of them."""

    count: int
    first: Para


@dataclass
class Level:
    """The headings of one level: their font offenders and how many share each look (with its first heading)."""

    offenders: Offenders = field(default_factory=Offenders)
    looks: dict[tuple[object, ...], Seen] = field(default_factory=dict)
    other_looks: int = 0  # headings whose look was not counted (over MAX_LOOKS looks)
    number_styles: dict[str, None] = field(default_factory=dict)  # 一、 （一） 1. （1） 【】 in order of first use


@dataclass
class Oversize:
    """Figures or tables checked against the type area of their section: how many, how many too big, the first
    ``MAX_ROWS`` of those (what, its size, the area, in twips)."""

    count: int = 0
    failed: int = 0
    first: list[tuple[object, int, int, int, int]] = field(default_factory=list)

    def add(self, what: object, w: int, h: int, area: tuple[int, int]) -> None:
        self.count += 1
        if w > area[0] + SLACK or h > area[1] + SLACK:
            self.failed += 1
            if len(self.first) < MAX_ROWS:
                self.first.append((what, w, h, *area))


def copy(p: Para, n: int) -> Para:
    """``p`` numbered ``n``."""
    return Para(n, p.text, p.style, p.place, p.section, p.align, p.left, p.right, p.first, p.east_asia, p.size_pt,
                p.color, p.bold, p.outline, p.page_break_before, p.borders, p.drawings, p.lines, p.pinned_bottom,
                p.style_name, p.auto_label, p.spacing)


def look_key(p: Para) -> tuple[object, ...]:
    """What makes two headings look alike (style, font, size, weight)."""
    return (p.style, p.east_asia, p.size_pt, p.bold)


class Gathered(Parts):
    """The parts and running facts of a body, folded in one paragraph at a time (``take``); memory bounded by
    the caps above, not by the paragraph count. ``body_fault`` and ``heading_fault`` say what is wrong with a body
    paragraph or a heading of a level (None when it is right); ``number_styles`` names the number styles a heading
    uses (for the label of its level)."""

    def __init__(self, body_fault: Fault, heading_fault: LevelFault,
                 number_styles: Callable[[Para], list[str]] = lambda p: [],
                 heading_key: Callable[[Para, int], tuple[int, bool]] = lambda p, level: (level, False)) -> None:
        super().__init__()
        self.body_fault, self.heading_fault, self.number_styles = body_fault, heading_fault, number_styles
        self.heading_key = heading_key  # a heading's level as judged, and whether its numbers are practice only
        self.practice_levels: dict[int, Level] = {}  # headings numbered 第一章 第一节 1.1: no face in 7.3.3
        self.role_counts: dict[str, int] = {}
        self.last: dict[str, Para] = {}  # the last paragraph of each kept role (its list may stop at ROLE_CAP)
        self.body = Offenders()
        self.body_faults: dict[tuple[str | None, float | None, bool], str | None] = {}
        self.levels: dict[int, Level] = {}
        self.body_lines: dict[tuple[float | None, tuple[str, int]], int] = {}  # body paragraphs a size and spacing
        self.evidence = KindEvidence()
        self.red_lines: list[int] = []  # paragraphs among the first HEAD_PARAS that draw a red line
        self.first_text: int | None = None
        self.text_after_record = False  # a non-empty body paragraph after the latest 版记 line
        self.record_table: TableFacts | None = None  # the last table before the first 版记 line
        self.figures, self.tables = Oversize(), Oversize()
        self.pending: list[tuple[str, object, int, int]] = []  # figures and tables of the open section
        self.recent_tables: list[TableFacts] = []  # tables read but not yet passed by the role stream
        self.areas: list[tuple[int, int]] = []

    # -- from the reader ------------------------------------------------------------------------------------
    def table(self, t: TableFacts) -> None:
        if len(self.recent_tables) >= PENDING:
            del self.recent_tables[0]
        self.recent_tables.append(t)
        if t.place == "body":
            self._pending("table", t, (t.width or 0) + max(t.indent, 0), 0)

    def drawings(self, p: Para) -> None:
        for cx, cy in p.drawings:
            self._pending("figure", p, round(cx / EMU_PER_TWIP), round(cy / EMU_PER_TWIP))

    def _pending(self, kind: str, what: object, w: int, h: int) -> None:
        if len(self.pending) < PENDING:
            self.pending.append((kind, what, w, h))
        else:  # more than PENDING in one open section: judged against the last known area
            self._judge(kind, what, w, h, self.areas[-1] if self.areas else (0x7FFFFFFF, 0x7FFFFFFF))

    def section_end(self, area: tuple[int, int]) -> None:
        """The open section ended with type area ``area`` (width, height in twips): judge what it holds."""
        self.areas.append(area)
        for kind, what, w, h in self.pending:
            self._judge(kind, what, w, h, area)
        self.pending.clear()

    def _judge(self, kind: str, what: object, w: int, h: int, area: tuple[int, int]) -> None:
        if kind == "table":
            if isinstance(what, TableFacts) and what.width is not None:
                self.tables.add(what, w, 0, area)
            else:
                self.tables.count += 1
        else:
            self.figures.add(what, w, h, area)

    # -- from the role stream -------------------------------------------------------------------------------
    def take_copies(self, make: Callable[[int], Para], count: int, roles: list[str], level: int | None) -> None:
        """Fold ``count`` paragraphs alike but for their numbers (``make(k)``: the k-th) into the running facts, as
        ``take`` would one by one: past what the first offenders and the head's evidence keep, only counted."""
        k = 0
        while k < count:
            p = make(k)
            if k and self._saturated(p, roles):
                break
            self.take(p, roles, level)
            k += 1
        rest = count - k
        if not rest:
            return
        raw = p.text
        if raw and not raw.isspace():
            evidence = self.evidence
            if p.place == "table":
                evidence.table_text += rest
            else:
                evidence.body_text += rest  # past the opening paragraphs (see _saturated): the last few kept
                shown = raw[:200] if len(raw) < 200 else raw[:100] + raw[-100:]
                evidence.tail.extend([shown] * min(rest, evidence.tail.maxlen or rest))
            if _BLANK.search(raw):
                evidence.blanks += rest
        if raw.strip() and p.place == "body" and "record" not in roles:
            self.text_after_record = True
        if roles:  # ["body"]: see _saturated
            self.body.checked += rest
            if self._body_fault(p) is not None:
                self.body.failed += rest
            line = (p.size_pt, p.spacing)
            if line in self.body_lines or len(self.body_lines) < MAX_LOOKS:
                self.body_lines[line] = self.body_lines.get(line, 0) + rest

    def _saturated(self, p: Para, roles: list[str]) -> bool:
        """Whether taking ``p`` (one of several alike, after the first) would only add to counts."""
        if roles not in ([], ["body"]) or (p.lines and p.n <= HEAD_PARAS):
            return False
        if p.text and not p.text.isspace() and (len(self.evidence.head) < HEAD or (
                p.place != "table" and self.evidence.body_text < HEAD)):
            return False  # the head's words, the opening paragraphs' set phrases are read one by one
        if self.first_text is None and p.text.strip():
            return False
        return not roles or self._body_fault(p) is None or len(self.body.first) >= MAX_ROWS

    def _body_fault(self, p: Para) -> str | None:
        face = (p.east_asia, p.size_pt, p.bold)  # all that body_fault reads and shows
        if face in self.body_faults:
            return self.body_faults[face]
        fault = self.body_fault(p)
        if len(self.body_faults) < MAX_LOOKS:
            self.body_faults[face] = fault
        return fault

    def take(self, p: Para, roles: list[str], level: int | None) -> None:
        """Fold paragraph ``p`` (with its ``roles`` and heading ``level``) into the running facts."""
        self.evidence.add(p)
        tables = self.recent_tables
        while len(tables) > 1 and tables[1].n <= p.n:
            del tables[0]  # keep the last table that starts at or before p
        text = bool(p.text) and not p.text.isspace()
        if p.lines and p.n <= HEAD_PARAS and any(is_red(c) for c in p.lines):
            self.red_lines.append(p.n)
        if text and self.first_text is None:
            self.first_text = p.n
        if text and p.place == "body" and "record" not in roles:
            self.text_after_record = True
        for role in roles:
            if role == "body":
                self.body.add(p, self._body_fault(p))
                line = (p.size_pt, p.spacing)
                seen = self.body_lines.get(line)
                if seen is not None:
                    self.body_lines[line] = seen + 1
                elif len(self.body_lines) < MAX_LOOKS:
                    self.body_lines[line] = 1
            elif role == "heading" and level is not None:
                level, practice = self.heading_key(p, level)
                stats = (self.practice_levels if practice else self.levels).setdefault(level, Level())
                stats.offenders.add(p, self.heading_fault(p, level))
                for style in self.number_styles(p):
                    stats.number_styles.setdefault(style)  # a handful of styles at most
                key = look_key(p)
                if key in stats.looks:
                    stats.looks[key].count += 1
                elif len(stats.looks) < MAX_LOOKS:
                    stats.looks[key] = Seen(1, p)
                else:
                    stats.other_looks += 1
            else:
                if role == "record":
                    self.text_after_record = False
                    if not self.role_counts.get("record"):
                        before = self.recent_tables[:1]
                        self.record_table = before[0] if before and before[0].n <= p.n else None
                self.role_counts[role] = self.role_counts.get(role, 0) + 1
                self.last[role] = p
                if len(self.roles.setdefault(role, [])) < ROLE_CAP:
                    self.roles[role].append(p)


class RoleStream:
    """Feeds paragraphs in reading order to the one structure recogniser (``_roles.Recogniser``: a bounded head
    buffer, then a window of a few lines) and hands each paragraph, with the roles the check items read (as
    ``_check_roles.Parts.add`` files them) and its heading level, to ``out`` in reading order."""

    def __init__(self, out: Callable[[Para, list[str], int | None], None],
                 out_copies: Callable[[Callable[[int], Para], int, list[str], int | None], None] | None = None) -> None:
        self.out = out
        self.out_copies = out_copies
        self.names: dict[str, str] = {}
        self.recogniser: Recogniser[Para] = Recogniser()

    def feed(self, p: Para) -> None:
        if not p.style_name:
            p.style_name = self.names.get(p.style, "")
        for q, role in self.recogniser.feed(p):
            self._emit(q, role)

    def feed_copies(self, p: Para, count: int) -> None:
        """Feed ``p`` and ``count - 1`` copies of it numbered after it, as ``feed`` would one by one. Once the
        window holds only copies of quiet body text (``Recogniser.quiet``), each further copy would push the oldest
        out as body text: those in between are handed on together (``Gathered.take_copies``)."""
        if not p.style_name:
            p.style_name = self.names.get(p.style, "")

        def make(k: int) -> Para:
            return copy(p, p.n + k)

        rec = self.recogniser
        k = 0
        while k < count:
            line = p if k == 0 else make(k)
            if self.out_copies is not None and k > WINDOW and count - k > 2 * WINDOW and rec.quiet(line) and \
                    self._only_copies(p):
                break
            for q, role in rec.feed(line):
                self._emit(q, role)
            k += 1
        rest = count - k
        if not rest:
            return
        # the window holds WINDOW quiet copies; the next `rest` copies push out those and rest - WINDOW new ones,
        # and the last WINDOW new ones stay in the window
        window = rec.window
        for q, role in list(window):
            self._emit(q, role)
        window.clear()
        middle = rest - WINDOW
        assert self.out_copies is not None
        self.out_copies(lambda j: make(k + j), middle, ["body"], None)
        body = Role("body", part=rec.part)
        for j in range(middle, rest):
            window.append((make(k + j), body))
        rec.filled = WINDOW

    def _only_copies(self, p: Para) -> bool:
        """Whether the recogniser's window holds WINDOW copies of ``p`` as body text, and nothing else."""
        window = self.recogniser.window
        return len(window) == WINDOW and all(
            role.kind == "body" and role.level == 0 and q.text == p.text and q.style == p.style for q, role in window)

    def finish(self) -> None:
        for q, role in self.recogniser.finish():
            self._emit(q, role)

    def _emit(self, p: Para, role: Role) -> None:
        kind = _AS.get(role.kind)
        if kind is None:  # bylines, instruction lines, table and text-box paragraphs…: no item reads them
            self.out(p, [], None)
            return
        if kind == "title" and role.part:  # a title after an attachment label inside the file
            kind = "attachment_title"
        roles = [kind, "number"] if kind == "signer" and DOC_NUMBER.search(p.text) else [kind]
        self.out(p, roles, role.level if kind == "heading" else None)


class CheckSink:
    """The reader's sink for ``check``: paragraphs to the role stream (then ``Gathered``), tables and section ends
    to ``Gathered``."""

    def __init__(self, gathered: Gathered) -> None:
        self.gathered = gathered
        self.stream = RoleStream(gathered.take, gathered.take_copies)

    def start(self, style_names: dict[str, str]) -> None:
        self.stream.names = style_names

    def paragraph(self, p: Para) -> None:
        self.gathered.drawings(p)
        self.stream.feed(p)

    def paragraphs(self, p: Para, count: int) -> None:
        """``p`` and ``count - 1`` copies of it numbered after it (the reader read the same bytes again)."""
        if p.drawings:
            for k in range(count):
                q = p if k == 0 else copy(p, p.n + k)
                self.gathered.drawings(q)
                self.stream.feed(q)
            return
        self.stream.feed_copies(p, count)

    def table(self, t: TableFacts) -> None:
        self.gathered.table(t)

    def section_end(self, area: tuple[int, int]) -> None:
        self.gathered.section_end(area)

    def finish(self, sections: list[tuple[int, int]]) -> None:
        """The body ended; ``sections`` are the type areas of every section (the last: the body's own)."""
        self.stream.finish()
        self.gathered.section_end(sections[-1])
        self.gathered.areas = sections
