"""A template opened with python-docx whose main document part and header and footer parts are parsed only when
something asks for their XML.

A render from the prepared-template cache (``_output/_template_cache.py``) never needs the template's own
document.xml or footers as trees: their Jinja sources come from the cache, and what Jinja returns is parsed once
and becomes the part's new tree. python-docx's ``Document()`` parses every XML part as it opens the package; here
the package is opened with python-docx's own reader and unmarshaller, and only the part factory differs: those three
kinds of part keep their bytes and parse them on first use of ``element`` (exactly as python-docx would have parsed
them, with its parser). Every other part is python-docx's.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, cast

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import Unmarshaller
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.oxml.parser import parse_xml
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.parts.hdrftr import FooterPart, HeaderPart


class _LazyXml:
    """Mixin for an ``XmlPart``: its ``_element`` is parsed from the part's bytes on first use."""

    _source: bytes | None = None
    _tree: Any = None

    @property
    def _element(self) -> Any:
        if self._tree is None and self._source is not None:
            self._tree, self._source = parse_xml(self._source), None
        return self._tree

    @_element.setter
    def _element(self, value: Any) -> None:
        self._tree, self._source = value, None if value is not None else self._source

    @property
    def parsed(self) -> bool:
        """Whether the part's XML is a tree now (parsed, or given a new one)."""
        return self._tree is not None

    @property
    def has_content(self) -> bool:
        """Whether the part holds anything, asked without parsing it."""
        return self._tree is not None or bool(self._source)

    @classmethod
    def load(cls, partname: Any, content_type: str, blob: bytes, package: Any) -> Any:
        part = cast(Any, cls)(partname, content_type, None, package)  # an XmlPart's own constructor
        part._source = blob
        return part


class LazyDocumentPart(_LazyXml, DocumentPart):
    """python-docx's main document part, parsed on first use."""


class LazyFooterPart(_LazyXml, FooterPart):
    """python-docx's footer part, parsed on first use."""


class LazyHeaderPart(_LazyXml, HeaderPart):
    """python-docx's header part, parsed on first use."""


_LAZY = {CT.WML_DOCUMENT_MAIN: LazyDocumentPart, CT.WML_FOOTER: LazyFooterPart, CT.WML_HEADER: LazyHeaderPart}


class _LazyPartFactory(PartFactory):
    """python-docx's part factory (its class selector for pictures included), with the lazy parts above."""

    @classmethod
    def _part_cls_for(cls, content_type: str) -> Any:
        return _LAZY.get(content_type) or super()._part_cls_for(content_type)


class LazyDocument(Document):
    """python-docx's ``Document`` over a :class:`LazyDocumentPart`: its element is the part's, asked for when used."""

    def __init__(self, part: LazyDocumentPart) -> None:  # no super().__init__: it would take the element now
        self._part = part
        self._parent = None
        self._Document__body = None

    @property
    def _element(self) -> Any:
        return self._part.element

    @_element.setter
    def _element(self, value: Any) -> None:
        self._part._element = value


def open_document(data: bytes) -> LazyDocument:
    """Open the .docx ``data`` as python-docx does (``docx.Document``), its document, headers and footers parsed on
    first use; raise ValueError when its main part is not a Word document, and what python-docx raises for a
    broken package."""
    reader = cast(Any, PackageReader).from_file(BytesIO(data))
    package = Package()
    cast(Any, Unmarshaller).unmarshal(reader, package, _LazyPartFactory)
    part = package.main_document_part
    if not isinstance(part, LazyDocumentPart):
        raise ValueError(f"not a Word document: the main part's content type is {part.content_type!r}")
    return LazyDocument(part)


def parse_all(document: LazyDocument) -> None:
    """Parse every part of ``document`` left as bytes now (what python-docx's ``Document()`` does as it opens), so a
    part python-docx cannot read fails here."""
    for part in document.part.package.iter_parts():
        if isinstance(part, _LazyXml):
            part._element  # noqa: B018 - parsed on first use


def has_content(part: Any) -> bool:
    """Whether a header or footer part holds anything (docxtpl skips empty ones), without parsing a lazy one."""
    if isinstance(part, _LazyXml):
        return part.has_content
    return getattr(part, "element", None) is not None or bool(part.blob)


__all__ = ["LazyDocument", "LazyDocumentPart", "LazyFooterPart", "LazyHeaderPart", "has_content", "open_document",
           "parse_all"]
