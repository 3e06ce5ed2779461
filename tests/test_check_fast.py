"""``check``'s fast reading (the body cut into its blocks' bytes, ``_ooxml/spans.py``; paragraphs of the same bytes read
once, runs of them counted past the recogniser's window) finds exactly what the tree reading finds: on every real
document of the dev set, the test suite's third-party files, an example, and built bodies with what the cut must get
right (nested paragraphs in text boxes, tables in tables, ``<w:p/>``, ``>`` inside attribute values, runs of empty
and repeated paragraphs, a repeated paragraph after a page break). Parts the cut is not exact for (a comment, CDATA,
the ``w`` prefix bound elsewhere) are read the usual way. Speed itself is measured in ``benchmarks/check_big.py``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import annual_docx
from annual_docx._ooxml import reader, spans
from annual_docx._ooxml.drawings import MAX_WIDTHS, FigureCollector
from annual_docx._ooxml.read import _footer_text
from annual_docx._roles.line import Plain

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "realcn-dev"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, object], dict[str, object], bool]:
    """check's JSON through the fast reading and through the tree reading, and whether the fast one was taken."""
    taken: list[bool] = []
    real = reader.Package.body_spans

    def spy(self: reader.Package, name: str):  # type: ignore[no-untyped-def]
        found = real(self, name)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(reader.Package, "body_spans", spy)
    fast = json.loads(annual_docx.check(path).json())
    monkeypatch.setattr(reader.Package, "body_spans", lambda self, name: None)
    slow = json.loads(annual_docx.check(path).json())
    monkeypatch.undo()
    return fast, slow, bool(taken and taken[0])


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fast") / "example.docx"
    return annual_docx.render(annual_docx.load(ROOT / "examples" / "qufu_2020.yaml"), out)


def with_body(example: Path, out: Path, body: str, head: str = "") -> Path:
    """``example`` with its body's blocks replaced by ``body`` (its own section properties kept); ``head`` goes
    before the root element (a comment, say)."""
    with zipfile.ZipFile(example) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    document = parts["word/document.xml"]
    start, _, rest = document.partition(b"<w:body>")
    section = b"<w:sectPr" + rest.rpartition(b"<w:sectPr")[2]
    if head:
        declaration, _, root = start.partition(b"?>")
        start = declaration + b"?>" + head.encode() + root
    parts["word/document.xml"] = start + b"<w:body>" + body.encode() + section
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out


def p(text: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p w:rsidR="00A1">{ppr}<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BOX = ('<w:p><w:r><w:t>框外</w:t></w:r><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
       'drawingml/2006/wordprocessingDrawing"><wp:extent cx="5000000" cy="100000"/><a:graphic xmlns:a="http://'
       'schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/'
       'word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
       'wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内一</w:t></w:r></w:p><w:p/></w:txbxContent>'
       '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>')
PICTURE = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
           'wordprocessingDrawing"><wp:extent cx="7200000" cy="100000"/><a:graphic xmlns:a="http://schemas.'
           'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
           '2006/picture"/></a:graphic></wp:inline></w:drawing></w:r></w:p>')
TABLE = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>'
         '<w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内表</w:t></w:r></w:p>'
         '</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>')
BODY = "".join([
    p("关于做好年度工作的通知", "Title"), "<w:p/>", p("各单位："),
    p("一、总体要求", "Heading1"), *[p("正文段落，内容相同。")] * 40, "<w:p/>" * 30, '<w:p w:rsidR="1"/>' * 3,
    BOX, TABLE, '<w:p w:rsidR="a&gt;b"><w:r><w:t>属性里有 &gt; 与 &amp;、&#x4E00;</w:t></w:r></w:p>',
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>', *[p("分页后的段落。")] * 20,
    p("（一）第二级", "Heading2"), *[p("（一）开头相同的行")] * 12, *[p("另一行正文。")] * 9,
    p("附件：1. 甲"), p("附件1"), p("甲"),  # read before the run below, which reads what waits: then known
    *[p("字体不对的正文。", extra='<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>')] * 300,
    '<w:p><w:r><w:t>前文</w:t><w:br w:type="page"/></w:r></w:p>', p("附件1"), p("甲"),  # known, after a page break
    PICTURE, p("图1 框"), *[p("字体不对的正文。")] * 3, TABLE, BOX, PICTURE, p("图2 框"), TABLE,  # read again
    '<w:bookmarkStart w:id="0" w:name="x"/><w:bookmarkEnd w:id="0"/>',
    '<w:sdt><w:sdtContent>' + p("控件里的段落") + "</w:sdtContent></w:sdt>",
    p("某某单位"), p("2025年1月1日"), *[p("")] * 5,
])


