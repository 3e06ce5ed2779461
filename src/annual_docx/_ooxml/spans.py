"""The body of a main document part cut into the bytes of its body-level elements without building a tree — the
fast lane of :meth:`annual_docx._ooxml.reader.Package.body_spans`, which first makes sure the part is one this cut
is exact for (:class:`Survey`: well-formed, no DTD, comment, processing instruction or CDATA, the ``w`` prefix bound
to WordprocessingML everywhere and no other prefix bound to it). Then a ``<`` always starts a tag, ``</w:p>`` is
always a paragraph's end tag, and each element ends at the matching end tag of its name.

:func:`split` yields ``(name, bytes, count)`` for each body-level element in order (``name`` the qualified tag, e.g.
``w:p``); the caller parses what it needs (:func:`fragment`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from annual_docx._ooxml.props import W_NS

CHUNK = 1 << 20
# a start tag: its qualified name and whether it closes itself (attribute values in either quote, '>' allowed)
_START = re.compile(rb"<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")
_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml\s[^>]*\?>)?\s*")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")
_W_DECL = re.compile(rb"\sxmlns:w\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


class Unusual(Exception):
    """The part's start is not the plain ``<w:document …><w:body>`` this cut expects: read it the usual way."""


class Survey:
    """An lxml parser target that keeps nothing and notes what the byte-level cut cannot take: a namespace
    declaration that binds ``w`` elsewhere or WordprocessingML to another prefix, a comment, a processing
    instruction, a DTD (``doctype``: the caller refuses the part). Fed the part's bytes, it checks they are
    well-formed at libxml2's speed without a tree."""

    def __init__(self) -> None:
        self.plain = True
        self.doctype_seen = False

    def start_ns(self, prefix: str | None, uri: str) -> None:
        if (prefix == "w") != (uri == W_NS):
            self.plain = False

    def comment(self, text: str) -> None:
        self.plain = False

    def pi(self, target: str, data: str | None = None) -> None:
        self.plain = False

    def doctype(self, *args: object) -> None:
        self.doctype_seen = True

    def close(self) -> None:
        return None


@cache
def _tag_re(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])")


def _end(buf: bytes, start: int, name: bytes, inner: int) -> int:
    """The end (exclusive) of the element ``name`` whose start tag begins at ``start`` and ends at ``inner``, or -1
    when ``buf`` does not hold it all yet."""
    close = b"</" + name + b">"
    at = buf.find(close, inner)
    if at < 0:
        return -1
    pattern = _tag_re(name)
    if pattern.search(buf, inner, at) is None:  # nothing of its name inside: most elements
        return at + len(close)
    depth = 1
    for match in pattern.finditer(buf, inner):
        if match.group(1):
            depth -= 1
            if depth == 0:
                return match.end() + 1
        else:
            tag = _START.match(buf, match.start())
            if tag is None:
                return -1  # a start tag cut by the buffer's end
            if not tag.group(2):
                depth += 1
    return -1


def split(read: Callable[[int], bytes], too_big: Callable[[], Exception], cap: int,
          keep: frozenset[bytes] | None = None) -> Iterator[tuple[bytes, bytes, int]]:
    """Yield ``(name, bytes, count)`` for each element of the body read with ``read(n)`` — ``count`` times the same
    bytes in a row, found by comparing bytes (3 million one-word paragraphs cost little more than one); ``too_big()``
    is raised when one element passes ``cap`` bytes (0: no cap); elements whose name is not in ``keep`` (when given)
    are passed over. The first yield is ``(b"", root, 1)``: the
    document's start tag, which
    declares the namespaces every element's bytes need (:func:`fragment`). Raises :class:`Unusual` before anything
    is yielded when the part does not start ``<w:document …><w:body>`` with ``w`` declared on the root."""
    buf = b""
    eof = False

    def more() -> bool:
        nonlocal buf, eof
        if eof:
            return False
        data = read(CHUNK)
        if not data:
            eof = True
            return False
        buf += data
        return True

    while len(buf) < 1 << 16 and more():
        pass
    prolog = _PROLOG.match(buf)
    pos = prolog.end() if prolog else 0
    declared = _ENCODING.search(buf, 0, pos)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise Unusual
    root = _START.match(buf, pos)
    if root is None or root.group(1) != b"w:document" or root.group(2):
        raise Unusual
    decl = _W_DECL.search(buf, root.start(), root.end())
    if decl is None or (decl.group(1) or decl.group(2)) != W_NS.encode():
        raise Unusual
    pos = root.end()
    while True:  # what stands before the body (a page colour, w:background) is not read
        while pos < len(buf) and buf[pos] in b" \t\r\n":
            pos += 1
        body = _START.match(buf, pos)
        if body is None:
            raise Unusual
        if body.group(1) == b"w:body" and not body.group(2):
            break
        skip = body.end() if body.group(2) else _end(buf, pos, body.group(1), body.end())
        if skip < 0:
            raise Unusual
        pos = skip
    yield b"", buf[root.start():root.end()], 1
    pos = body.end()
    ends: dict[bytes, tuple[bytes, re.Pattern[bytes]]] = {}
    while True:
        if pos > CHUNK:  # drop what was read: memory stays within a block and a chunk
            buf, pos = buf[pos:], 0
        lt = buf.find(b"<", pos)
        while lt < 0:
            buf, pos = b"", 0
            if not more():
                return
            lt = buf.find(b"<")
        if buf.startswith(b"</", lt):
            return  # </w:body>
        tag = _START.match(buf, lt)
        while tag is None or (tag.end() == len(buf) and not eof):
            if len(buf) - lt > max(cap, CHUNK):
                raise too_big()  # no start tag in sight: the survey found the part well-formed, so not reached
            buf, lt = buf[lt:], 0
            if not more():
                return  # cut short: the survey found the part well-formed, so this is not reached
            tag = _START.match(buf, lt)
        name = tag.group(1)
        inner = tag.end()
        if tag.group(2):
            end = inner
        else:  # the first end tag of its name, when nothing of its name opens before it (most elements)
            known = ends.get(name)
            if known is None:
                known = ends[name] = (b"</" + name + b">", _tag_re(name))
            at = buf.find(known[0], inner)
            end = at + len(known[0]) if at >= 0 and known[1].search(buf, inner, at) is None else \
                _end(buf, lt, name, inner)
        while end < 0:
            if cap and len(buf) - lt > cap:
                raise too_big()
            buf, lt = buf[lt:], 0
            if not more():
                return
            tag = _START.match(buf, 0)
            assert tag is not None
            end = _end(buf, 0, name, tag.end())
        if cap and end - lt > cap:
            raise too_big()
        pos = end
        if keep is not None and name not in keep:
            continue  # not a block: passed over
        data = buf[lt:end]
        count = 1
        while buf.startswith(data, pos):  # the same bytes again (empty or repeated paragraphs): counted, not cut
            pos += len(data)
            count += 1
        yield name, data, count


def fragment(root: bytes, blocks: list[bytes]) -> bytes:
    """The bytes of a document holding ``blocks`` (each a body-level element's bytes) in its body, under the
    document's own start tag ``root``: what lxml parses to read them as they stand in the part."""
    return b"".join((root, b"<w:body>", *blocks, b"</w:body></w:document>"))
