"""The ``fonts`` subcommand: which real font each official face resolves to on this machine, for charts and for
the PDF, what is missing and how to install it."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
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


def run_fonts(args: argparse.Namespace) -> int:
    """Print the chart font, the PDF font of each official face, what is missing and how to install it."""
    print("图表 / charts (matplotlib):")
    try:
        bundled = chart_font()
        print(f"  默认 / default: {bundled}（随 mpl-font 安装 / from the mpl-font wheel: {font_file(bundled)}）")
    except ChartError as exc:
        print(f"  默认 / default: 不可用 / unavailable: {exc}")
    found = system_font()
    none = f"{BUNDLED_FAMILY}（本机没有 / none installed of: {', '.join(SYSTEM_FAMILIES)}）"
    print(f"  chart_font: {{family: system}} → {f'{found} ({font_file(found)})' if found else none}")
    print(f"  缺字时依次改用 / fallbacks: {' → '.join(FALLBACK_FAMILIES)}")
    print()
    print("PDF (LibreOffice + fontconfig):")
    if not fc_list():
        print("  找不到 fc-list（fontconfig）/ fontconfig's fc-list not found: install fontconfig and LibreOffice")
        print(_install_hint())
        return 1
    choices = plan(args.docx)
    resolved = _fc_match(choices)
    better = False
    for choice in choices:
        better |= _print_choice(choice, resolved.get(choice.face.names[0], "?"))
    latin = next((f for f in LATIN_STAND_INS if find_font(f)), None)
    print(f"  {LATIN} → {latin or '无替代字体 / no stand-in installed'}  ({resolved.get(LATIN, '?')})")
    problems = missing_report(choices)
    for message in problems:
        print(f"  缺字 / missing: {message}")
    if better or problems or latin is None:
        print(_install_hint())
    return 0


def _print_choice(choice: Choice, resolved: str) -> bool:
    """Print one face; return whether a better stand-in than the chosen one could be installed."""
    face = choice.face
    chosen = choice.font.family if choice.font else "无（LibreOffice 自选）/ none (LibreOffice picks any)"
    kind = "正式字体 / the official font" if choice.official else "替代字体 / stand-in"
    print(f"  {face.label}（{face.names[0]}）→ {chosen}  [{kind}; fc-match: {resolved}]")
    skipped = [f for f in face.stand_ins if f not in choice.installed]
    ahead = [f for f in skipped if choice.font is None or face.order.index(f) < face.order.index(choice.font.family)]
    if ahead:
        packages = sorted({PACKAGES[f] for f in ahead if f in PACKAGES})
        print(f"      未安装的更优替代 / better stand-ins not installed: {', '.join(ahead)}"
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
