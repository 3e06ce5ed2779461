"""Parts of a document around its body that the importer keeps or leaves out on purpose: footnotes and endnotes
(kept as text after the paragraph that cites them) and Word's generated table of contents (left out)."""

from __future__ import annotations

from annual_docx._ooxml.ns import A_NS, DGM_NS, R_NS, W_NS
from annual_docx._ooxml.props import Element
from annual_docx._ooxml.reader import Package

W = f"{{{W_NS}}}"


def note_texts(package: Package) -> dict[str, str]:
    """Return ``{"footnote:3": text, "endnote:1": text}`` of the document's footnotes and endnotes."""
    out: dict[str, str] = {}
    for kind in ("footnotes", "endnotes"):
        for target in package.related(package.main_part, kind, missing_ok=True):
            for note in package.xml(target).iter(W + kind[:-1]):
                text = "".join(t.text or "" for t in note.iter(W + "t")).strip()
                if text:
                    out[f"{kind[:-1]}:{note.get(W + 'id')}"] = text
    return out


def cited_note(run_child: Element) -> str | None:
    """Return the key (``footnote:3``) of a footnote or endnote reference, None for anything else."""
    for kind in ("footnote", "endnote"):
        if run_child.tag == f"{W}{kind}Reference":
            return f"{kind}:{run_child.get(W + 'id')}"
    return None


def is_toc(sdt: Element) -> bool:
    """Return whether a content control is Word's table of contents (``docPartGallery`` Table of Contents)."""
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and "contents" in (gallery.get(W + "val") or "").lower()


DGM = f"{{{DGM_NS}}}"
A = f"{{{A_NS}}}"
R = f"{{{R_NS}}}"


def diagram_text(package: Package, frame: Element, source: str) -> str:
    """Return the text of the SmartArt diagrams in a drawing frame of part ``source``, node by node (``A、B、C``),
    "" if none."""
    texts: list[str] = []
    for ids in frame.iter(DGM + "relIds"):
        target = package.target(source, ids.get(R + "dm") or "")
        for point in package.xml(target).iter(DGM + "pt") if target is not None else ():
            if point.get("type") in (None, "node"):
                text = "".join(t.text or "" for t in point.iter(A + "t")).strip()
                if text:
                    texts.append(text)
    return "、".join(texts)
