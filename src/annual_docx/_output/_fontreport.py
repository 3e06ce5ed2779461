"""The font report (``annual_docx.font_report``, printed by ``annual-docx fonts``): which real font each official face
resolves to on this machine, for charts and for the PDF, what is missing and how to install it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annual_docx._charts._fonts import (
    BUNDLED_FAMILY,
    FALLBACK_FAMILIES,
    LATIN,
    SYSTEM_FAMILIES,
    chart_font,
    system_font,
)
from annual_docx._charts._fonts import _font_file as font_file
from annual_docx._output._fontmatch import (
    INSTALL_COMMAND,
    LATIN_STAND_INS,
    OFFICIAL_FACES,
    Choice,
    fc_list,
    find_font,
    fontconfig_text,
    missing_report,
    plan,
)
from annual_docx.errors import ChartError

PACKAGES = {
    "Noto Serif CJK SC": "fonts-noto-cjk", "Noto Sans CJK SC": "fonts-noto-cjk",
    "FandolSong": "texlive-lang-chinese", "FandolFang": "texlive-lang-chinese", "FandolKai": "texlive-lang-chinese",
    "FandolHei": "texlive-lang-chinese", "LXGW WenKai": "fonts-lxgw-wenkai", "AR PL UKai CN": "fonts-arphic-ukai",
    "AR PL UMing CN": "fonts-arphic-uming", "WenQuanYi Zen Hei": "fonts-wqy-zenhei",
    "WenQuanYi Micro Hei": "fonts-wqy-microhei", "Liberation Serif": "fonts-liberation2",
}
"""The Debian package each free stand-in comes from (Fandol: extracted from texlive-lang-chinese, see the command)."""


@dataclass(frozen=True)
class FontReport:
    """What :func:`font_report` found: ``lines`` to show (Chinese and English), ``missing`` (characters of the
    document no installed font has, one message a face), and ``ok`` (False when fontconfig is missing, so no PDF
    can be made with the right fonts). ``str(report)`` is the text ``annual-docx fonts`` prints."""

    lines: list[str]
    ok: bool = True
    missing: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.lines)


def font_report(docx: str | os.PathLike[str] | None = None) -> FontReport:
    """Report the chart font, the PDF font of each official face, what is missing and how to install it; with
    ``docx``, also whether every character of that document has a glyph in the font its text will use."""
    lines: list[str] = []
    out = lines.append
    out("图表 / charts (matplotlib):")
    try:
        bundled = chart_font()
        out(f"  默认 / default: {bundled}（随 mpl-font 安装 / from the mpl-font wheel: {font_file(bundled)}）")
    except ChartError as exc:
        out(f"  默认 / default: 不可用 / unavailable: {exc}")
    found = system_font()
    none = f"{BUNDLED_FAMILY}（本机没有 / none installed of: {', '.join(SYSTEM_FAMILIES)}）"
    out(f"  chart_font: {{family: system}} → {f'{found} ({font_file(found)})' if found else none}")
    out(f"  缺字时依次改用 / fallbacks: {' → '.join(FALLBACK_FAMILIES)}")
    out("")
    out("PDF (LibreOffice + fontconfig):")
    if not fc_list():
        out("  找不到 fc-list（fontconfig）/ fontconfig's fc-list not found: install fontconfig and LibreOffice")
        out(_install_hint())
        return FontReport(lines, ok=False)
    choices = plan(Path(docx) if docx is not None else None)
    resolved = _fc_match(choices)
    better = False
    for choice in choices:
        better |= _print_choice(choice, resolved.get(choice.face.names[0], "?"), out)
    latin = next((f for f in LATIN_STAND_INS if find_font(f)), None)
    out(f"  {LATIN} → {latin or '无替代字体 / no stand-in installed'}  ({resolved.get(LATIN, '?')})")
    problems = missing_report(choices)
    for message in problems:
        out(f"  缺字 / missing: {message}")
    if better or problems or latin is None:
        out(_install_hint())
    return FontReport(lines, missing=list(problems))


def _print_choice(choice: Choice, resolved: str, out: Callable[[str], None]) -> bool:
    """Print one face; return whether a better stand-in than the chosen one could be installed."""
    face = choice.face
    chosen = choice.font.family if choice.font else "无（LibreOffice 自选）/ none (LibreOffice picks any)"
    kind = "正式字体 / the official font" if choice.official else "替代字体 / stand-in"
    out(f"  {face.label}（{face.names[0]}）→ {chosen}  [{kind}; fc-match: {resolved}]")
    skipped = [f for f in face.stand_ins if f not in choice.installed]
    ahead = [f for f in skipped if choice.font is None or face.order.index(f) < face.order.index(choice.font.family)]
    if ahead:
        packages = sorted({PACKAGES[f] for f in ahead if f in PACKAGES})
        out(f"      未安装的更优替代 / better stand-ins not installed: {', '.join(ahead)}"
              + (f" ({', '.join(packages)})" if packages else ""))
    return bool(ahead) and not choice.official


def _fc_match(choices: list[Choice]) -> dict[str, str]:
    """Return what fc-match gives for each face's first name (and Times New Roman) under the export's config."""
    tool = shutil.which("fc-match")
    if tool is None:
        return {}
    out = {}
    with tempfile.TemporaryDirectory(prefix="annual_docx_fc_") as work:
        config = Path(work) / "fonts.conf"
        config.write_text(fontconfig_text(choices), encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(config)}
        for name in [f.names[0] for f in OFFICIAL_FACES] + [LATIN]:
            result = subprocess.run([tool, "-f", "%{family[0]} %{style[0]} (%{file}:%{index})", f"{name}:lang=zh-cn"],
                                    capture_output=True, text=True, env=env, check=False, timeout=60)
            out[name] = result.stdout.strip() or "?"
    return out


def _install_hint() -> str:
    lines = "\n".join(f"    {line}" for line in INSTALL_COMMAND.splitlines())
    return f"  安装更好的替代字体（root）/ install better stand-ins (as root):\n{lines}"
