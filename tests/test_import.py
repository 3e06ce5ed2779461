"""The importer: every example survives import(render(report)) with the same text, headings, tables and chart
values; errors for .doc, encrypted, damaged files; the outline reader on documents python-docx writes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import annual_docx
from annual_docx._import import read_report
from annual_docx._model.tree import expand
from annual_docx.cli import main

from .docfacts import facts, headings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_round_trips(example: Path, tmp_path: Path) -> None:
    """import(render(report)) validates and renders to the same paragraphs, headings, tables and chart values."""
    first = annual_docx.render(annual_docx.load(example), tmp_path / "first.docx")
    yaml_path = annual_docx.import_to_yaml(first, tmp_path / "again.yaml")
    again = annual_docx.load(yaml_path)  # the written YAML validates
    second = annual_docx.render(again, tmp_path / "second.docx")
    assert headings(second) == headings(first)
    assert facts(second) == facts(first)
    pictures = [f for f in facts(first) if f[0] == "picture"]
    assert pictures == [f for f in facts(second) if f[0] == "picture"]  # chart alt texts carry the values


def _shape(section: Any) -> tuple[Any, ...]:
    section = expand(section)
    return (section.title, [b.type for b in section.blocks], [_shape(s) for s in section.sections],
            [b.type for b in section.closing])


def test_seed_example_maps_to_the_same_tree_and_blocks(tmp_path: Path) -> None:
    """The seed's sections come back as the tree and the blocks they expand to, with the chart numbers."""
    report = annual_docx.load(ROOT / "examples" / "qufu_2020.yaml")
    imported = annual_docx.import_docx(annual_docx.render(report, tmp_path / "q.docx"), assets=tmp_path / "assets")
    assert [_shape(s) for s in imported.sections] == [_shape(s) for s in report.sections]
    assert imported.organisation == "曲阜市图书馆" and imported.year == 2020 and imported.title is None
    breakdowns = expand(imported.sections[3]).blocks
    assert [b.categories for b in breakdowns] == [  # type: ignore[union-attr]
        {"高级职称": 2, "中级职称": 8, "初级职称": 3, "管理人员": 1}, {"大专学历": 1, "本科学历": 13, "研究生学历": 0}]
    assert sorted(p.name for p in (tmp_path / "assets").iterdir()) == ["picture-01.jpg", "picture-02.jpg"]


