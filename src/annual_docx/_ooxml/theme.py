"""Build the theme part Word requires, with its fonts set to the GB/T 9704 faces (no theme font stands for another).

Styles name their fonts explicitly and carry no theme-font attributes; the theme is still there because the Open
XML schema requires one, and its major/minor fonts are the official faces so that text an agency formats with a
theme font in Word (e.g. ``+正文``) still comes out in 仿宋/黑体 and Times New Roman.
"""

from __future__ import annotations

from annual_docx._ooxml.ns import A_NS as A_NS
from annual_docx._ooxml.props import Element, make


def _a(tag: str, attrs: dict[str, str] | None = None, *children: Element) -> Element:
    return make(f"{{{A_NS}}}{tag}", attrs, *children, nsmap={"a": A_NS})


_COLOURS = [
    ("dk1", "sys", "000000"), ("lt1", "sys", "FFFFFF"), ("dk2", "srgb", "44546A"), ("lt2", "srgb", "E7E6E6"),
    ("accent1", "srgb", "4472C4"), ("accent2", "srgb", "ED7D31"), ("accent3", "srgb", "A5A5A5"),
    ("accent4", "srgb", "FFC000"), ("accent5", "srgb", "5B9BD5"), ("accent6", "srgb", "70AD47"),
    ("hlink", "srgb", "0563C1"), ("folHlink", "srgb", "954F72"),
]


def _colour(name: str, kind: str, value: str) -> Element:
    inner = (_a("sysClr", {"val": "windowText" if value == "000000" else "window", "lastClr": value})
             if kind == "sys" else _a("srgbClr", {"val": value}))
    return _a(name, None, inner)


def _font_set(tag: str, latin: str, east_asia: str) -> Element:
    return _a(tag, None, _a("latin", {"typeface": latin}), _a("ea", {"typeface": east_asia}),
              _a("cs", {"typeface": latin}))


def _solid() -> Element:
    return _a("solidFill", None, _a("schemeClr", {"val": "phClr"}))


def _line(width: str) -> Element:
    return _a("ln", {"w": width, "cap": "flat", "cmpd": "sng", "algn": "ctr"}, _solid(),
              _a("prstDash", {"val": "solid"}), _a("miter", {"lim": "800000"}))


def theme(latin: str, body_east_asia: str, heading_east_asia: str) -> Element:
    """Return an ``a:theme`` root whose minor (body) and major (heading) fonts are the given faces."""
    colours = _a("clrScheme", {"name": "GB/T 9704"}, *(_colour(*c) for c in _COLOURS))
    fonts = _a("fontScheme", {"name": "GB/T 9704"}, _font_set("majorFont", latin, heading_east_asia),
               _font_set("minorFont", latin, body_east_asia))
    formats = _a(
        "fmtScheme",
        {"name": "GB/T 9704"},
        _a("fillStyleLst", None, _solid(), _solid(), _solid()),
        _a("lnStyleLst", None, _line("6350"), _line("12700"), _line("19050")),
        _a("effectStyleLst", None, *(_a("effectStyle", None, _a("effectLst")) for _ in range(3))),
        _a("bgFillStyleLst", None, _solid(), _solid(), _solid()),
    )
    return _a("theme", {"name": "GB/T 9704"}, _a("themeElements", None, colours, fonts, formats))
