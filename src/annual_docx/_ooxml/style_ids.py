"""Find a restyled template's styles by name, give them the ids the render writes, and add the styles it lacks.

The render writes fixed style ids (``Heading1``, ``TableText``, ``OfficialTable``…) into the content it builds and
looks for fixed ids in the template (the 落款's ``Signature``, the 版记's ``RecordCc``). Editors other than Word keep
a style's name but not always its id: LibreOffice saves the custom styles as ``Style10``, ``Style11``… and moves
Word's ``caption`` to ``Caption1`` when it writes its own ``Caption``; WPS numbers every style (``1`` Normal, ``2``
heading 1); Word itself writes localised ids (``Titre1``) beside the English built-in name (``heading 1``).

:func:`adopt_styles` matches each style the render needs by its name — ``w:name`` (Word's older comma-joined
names too) and ``w:aliases``, exactly, then ignoring case and spaces, then by its localised names (标题 1, 正文) —,
falls back on the type's default style (Normal) and only then on the id itself. A matched style is renamed to the
render's id in every part (``w:pStyle``, ``w:rStyle``, ``w:tblStyle``, ``w:basedOn``, ``w:next``, ``w:link``…),
a style already holding that id steps aside under a fresh one, and a style the template lacks is added from the
built-in definition; the look of every style the template has stays as the agency made it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annual_docx._ooxml.props import Element, qn

#: elements whose ``w:val`` names a style id
REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next", "w:link", "w:numStyleLink",
              "w:styleLink")


@dataclass(frozen=True)
class Wanted:
    """A style the render needs: its id, type, names (the first is the built-in definition's own) and whether
    it is its type's default (Normal, Normal Table…)."""

    style_id: str
    kind: str
    names: tuple[str, ...]
    default: bool = False


@dataclass
class Adopted:
    """What :func:`adopt_styles` did: template ids renamed (old → new) and the ids of styles added from the
    built-in definitions."""

    renamed: dict[str, str] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.renamed or self.added)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def style_names(style: Element) -> list[str]:
    """Return the names a ``w:style`` goes by: its ``w:name`` (split at commas, as Word 2003 joined aliases) and
    its ``w:aliases``."""
    names: list[str] = []
    for tag in ("w:name", "w:aliases"):
        node = style.find(qn(tag))
        value = None if node is None else node.get(qn("w:val"))
        names += [n.strip() for n in (value or "").split(",") if n.strip()]
    return names


def wanted_from(definitions: Iterable[Element], localised: dict[str, tuple[str, ...]]) -> list[Wanted]:
    """Return what the render needs from built-in ``w:style`` ``definitions``, each with its ``localised`` names."""
    out = []
    for style in definitions:
        sid = style.get(qn("w:styleId")) or ""
        out.append(Wanted(sid, style.get(qn("w:type")) or "paragraph",
                          (*style_names(style)[:1], *localised.get(sid, ())),
                          style.get(qn("w:default")) in ("1", "true", "on")))
    return out


def _styles(root: Element) -> list[Element]:
    return list(root.iterchildren(qn("w:style")))


def match_styles(root: Element, wanted: Sequence[Wanted]) -> dict[str, Element]:
    """Return, for each wanted style id the ``w:styles`` ``root`` has a style for, that style: by exact name, by
    name ignoring case and spaces, by a localised name, as its type's default, and last by the id itself; each
    template style serves one wanted style at most."""
    candidates = [(st, st.get(qn("w:type")) or "paragraph", style_names(st)) for st in _styles(root)]
    found: dict[str, Element] = {}
    taken: set[int] = set()

    def exact(st: Element, names: list[str], w: Wanted) -> bool:
        return bool(w.names) and w.names[0] in names

    def loose(st: Element, names: list[str], w: Wanted) -> bool:
        return bool(w.names) and _key(w.names[0]) in {_key(n) for n in names}

    def localised(st: Element, names: list[str], w: Wanted) -> bool:
        return bool({_key(n) for n in w.names[1:]} & {_key(n) for n in names})

    def default(st: Element, names: list[str], w: Wanted) -> bool:
        return w.default and st.get(qn("w:default")) in ("1", "true", "on")

    def same_id(st: Element, names: list[str], w: Wanted) -> bool:
        return st.get(qn("w:styleId")) == w.style_id

    for test in (exact, loose, localised, default, same_id):
        for w in wanted:
            if w.style_id in found:
                continue
            for st, kind, names in candidates:
                if kind == w.kind and id(st) not in taken and test(st, names, w):
                    found[w.style_id] = st
                    taken.add(id(st))
                    break
    return found