def test_yaml_says_what_was_guessed(tmp_path: Path) -> None:
    """Headings found only by their numbers are reported in a YAML comment above their section."""
    document = docx.Document()
    document.add_paragraph("2021年度某县文化馆工作年报")
    document.add_paragraph("一、基本情况")
    document.add_paragraph("全年开展活动120场。")
    document.add_paragraph("二、下一步打算")
    document.add_paragraph("继续做好群众文化工作。")
    document.save(str(tmp_path / "plain.docx"))
    text = annual_docx.import_to_yaml(tmp_path / "plain.docx", tmp_path / "r.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert [s["title"] for s in data["sections"]] == ["基本情况", "下一步打算"]
    assert data["organisation"] == "某县文化馆" and data["year"] == 2021
    assert "# 标题级别按序号“一、”推断 / heading level guessed from its number" in text


def test_emphasis_tables_and_lists_come_back(tmp_path: Path) -> None:
    """Bold and 楷体 runs, a merged-cell table with numbers, a 一是 list and a 1. list survive the round trip."""
    data = {
        "organisation": "某县图书馆", "year": 2022,
        "sections": [{"kind": "text", "title": "工作情况", "blocks": [
            {"type": "paragraph", "text": "全年**外借12万册次**，其中*少儿外借*占三成，星号\\*照印。"},
            {"type": "table", "title": "表1　外借",
             "header": [[{"text": "分馆", "rowspan": 2}, {"text": "外借", "colspan": 2}], ["上半年", "下半年"]],
             "rows": [["城关", 1200, 1350.5], ["东坝", 800, 950]]},
            {"type": "list", "style": "一是", "lead": "下一步：", "items": ["建分馆", "办讲座"]},
            {"type": "list", "style": "1.", "items": ["甲事项", "乙事项", "丙事项"]},
        ]}],
    }
    first = annual_docx.render(annual_docx.validate(data), tmp_path / "a.docx")
    imported = read_report(first, tmp_path / "assets")
    blocks = imported.data["sections"][0]["blocks"]
    assert blocks[0] == {"type": "paragraph", "text": "全年**外借12万册次**，其中*少儿外借*占三成，星号\\*照印。"}
    header = [[{"text": "分馆", "rowspan": 2}, {"text": "外借", "colspan": 2}], ["上半年", "下半年"]]
    assert blocks[1]["header"] == header
    assert blocks[1]["rows"] == [["城关", 1200, 1350.5], ["东坝", 800, 950]]
    assert blocks[2] == {"type": "list", "style": "一是", "lead": "下一步：", "items": ["建分馆", "办讲座"]}
    assert blocks[3] == {"type": "list", "style": "1.", "items": ["甲事项", "乙事项", "丙事项"]}
    second = annual_docx.render(imported.report, tmp_path / "b.docx")
    assert facts(second) == facts(first)


def test_official_parts_signature_and_date_come_back(tmp_path: Path) -> None:
    """版头, 发文字号, 主送, 附件, 署名, 成文日期 and 版记 (in its text box) are read back into their fields."""
    data = {
        "organisation": "某市文化馆", "year": 2023,
        "sections": [{"kind": "text", "title": "基本情况", "paragraphs": ["全年开展活动。"]}],
        "signature": "某市文化馆", "date": "2024-01-20",
        "official": {"issuer": "某市文化馆文件", "number": "某文发〔2024〕3号", "recipients": "某市文化和旅游局",
                     "attachments": [{"title": "活动一览", "paragraphs": ["共46场。"]}, {"title": "经费表"}],
                     "cc": ["市财政局", "市档案馆"], "printer": "某市文化馆办公室", "print_date": "2024-01-21"},
    }
    report = annual_docx.validate(data)
    imported = annual_docx.import_docx(annual_docx.render(report, tmp_path / "a.docx"), assets=tmp_path / "assets")
    assert imported.official == report.official
    assert (imported.signature, imported.date) == (report.signature, report.date)


def test_legacy_encrypted_and_damaged_files_get_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .doc, a password-protected file, RTF, a text file and a truncated .docx: exit 1, what to do, no traceback;
    the API raises the reader's DocumentError (an InputError) naming the file."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    cases = {
        "old.doc": (ole + "WordDocument".encode("utf-16-le"), "save it as .docx"),
        "locked.docx": (ole + "EncryptionInfo".encode("utf-16-le"), "password-protected"),
        "letter.rtf": (b"{\\rtf1\\ansi hello}", "RTF"),
        "notes.docx": ("只是文字".encode(), "not a .docx"),
    }
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    cases["cut.docx"] = (good.read_bytes()[:3000], "damaged")
    for name, (content, hint) in cases.items():
        (tmp_path / name).write_bytes(content)
        assert main(["import", str(tmp_path / name), "-o", str(tmp_path / "out.yaml")]) == 1
        err = capsys.readouterr().err
        assert hint in err and "Traceback" not in err and "内部错误" not in err, (name, err)
        assert "Word or WPS" in err and "Word 或 WPS" in err, (name, err)  # what to do, in both languages
        with pytest.raises(annual_docx.DocumentError, match=name):
            annual_docx.import_docx(tmp_path / name, assets=tmp_path / "assets")
    assert not (tmp_path / "out.yaml").exists()


def test_xlsx_and_entity_bombs_are_refused_safely(tmp_path: Path) -> None:
    """A package without a Word part and a document.xml with an entity bomb are refused with DocumentError."""
    with zipfile.ZipFile(tmp_path / "book.docx", "w") as zf:
        zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with pytest.raises(annual_docx.DocumentError, match=r"not a \.docx"):
        annual_docx.import_docx(tmp_path / "book.docx", assets=tmp_path / "a")
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "bomb.docx", "w") as dst:
        for item in src.infolist():
            dst.writestr(item, bomb if item.filename == "word/document.xml" else src.read(item))
    with pytest.raises(annual_docx.DocumentError, match=r"\[word/document.xml\].*DTD"):
        annual_docx.import_docx(tmp_path / "bomb.docx", assets=tmp_path / "a")


def test_cli_import_writes_yaml_and_assets(tmp_path: Path, example_docx: Path) -> None:
    """`annual-docx import` writes the report and its pictures, and the report renders."""
    out = tmp_path / "report.yaml"
    assert main(["import", str(example_docx), "-o", str(out), "--assets", str(tmp_path / "pics")]) == 0
    assert len(list((tmp_path / "pics").iterdir())) == 2
    assert main(["render", str(out), "-o", str(tmp_path / "again.docx")]) == 0


