"""The document setting the 公文 layout depends on, put back when an editor drops it.

The default template compresses full-width punctuation (``w:characterSpacingControl`` ``compressPunctuation``,
Word's 版式 → 字符间距控制 → 只压缩标点符号): 。，、 take less than a full cell at the end of a line, so a line holds
its 28 characters. LibreOffice 7.4 neither keeps nor writes the setting, so a template saved there lays out with
uncompressed punctuation (lines break earlier; a page can run over). A template without the setting gets the
default template's; one that sets it (an agency that chose ``doNotCompress`` in Word) keeps its choice.
"""

from __future__ import annotations

from annual_docx._ooxml.order import insert_in_order
from annual_docx._ooxml.props import Element, el, qn

COMPRESS = "compressPunctuation"
#: ``w:settings`` children from ``characterSpacingControl`` on, in schema order (what comes before it is left as is)
_AFTER = ("characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
          "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
          "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
          "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields",
          "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
          "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
          "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
          "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def keep_punctuation_compression(settings: Element) -> bool:
    """Give the ``w:settings`` root the default template's punctuation compression unless it sets its own; return
    True when it was added."""
    if settings.find(qn("w:characterSpacingControl")) is not None:
        return False
    insert_in_order(settings, el("w:characterSpacingControl", {"w:val": COMPRESS}), _AFTER)  # before what follows
    return True
