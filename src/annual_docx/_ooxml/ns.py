"""The one home of the XML namespaces annual_docx reads and writes (as python-docx's ``oxml/ns.py``): each URI is
spelled here and nowhere else; ``qn('wp:docPr')`` gives the Clark name of a prefixed tag, ``w_attr`` a ``w:``
attribute of an element that may be missing."""

from __future__ import annotations

import functools
from typing import Final

from lxml import etree

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # also relationship types' base
WP_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
C_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/chart"
PIC_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
DGM_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
WPS_NS: Final = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG_NS: Final = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V_NS: Final = "urn:schemas-microsoft-com:vml"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
SML_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"  # also package relationship types
CP_NS: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EXT_PROPS_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
DC_NS: Final = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS: Final = "http://purl.org/dc/terms/"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"
WORD_COMPAT_URI: Final = "http://schemas.microsoft.com/office/word"  # w:compatSetting's w:uri, not a namespace

NSMAP: Final = {
    "w": W_NS, "r": R_NS, "wp": WP_NS, "a": A_NS, "c": C_NS, "pic": PIC_NS, "dgm": DGM_NS, "wps": WPS_NS,
    "wpg": WPG_NS, "mc": MC_NS, "v": V_NS, "xml": XML_NS, "cp": CP_NS, "dc": DC_NS, "dcterms": DCTERMS_NS,
    "xsi": XSI_NS,
}


@functools.cache
def qn(tag: str) -> str:
    """Return the Clark name of a prefixed tag or attribute (``wp:docPr`` → ``{…/wordprocessingDrawing}docPr``)."""
    prefix, _, local = tag.partition(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def get_attr(element: etree._Element | None, name: str) -> str | None:
    """The attribute ``name`` (prefixed, ``w:val``, or plain, ``cx``) of ``element``; None when either is missing:
    the one get-attribute helper."""
    return None if element is None else element.get(qn(name) if ":" in name else name)


def w_attr(element: etree._Element | None, name: str = "val") -> str | None:
    """The ``w:name`` attribute of ``element`` (None when either is missing)."""
    return get_attr(element, f"w:{name}")


_ALIGN_SYNONYMS: Final = {"start": "left", "end": "right"}


def alignment(value: str | None) -> str | None:
    """A ``w:jc`` value as the transitional names say it: ``start``/``end`` (what LibreOffice's "Office Open XML Text"
    filter and Strict documents write) read as ``left``/``right`` — one place, so check and import judge both alike."""
    return _ALIGN_SYNONYMS.get(value, value) if value else value
