"""Pick, for each official face of a document (小标宋, 仿宋, 楷体, 黑体, 宋体), the one installed font LibreOffice
uses in the PDF, and write the fontconfig file that makes it do so.

For each face the candidates are tried in ``OfficialFace.order``: the official font itself when the machine has it,
then free stand-ins, best first. The first candidate whose character map covers every character the document sets in
that face wins, so one font draws the whole face and no line mixes a stand-in with a fallback font (LibreOffice falls
back glyph by glyph). When no candidate covers everything, the one that lacks the fewest characters is used and the
characters are reported with where they occur. Font collections (Noto CJK, Source Han) are used through their
Simplified Chinese face; their Japanese, Korean and Traditional faces are hidden from LibreOffice.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from annual_docx._charts._fonts import FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG, bundled_font_dir
from annual_docx._ooxml.reader import Package, open_package
from annual_docx._ooxml.runfonts import Where, east_asian_text
from annual_docx._output._scfaces import InstalledFont, standalone_faces
from annual_docx.errors import ChartError


@dataclass(frozen=True)
class OfficialFace:
    """One GB/T 9704 face: its label, the names documents give it, the free stand-ins (best first), its weight."""

    label: str
    names: tuple[str, ...]
    stand_ins: tuple[str, ...]
    bold: bool = False

    @property
    def order(self) -> tuple[str, ...]:
        """Return every family tried, in order: the official names, then the stand-ins."""
        return self.names + self.stand_ins


OFFICIAL_FACES: tuple[OfficialFace, ...] = (
    OfficialFace("小标宋", (XIAOBIAOSONG, "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"),
                 ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "FandolSong", "Noto Sans CJK SC"),
                 bold=True),
    OfficialFace("仿宋", (FANGSONG, "仿宋", "FangSong_GB2312", "FangSong", "STFangsong"),
                 ("FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC")),
    OfficialFace("楷体", (KAITI, "楷体", "KaiTi_GB2312", "KaiTi", "STKaiti"),
                 ("FandolKai", "LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC", "Noto Sans CJK SC")),
    OfficialFace("黑体", (HEITI, "SimHei", "STHeiti"),
                 ("FandolHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")),
    OfficialFace("宋体", (SONGTI, "SimSun", "NSimSun", "STSong"),
                 ("FandolSong", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC")),
)
LATIN_STAND_INS = ("Liberation Serif", "Tinos", "DejaVu Serif")
"""Times New Roman's stand-ins (Liberation Serif and Tinos have its metrics)."""

INSTALL_COMMAND = (
    "apt-get install --no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk fonts-lxgw-wenkai "
    "fonts-liberation2\n"
    "# FandolFang/Kai/Hei/Song (仿宋/楷体/黑体/宋体) from Debian's texlive-lang-chinese, without installing TeX:\n"
    "d=$(mktemp -d) && (cd \"$d\" && apt-get download texlive-lang-chinese && dpkg-deb -x texlive-lang-chinese_*.deb x)"
    " && mkdir -p /usr/local/share/fonts/fandol && find \"$d/x\" -name 'Fandol*-Regular.otf' ! -name 'FandolBraille*'"
    " -exec cp {} /usr/local/share/fonts/fandol/ \\; && rm -rf \"$d\" && fc-cache -f"
)
"""The shell commands (as root) that install LibreOffice, poppler and every free stand-in the PDF can use."""

_REGIONAL = re.compile(r"^(?P<base>.+ CJK|Source Han (?:Sans|Serif)) (?:JP|KR|TC|HK|J|K|TW)$")
_CJK = re.compile(r"[\u2010-\u206f\u2e80-\U0010ffff]")  # what the East Asian font draws (and punctuation)


