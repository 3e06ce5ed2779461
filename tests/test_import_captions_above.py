"""Seventeen chart pictures in a row, each with its caption above it (as statistical bulletins set them): the
importer gives each picture its own caption, not the next figure's (which the re-rendered page then showed under
the previous figure's legend); captions below their pictures still go with the picture above them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Mm

import annual_docx
from annual_docx._charts import category_chart


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pictures") / "chart.png"
    path.write_bytes(category_chart("构成", [("甲类", 3), ("乙类", 5), ("丙类", 2)], width_mm=120).png)
    return path


def bulletin(path: Path, picture: Path, *, above: bool, text_between: bool = False) -> Path:
    doc = docx.Document()
    doc.add_paragraph("某县2023年国民经济和社会发展统计公报", style="Title")
    doc.add_paragraph("综合", style="Heading 1")
    for i in range(1, 18):
        if above:
            doc.add_paragraph(f"图{i}　2019—2023年指标{i}及其增长速度")
        doc.add_picture(str(picture), width=Mm(120))
        if not above:
            doc.add_paragraph(f"图{i}　2019—2023年指标{i}及其增长速度")
        if text_between:
            doc.add_paragraph(f"全年指标{i}比上年增长{i}%。")
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("above", "text_between"), [(True, False), (True, True), (False, False), (False, True)])
def test_each_picture_gets_its_own_caption(tmp_path: Path, picture: Path, above: bool, text_between: bool) -> None:
    report = annual_docx.import_docx(bulletin(tmp_path / "b.docx", picture, above=above, text_between=text_between),
                                     assets=tmp_path / "assets")
    blocks = report.sections[0].blocks
    captions = [photo.caption for block in blocks for photo in getattr(block, "photos", [])]
    assert captions == [f"2019—2023年指标{i}及其增长速度" for i in range(1, 18)]
    assert not report.sections[0].paragraphs  # no caption left over as text
    out = annual_docx.render(report, tmp_path / "again.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("图")]
    assert texts == [f"图{i} 2019—2023年指标{i}及其增长速度" for i in range(1, 18)]