@pytest.mark.parametrize("path", sorted(DEV.glob("*.docx"))[:8] + sorted(
    (ROOT / "tests" / "data" / "thirdparty").rglob("*.docx")), ids=lambda x: x.name)
def test_real_documents_read_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow, _ = both(path, monkeypatch)
    assert fast == slow


def test_built_body_reads_alike(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shape the cut must get right, read fast (the cut was taken) and as a tree: the same findings."""
    fast, slow, taken = both(with_body(example, tmp_path / "built.docx", BODY), monkeypatch)
    assert taken
    assert fast == slow
    found = {row["item"]: row for row in fast["findings"]}  # type: ignore[index, union-attr]
    assert any("正文" in item for item in found)
    figures = found["图片与图表 / figures and charts"]
    assert figures["found"].startswith("2 幅（图片 2，原生图表 0），有图题 2；超宽 2：最宽 200.0 mm"), figures


def test_example_reads_alike(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow, taken = both(example, monkeypatch)
    assert taken and fast == slow


@pytest.mark.parametrize(("body", "head", "cut"), [
    (p("一") + "<!-- </w:p> -->" + p("二"), "", False),
    (p("一") + '<w:p><w:r><w:t><![CDATA[</w:p>]]></w:t></w:r></w:p>', "", False),
    (p("一") + '<w:p xmlns:w="urn:other"><w:r><w:t>二</w:t></w:r></w:p>', "", False),
    (p("一") + f'<q:p xmlns:q="{W}"><q:r><q:t>二</q:t></q:r></q:p>', "", False),
    (p("一") + p("二"), "<!-- before the root -->", False),
    (p("一") + '<x:p xmlns:x="urn:other"><w:r><w:t>二</w:t></w:r></x:p>', "", True),  # not a block: skipped alike
])
def test_unusual_parts_are_read_as_a_tree(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          body: str, head: str, cut: bool) -> None:
    fast, slow, taken = both(with_body(example, tmp_path / "odd.docx", body * 3, head), monkeypatch)
    assert taken is cut
    assert fast == slow


def test_the_cut_finds_each_block_and_counts_runs() -> None:
    root = f'<w:document xmlns:w="{W}">'.encode()
    body = (b'<w:body><w:p a="x>y"><w:r><w:t>1</w:t></w:r></w:p><w:p/><w:p/><w:p/>'
            b'<w:p><w:r><w:txbxContent><w:p><w:t>in</w:t></w:p></w:txbxContent></w:r></w:p>'
            b'<w:tbl><w:tr><w:tc><w:tbl><w:tr/></w:tbl><w:p/></w:tc></w:tr></w:tbl><w:sectPr/></w:body></w:document>')
    data = root + body
    chunks = iter([data[k:k + 7] for k in range(0, len(data), 7)])
    found = list(spans.split(lambda n: next(chunks, b""), lambda: ValueError("big"), 0))
    assert found[0] == (b"", root, 1)
    assert [(name, count) for name, _, count in found[1:]] == [
        (b"w:p", 1), (b"w:p", 3), (b"w:p", 1), (b"w:tbl", 1), (b"w:sectPr", 1)]
    assert found[3][1].endswith(b"</w:txbxContent></w:r></w:p>")
    assert found[4][1].endswith(b"<w:p/></w:tc></w:tr></w:tbl>")
    with pytest.raises(ValueError, match="big"):
        whole = iter([data, b""])
        list(spans.split(lambda n: next(whole), lambda: ValueError("big"), 40))


def test_footer_page_field_reads_once() -> None:
    """A page number in a text box that Word stores twice (mc:Choice and its mc:Fallback), each with its cached
    number: the clerk sees one number — not 「{PAGE}{PAGE}1」."""
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE  \\* MERGEFORMAT'
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    xml = (f'<w:ftr xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:p><w:r>'
           f'<mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>— </w:t></w:r></w:p>{field}'
           f'<w:p><w:r><w:t> —</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{field}'
           '</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>'
           f'<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p></w:ftr>')
    assert _footer_text(etree.fromstring(xml.encode()))[0] == "— {PAGE} —{PAGE}"


@pytest.mark.skipif(not (DEV / "2025年湖北省政府工作报告.docx").exists(), reason="the dev set is not here")
def test_footer_finding_shows_the_number(tmp_path: Path) -> None:
    rows = annual_docx.check(DEV / "2025年湖北省政府工作报告.docx")
    odd = next(f for f in rows if f.item.startswith("奇数页页码"))
    assert odd.found.startswith("1（页码域 / page field）")
    assert "{PAGE}" not in odd.found


def test_figures_are_counted_in_bounded_memory() -> None:
    """One drawing after another, each of its own width: the counts stay right and the widths kept stay capped."""
    collector = FigureCollector()
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    for k in range(3 * MAX_WIDTHS):
        collector(etree.fromstring(
            f'<w:p xmlns:w="{W}"><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
            f'2006/wordprocessingDrawing"><wp:extent cx="{1000 + 37 * k}" cy="1"/><a:graphic xmlns:a="http://'
            f'schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="{pic}"/></a:graphic></wp:inline>'
            '</w:drawing></w:r></w:p>'.encode()))
    assert collector.count == 3 * MAX_WIDTHS
    assert len(collector.widths) <= 2 * MAX_WIDTHS
    assert sum(n for _, n in collector.sizes()) == 3 * MAX_WIDTHS
    assert max(mm for mm, _ in collector.sizes()) >= (1000 + 37 * (3 * MAX_WIDTHS - 1)) / 36000


class Recorder:
    """A body sink that keeps every paragraph and table as the reader hands it on (copies spelled out)."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    def start(self, style_names: dict[str, str]) -> None:
        self.seen.append(("styles", sorted(style_names.items())))

    def paragraph(self, para: object) -> None:
        self.seen.append(repr(para))

    def paragraphs(self, para: object, count: int) -> None:
        from annual_docx._output._check_stream import copy

        self.seen += [repr(copy(para, para.n + k)) for k in range(count)]  # type: ignore[arg-type, attr-defined]

    def table(self, table: object) -> None:
        self.seen.append(repr(table))

    def section_end(self, area: tuple[int, int]) -> None:
        self.seen.append(("section", area))


def test_the_reader_hands_on_the_same_paragraphs(example: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every field of every paragraph (number, page break before, section…) the same through both readings."""
    from annual_docx._ooxml.read import read_facts

    path = with_body(example, tmp_path / "built.docx", BODY)
    fast, slow = Recorder(), Recorder()
    with reader.open_package(path) as package:
        facts_fast = read_facts(package, [FigureCollector()], fast)
    monkeypatch.setattr(reader.Package, "body_spans", lambda self, name: None)
    with reader.open_package(path) as package:
        facts_slow = read_facts(package, [FigureCollector()], slow)
    assert fast.seen == slow.seen
    assert len(fast.seen) > 400
    assert (facts_fast.theme_attrs, facts_fast.used_styles) == (facts_slow.theme_attrs, facts_slow.used_styles)


def test_a_page_colour_before_the_body_is_passed_over(example: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``w:background`` (a page colour) stands before ``w:body``: the cut passes over it and reads the body."""
    path = with_body(example, tmp_path / "bg.docx", BODY)
    with zipfile.ZipFile(path) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b'<w:background w:color="FFFFFF"/><w:body>', 1)
    coloured = tmp_path / "coloured.docx"
    with zipfile.ZipFile(coloured, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    fast, slow, taken = both(coloured, monkeypatch)
    assert taken and fast == slow


@pytest.mark.parametrize("path", sorted(DEV.glob("*.docx"))[8:14], ids=lambda x: x.name)
def test_remembered_decisions_decide_alike(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recogniser's remembered decisions (``stream.MEMO``) give what deciding every line afresh gives, in
    ``check`` and in ``import``."""
    from annual_docx._roles import stream

    remembered = (annual_docx.check(path).json(), annual_docx.import_report(path, assets=tmp_path / "a").data)
    monkeypatch.setattr(stream, "MEMO", 0)
    afresh = (annual_docx.check(path).json(), annual_docx.import_report(path, assets=tmp_path / "b").data)
    assert remembered == afresh


VOCABULARY = [
    Plain(""), Plain("一、总体要求"), Plain("（一）主要任务"), Plain("1. 加强管理"), Plain("（1）细化"),
    Plain("一是加强组织领导"), Plain("二是强化保障"), Plain("第一条 为了规范管理，制定本办法。"), Plain("第一章 总则"),
    Plain("（一）适用范围；"), Plain("注："), Plain("1. 名词"), Plain("附件"), Plain("附件1"), Plain("关于某事的方案"),
    Plain("附件：1. 方案"), Plain("2. 清单"), Plain("某某单位"), Plain("2025年1月1日"), Plain("抄送：各单位。"),
    Plain("正文段落，内容较长，说明情况。"), Plain("图1 收入"), Plain("【概况】"), Plain("第二节 发展"),
    Plain("标题", style="Heading3", style_name="heading 3"), Plain("2. 再一项", bold=True),
    Plain("（二）另一项", outline=1), Plain("表格里的字", place="table"), Plain("各单位："),
    Plain("1. 加强管理。各单位要落实责任。"), Plain("（1）细化措施。具体如下。"), Plain("三是压实责任"),
    Plain("第1项工作按计划完成。"), Plain("第二十三条 附则"), Plain("第3章"), Plain("第四节"), Plain("第一章总则。"),
    Plain("第一批 名单", style="TOC1", style_name="toc 1"), Plain("  第五 部分"), Plain("第"),
]


def test_lines_opening_with_di_decide_as_every_pattern_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line opening with 第 that is no article, chapter, section or contents line is body text without trying
    every pattern: the same roles as trying them all, on lines of the vocabulary in random orders."""
    import random

    from annual_docx._roles import stream

    rng = random.Random(9704)
    for _ in range(300):
        lines = [Plain("关于做好工作的通知", style="Title", style_name="Title")] + \
            [rng.choice(VOCABULARY) for _ in range(rng.randrange(5, 80))]
        monkeypatch.setattr(stream, "MEMO", 0)
        quick = stream.recognise(lines)
        monkeypatch.setattr(stream, "_plain_start", lambda line, text: text[0] not in stream._MARKED)
        every = stream.recognise(lines)
        monkeypatch.undo()
        assert quick == every, [x.text for x in lines]


def test_remembered_decisions_on_mixed_lines() -> None:
    """Lines drawn from a vocabulary of everything the recogniser tells apart, in random orders: the same roles with
    decisions remembered (``stream.MEMO``) and decided afresh."""
    import random

    from annual_docx._roles import stream

    rng = random.Random(9704)
    for _ in range(300):
        lines = [Plain("关于做好工作的通知", style="Title", style_name="Title")] + \
            [rng.choice(VOCABULARY) for _ in range(rng.randrange(5, 80))]
        remembered = stream.recognise(lines)
        saved, stream.MEMO = stream.MEMO, 0
        try:
            afresh = stream.recognise(lines)
        finally:
            stream.MEMO = saved
        assert remembered == afresh, [x.text for x in lines]


def _state(g: object) -> dict[str, object]:
    """Everything a Gathered holds, paragraphs shown by their fields."""
    def shown(value: object) -> object:
        if isinstance(value, dict):
            return {repr(k): shown(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set):
            return [shown(v) for v in (sorted(value, key=repr) if isinstance(value, set) else value)]
        if hasattr(value, "__dataclass_fields__") or hasattr(value, "__dict__"):
            names = value.__dataclass_fields__ if hasattr(value, "__dataclass_fields__") else vars(value)
            return {k: shown(getattr(value, k)) for k in names if not callable(getattr(value, k))}
        return repr(value)
    return {k: shown(v) for k, v in vars(g).items() if not callable(v)}


@pytest.mark.parametrize(("text", "place", "font", "lines"), [
    ("正文段落。", "body", "仿宋_GB2312", ()), ("正文段落。", "body", "宋体", ()),
    ("年  月  日 ____", "body", "宋体", ()), ("表格里的字", "table", "宋体", ()), ("前言", "body", None, ()),
    ("  ", "body", None, ("FF0000",)),
])
@pytest.mark.parametrize("start", [1, 150, 500])
def test_counted_copies_fold_as_one_by_one(text: str, place: str, font: str | None, lines: tuple[str, ...],
                                           start: int) -> None:
    """``Gathered.take_copies`` leaves exactly what ``take`` one paragraph at a time leaves — every field, the kind
    evidence included (a field added to it later and not counted fails this)."""
    from annual_docx._ooxml.body_facts import Para
    from annual_docx._output._check import gather
    from annual_docx._output._check_stream import copy

    first = Para(start, text, "Normal", place, 0, east_asia=font, size_pt=16.0, lines=lines)
    roles = ["body"] if place == "body" and text.strip() else []
    counted, _ = gather()
    one_by_one, _ = gather()
    for g in (counted, one_by_one):  # something seen before: the head's evidence half full
        for k in range(40):
            g.take(Para(k - 40 + start, f"前文{k}", "Normal", "body", 0), ["body"], None)
    counted.take_copies(lambda k: copy(first, start + k), 300, roles, None)
    for k in range(300):
        one_by_one.take(copy(first, start + k), roles, None)
    assert _state(counted) == _state(one_by_one)


THEME = '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsia="黑体"/><w:b/></w:rPr>'
SONG = '<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>'


def two_runs(first: str, second: str) -> str:
    """A paragraph of two runs of two looks: the look read is the first run's with text that is not blank."""
    return (f'<w:p><w:r>{SONG}<w:t xml:space="preserve">{first}</w:t></w:r>'
            f'<w:r>{THEME}<w:t>{second}</w:t></w:r></w:p>')


def shapes(k: int) -> list[str]:
    """Paragraphs of a few shapes, their texts numbered from ``k``."""
    return [
        *[p(f"第{n}项工作按计划完成。") for n in range(k, k + 60)],
        *[p(f"（{n}）第{n}组事项", "Heading2") for n in range(k + 1, k + 8)],
        *[two_runs(" " if n % 3 == 0 else f"前{n}", f"后{n}") for n in range(k, k + 30)],  # blank first run
        *[p(f"主题字体{n}", extra=THEME) for n in range(k, k + 10)],  # theme attributes counted for each
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>', p(f"分页后第{k}段。"), p(f"分页后第{k + 1}段。"),
        PICTURE, p(f"图{k} 后来的图"), p(f"图题之后{k}。"), PICTURE, p(f"不是图题的段落{k}"),  # a figure waits
        *[p(f"实体 &amp; {n}") for n in range(k, k + 3)], *[p(f"换行\r{n}") for n in range(k, k + 3)],
        *['<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>'
          f'编号{n}</w:t></w:r></w:p>' for n in range(k, k + 5)],  # automatic numbers: read as a tree
        *[p(f"结尾第{n}段。") for n in range(k, k + 20)]]


# the shapes are known once a batch of blocks is read: the second and third rounds are read by their shape
SHAPES = "".join([BODY, *shapes(0), *shapes(1000), *shapes(2000)])


def test_paragraphs_of_one_shape_read_alike(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of the shape of a plain paragraph read before (its bytes but for its text) is read from its text
    and that paragraph's record once the bytes memo is full: every field of every paragraph, the theme attributes,
    the styles used, the figures and the findings as the tree reading has them — and the shortcut was taken."""
    from annual_docx._ooxml import paragraphs, read

    path = with_body(example, tmp_path / "shapes.docx", SHAPES)
    taken: list[str] = []
    real = paragraphs.BodyReader.reread

    def spy(self: paragraphs.BodyReader, like: object, own_break: bool, text: str) -> None:
        taken.append(text)
        real(self, like, own_break, text)  # type: ignore[arg-type]

    monkeypatch.setattr(read, "MAX_SEEN", 0)  # every paragraph past the bytes memo: the shapes at work
    monkeypatch.setattr(paragraphs.BodyReader, "reread", spy)
    fast, slow = Recorder(), Recorder()
    figures_fast, figures_slow = FigureCollector(), FigureCollector()
    with reader.open_package(path) as package:
        facts_fast = read.read_facts(package, [figures_fast], fast)
    fast_json = json.loads(annual_docx.check(path).json())
    monkeypatch.setattr(reader.Package, "body_spans", lambda self, name: None)
    with reader.open_package(path) as package:
        facts_slow = read.read_facts(package, [figures_slow], slow)
    slow_json = json.loads(annual_docx.check(path).json())
    assert fast.seen == slow.seen
    assert (facts_fast.theme_attrs, facts_fast.used_styles) == (facts_slow.theme_attrs, facts_slow.used_styles)
    assert (figures_fast.count, figures_fast.captioned) == (figures_slow.count, figures_slow.captioned) == (8, 5)
    assert fast_json == slow_json
    assert "第2059项工作按计划完成。" in taken and "（2007）第2007组事项" in taken
    assert "后2025" not in taken and " 后2025" in taken and "前2029后2029" in taken and "主题字体2009" in taken
    assert "分页后第2001段。" in taken and "图2000 后来的图" not in taken  # a figure waited: read as a tree
    assert "图题之后2000。" in taken and "不是图题的段落2000" not in taken
    assert not any("实体" in t or "换行" in t or "编号" in t for t in taken)


def test_plain_paragraphs_without_a_bytes_memo_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real documents read with every plain paragraph past the bytes memo (the shapes read them): the same findings
    as the tree reading."""
    from annual_docx._ooxml import read

    paths = sorted(DEV.glob("*.docx"))[:6] + sorted((ROOT / "tests" / "data" / "thirdparty").rglob("*.docx"))[:6]
    if not paths:
        pytest.skip("no real documents here")
    for path in paths:
        monkeypatch.setattr(read, "MAX_SEEN", 0)
        fast, slow, _ = both(path, monkeypatch)
        assert fast == slow, path.name


def test_number_styles_are_tried_by_first_character() -> None:
    """``number_of`` tries only the number styles a line's first character can open: the same answer as trying every
    style in order, for every character a number can start with and the shapes of what follows."""
    from annual_docx._roles.text import _OPENERS, NUMBERS, number_of

    def every(text: str) -> tuple[str, int, int]:
        stripped = text.lstrip()
        for style, level, pattern in NUMBERS:
            match = pattern.match(stripped)
            if match:
                rest = stripped[match.end():]
                return style, level, len(text) - len(stripped) + match.end() + len(rest) - len(rest.lstrip())
        return "", 0, 0

    tails = ["、总体要求", "．工作", ".5万", "是加强", "）标题", ")标题", "十一、", "12.", "章 总则", "节", "条 内容",
             "】", "概况】", "一）", "(1)", "项工作按计划完成。", "", " 一、", "一章 总则", "3节", "二十条",
             ".1 背景"]
    found = set()
    for first in [*sorted(_OPENERS), "　", "附", "A"]:
        for tail in tails:
            for text in (first + tail, "　" + first + tail, first + first + tail):
                assert number_of(text) == every(text), text
                found.add(every(text)[0])
    assert found >= {style for style, _, _ in NUMBERS}  # every style was met
