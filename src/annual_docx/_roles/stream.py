"""The recogniser as a stream: ``feed`` one line at a time in reading order, get ``(line, role)`` pairs back as they
are decided; ``finish`` at the end. Memory is bounded: the head is buffered until the body starts (at most
``HEAD_MAX`` non-empty lines), then a window of ``WINDOW`` non-empty lines (and the empty lines among them, at most
``WINDOW_CAP`` lines in all) waits for what comes after it — the 落款
is a date (and the 署名 above it) that the end of the document, an attachment label or the 版记 follows, and a short
numbered line is a list item when the same kind of line stands next to it, when it starts again at 1 right under a
heading of its number style, or when the document marks its headings by style or outline level and this line is not
marked (our own output: a list straight under a heading stays a list)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from typing import Generic, TypeVar

from annual_docx._roles import head as _head
from annual_docx._roles.heading import heading, style_level
from annual_docx._roles.line import Line
from annual_docx._roles.role import Role
from annual_docx._roles.text import (
    ARTICLE,
    CAPTION,
    CHAPTER,
    CN,
    DATE,
    LABEL,
    NOTES,
    arabic_value,
    compact,
    is_record,
    number_of,
)

L = TypeVar("L", bound=Line)
HEAD_MAX = 40
WINDOW = 4
MEMO = 4096  # decisions remembered by line and state
WINDOW_CAP = 1000  # lines waiting at most: lines more empty lines apart than this do not decide each other's roles
_LONG = 120  # a line this long is body text: the head is over
# what an article (第X条), a chapter or a section (第一章, 第一节: a number style) opens with, spaces taken out: a line
# opening with 第 that does not is body text (``_plain_start``)
_DI_PART = re.compile(rf"第[{CN}\d]{{1,5}}[条章编节]")
_MARKED = frozenset("一二三四五六七八九十百零〇两○（(【第0123456789附抄图表续注说名备")  # a part's first character
_CONTENTS = ("目录", "目次")  # the title of a table of contents (not body text)
_BODY_STYLES = frozenset(("note", "signature", "date", "caption", "record", "attachment_title", "group"))


class Recogniser(Generic[L]):
    """Decides the role of each line fed to it; see the module's docstring."""

    def __init__(self) -> None:
        self.head: list[L] | None = []
        self.head_lines = 0  # non-empty lines in the head
        self.window: deque[tuple[L, Role]] = deque()
        self.filled = 0  # non-empty lines in the window
        self.part = 0  # 0: the main document; k: attachment k
        self.in_article = False  # a 第X条 article was seen in this part: its （一） are 项 (items), after chapters too
        self.open_level = 0
        self.closing: L | None = None  # a date line that may be the 成文日期
        self.want_title = False  # an attachment label was just seen
        self.last_note = False
        self.in_notes = False  # after 注： / 名词解释: numbered lines are the notes' items
        # a line's role and the state after it, by what the decision read (the line, the state before it), for
        # decisions that read nothing else (not the window, no date held): a line seen again decides at once
        self.memo: dict[tuple[object, ...], tuple[Role, tuple[int, bool, int, bool, bool, bool, int, int]]] = {}
        self._bodies: dict[int, Role] = {}  # the body role of each part (a Role is frozen: one serves every line)
        self.looked = False  # the decision read the window (a listable heading after a heading or an item)
        self.marked = 0  # headings found with a heading style or outline level of their own
        self.plain = 0  # headings found by their number alone

    def feed(self, line: L) -> list[tuple[L, Role]]:
        """Take the next line; return the lines whose role is now decided, in order."""
        if self.head is not None:
            ends = self._ends_head(line)
            if ends != "before":
                self.head.append(line)
            if not ends:
                return []
            out = self._release_head()
            return out + self._body(line) if ends == "before" else out
        return self._body(line)

    def quiet(self, line: L) -> bool:
        """Whether ``line``, fed now, is plain body text that changes nothing but the window: the head is over, no
        date or label waits, and nothing at its start, in its style or its text says otherwise. Then a copy of it fed
        after it is quiet too (what ``_check_stream`` counts instead of feeding, past the window)."""
        if self.head is not None or self.closing is not None or self.want_title or self.last_note or \
                line.place != "body":
            return False
        text = compact(line.text)
        return bool(text) and text[0] not in _MARKED and not DATE.match(text) and \
            self._plain(line, text, _head.style_role(line))

    def finish(self) -> list[tuple[L, Role]]:
        """Return the roles of every line still waiting (the document has ended)."""
        out = self._release_head() if self.head is not None else []
        if self.closing is not None:
            self._confirm_closing()
        out += list(self.window)
        self.window.clear()
        self.filled = 0
        return out

    # the head

    def _ends_head(self, line: L) -> str:
        """Whether the body starts with ``line`` (``before``), just after it (``after``: 主送), or not yet (``""``)."""
        assert self.head is not None
        text, role = compact(line.text), _head.style_role(line)
        if text:
            self.head_lines += 1
        if self.head_lines > HEAD_MAX or len(self.head) >= 10 * HEAD_MAX or len(text) > _LONG or \
                role in _BODY_STYLES:
            return "before"
        if role not in ("title", "issuer", "number", "recipients") and (
                heading(line, False, 0) is not None or ARTICLE.match(text) or CHAPTER.match(text)):
            return "before"
        if not role and text.endswith(("。", "！", "!")) and not _head.is_byline(line, text) and \
                not _head.is_instruction(line, text):
            return "before"  # a sentence of the body
        if role == "recipients" or (text.endswith(("：", ":")) and len(text) <= 60 and any(
                _head.title_like(x) or _head.style_role(x) == "title" for x in self.head)):
            return "after"
        return ""

    def _release_head(self) -> list[tuple[L, Role]]:
        lines = self.head or []
        self.head = None
        roles = _head.decide(lines)
        out: list[tuple[L, Role]] = []
        for line, role in zip(lines, roles, strict=True):
            if role in ("", "label", "note", "date", "signature", "caption", "record", "attachment_title"):
                out += self._body(line)  # the body's own decision
            else:
                out += self._emit(line, Role(role))
        return out

    # the body

    def _emit(self, line: L, role: Role) -> list[tuple[L, Role]]:
        self.window.append((line, role))
        self.filled += role.kind != "empty"
        out: list[tuple[L, Role]] = []
        while self.filled > WINDOW and self.closing is None:
            entry = self.window.popleft()
            self.filled -= entry[1].kind != "empty"
            out.append(entry)
        if self.closing is not None and len(self.window) > 4 * WINDOW:  # a date the body went on after
            self.closing = None
        while len(self.window) > WINDOW_CAP:  # a long run of empty lines: what stands before it is decided
            entry = self.window.popleft()
            self.filled -= entry[1].kind != "empty"
            out.append(entry)
        return out

    def _body(self, line: L) -> list[tuple[L, Role]]:
        if self.closing is not None:
            return self._decided(line)
        if line.place == "body" and not self.want_title and not self.last_note:
            # most lines: plain body text, nothing at its start opens a part — decided as _decided would (_plain,
            # which _decide tries first), without building the memo's key (distinct lines never hit it)
            text = compact(line.text)
            if text and self._plain(line, text, _head.style_role(line)):
                role = self._bodies.get(self.part)
                if role is None:
                    role = self._bodies[self.part] = Role("body", part=self.part)
                out = self._emit(line, role)
                if self.part == 0 and DATE.match(text):
                    self.closing = line  # perhaps the 成文日期: decided by what follows
                return out
        # what a decision reads: the line, the scalar state, whether headings were marked / found by number alone
        key = (line.text, line.style, line.style_name, line.outline, line.auto_label, line.align, line.size_pt,
               line.color, line.bold, line.place, self.part, self.in_article, self.open_level, self.want_title,
               self.last_note, self.in_notes, bool(self.marked), bool(self.plain))
        hit = self.memo.get(key)
        if hit is not None:
            role, (self.part, self.in_article, self.open_level, self.want_title, self.last_note, self.in_notes,
                   marked, plain) = hit
            self.marked += marked
            self.plain += plain
            return self._emit(line, role)
        self.looked = False
        marked, plain = self.marked, self.plain
        out = self._decided(line)
        if self.closing is None and not self.looked and len(self.memo) < MEMO and self.window and \
                self.window[-1][0] is line:
            role = self.window[-1][1]  # the line just decided stays in the window: only older lines leave it
            self.memo[key] = (role, (self.part, self.in_article, self.open_level, self.want_title, self.last_note,
                                     self.in_notes, self.marked - marked, self.plain - plain))
        return out

    def _decided(self, line: L) -> list[tuple[L, Role]]:
        text = compact(line.text)
        if line.place == "object":
            return self._emit(line, Role("object", part=self.part))
        if not text:
            return self._emit(line, Role("empty", part=self.part))
        style = _head.style_role(line)
        if self.closing is not None:
            if LABEL.match(text) or is_record(line.text) or style in ("label", "record") or text.startswith(
                    ("（联系", "(联系", "（此件", "(此件")):
                self._confirm_closing()
            else:
                self.closing = None
        role = self._decide(line, text, style)
        out = self._emit(line, role)
        if role.kind == "body" and self.part == 0 and not style and DATE.match(text):
            self.closing = line  # perhaps the 成文日期: decided by what follows
        return out

    def _plain(self, line: L, text: str, style: str) -> bool:
        """Whether ``line`` (``text``: compacted, not empty; ``style``: its style's role) is plain body text: nothing
        at its start, its style or what waits says otherwise — most lines. ``_body`` decides such a line with this
        test alone: a test ``_decide`` makes before this one must be here too."""
        return not style and line.place == "body" and not self.want_title and not self.last_note and \
            text not in _CONTENTS and not text.endswith("印发") and not style_level(line)[0] and \
            _plain_start(line, text)

    def _decide(self, line: L, text: str, style: str) -> Role:
        part = self.part
        if self._plain(line, text, style):
            return Role("body", part=part)  # most lines: plain text, nothing at its start says otherwise
        if text in _CONTENTS and line.place == "body" and not _marked(line):  # a contents' title, not body
            return Role("contents", part=part)  # (set as a heading by its style, it is a heading of its level)
        if style in ("label", "attachment_title", "note", "record", "caption", "signature", "date", "group") or (
                style and style not in ("title", "recipients", "issuer", "number")):
            if style == "label":
                self.part += 1
                self.want_title = True
                return Role("label", part=self.part)
            return Role(style, part=part)
        if is_record(line.text):
            return Role("record", part=part)
        if _head.is_toc(line):
            return Role("toc", part=part)
        if line.place == "object":
            return Role("object", part=part)
        if line.place == "table":
            return Role("table", part=part)
        if line.place == "box":
            return Role("box", part=part)
        if len(text) <= 60 and CAPTION.match(line.text.strip()):
            return Role("caption", part=part)
        if LABEL.match(text):
            self.part += 1
            self.want_title = True
            self.open_level = 0
            self.in_article = False
            return Role("label", part=self.part)
        if self.want_title:
            self.want_title = False
            if _head.title_like(line):
                return Role("attachment_title", part=part)
        if text.startswith(("附件：", "附件:")) and part == 0:
            self.last_note = True
            return Role("note", part=part)
        if self.last_note and (number_of(line.text)[1] == 3 or self._listed_note(line)):
            return Role("note", part=part)
        self.last_note = False
        if NOTES.match(text):
            self.in_notes = True
            return Role("body", part=part)
        if ARTICLE.match(text):
            self.in_article = True
            return Role("body", part=part)
        # a chapter is read as outside any article, but a regulation's （一） stay items (项) after it
        found = heading(line, self.in_article and not CHAPTER.match(text), self.open_level, text)
        if found is not None and self.in_notes and found.level >= 3 and not _head.style_role(line):
            found = None
        elif found is not None and found.level <= 2:
            self.in_notes = False
        if found is None:
            number, level, _ = number_of(line.text)
            return Role("item", level, number, part=part) if number else Role("body", part=part)
        if found.listable:
            item = self._list_item(line, found.level, found.number)
            if item is not None:
                return item
        self.open_level = found.level
        if _marked(line):
            self.marked += 1
        else:
            self.plain += 1
        return Role("heading", found.level, found.number, found.split, part)

    def _listed_note(self, line: L) -> bool:
        """Whether numbered ``line`` goes on a 附件说明 whose 「附件：」 stands alone: right under it, or under a name
        numbered the same way (names numbered 一、 are still the note — a fault 7.3.4 names)."""
        level = number_of(line.text)[1]
        previous = self._previous() if level else None
        if previous is None or previous[1].kind != "note":
            return False
        before = compact(previous[0].text)
        return before in ("附件：", "附件:") or number_of(previous[0].text)[1] == level

    def _list_item(self, line: L, level: int, number: str) -> Role | None:
        """The item a short numbered line (``1.`` ``（1）`` 【】 with no heading style) is, or None when it stays a
        heading. In a document that has marked every heading so far by a heading style or an outline level (our own
        output, most Word documents written with styles) a line with neither, not set in bold, is an item. Under a
        heading of its number style it is an item when it starts again at 1 (a list opening under that heading,
        which stays one); beside an unmarked line of its style, the two are items of one list, unless its number
        neither follows the item above nor starts again at 1."""
        item = Role("item", level, number, part=self.part)
        unmarked = line.outline is None  # (no heading style: the line is listable)
        if self.marked and not self.plain and number != "【】" and not line.bold and unmarked:
            return item
        previous = self._previous()
        if previous is None:
            return None
        above, role = previous
        if role.kind not in ("heading", "item") or role.split or role.number != number or role.level < 3:
            return None
        value, before = arabic_value(line.text), arabic_value(above.text)
        if role.kind == "heading" and value == 1 and unmarked:
            return item  # 1. under 1.: a list opening under its heading, which stays one
        if _marked(above):
            return None  # a heading the writer marked stays one; this unmarked line beside it is its sibling
        if role.kind == "item" and value and before and value not in (1, before + 1):
            return None  # 2. after the item 2.: not the list's next item, a heading after the list
        if role.kind == "heading":
            self.plain -= 1
            self._demote(above)
        self.open_level = level
        return item

    def _previous(self) -> tuple[L, Role] | None:
        self.looked = True
        return next(((x, r) for x, r in reversed(self.window) if r.kind != "empty"), None)

    def _demote(self, line: L) -> None:
        for k, (x, r) in enumerate(self.window):
            if x is line:
                self.window[k] = (x, Role("item", r.level, r.number, part=r.part))

    def _confirm_closing(self) -> None:
        """The date held is the 成文日期: mark it, and the short line above it as the 署名."""
        held, self.closing = self.closing, None
        items = list(self.window)
        at = next((k for k in range(len(items) - 1, -1, -1) if items[k][0] is held), None)
        if at is None:
            return
        self.window[at] = (items[at][0], Role("date"))
        sig = next((k for k in range(at - 1, -1, -1) if items[k][1].kind != "empty"), None)
        if sig is not None and items[sig][1].kind == "body":
            text = compact(items[sig][0].text)
            if len(text) <= 30 and not text.endswith(("。", "：", ":", "；", "！")):
                self.window[sig] = (items[sig][0], Role("signature"))


def _plain_start(line: Line, text: str) -> bool:
    """Whether nothing at the start of ``line`` (``text``: compacted, not empty; no style role, no heading style,
    in the body, nothing waiting) can make it other than body text: its first character opens no part, or it opens
    with 第 but is no article (第X条), no chapter or section (第一章 on a line of its own) and no contents line —
    what ``_decide`` would find after trying every pattern."""
    first = text[0]
    if first not in _MARKED:
        return True
    return first == "第" and _DI_PART.match(text) is None and not _head.is_toc(line)


def _marked(line: Line) -> bool:
    """Whether the writer marked ``line`` as a heading: a heading style or an outline level of any depth."""
    return style_level(line)[0] > 0 or line.outline is not None


def recognise(lines: Iterable[L]) -> list[Role]:
    """Return the role of each of ``lines``, in order."""
    rec: Recogniser[L] = Recogniser()
    out: list[Role] = []
    for line in lines:
        out += [role for _, role in rec.feed(line)]
    out += [role for _, role in rec.finish()]
    return out