@dataclass
class Choice:
    """The font chosen for one official face: which (``None`` when no candidate is installed), which candidates
    were installed, and the document's characters it lacks, with where each occurs."""

    face: OfficialFace
    font: InstalledFont | None
    installed: list[str] = field(default_factory=list)
    missing: dict[str, Where] = field(default_factory=dict)

    @property
    def official(self) -> bool:
        """Return whether the chosen font is the official face itself rather than a stand-in."""
        return self.font is not None and self.font.family in self.face.names


def fc_list() -> str:
    """Return the path of fontconfig's ``fc-list``, or an empty string when fontconfig's tools are missing."""
    return shutil.which("fc-list") or ""


def font_dirs() -> list[str]:
    """Return the font folders added to the system's: the Noto Sans CJK SC of the ``mpl-font`` wheel (a 黑体
    stand-in that ``pip install`` alone provides)."""
    try:
        folder = bundled_font_dir()
    except ChartError:
        return []
    return [str(folder)] if folder.is_dir() else []


@functools.lru_cache(maxsize=1)
def installed_fonts() -> tuple[InstalledFont, ...]:
    """Return every face fontconfig knows on this machine, with the bundled folders (empty without ``fc-list``)."""
    tool = fc_list()
    if not tool:
        return ()
    with tempfile.TemporaryDirectory(prefix="annual_docx_fc_") as work:
        config = Path(work) / "fonts.conf"
        config.write_text(fontconfig_text([]), encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(config)}
        listing = subprocess.run([tool, "-f", "%{family}\t%{style}\t%{file}\t%{index}\n"], capture_output=True,
                                 text=True, check=False, timeout=120, env=env).stdout
    fonts = []
    for row in sorted(set(listing.splitlines())):
        parts = row.split("\t")
        if len(parts) == 4 and parts[3].isdigit():
            for family in parts[0].split(","):
                fonts.append((family, parts[1], parts[2], int(parts[3])))
    # regular faces first, so a family's regular file is the one whose coverage is checked
    fonts.sort(key=lambda f: (f[0], "Regular" not in f[1] and "Book" not in f[1], f[2], f[3]))
    return tuple(InstalledFont(family, file, index) for family, _, file, index in fonts)


def find_font(family: str) -> InstalledFont | None:
    """Return the installed face of ``family`` (its regular weight when there is one), or ``None``."""
    return next((f for f in installed_fonts() if f.family == family), None)


@functools.lru_cache(maxsize=64)
def coverage(file: str, index: int) -> frozenset[int]:
    """Return the code points the face's character map covers."""
    from fontTools.ttLib import TTCollection, TTFont

    if file.lower().endswith((".ttc", ".otc")):
        with TTCollection(file, lazy=True) as collection:
            return frozenset(collection.fonts[index].getBestCmap() or {})
    with TTFont(file, lazy=True, fontNumber=index) as font:
        return frozenset(font.getBestCmap() or {})


def choose(face: OfficialFace, chars: dict[str, Where]) -> Choice:
    """Return the first candidate of ``face`` that covers ``chars``; else the one that lacks the fewest."""
    needed = {ch: where for ch, where in chars.items() if _CJK.match(ch)}
    best: Choice | None = None
    installed = []
    for family in face.order:
        font = find_font(family)
        if font is None:
            continue
        installed.append(family)
        have = coverage(font.file, font.index)
        missing = {ch: where for ch, where in needed.items() if ord(ch) not in have}
        if best is None or len(missing) < len(best.missing):
            best = Choice(face, font, missing=missing)
        if not missing:
            break
    choice = best or Choice(face, None, missing=needed)
    choice.installed = installed
    return choice


def plan(docx: Path | Package | None = None) -> list[Choice]:
    """Return the font chosen for each official face, for the text of ``docx`` — a path or an opened package —
    (or for no text in particular). A path is opened with the one reader (DocumentError when it cannot be read)."""
    if isinstance(docx, Package):
        used = east_asian_text(docx)
    elif docx is not None:
        with open_package(docx) as package:
            used = east_asian_text(package)
    else:
        used = {}
    out = []
    for face in OFFICIAL_FACES:
        chars: dict[str, Where] = {}
        for name in face.names:
            for ch, where in used.get(name, {}).items():
                chars.setdefault(ch, where)
        out.append(choose(face, chars))
    return out


