"""Check what a restyled template makes: render a small probe report through it and run ``check`` on the result.

The probe has every part a template lays out — 版头 (发文机关标志, 发文字号 with 签发人), title, 主送机关, opening,
headings of all four levels, a table, a figure (a native chart: no matplotlib), 附件说明, 署名 and 成文日期, an
attachment page with a table, and the 版记 — so each GB/T 9704 item of ``check`` sees the template's styles at work.
:func:`probe` returns the findings that fail, each with what to change in the template; ``render`` with a custom
template refuses one that fails (:func:`refuse_noncompliant`) unless told to go on.

The verdict is kept in the cache (``templates/`` of :mod:`annual_docx._cachedir`, only when that folder is
private to the user, as for the compiled templates), named by a hash of the template's bytes and of the package's
files, so a template is probed once per version of the code.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from annual_docx import _cachedir
from annual_docx._output._finding import Finding
from annual_docx.errors import TemplateError

PROBE: dict[str, Any] = {
    "organisation": "某县图书馆",
    "year": 2021,
    "title": "某县图书馆关于2021年度工作情况的报告",
    "date": "2022-01-10",
    "signature": "某县图书馆",
    "chart_engine": "native",
    "official": {
        "issuer": "某县图书馆文件",
        "number": "某图发〔2022〕1号",
        "signers": ["王明"],
        "recipients": "某县文化和旅游局",
        "attachments": [{"title": "2021年度读者活动统计表", "blocks": [
            {"type": "table", "title": "读者活动统计", "header": ["季度", "场次"], "rows": [["第一季度", "6"],
                                                                                         ["第二季度", "9"]]}]}],
        "cc": ["某县人民政府办公室"],
        "printer": "某县图书馆办公室",
        "print_date": "2022-01-12",
    },
    "opening": ["2021年，某县图书馆围绕全民阅读开展工作，各项任务顺利完成。现将全年工作情况报告如下。"],
    "sections": [
        {"title": "基本情况", "paragraphs": ["全年接待读者12.6万人次，外借图书18.3万册次。"], "blocks": [
            {"type": "table", "title": "主要业务指标", "header": ["指标", "2021年", "2020年"],
             "rows": [["接待读者（万人次）", "12.6", "10.2"], ["外借图书（万册次）", "18.3", "16.9"]]},
            {"type": "chart", "chart": "bar", "title": "各季度活动场次", "labels": ["一季度", "二季度"],
             "series": {"场次": [6, 9]}, "unit": "场", "caption": "各季度读者活动场次"}],
         "sections": [{"title": "阅读推广", "paragraphs": ["举办阅读推广活动48场。"], "sections": [
             {"title": "少儿阅读", "paragraphs": ["开展少儿绘本讲读24场。"], "sections": [
                 {"title": "暑期活动", "paragraphs": ["组织暑期阅读营2期。"]}]}]}]},
        {"title": "下一步工作", "paragraphs": ["继续推进总分馆建设。"]},
    ],
}

#: what to change in the template for each failing item, by the start of the item's Chinese name (first match)
ADVICE: tuple[tuple[str, str], ...] = (
    ("纸张", "页面设置：纸张 A4 / page setup: A4 paper"),
    ("上边距", "页面设置：上边距 37 mm / top margin 37 mm"),
    ("下边距", "页面设置：下边距 35 mm / bottom margin 35 mm"),
    ("左边距", "页面设置：左边距 28 mm / left margin 28 mm"),
    ("右边距", "页面设置：右边距 26 mm / right margin 26 mm"),
    ("行距", "页面设置 → 文档网格：每页 22 行（行距 28.95 磅）/ document grid: 22 lines a page"),
    ("每页行数", "页面设置 → 文档网格：每页 22 行 / document grid: 22 lines a page"),
    ("每行字数", "页面设置 → 文档网格：指定行和字符网格，每行 28 字；「正文」三号 / document grid: lines and "
                 "characters, 28 a line, Normal at 16 pt"),
    ("正文", "「正文」(Normal) 样式：仿宋_GB2312 三号，首行缩进 2 字 / Normal style: 仿宋 16 pt"),
    ("标题", "「标题」(Title) 样式：方正小标宋简体 二号，居中 / Title style: 小标宋 22 pt, centred"),
    ("一级标题", "「标题 1」(heading 1) 样式：黑体 三号，不加粗 / heading 1 style: 黑体 16 pt"),
    ("二级标题", "「标题 2」(heading 2) 样式：楷体_GB2312 三号 / heading 2 style: 楷体 16 pt"),
    ("三级标题", "「标题 3」(heading 3) 样式：仿宋_GB2312 三号加粗 / heading 3 style: 仿宋 16 pt bold"),
    ("四级标题", "「标题 4」(heading 4) 样式：仿宋_GB2312 三号 / heading 4 style: 仿宋 16 pt"),
    ("数字和字母", "「正文」样式的西文字体：Times New Roman / Normal's Latin font: Times New Roman"),
    ("主题字体", "样式里直接选字体名，不用「+正文」「+标题」主题字体 / name the fonts, no theme fonts"),
    ("东亚语言", "「正文」样式：语言选中文（中国）/ Normal's East Asian language: Chinese (PRC)"),
    ("奇偶页不同", "页眉页脚：勾选奇偶页不同 / header and footer: different odd and even pages"),
    ("奇数页页码", "奇数页页脚：页码「— 1 —」居右空一字，宋体四号 / odd footer: — 1 —, right, 1 字 in"),
    ("偶数页页码", "偶数页页脚：页码「— 2 —」居左空一字，宋体四号 / even footer: — 2 —, left, 1 字 in"),
    ("页码位置", "页面设置：页脚距边界，使页码在版心下边缘之下 7 mm / footer distance: page number 7 mm below"),
    ("页码", "页眉页脚：插入页码「— 1 —」，奇数页居右、偶数页居左，宋体四号 / footers: page numbers — 1 —, odd right, "
             "even left, 宋体 14 pt"),
    ("发文机关标志", "「发文机关标志」样式：小标宋 红色 居中，上边缘距版心 35 mm / issuer style: red 小标宋, "
                     "centred, 35 mm below the top of the type area"),
    ("版头红色分隔线", "「发文字号」样式：段落下边框，红色单线（FF0000）/ document-number style: a red bottom "
                       "border (the red rule)"),
    ("发文字号", "「发文字号」样式：居中，发文机关标志下空二行 / document-number style: centred, 2 lines below "
                 "the issuer"),
    ("签发人", "「发文字号」样式：不要改对齐和缩进（签发人行由程序排版）/ keep the document-number style's "
               "alignment and indents"),
    ("主送机关", "「主送机关」样式：顶格，无缩进 / addressees style: no indent"),
    ("附件说明", "「附件说明」样式：首行缩进 2 字 / attachment-note style: 2 字 first-line indent"),
    ("附件名称", "附件名称由年报数据写出，「附件说明」样式不要加编号或标点 / attachment names come from the report: "
                 "no numbering or punctuation in the attachment-note style"),
    ("成文日期", "成文日期由程序写出，检查「日期」(Date) 样式 / the date is written by the program: Date style"),
    ("署名", "「Signature」「Date」样式：不要加缩进或对齐（由程序按 GB/T 9704 7.3.5 排）/ no indents on the "
             "Signature and Date styles"),
    ("附件另起页", "「附件标签」样式：段前分页 / attachment-label style: page break before"),
    ("附件标识", "「附件标签」样式：黑体三号，顶格 / attachment-label style: 黑体 16 pt, no indent"),
    ("附件标题", "「附件标题」样式：小标宋二号居中 / attachment-title style: 小标宋 22 pt, centred"),
    ("版记", "「抄送」「印发」样式：仿宋四号，左右各空一字；分隔线和位置由程序生成 / cc and printed-by styles: "
             "仿宋 14 pt, 1 字 in on both sides"),
    ("抄送", "「抄送」样式：仿宋四号，左右各空一字 / cc style: 仿宋 14 pt"),
    ("印发", "「印发」样式：仿宋四号，右侧制表位 / printed-by style: 仿宋 14 pt, right tab"),
    ("表格", "「公文表格」表格样式和「表格文字」「表头」样式：宽不超过版心 / table styles: within the type width"),
    ("图片", "「图片」样式：单倍行距，居中 / figure style: single spacing, centred"),
    ("题注", "「题注」(caption) 样式 / caption style"),
)
GENERIC = "对照 annual-docx template export 导出的默认模板修改 / compare with the default template"


@dataclass(frozen=True)
class Problem:
    """A GB/T 9704 item the probe document breaks: the item, what it asks, what was found, and what to change."""

    item: str
    expected: str
    found: str
    advice: str

    def line(self) -> str:
        return f"{self.item}：要求 / expected {self.expected}；实际 / found {self.found} → {self.advice}"


def advice(item: str) -> str:
    """Return what to change in a template that breaks the check item named ``item``."""
    head = item.split(" / ")[0]
    return next((text for key, text in ADVICE if head.startswith(key)), GENERIC)


def problems(findings: list[Finding]) -> list[Problem]:
    """Return the failing ``findings`` as problems with advice."""
    return [Problem(f.item, f.expected, f"{f.where}：{f.found}" if f.where else f.found, advice(f.item))
            for f in findings if not f.ok]


def probe(template: Path) -> list[Problem]:
    """Render the probe report through ``template`` and return what ``check`` finds wrong (from the cache when this
    template was probed by this version of the code)."""
    return _verdict(template, _read(template))


def _read(template: Path) -> bytes:
    try:
        return template.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{template}: 无法读取模板 / cannot read the template: {exc.strerror or exc}") from exc


def _verdict(template: Path, data: bytes) -> list[Problem]:
    key = _key(data)
    folder = _verdict_folder()
    entry = None if folder is None else folder / f"{key}.verdict.json"
    if entry is not None:
        cached = _cachedir.fetch(entry, _parse)
        if cached is not None:
            return cached
    found = problems(_findings(template))
    if folder is not None and entry is not None:
        text = json.dumps([asdict(p) for p in found], ensure_ascii=False)
        _cachedir.store(folder, entry, text.encode("utf-8"), ".verdict.json", most=256, keep=128)
    return found


def _verdict_folder() -> Path | None:
    """The templates cache folder, only when it is private to this user (as for the compiled templates): a verdict
    lets a template through, so no one else may write one."""
    return _cachedir.private_folder("templates")


def _parse(data: bytes) -> list[Problem]:
    return [Problem(**row) for row in json.loads(data.decode("utf-8"))]


def _findings(template: Path) -> list[Finding]:
    from annual_docx._output._check import check
    from annual_docx._output._render import _document_bytes
    from annual_docx._report_kinds import validate

    report = validate(PROBE)
    rendered = _document_bytes(report, template, "word", custom=True, probe=True)
    with tempfile.TemporaryDirectory(prefix="annual_docx_probe_") as work:
        path = Path(work) / "probe.docx"
        path.write_bytes(rendered)
        return check(path)


def _key(template: bytes) -> str:
    """The cache name of a template's verdict: its bytes and the package's files."""
    return hashlib.sha256(template + _code_fingerprint().encode()).hexdigest()


@functools.cache
def _code_fingerprint() -> str:
    """The package's files (name, size, mtime), once per process: a new version of the code probes again."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".docx")):
                path = Path(root) / name
                stat = path.stat()
                digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def adoption_notes(template: Path) -> list[str]:
    """Return what the render changes in ``template`` to use it (styles found by name under other ids, styles added
    from the default template, settings put back), one line each (``_template_adopt``)."""
    from annual_docx._output._docxtpl import open_template
    from annual_docx._output._template_adopt import adopt_template

    return adopt_template(open_template(template).docx).notes()


def refuse_noncompliant(template: Path) -> None:
    """Raise TemplateError naming the GB/T 9704 items a document rendered through ``template`` would break (or
    saying that the probe report does not render through it, with why)."""
    data = _read(template)
    try:
        found = _verdict(template, data)
    except TemplateError as exc:
        raise TemplateError(f"试排示例年报时模板出错（加 --allow-noncompliant 可跳过试排）/ the probe report does not "
                            f"render through the template (--allow-noncompliant skips the probe): {exc}") from exc
    if found:
        lines = "\n".join(f"  - {p.line()}" for p in found)
        raise TemplateError(
            f"{template}: 用此模板生成的文档不符合 GB/T 9704，未生成文档 / a document from this template would not "
            f"follow GB/T 9704; nothing was written:\n{lines}\n"
            "请按提示修改模板（annual-docx template check 列出全部问题），或加 --allow-noncompliant 仍然生成 / "
            "change the template as shown (annual-docx template check lists every item), or pass "
            "--allow-noncompliant (allow_noncompliant=True) to render anyway")
