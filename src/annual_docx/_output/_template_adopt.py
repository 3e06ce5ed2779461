"""Make a template restyled in another editor render like the default one: its styles found by name and given the
ids the render writes, the built-in styles it lacks added, and what LibreOffice loses on the way put back (the
punctuation compression, the character grid). What was done is reported by ``annual-docx template check``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annual_docx._ooxml.style_ids import Adopted
from annual_docx.gbt9704 import CHARS_PER_LINE


@dataclass
class Adoption:
    """What :func:`adopt_template` changed in a template (in memory: the file is never written)."""

    styles: Adopted = field(default_factory=Adopted)
    names: dict[str, str] = field(default_factory=dict)  # style id → its name, for the notes
    wanted: frozenset[str] = frozenset()  # the ids the render writes
    punctuation: bool = False
    grids: int = 0

    def notes(self) -> list[str]:
        """One line per change, in Chinese and English."""
        found = [f"{self.names.get(new, new)}（{old}）" for old, new in sorted(self.styles.renamed.items())
                 if new in self.wanted]
        out = [f"按名称找到 {len(found)} 个样式，其标识已被编辑器改动 / {len(found)} styles found by their names "
               f"under ids another editor gave them: {'、'.join(found)}"] if found else []
        out += [f"模板缺少样式「{self.names.get(sid, sid)}」（{sid}），已用默认模板的定义 / the template lacks the "
                f"style {self.names.get(sid, sid)!r} ({sid}): the default template's is used"
                for sid in self.styles.added]
        if self.punctuation:
            out.append("模板未设置字符间距控制，已按默认模板只压缩标点 / the template has no punctuation compression "
                       "(LibreOffice drops it): the default template's is used")
        if self.grids:
            out.append(f"模板只有行网格（LibreOffice 再次保存会丢失字符网格），已恢复每行 {CHARS_PER_LINE} 字 / the "
                       f"template has a line grid only (LibreOffice loses the character grid when it saves a second "
                       f"time): {CHARS_PER_LINE} characters a line restored")
        return out


def adopt_template(docx_document: Any, *, parsed_only: bool = False) -> Adoption:
    """Adopt the opened template (a python-docx ``Document``) in place: styles found by name and renamed to the
    render's ids, the built-in styles it lacks added (``_ooxml.style_ids``), punctuation compression put back
    (``_ooxml.layout_settings``), a lost character grid restored (``_ooxml.char_grid``).

    With ``parsed_only`` the parts python-docx left as bytes (document.xml, headers, footers: ``_ooxml/lazy_parts``)
    are left alone, their sources coming adopted from the template cache; :func:`adopt_document` adopts
    document.xml when it is needed after all."""
    from annual_docx._ooxml.char_grid import restore_char_grid
    from annual_docx._ooxml.layout_settings import keep_punctuation_compression
    from annual_docx._ooxml.props import qn
    from annual_docx._ooxml.style_ids import adopt_styles, style_names
    from annual_docx._output._template_design import LOCALISED, builtin_styles

    punctuation = keep_punctuation_compression(docx_document.settings.element)
    styles = docx_document.styles.element
    roots = [part.element for part in docx_document.part.package.iter_parts()
             if not (parsed_only and _unparsed(part)) and hasattr(part, "element")]
    adopted = adopt_styles(styles, roots, builtin_styles(), LOCALISED)
    grids = 0 if parsed_only else restore_char_grid(docx_document.element.body, styles, CHARS_PER_LINE)
    names = {st.get(qn("w:styleId")) or "": (style_names(st) or [""])[0] for st in styles.iterchildren(qn("w:style"))}
    wanted = frozenset(st.get(qn("w:styleId")) or "" for st in builtin_styles())
    return Adoption(adopted, names, wanted, punctuation, grids)


def adopt_document(docx_document: Any, adoption: Adoption) -> None:
    """Adopt document.xml when :func:`adopt_template` with ``parsed_only`` left it alone (parsing it now), as it
    would have: the style references renamed, a lost character grid restored. (The headers' and footers' sources
    are kept once for every variant: they are never needed again.)"""
    from annual_docx._ooxml.char_grid import restore_char_grid
    from annual_docx._ooxml.style_ids import rename_references

    if _unparsed(docx_document.part):
        rename_references(docx_document.element, adoption.styles.renamed)
        restore_char_grid(docx_document.element.body, docx_document.styles.element, CHARS_PER_LINE)


def _unparsed(part: Any) -> bool:
    """Whether ``part`` is one python-docx left as bytes (``_ooxml/lazy_parts``) and has not parsed yet."""
    return getattr(part, "parsed", True) is False
