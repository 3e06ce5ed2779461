"""The org and party charts in words: their alt text, the same for the picture and the native drawing."""

from __future__ import annotations

from collections.abc import Sequence

from annual_docx._charts._orglayout import walk
from annual_docx._charts._orgtypes import Branch, OrgBox


def describe(roots: Sequence[OrgBox], title: str | None = None) -> str:
    """Return the tree in words: "组织结构图：馆长室（馆长 孔德安）下设办公室、采编部……。"."""
    phrases: list[str] = []

    def mention(box: OrgBox) -> str:
        return f"{box.name}（{box.head}）" if box.head else box.name

    def visit(box: OrgBox, first: bool) -> None:
        label = mention(box) if first else box.name
        if box.children:
            phrases.append(f"{label}下设{'、'.join(mention(c) for c in box.children)}")
        elif first:
            phrases.append(label)
        for child in box.children:
            visit(child, first=False)

    for root in roots:
        visit(root, first=True)
    phrases += [f"{box.name}指导{name}（虚线）" for box, _, _ in walk(roots) for name in box.guides]
    head = f"组织结构图（{title}）" if title else "组织结构图"
    return f"{head}：{'；'.join(phrases)}。"


def describe_party(branches: Sequence[Branch], title: str | None = None) -> str:
    """Return e.g. "党组织架构图：图书馆支部，书记孔德安，组织委员王建伟。"."""
    parts = [
        f"{b.name}，" + "，".join(f"{post}{person}" for post, person in b.roles) if b.roles else b.name
        for b in branches
    ]
    head = f"党组织架构图（{title}）" if title else "党组织架构图"
    return f"{head}：{'；'.join(parts)}。"