def _fresh(wanted_id: str, used: set[str]) -> str:
    n = 1
    while f"{wanted_id}{n}" in used:
        n += 1
    return f"{wanted_id}{n}"


def plan(root: Element, wanted: Sequence[Wanted], found: dict[str, Element] | None = None
         ) -> tuple[dict[str, str], list[str]]:
    """Return the renames (template id → new id) that give each matched style (``found``, else matched here) the
    wanted id, moving a style that holds a wanted id without being that style to a fresh id, and the wanted ids no
    template style matches."""
    found = match_styles(root, wanted) if found is None else found
    used = {st.get(qn("w:styleId")) or "" for st in _styles(root)}
    owners = {st.get(qn("w:styleId")) or "": st for st in _styles(root)}
    renames: dict[str, str] = {}
    for wanted_id, st in found.items():
        old = st.get(qn("w:styleId")) or ""
        if old == wanted_id:
            continue
        holder = owners.get(wanted_id)
        if holder is not None and holder is not st and wanted_id not in renames:
            fresh = _fresh(wanted_id, used | set(renames.values()) | {w.style_id for w in wanted})
            renames[wanted_id] = fresh
        renames[old] = wanted_id
    missing = [w.style_id for w in wanted if w.style_id not in found]
    return renames, missing


def rename_references(root: Element, renames: dict[str, str]) -> int:
    """Rename style ids (``w:styleId`` and every reference to one) under ``root`` at once; return how many
    attributes changed."""
    if not renames:
        return 0
    val, sid = qn("w:val"), qn("w:styleId")
    changed = 0
    for node in root.iter(qn("w:style"), *(qn(tag) for tag in REFERENCES)):
        attr = sid if node.tag == qn("w:style") else val
        old = node.get(attr)
        if old is not None and old in renames:
            node.set(attr, renames[old])
            changed += 1
    return changed


def add_missing(root: Element, definitions: Iterable[Element], missing: Sequence[str]) -> list[str]:
    """Append to ``root`` a copy of each built-in definition whose id is in ``missing`` (not its type's default
    when the template already has one); return the ids added."""
    defaults = {st.get(qn("w:type")) for st in _styles(root) if st.get(qn("w:default")) in ("1", "true", "on")}
    added = []
    for definition in definitions:
        sid = definition.get(qn("w:styleId"))
        if sid not in missing:
            continue
        style = copy.deepcopy(definition)
        if style.get(qn("w:type")) in defaults and qn("w:default") in style.attrib:
            del style.attrib[qn("w:default")]
        root.append(style)
        added.append(sid or "")
    return added


def restore_defaults(root: Element, wanted: Sequence[Wanted], found: dict[str, Element]) -> list[str]:
    """Mark the style ``found`` for a wanted default style (Normal…) as its type's default when no style of that
    type is (LibreOffice drops ``w:default`` from Normal when it saves through .odt); return the ids marked."""
    kinds = {st.get(qn("w:type")) for st in _styles(root) if st.get(qn("w:default")) in ("1", "true", "on")}
    marked = []
    for w in wanted:
        st = found.get(w.style_id)
        if w.default and st is not None and w.kind not in kinds:
            st.set(qn("w:default"), "1")
            kinds.add(w.kind)
            marked.append(st.get(qn("w:styleId")) or "")
    return marked


def adopt_styles(styles_root: Element, parts: Iterable[Element], definitions: Sequence[Element],
                 localised: dict[str, tuple[str, ...]]) -> Adopted:
    """Give the template's styles the ids the render uses, found by name (see the module), in the styles part
    ``styles_root`` and every other part root in ``parts``, and add the built-in ``definitions`` it lacks."""
    wanted = wanted_from(definitions, localised)
    found = match_styles(styles_root, wanted)  # a default mark put back changes no match: it is the match
    restore_defaults(styles_root, wanted, found)
    renames, missing = plan(styles_root, wanted, found)
    rename_references(styles_root, renames)
    for part in parts:
        if part is not styles_root:
            rename_references(part, renames)
    return Adopted(renames, add_missing(styles_root, definitions, missing))
