"""Build small .docx files from raw WordprocessingML for the ``check`` tests: a baseline that meets every GB/T 9704
item, and keyword arguments that move one number across its threshold. Shares no code with the library."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
MM = 1440 / 25.4


def run(text: str, east_asia: str | None = None, size_pt: float | None = None, color: str | None = None) -> str:
    """A run of ``text`` with optional direct font, size (points) and colour."""
    props = ""
    if east_asia:
        props += f'<w:rFonts w:eastAsia="{east_asia}"/>'
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size_pt:
        props += f'<w:sz w:val="{round(size_pt * 2)}"/>'
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", style: str | None = None, ppr: str = "", **run_props: object) -> str:
    """A paragraph of one run; ``ppr`` is raw paragraph properties after the style."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    body = run(text, **run_props) if text else ""  # type: ignore[arg-type]
    return f"<w:p><w:pPr>{style_xml}{ppr}</w:pPr>{body}</w:p>"


def _style(sid: str, name: str, east_asia: str, half_points: int, ppr: str = "", extra: str = "") -> str:
    based = "" if sid == "Normal" else '<w:basedOn w:val="Normal"/>'
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'{based}<w:pPr>{ppr}</w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{east_asia}"/>{extra}'
            f'<w:sz w:val="{half_points}"/></w:rPr></w:style>')


STYLES = {
    "Normal": ("Normal", "仿宋_GB2312", 32, '<w:ind w:firstLineChars="200"/>', ""),
    "Title": ("Title", "方正小标宋简体", 44, '<w:jc w:val="center"/>', ""),
    "Heading1": ("heading 1", "黑体", 32, "", ""),
    "Heading2": ("heading 2", "楷体_GB2312", 32, "", ""),
    "Heading3": ("heading 3", "仿宋_GB2312", 32, "", "<w:b/>"),
    "Heading4": ("heading 4", "仿宋_GB2312", 32, "", ""),
    "Footer": ("footer", "宋体", 28, "", ""),
}


@dataclass
class Doc:
    """A one-section document; every field starts at a value GB/T 9704 accepts."""

    body: list[str] = field(default_factory=lambda: [para("正文段落。")])
    page: dict[str, int] = field(default_factory=lambda: {"w": 11906, "h": 16838, "top": 2098, "bottom": 1984,
                                                          "left": 1587, "right": 1474, "footer": 1247})
    grid: dict[str, int | str] = field(default_factory=lambda: {"type": "linesAndChars", "linePitch": 579,
                                                                "charSpace": -849})
    footers: dict[str, tuple[str, str, int]] = field(default_factory=lambda: {
        "default": ("right", "— {PAGE} —", 28), "even": ("left", "— {PAGE} —", 28)})
    even_and_odd: bool = True
    styles: dict[str, tuple[str, str, int, str, str]] = field(default_factory=lambda: dict(STYLES))
    lang: str = "zh-CN"

    def _footer(self, align: str, text: str, half: int) -> str:
        head, _, tail = text.partition("{PAGE}")
        rpr = f'<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="{half}"/></w:rPr>'
        return (f'<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="{align}"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{head}</w:t></w:r>'
                f'<w:fldSimple w:instr=" PAGE "><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{tail}</w:t></w:r></w:p></w:ftr>')

    def save(self, path: Path) -> Path:
        """Write the document to ``path`` and return it."""
        p = self.page
        refs = "".join(f'<w:footerReference w:type="{kind}" r:id="rF{kind}"/>' for kind in self.footers)
        grid = " ".join(f'w:{k}="{v}"' for k, v in self.grid.items())
        sect = (f'<w:sectPr>{refs}<w:pgSz w:w="{p["w"]}" w:h="{p["h"]}"/><w:pgMar w:top="{p["top"]}" '
                f'w:right="{p["right"]}" w:bottom="{p["bottom"]}" w:left="{p["left"]}" w:header="851" '
                f'w:footer="{p["footer"]}" w:gutter="0"/><w:docGrid {grid}/></w:sectPr>')
        document = f'<w:document {NS}><w:body>{"".join(self.body)}{sect}</w:body></w:document>'
        styles = (f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" '
                  f'w:eastAsia="{self.lang}"/></w:rPr></w:rPrDefault></w:docDefaults>'
                  + "".join(_style(sid, *v) for sid, v in self.styles.items()) + "</w:styles>")
        settings = f'<w:settings {NS}>{"<w:evenAndOddHeaders/>" if self.even_and_odd else ""}</w:settings>'
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + f'<Relationship Id="rS" Type="{rel}/styles" Target="styles.xml"/>'
                + f'<Relationship Id="rT" Type="{rel}/settings" Target="settings.xml"/>'
                + "".join(f'<Relationship Id="rF{k}" Type="{rel}/footer" Target="footer_{k}.xml"/>'
                          for k in self.footers) + "</Relationships>")
        types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("[Content_Types].xml", types)
            zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                        'Target="word/document.xml"/></Relationships>')
            zf.writestr("word/document.xml", document)
            zf.writestr("word/styles.xml", styles)
            zf.writestr("word/settings.xml", settings)
            zf.writestr("word/_rels/document.xml.rels", rels)
            for kind, (align, text, half) in self.footers.items():
                zf.writestr(f"word/footer_{kind}.xml", self._footer(align, text, half))
        return path
