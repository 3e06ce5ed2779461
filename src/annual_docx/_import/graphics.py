"""Pictures and charts of an imported document as pieces: pictures saved to the assets folder (converted to PNG when
the model cannot take their format), annual_docx's own chart pictures read back from their alt text, native charts
from their cached data."""

from __future__ import annotations

import io
import re
from typing import Any

from annual_docx._charts._kinds import from_native
from annual_docx._import import alt_text
from annual_docx._import.piece import Context, Piece
from annual_docx._ooxml.outline import Chart, Image
from annual_docx.gbt9704 import TYPE_WIDTH_MM


def graphic(item: Image | Chart, caption: str, path: str, ctx: Context) -> list[Piece]:
    """Return the pieces of a picture or native chart with its caption."""
    if isinstance(item, Chart):
        return chart_pieces(item, caption, path, ctx)
    category = alt_text.category_chart(item.alt)
    if category is not None:
        return [Piece("category", data={"title": category.title, "kind": category.kind, "unit": category.unit,
                                        "categories": category.categories, "caption": caption})]
    series = alt_text.series_chart(item.alt)
    if series is not None:
        block = {"type": "chart", "title": series.title or caption or "图表", "chart": series.kind,
                 "labels": series.labels, "series": series.series}
        if series.unit:
            block["unit"] = series.unit
        if caption:
            block["caption"] = caption
        if series.kind == "bar":
            ctx.note(path, "柱状图的方向（竖/横）按竖向推断 / bar direction guessed as vertical")
        return [Piece("block", data=block)]
    units = alt_text.org_chart(item.alt)
    if units is not None:
        return [Piece("org", data={"units": units, "caption": caption})]
    if alt_text.is_party_chart(item.alt):
        return [Piece("party_chart", data={"caption": caption})]
    return picture(item, caption, path, ctx)


def picture(item: Image, caption: str, path: str, ctx: Context) -> list[Piece]:
    """Save the picture to the assets folder and return its piece; a format Word shows but the report model does
    not take (EMF, WMF…) is converted with Pillow when it can be, else its caption is kept as text."""
    data, ext = item.data, item.ext
    if ext not in ("png", "jpeg"):
        try:
            from PIL import Image as PILImage

            with PILImage.open(io.BytesIO(data)) as img:
                buffer = io.BytesIO()
                img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB").save(buffer, "PNG")
            data, ext = buffer.getvalue(), "png"
        except Exception:  # Pillow cannot read EMF/WMF on Linux, nor damaged pictures
            ctx.note(path, f"一张 {ext.upper() or '未知'} 格式的图片无法转换，只保留了题注 / a {ext or 'unknown'} "
                           f"picture could not be converted; only its caption was kept")
            text = caption or item.alt
            return [Piece("paragraph", text)] if text else []
    ctx.assets.mkdir(parents=True, exist_ok=True)
    while True:  # never write over a different picture already there (an earlier import into the same folder)
        ctx.pictures += 1
        target = ctx.assets / f"picture-{ctx.pictures:02d}.{'jpg' if ext == 'jpeg' else ext}"
        if not target.exists():
            target.write_bytes(data)
            break
        if target.is_file() and target.read_bytes() == data:
            break
    try:
        relative = target.resolve().relative_to(ctx.base_dir.resolve()).as_posix()
    except ValueError:
        relative = str(target.resolve())
    entry: dict[str, Any] = {"path": relative}
    if caption:
        entry["caption"] = caption
    if item.alt and item.alt != caption:
        entry["alt"] = item.alt
    if item.width_mm:
        entry["width_mm"] = round(min(max(item.width_mm, 10.5), TYPE_WIDTH_MM), 1)
    return [Piece("picture", data=entry)]


def chart_pieces(chart: Chart, caption: str, path: str, ctx: Context) -> list[Piece]:
    """Return a native chart as a category chart (pie, one-series bar) or a chart block; data a chart block cannot
    hold (negative or missing values) as a table."""
    series = [s for s in chart.series if s.values]
    if not series:
        ctx.note(path, "一个图表没有缓存数据，只保留了标题 / a chart without cached data: only its title was kept")
        text = caption or chart.title or chart.alt
        return [Piece("paragraph", text)] if text else []
    labels: list[str | int] = [int(c) if re.fullmatch(r"\d{4}", c) else (c or str(i + 1))
                               for i, c in enumerate(chart.categories)]
    clean = all(v is not None and v >= 0 for s in series for v in s.values) and \
        len(set(map(str, labels))) == len(labels)
    names: list[str] = []
    for s in series:  # series names are keys: make repeated names distinct
        names.append(s.name if s.name not in names else f"{s.name}（{len(names) + 1}）")
    one_count = len(series) == 1 and clean and all(float(v or 0).is_integer() for v in series[0].values)
    entry = from_native(chart.kind)  # the registry's kind that reads this native kind, if any
    if entry is not None and entry.one_series and len(series) >= 1 and clean:
        values = series[0].values
        cats = {str(label): (int(v) if v is not None and v.is_integer() else v or 0)
                for label, v in zip(labels, values, strict=False)}
        return [Piece("category", data={"title": chart.title, "kind": entry.name, "unit": "", "categories": cats,
                                        "caption": caption, "native": True, "integers": one_count})]
    if not clean or entry is None:
        ctx.note(path, f"图表“{chart.title}”的数据无法作为图表保留，已转为表格 / chart {chart.title!r} kept as a "
                       f"table of its data")
        rows = [[str(label), *(s.values[i] if i < len(s.values) else None for s in series)]
                for i, label in enumerate(labels)]
        table: dict[str, Any] = {"type": "table", "header": ["", *names], "rows": rows}
        if chart.title:
            table["title"] = chart.title
        return [Piece("block", data=table)]
    kind = entry.name
    if kind != chart.kind:
        ctx.note(path, f"{chart.kind} 图表按 {kind} 导入 / a {chart.kind} chart imported as {kind}")
    block: dict[str, Any] = {"type": "chart", "title": chart.title or caption or "图表", "chart": kind,
                             "labels": labels, "series": {n: [v or 0 for v in s.values] for n, s in zip(names, series,
                                                                                                          strict=True)}}
    if caption:
        block["caption"] = caption
    if one_count and entry.category_alt is not None:  # one series of counts: a breakdown's kind
        return [Piece("category", data={"title": chart.title, "kind": kind, "unit": "", "caption": caption,
                                        "categories": {str(k): int(v or 0) for k, v in zip(labels, series[0].values,
                                                                                          strict=False)},
                                        "native": True, "block": block, "integers": True})]
    return [Piece("block", data=block)]