def fontconfig_text(choices: list[Choice], system_config: str = "/etc/fonts/fonts.conf") -> str:
    """Return a fontconfig file mapping every name of each face to its chosen font alone, Times New Roman to its
    stand-ins, hiding the non-Simplified faces of CJK collections, then including the system configuration."""
    families = {f.family for f in installed_fonts()} if choices else set()
    rules = [f"<dir>{escape(folder)}</dir>" for folder in font_dirs()]
    for choice in choices:
        if choice.font is None:
            continue
        weight = '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' if (
            choice.face.bold) else ""
        for name in choice.face.names:
            rules.append(f'<match target="pattern"><test name="family" compare="eq"><string>{escape(name)}</string>'
                         f'</test><edit name="family" mode="assign" binding="strong"><string>'
                         f"{escape(choice.font.family)}</string></edit>{weight}</match>")
    latin = "".join(f"<string>{escape(f)}</string>" for f in LATIN_STAND_INS)
    rules.append(f'<match target="pattern"><test name="family" compare="eq"><string>{LATIN}</string></test>'
                 f'<edit name="family" mode="prepend" binding="strong">{latin}</edit></match>')
    hidden = sorted(f for f in families if (m := _REGIONAL.match(f)) and any(
        s in families for s in (f"{m['base']} SC", f"{m['base']} CN")))
    patterns = "".join(f'<pattern><patelt name="family"><string>{escape(f)}</string></patelt></pattern>'
                       for f in hidden)
    if choices:  # the SC faces of collections as files of their own, so the PDF names them (see _scfaces)
        standalone = standalone_faces([c.font.family for c in choices if c.font], installed_fonts())
        if standalone.folder is not None:
            rules.insert(0, f"<dir>{escape(str(standalone.folder))}</dir>")
        patterns += "".join(f"<glob>{escape(file)}</glob>" for file in standalone.hidden)
    if patterns:
        rules.append(f"<selectfont><rejectfont>{patterns}</rejectfont></selectfont>")
    body = "\n  ".join(rules)
    return (f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
            f"<!-- annual_docx: the fonts of this PDF export (see annual_docx._output._fontmatch) -->\n"
            f"<fontconfig>\n  {body}\n"
            f'  <include ignore_missing="yes">{escape(system_config)}</include>\n</fontconfig>\n')


MAX_REPORTED = 20
"""Characters reported one by one per face; the rest are counted."""


def missing_report(choices: list[Choice]) -> list[str]:
    """Return one message per character no installed candidate of its face has (at most ``MAX_REPORTED`` per face,
    then a count), naming the face, the character and its paragraph; one message for a face with no font at all."""
    messages = []
    for choice in choices:
        label = choice.face.label
        if choice.font is None and choice.missing:
            messages.append(f"{label}：本机没有任何可用字体，PDF 中由 LibreOffice 自选 / no {label} font (nor any "
                            f"stand-in: {', '.join(choice.face.stand_ins)}) is installed; LibreOffice picks one")
            continue
        for ch, where in list(choice.missing.items())[:MAX_REPORTED]:
            code = f"U+{ord(ch):04X}"
            font = choice.font.family if choice.font else "?"
            messages.append(f"{label}：字符“{ch}”（{code}）本机没有可用字体，PDF 中将由其他字体代替 / "
                            f"no installed {label} font has '{ch}' ({code}; using {font}): {where}")
        if len(choice.missing) > MAX_REPORTED:
            more = len(choice.missing) - MAX_REPORTED
            messages.append(f"{label}：另有 {more} 个字本机没有可用字体 / {more} more characters no {label} font has")
    return messages