def test_strict_open_xml_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """A Strict OOXML document (its own namespaces) is refused by name instead of importing as an empty report."""
    good = tmp_path / "good.docx"
    d = docx.Document()
    d.add_paragraph("一、情况")
    d.save(str(good))
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(strict, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            dst.writestr(item, data)
    with pytest.raises(annual_docx.InputError, match="Strict"):
        annual_docx.import_docx(strict, assets=tmp_path / "a")


def test_official_parts_of_a_hand_typed_document(tmp_path: Path) -> None:
    """版头, 发文字号 with 签发人, 主送, 附件说明, 落款 and 版记 typed as plain lines are found by their text."""
    d = docx.Document()
    for line in ["某县文化和旅游局文件", "某文旅发〔2022〕5号\t签发人：张三　李四", "某县文化和旅游局2021年度工作报告",
                 "某县人民政府：", "一、主要工作", "全年开展活动。", "二、下一步打算", "继续做好工作。",
                 "附件：1. 活动一览", "\u3000\u3000\u30002. 经费表", "", "某县文化和旅游局", "2022年1月10日",
                 "抄送：县财政局，县档案馆。", "某县文化和旅游局办公室\t2022年1月11日印发"]:
        d.add_paragraph(line)
    d.paragraphs[2].alignment = 1  # centred title
    imported = annual_docx.import_docx(_save(d, tmp_path / "official.docx"), assets=tmp_path / "assets")
    official = imported.official
    assert official is not None
    assert (official.issuer, official.number, official.signers, official.recipients) == (
        "某县文化和旅游局文件", "某文旅发〔2022〕5号", ["张三", "李四"], "某县人民政府：")
    assert [a.title for a in official.attachments] == ["活动一览", "经费表"]
    assert (official.cc, official.printer, str(official.print_date)) == (
        ["县财政局", "县档案馆"], "某县文化和旅游局办公室", "2022-01-11")
    assert (imported.signature, str(imported.date), imported.year) == ("某县文化和旅游局", "2022-01-10", 2021)
    assert imported.organisation == "某县文化和旅游局"
    assert [s.title for s in imported.sections] == ["主要工作", "下一步打算"]
    assert imported.sections[1].paragraphs == ["继续做好工作。"]


def _save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def test_official_parts_typed_in_layout_tables(tmp_path: Path) -> None:
    """A 版头 and a 版记 laid out in small tables, as offices often type them, are read as those parts."""
    d = docx.Document()
    head = d.add_table(rows=2, cols=1)
    head.cell(0, 0).text = "某县文化馆文件"
    head.cell(1, 0).text = "某文发〔2022〕2号"
    d.add_paragraph("某县文化馆2021年度工作报告").alignment = 1
    d.add_paragraph("一、主要工作")
    d.add_paragraph("全年开展活动。")
    d.add_paragraph("某县文化馆")
    d.add_paragraph("2022年1月10日")
    record = d.add_table(rows=2, cols=2)
    record.cell(0, 0).merge(record.cell(0, 1)).text = "抄送：县文旅局。"
    record.cell(1, 0).text = "某县文化馆办公室"
    record.cell(1, 1).text = "2022年1月11日印发"
    imported = annual_docx.import_docx(_save(d, tmp_path / "tables.docx"), assets=tmp_path / "assets")
    official = imported.official
    assert official is not None
    assert (official.issuer, official.number, official.cc, official.printer) == (
        "某县文化馆文件", "某文发〔2022〕2号", ["县文旅局"], "某县文化馆办公室")
    assert [s.title for s in imported.sections] == ["主要工作"] and imported.sections[0].blocks == []


def test_importing_again_never_overwrites_other_pictures(tmp_path: Path, example_docx: Path) -> None:
    """Two imports into one assets folder: the second reuses identical pictures and never replaces a different one."""
    assets = tmp_path / "assets"
    annual_docx.import_docx(example_docx, assets=assets)
    first = {p.name: p.read_bytes() for p in assets.iterdir()}
    (assets / "picture-01.jpg").write_bytes(b"someone else's picture")
    again = annual_docx.import_docx(example_docx, assets=assets)
    assert (assets / "picture-01.jpg").read_bytes() == b"someone else's picture"
    photos = [p for s in again.sections for b in s.blocks for p in getattr(b, "photos", [])]
    assert [p.path.read_bytes() for p in photos] == [first["picture-01.jpg"], first["picture-02.jpg"]]
